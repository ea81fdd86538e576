/**
 * Run as a child process by the benchmark (`node --expose-gc --import tsx src/bench/loadProbe.ts
 * INDEX_DIR DIMENSION`): loads the index the way the bot does at startup in a fresh process and
 * prints the load time and the resident memory afterwards as JSON, so neither is skewed by the
 * build that ran before in the benchmark's own process.
 */
import { HashingEmbeddings } from '../embed/hashingEmbeddings.ts';
import { loadIndex } from '../index/loadIndex.ts';

const [indexDir, dimension] = process.argv.slice(2);
const started = performance.now();
const index = await loadIndex(indexDir!, new HashingEmbeddings({ dimension: Number(dimension) }));
const loadSeconds = (performance.now() - started) / 1000;
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(`${JSON.stringify({ loadSeconds, rssBytes: process.memoryUsage().rss, chunks: index.chunks.length })}\n`);
