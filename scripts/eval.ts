import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareAnswer } from '../src/answer/prepare.ts';
import { parseCliArgs, positiveInt, UsageError } from '../src/cli/args.ts';
import { cliConfig, openIndex, reindexWithProgress } from '../src/cli/context.ts';
import { runCli } from '../src/cli/run.ts';
import { scoreQuestion, summarize } from '../tools/eval/metrics.ts';
import { readQuestions } from '../tools/eval/questions.ts';

const USAGE = `用法：npm run eval -- --questions 文件 [选项]
在问题集上评测检索和回答（../shared/eval 的 JSONL 格式，或 STARD 的 queries.json）。
  --questions 文件   问题文件
  --corpus 目录      只用这些语料建一个临时索引，可重复
  --index 目录       评测这个索引（不更新）
  -k 数量            检索的段落数
  --json             输出 JSON（含每题结果）
  --verbose          每题一行写到 stderr
  -h, --help         显示本说明
例：npm run eval -- --questions eval/everyday-dev.jsonl --corpus corpus`;

runCli(async () => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      questions: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      index: { type: 'string' },
      k: { type: 'string', short: 'k' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (!values.questions) throw new UsageError('请用 --questions 指定问题文件（JSONL）');
  const questions = await readQuestions(values.questions);
  // With --corpus the evaluation builds its own throwaway index over exactly those folders.
  const scratch = values.corpus?.length && !values.index ? await mkdtemp(path.join(tmpdir(), 'eval-index-')) : null;
  try {
    const config = cliConfig({ corpus: values.corpus, index: scratch ?? values.index });
    // An explicit --index is evaluated as it is; otherwise the index is brought up to date first.
    if (!values.index) await reindexWithProgress(config, scratch !== null);
    const index = await openIndex(config);
    const k = positiveInt(values.k, '-k', 5);
    const results = [];
    for (const q of questions) {
      const { hits, extractive: answer } = await prepareAnswer(index, q.question, { k });
      const result = scoreQuestion(q, hits, answer);
      results.push(result);
      if (values.verbose) process.stderr.write(`${JSON.stringify({ ...result, answer: answer.answer })}\n`);
    }
    const summary = summarize(results);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ file: values.questions, ...summary, results })}\n`);
      return;
    }
    process.stdout.write(
      `${[
        `问题 ${summary.questions}（可回答 ${summary.answerable}，无答案 ${summary.negatives}）`,
        `hit@1 ${summary.hitAt1}  hit@5 ${summary.hitAt5}  MRR ${summary.mrr}`,
        `答案要点召回 ${summary.answerRecall}  引用支持答案 ${summary.citationSupport}  答案长度中位数 ${summary.medianAnswerChars} 字`,
        `拒答的可答问题中列出了正确条文 ${summary.helpfulDeclines}`,
        `无答案问题正确拒答 ${summary.negativesDeclined}`,
      ].join('\n')}\n`,
    );
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
});
