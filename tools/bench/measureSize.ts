import { execFile } from 'node:child_process';
import { appendFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { answerQuestion } from '../../src/answer/prepare.ts';
import { DEFAULT_CHUNKING } from '../../src/chunk/types.ts';
import { HashingEmbeddings } from '../../src/embed/hashingEmbeddings.ts';
import { reindex, type ReindexReport } from '../../src/index/build.ts';
import type { ReindexStage } from '../../src/index/stages.ts';
import { flatSearcher } from '../../src/index/hnsw.ts';
import { currentGeneration, FILES } from '../../src/index/layout.ts';
import { loadIndex } from '../../src/index/loadIndex.ts';
import { readIndexData } from '../../src/index/store.ts';
import { childProcessModule } from '../../src/runnable.ts';
import { DEFAULT_HYBRID, hybridSearch } from '../../src/retrieve/hybrid.ts';
import type { SentencePools } from './benchText.ts';
import { exactTopK, flatten, recallAtK, strictRecallAtK } from './exactSearch.ts';
import { buildBaseline } from './langchainBaseline.ts';
import { percentiles, timeCalls, type Percentiles } from './latency.ts';
import { writeSyntheticCorpus } from './syntheticCorpus.ts';
import { warmUpQuestions } from '../../src/text/thesaurus.ts';

export const CONCURRENT_CALLERS = 8;
const K = 5;
const RECALL_K = 10;
const DENSE_CANDIDATES = DEFAULT_HYBRID.candidates;

export interface SizeResult {
  targetChunks: number;
  documents: number;
  chunks: number;
  chars: number;
  indexSeconds: number;
  stages: Record<ReindexStage, number>;
  /** Peak resident memory of the process that built the index. */
  buildPeakRssBytes: number;
  diskBytes: number;
  loadSeconds: number;
  rssBytes: number;
  restart: {
    bootSeconds: number;
    loadSeconds: number;
    firstAnswerMs: number;
    dictionarySeconds: number;
    restartSeconds: number;
    backgroundReindexSeconds: number;
    answers: number;
    rssAfterAnswersBytes: number;
  };
  warmFirstAnswerMs: number;
  search: { single: Percentiles; concurrent: Percentiles };
  ask: { single: Percentiles; concurrent: Percentiles };
  /** The served vector search (the scan) at the hybrid search's depth, and against an exact scan at depth 10. */
  vectors: { recallAt10: number; strictRecallAt10: number; search: Percentiles; meanMs: number; exactMs: number; speedup: number; hnswlibFlatMs: number };
  incrementalSeconds: number;
  baseline: { chunks: number; indexSeconds: number; search: Percentiles };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(path.join(dir, name))).size;
  return total;
}

const run = promisify(execFile);

/**
 * Runs a probe script of this folder in a fresh process and parses the JSON it prints. Compiled (npm
 * run bench runs dist/, as npm start does), the probes run as JavaScript, so a restart is measured
 * as npm start makes it; run from TypeScript (the tests), through tsx.
 */
