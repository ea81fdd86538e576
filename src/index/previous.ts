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

/** The generation in service when its chunks and vectors can be reused as they are. */
export async function previousGeneration(options: { indexDir: string; embedding: EmbeddingSpec; chunking: ChunkingOptions }): Promise<PreviousGeneration> {
  const none = (reason: string | null): PreviousGeneration => ({ data: null, dir: null, reason });
  const dir = await currentGeneration(options.indexDir);
  if (!dir) return none(null);
  try {
    const manifest = await readManifest(dir);
    if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return none('索引格式版本已变化');
    if (!matchesSpec(manifest.embedding, options.embedding)) return none('向量模型配置已变化');
    if (manifest.segmentation !== segmentationDigest()) return none('分词词典已变化');
    if (manifest.reading !== READING_VERSION) return none('文档读取方式已更新');
    if (!sameJson(manifest.chunking, options.chunking)) return none('分块参数已变化');
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
  if (!manifest?.parts || manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.synonymsSource !== synonymsSource || manifest.segmentation !== segmentationDigest() || manifest.reading !== READING_VERSION) return null;
  if (!matchesSpec(manifest.embedding, options.embedding) || !sameJson(manifest.chunking, options.chunking)) return null;
  if (entries.length !== Object.keys(manifest.files).length || !entries.every((e) => sameStamp(manifest.files[e.id], e))) return null;
  const sizes = await partSizes(dir).catch(() => null);
  return sizes && sameJson(sizes, manifest.parts) ? manifest : null;
}
