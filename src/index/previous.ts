import type { ChunkingOptions } from '../chunk/types.ts';
import { type EmbeddingSpec, matchesSpec } from '../embed/identity.ts';
import { currentGeneration } from './layout.ts';
import type { CorpusEntry } from '../corpus/load.ts';
import { segmentationDigest } from '../text/jieba.ts';
import { READING_VERSION } from '../corpus/parse.ts';
import { INDEX_FORMAT_VERSION, type Manifest, partSizes, sameStamp } from './manifest.ts';
import { checkVectorColumns, type IndexData, readIndexData, readManifest } from './store.ts';

export interface PreviousGeneration {
  data: IndexData | null;
  /** The generation folder the data was read from. */
  dir: string | null;
  /** Why nothing of the previous generation can be reused, when one exists. */
  reason: string | null;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Why a generation's chunks were made otherwise than this build would make them, or null. */
function madeOtherwise(manifest: Manifest, options: { embedding: EmbeddingSpec; chunking: ChunkingOptions }): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return '索引格式版本已变化';
  if (!matchesSpec(manifest.embedding, options.embedding)) return '向量模型配置已变化';
  if (manifest.segmentation !== segmentationDigest()) return '分词词典已变化';
  if (manifest.reading !== READING_VERSION) return '文档读取方式已更新';
  if (!sameJson(manifest.chunking, options.chunking)) return '分块参数已变化';
  return null;
}

/** The generation in service when its chunks and vectors can be reused as they are. */
export async function previousGeneration(options: { indexDir: string; embedding: EmbeddingSpec; chunking: ChunkingOptions }): Promise<PreviousGeneration> {
  const none = (reason: string | null): PreviousGeneration => ({ data: null, dir: null, reason });
  const dir = await currentGeneration(options.indexDir);
  if (!dir) return none(null);
  try {
    const manifest = await readManifest(dir);
    const otherwise = madeOtherwise(manifest, options);
    if (otherwise) return none(otherwise);
    // Reading every part also checks it: an unchanged corpus would otherwise keep a damaged generation in service.
    const data = await readIndexData(dir, manifest);
    await checkVectorColumns(dir, manifest);
    return { data, dir, reason: null };
  } catch (error) {
    return none(`旧索引不可读（${(error as Error).message}）`);
  }
}

/**
 * The served generation's manifest when the corpus is exactly what it was built from — the same
 * files with their recorded stamps, the same synonyms files, the same configuration — and every
 * file of it has its recorded size. Reads nothing but the manifest, so a restart over an
 * unchanged corpus does not pay for reading the whole index twice; null means: take the full path.
 */
export async function servedIfCurrent(
  options: { indexDir: string; embedding: EmbeddingSpec; chunking: ChunkingOptions },
  entries: readonly CorpusEntry[],
  synonymsSource: string,
): Promise<Manifest | null> {
  const dir = await currentGeneration(options.indexDir);
  if (!dir) return null;
  const manifest = await readManifest(dir).catch(() => null);
  if (!manifest?.parts || manifest.synonymsSource !== synonymsSource || madeOtherwise(manifest, options)) return null;
  if (entries.length !== Object.keys(manifest.files).length || !entries.every((e) => sameStamp(manifest.files[e.id], e))) return null;
  const sizes = await partSizes(dir).catch(() => null);
  return sizes && sameJson(sizes, manifest.parts) ? manifest : null;
}