async function probe<T>(script: string, args: readonly (string | number)[]): Promise<T> {
  const { file, execArgv } = childProcessModule(new URL(script, import.meta.url));
  const { stdout } = await run(process.execPath, ['--expose-gc', ...execArgv, file, ...args.map(String)], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as T;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Everything the benchmark reports for one corpus size (build, startup and memory in fresh child processes). */
export async function measureSize(options: {
  pools: SentencePools;
  workDir: string;
  targetChunks: number;
  dimension: number;
  questions: readonly string[];
  /** Searched once before the timed questions and never timed (see scripts/bench.ts). */
  untimedQuestions: readonly string[];
}): Promise<SizeResult> {
  const { workDir, targetChunks, dimension, questions } = options;
  const corpusDir = path.join(workDir, 'corpus');
  const indexDir = path.join(workDir, 'index');
  const { chars } = await writeSyntheticCorpus(options.pools, corpusDir, targetChunks);
  const { report, peakRssBytes } = await probe<{ report: ReindexReport; peakRssBytes: number }>('buildProbe.ts', [corpusDir, indexDir, dimension]);
  const generation = (await currentGeneration(indexDir))!;
  const diskBytes = await folderBytes(generation);

  const startArgs = [corpusDir, indexDir, dimension, JSON.stringify(questions)];
  const restart = await probe<SizeResult['restart']>('startProbe.ts', ['restart', ...startArgs]);
  const warm = await probe<{ loadSeconds: number; rssAfterLoadBytes: number; warmFirstAnswerMs: number }>('startProbe.ts', ['warm', ...startArgs]);
  const embeddings = new HashingEmbeddings({ dimension });
  const index = await loadIndex(indexDir, embeddings);
  // As a served bot is once it has answered for a while (npm start warms up behind the load, and its
  // first questions compile the code): restart and the first answer are measured apart, by the probes above.
  await warmUpQuestions();
  const search = (q: string) => hybridSearch(index, q, { k: K });
  for (const question of options.untimedQuestions) await search(question);

  const ask = (q: string) => answerQuestion(index, q, { k: K });
  const searchSingle = percentiles(await timeCalls(questions, 1, search));
  const searchConcurrent = percentiles(await timeCalls(questions, CONCURRENT_CALLERS, search));
  const askSingle = percentiles(await timeCalls(questions, 1, ask));
  const askConcurrent = percentiles(await timeCalls(questions, CONCURRENT_CALLERS, ask));

  const { vectors } = await readIndexData(index.generation, index.manifest);
  const flat = flatten(vectors, dimension);
  const recalls: number[] = [];
  const strictRecalls: number[] = [];
  const searchMs: number[] = [];
  const exactMs: number[] = [];
  const flatMs: number[] = [];
  const hnswlibFlat = await flatSearcher(path.join(index.generation, FILES.vectors), dimension);
  for (const question of questions) {
    const query = Float32Array.from(await index.queryEmbeddings.embedQuery(question));
    const q = Array.from(query);
    let start = performance.now();
    index.vectorStore.searchPositions(q, DENSE_CANDIDATES);
    searchMs.push(performance.now() - start);
    const approximate = index.vectorStore.searchPositions(q, RECALL_K).map((h) => ({ label: h.position, similarity: h.similarity }));
    start = performance.now();
    const exact = exactTopK(flat, dimension, query, RECALL_K);
    exactMs.push(performance.now() - start);
    start = performance.now();
    hnswlibFlat(q, DENSE_CANDIDATES);
    flatMs.push(performance.now() - start);
    recalls.push(recallAtK(exact, approximate));
    strictRecalls.push(strictRecallAtK(exact, approximate));
  }

  // One document of the corpus changes: only it is re-read and re-embedded.
  const first = (await readdir(corpusDir)).sort()[0]!;
  await appendFile(path.join(corpusDir, first), '本条为基准测试追加的修订内容。\n');
  const incremental = await reindex({ corpusDirs: [corpusDir], indexDir, embeddings, embedding: embeddings.identity, chunking: DEFAULT_CHUNKING });

  const baseline = await buildBaseline([corpusDir], new HashingEmbeddings({ dimension }));
  const baselineSearch = percentiles(await timeCalls(questions, 1, (q) => baseline.store.similaritySearch(q, K)));

  return {
    targetChunks,
    documents: report.documents,
    chunks: report.chunks,
    chars,
    indexSeconds: report.seconds,
    stages: report.stages,
    buildPeakRssBytes: peakRssBytes,
    diskBytes,
    loadSeconds: warm.loadSeconds,
    rssBytes: warm.rssAfterLoadBytes,
    restart,
    warmFirstAnswerMs: warm.warmFirstAnswerMs,
    search: { single: searchSingle, concurrent: searchConcurrent },
    ask: { single: askSingle, concurrent: askConcurrent },
    vectors: {
      recallAt10: mean(recalls),
      strictRecallAt10: mean(strictRecalls),
      search: percentiles(searchMs),
      meanMs: mean(searchMs),
      exactMs: mean(exactMs),
      speedup: mean(exactMs) / Math.max(1e-6, mean(searchMs)),
      hnswlibFlatMs: mean(flatMs),
    },
    incrementalSeconds: incremental.seconds,
    baseline: { chunks: baseline.chunks, indexSeconds: baseline.seconds, search: baselineSearch },
  };
}
