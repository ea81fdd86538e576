import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { devQuality, type DevQuality } from '../src/bench/devQuality.ts';
import { measureSize, type SizeResult } from '../src/bench/measureSize.ts';
import { markdownReport } from '../src/bench/report.ts';
import { realSentences } from '../src/bench/syntheticCorpus.ts';
import { parseCliArgs, positiveInt, UsageError } from '../src/cli/args.ts';
import { cliConfig } from '../src/cli/context.ts';
import { runCli } from '../src/cli/run.ts';
import { readQuestions, type EvalQuestion } from '../src/eval/questions.ts';

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
在生成的语料上测索引、检索和回答的性能，与基线比较，打印 Markdown 表。
  --sizes 数量,数量   语料规模（文本块数），默认 1000,10000,100000
  --quick             只测 1k 和 10k
  --queries 数量      每种规模的提问次数（默认 200）
  --questions 文件    提问用的问题文件
  --json 文件         另存 JSON 结果
  -h, --help          显示本说明
例：npm run bench -- --quick`;

/** `npm run bench`: scaled synthetic corpora, indexing and query figures, and baselines, in one run. */
runCli(async () => {
  const { values } = parseCliArgs(process.argv.slice(2), {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    queries: { type: 'string' },
    questions: { type: 'string', default: '../shared/eval/dev-questions.jsonl' },
  }, USAGE);
  const config = cliConfig({});
  const sizes = parseSizes(values.sizes, values.quick);
  const queryCount = positiveInt(values.queries, '--queries', 200, 100_000);
  const sentences = await realSentences(config.corpusDirs);
  if (sentences.length < 20) throw new UsageError('语料中的句子太少，无法生成基准语料');
  const dev: EvalQuestion[] = existsSync(values.questions) ? await readQuestions(values.questions) : [];
  // Without the dev questions, real sentences cut short stand in as queries.
  const pool = dev.length ? dev.map((q) => q.question) : sentences.map((s) => `${[...s].slice(0, 20).join('')}？`);
  const questions = Array.from({ length: Math.max(queryCount, 1) }, (_, i) => pool[i % pool.length]!);

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
  const results: SizeResult[] = [];
  let quality: DevQuality | null = null;
  try {
    if (dev.length) quality = await devQuality(config.corpusDirs, dev, config.embeddingDimension, workDir);
    for (const targetChunks of sizes) {
      process.stderr.write(`测量 ${targetChunks} 个文本块…\n`);
      const sizeDir = path.join(workDir, String(targetChunks));
      results.push(await measureSize({ sentences, workDir: sizeDir, targetChunks, dimension: config.embeddingDimension, questions }));
      await rm(sizeDir, { recursive: true, force: true });
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  process.stdout.write(markdownReport(results, quality, machine()));
  if (values.json) await writeFile(values.json, `${JSON.stringify({ machine: machine(), quality, results }, null, 2)}\n`);
});
