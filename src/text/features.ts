import { hanBigrams, searchTokens } from './segment.ts';

/** Bigram features carry this prefix so the bigram 快递 and the word 快递 count separately. */
export const BIGRAM_PREFIX = '~';

/**
 * The lexical features of normalized text, shared by BM25 and the hashing embedder: jieba search
 * words plus Han character bigrams. Bigrams catch matches that segmentation splits differently
 * (收寄验视 in the text, 收寄 + 验视 in a question).
 */
export function lexicalFeatures(normalized: string): string[] {
  return [...searchTokens(normalized), ...hanBigrams(normalized).map((g) => BIGRAM_PREFIX + g)];
}

export function isBigramFeature(feature: string): boolean {
  return feature.startsWith(BIGRAM_PREFIX);
}
