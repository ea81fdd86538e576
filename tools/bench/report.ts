import type { DevQuality } from './devQuality.ts';
import type { Percentiles } from './latency.ts';
import { CONCURRENT_CALLERS, type SizeResult } from './measureSize.ts';

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const p = (x: Percentiles) => `${ms(x.p50)} / ${ms(x.p95)} / ${ms(x.p99)}`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** The benchmark as a Markdown table: one column per corpus size. */
/** What the corpora were recombined from and what was asked. */
export interface BenchText {
  sentences: number;
  statuteSentences: number;
  vocabulary: number;
  questions: number;
}

export function markdownReport(results: readonly SizeResult[], quality: DevQuality, text: BenchText, machine: string): string {
  const row = (name: string, cell: (r: SizeResult) => string) => `| ${name} | ${results.map(cell).join(' | ')} |`;
  // Seconds and the rate a stage alone would allow, so stages compare across sizes.
  const stage = (seconds: (r: SizeResult) => number) => (r: SizeResult) => `${seconds(r).toFixed(2)} s (${int(r.chunks / Math.max(1e-6, seconds(r)))}/s)`;
  const lines = [
    `Machine: ${machine}`,
    '',
    `Corpora recombined from ${int(text.sentences)} distinct sentences (${int(text.statuteSentences)} of statutes), vocabulary ${int(text.vocabulary)} jieba words; ${int(text.questions)} distinct questions asked in turn.`,
    '',
    `| | ${results.map((r) => `${int(r.chunks)} chunks`).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    row('documents / characters', (r) => `${int(r.documents)} / ${int(r.chars)}`),
    row('index: chunks/s (chars/s)', (r) => `${int(r.chunks / r.indexSeconds)} (${int(r.chars / r.indexSeconds)})`),
    row(
      '– read + clean',
      stage((r) => r.stages.scan + r.stages.clean),
    ),
    row(
      '– chunk + segment + count',
      stage((r) => r.stages.segment),
    ),
    row(
      '– embed',
      stage((r) => r.stages.embed),
    ),
    row(
      '– BM25 + write (vector store and columns included)',
      stage((r) => r.stages.write),
    ),
    row('incremental reindex, one document changed', (r) => `${r.incrementalSeconds.toFixed(2)} s`),
    row('peak memory while building (maxRSS)', (r) => mb(r.buildPeakRssBytes)),
    row('index on disk', (r) => mb(r.diskBytes)),
    row('load at startup', (r) => `${r.loadSeconds.toFixed(2)} s`),
    row('resident memory after load', (r) => mb(r.rssBytes)),
    row('restart to first answer, unchanged corpus', (r) => `${r.restart.restartSeconds.toFixed(2)} s`),
    row('– node start + load', (r) => `${r.restart.bootSeconds.toFixed(2)} + ${r.restart.loadSeconds.toFixed(2)} s`),
    row("– jieba's dictionary in, on its worker thread (from node start)", (r) => `${r.restart.dictionarySeconds.toFixed(2)} s`),
    row('– no-op reindex behind the served index (finished after load)', (r) => `${r.restart.backgroundReindexSeconds.toFixed(2)} s`),
    row('– first answer right after load (warm-up under way)', (r) => `${ms(r.restart.firstAnswerMs)} ms`),
    row('first answer after load, warm-up done', (r) => `${ms(r.warmFirstAnswerMs)} ms`),
    row('resident memory after the first answers', (r) => `${mb(r.restart.rssAfterAnswersBytes)} (${r.restart.answers})`),
    row('search p50/p95/p99 ms, 1 caller', (r) => p(r.search.single)),
    row(`search p50/p95/p99 ms, ${CONCURRENT_CALLERS} callers`, (r) => p(r.search.concurrent)),
    row('ask p50/p95/p99 ms, 1 caller', (r) => p(r.ask.single)),
    row(`ask p50/p95/p99 ms, ${CONCURRENT_CALLERS} callers`, (r) => p(r.ask.concurrent)),
    row('vector search recall@10 vs exact, ties counted / without ties', (r) => `${r.vectors.recallAt10.toFixed(3)} / ${r.vectors.strictRecallAt10.toFixed(3)}`),
    row('vector search p50/p95/p99 ms (k = 50, as the hybrid search asks)', (r) => p(r.vectors.search)),
    row('vector search vs exact scan of one Float32Array (mean ms)', (r) => `${ms(r.vectors.meanMs)} vs ${ms(r.vectors.exactMs)} (${r.vectors.speedup.toFixed(1)}×)`),
    row("hnswlib's own flat search of the same vectors (mean ms)", (r) => ms(r.vectors.hnswlibFlatMs)),
    row('LangChain baseline: chunks, index time', (r) => `${int(r.baseline.chunks)}, ${r.baseline.indexSeconds.toFixed(2)} s`),
    row('LangChain baseline: search p50/p95/p99 ms', (r) => p(r.baseline.search)),
  ];
  lines.push('', `hit@5 on ${quality.questions} answerable dev questions (seed corpus): ours ${quality.oursHitAt5.toFixed(3)}, LangChain baseline ${quality.baselineHitAt5.toFixed(3)}.`);
  return `${lines.join('\n')}\n`;
}
