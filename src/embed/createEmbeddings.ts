import type { Config } from '../config.ts';
import { HashingEmbeddings } from './hashingEmbeddings.ts';

/** The configured embedder. Only the offline hashing embedder exists so far; providers plug in here. */
export function createEmbeddings(config: Pick<Config, 'embeddingDimension'>): HashingEmbeddings {
  return new HashingEmbeddings({ dimension: config.embeddingDimension });
}
