import path from 'node:path';
import { DEFAULT_CHUNKING } from '../../src/chunk/types.ts';
import { HashingEmbeddings } from '../../src/embed/hashingEmbeddings.ts';
import type { EvalQuestion } from '../eval/questions.ts';
import { reindex } from '../../src/index/build.ts';
import { loadIndex } from '../../src/index/loadIndex.ts';
import { hybridSearch } from '../../src/retrieve/hybrid.ts';
import { baselineDocIds, buildBaseline } from './langchainBaseline.ts';

export interface DevQuality {
  questions: number;
  oursHitAt5: number;
  baselineHitAt5: number;
}

const goldIds = (q: EvalQuestion) => (Array.isArray(q.doc) ? q.doc : q.doc ? [q.doc] : []);

/** hit@5 of our retrieval and of the LangChain baseline on the answerable dev questions. */
export async function devQuality(corpusDirs: readonly string[], questions: readonly EvalQuestion[], dimension: number, workDir: string): Promise<DevQuality> {
  const answerable = questions.filter((q) => goldIds(q).length > 0);
  const embeddings = new HashingEmbeddings({ dimension });
  const indexDir = path.join(workDir, 'dev-index');
  await reindex({ corpusDirs, indexDir, embeddings, embedding: embeddings.identity, chunking: DEFAULT_CHUNKING, full: true });
  const index = await loadIndex(indexDir, embeddings);
  const baseline = await buildBaseline(corpusDirs, new HashingEmbeddings({ dimension }));
  let ours = 0;
  let theirs = 0;
  for (const q of answerable) {
    const gold = goldIds(q);
    const hits = await hybridSearch(index, q.question, { k: 5 });
    if (hits.some((h) => gold.includes(h.document.id))) ours++;
    if ((await baselineDocIds(baseline, q.question, 5)).some((id) => gold.includes(id))) theirs++;
  }
  const n = Math.max(1, answerable.length);
  return { questions: answerable.length, oursHitAt5: ours / n, baselineHitAt5: theirs / n };
}
