/**
 * Run as a child process by the benchmark (`node --import tsx tools/bench/buildProbe.ts CORPUS_DIR
 * INDEX_DIR DIMENSION`): builds the index from scratch and prints the reindex report and the
 * process's peak resident memory as JSON, so the peak is the build's alone.
 */
import { DEFAULT_CHUNKING } from '../../src/chunk/types.ts';
import { HashingEmbeddings } from '../../src/embed/hashingEmbeddings.ts';
import { reindex } from '../../src/index/build.ts';

const [corpusDir, indexDir, dimension] = process.argv.slice(2);
const embeddings = new HashingEmbeddings({ dimension: Number(dimension) });
const report = await reindex({ corpusDirs: [corpusDir!], indexDir: indexDir!, embeddings, embedding: embeddings.identity, chunking: DEFAULT_CHUNKING, full: true });
// maxRSS is in KiB.
process.stdout.write(`${JSON.stringify({ report, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
