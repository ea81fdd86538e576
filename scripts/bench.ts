import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { devQuality, type DevQuality } from '../tools/bench/devQuality.ts';
import { measureSize, type SizeResult } from '../tools/bench/measureSize.ts';
import { markdownReport } from '../tools/bench/report.ts';
import { benchQuestions, benchSentences, type BenchSources } from '../tools/bench/benchText.ts';
import { seededRandom } from '../tools/bench/random.ts';
import { parseCliArgs, positiveInt, UsageError } from '../src/cli/args.ts';
import { cliConfig } from '../src/cli/context.ts';
import { runCli } from '../src/cli/run.ts';
import { readQuestions } from '../tools/eval/questions.ts';

const FULL_SIZES = [1_000, 10_000, 100_000];
const QUICK_SIZES = [1_000, 10_000];

function parseSizes(value: string | undefined, quick: boolean): number[] {
  if (!value) return quick ? QUICK_SIZES : FULL_SIZES;
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100 || n > 1_000_000)) throw new UsageError(`--sizes 需要 100 到 1000000 之间的整数列表，收到 "${value}"`);
  return sizes;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

const USAGE = `用法：npm run bench -- [选项]
用真实句子（种子语料、共享法规、STARD 法条）重组的语料测索引、重启、检索和回答的性能，
与精确扫描和 LangChain 基线比较，打印 Markdown 表。提问取自全部开发、日常和 STARD 问题。
  --sizes 数量,数量   语料规模（文本块数），默认 1000,10000,100000
  --quick             只测 1k 和 10k
  --queries 数量      每种规模的提问次数（默认 200）
  --shared 目录       共享资料目录（法规、问题集、STARD），默认 ../shared
  --json 文件         另存 JSON 结果
  -h, --help          显示本说明
例：npm run bench -- --quick`;

/** `npm run bench`: scaled corpora recombined from real text, indexing and query figures, and baselines, in one run. */
runCli(async () => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      queries: { type: 'string' },
      shared: { type: 'string', default: '../shared' },
    },
    USAGE,
  );
  const config = cliConfig({});
  const sizes = parseSizes(values.sizes, values.quick);
  const queryCount = positiveInt(values.queries, '--queries', 200, 100_000);
  const sources: BenchSources = { seedDirs: config.corpusDirs, sharedDir: values.shared, evalDir: 'eval' };
  const pools = await benchSentences(sources);
  const dev = await readQuestions(path.join(values.shared, 'eval', 'dev-questions.jsonl'));
  const pool = await benchQuestions(sources);
  // A seeded shuffle: every source is represented, and the first hundreds asked are all distinct.
  const random = seededRandom(11);
  const shuffled = pool
    .map((q) => ({ q, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.q);
  const questions = Array.from({ length: queryCount }, (_, i) => shuffled[i % shuffled.length]!);
  // Asked before the timed ones, so that searches are timed as a bot answers after its first minutes
  // (its code compiled): the questions after them in the shuffle, none of them timed.
  const untimedQuestions = Array.from({ length: queryCount }, (_, i) => shuffled[(queryCount + i) % shuffled.length]!);
  const text = { sentences: pools.all.length, statuteSentences: pools.statute.length, vocabulary: pools.vocabulary, questions: pool.length };

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
  const results: SizeResult[] = [];
  let quality: DevQuality;
  try {
    quality = await devQuality(config.corpusDirs, dev, config.embeddingDimension, workDir);
    for (const targetChunks of sizes) {
      process.stderr.write(`测量 ${targetChunks} 个文本块…\n`);
      const sizeDir = path.join(workDir, String(targetChunks));
      results.push(await measureSize({ pools, workDir: sizeDir, targetChunks, dimension: config.embeddingDimension, questions, untimedQuestions }));
      await rm(sizeDir, { recursive: true, force: true });
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  process.stdout.write(markdownReport(results, quality, text, machine()));
  if (values.json) await writeFile(values.json, `${JSON.stringify({ machine: machine(), text, quality, results }, null, 2)}\n`);
});
