import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_ANSWER } from '../src/answer/options.ts';
import { prepareAnswer } from '../src/answer/prepare.ts';
import { parseCliArgs, UsageError } from '../src/cli/args.ts';
import { cliConfig, openIndex, reindexWithProgress } from '../src/cli/context.ts';
import { runCli } from '../src/cli/run.ts';
import { type Observation, observe, OPEN_THRESHOLDS, outcome, thresholdGrid } from '../tools/eval/calibrate.ts';
import { readQuestions } from '../tools/eval/questions.ts';

const USAGE = `用法：npm run calibrate -- --questions 文件 [--questions 文件]… [选项]
每题用放开的阈值回答一次，再按一组阈值重放，打印取舍表（Markdown）。
  --questions 文件   问题文件，可重复
  --corpus 目录      只用这些语料建一个临时索引，可重复
  --index 目录       用这个索引（不更新）
  -h, --help         显示本说明
例：npm run calibrate -- --corpus corpus --questions eval/everyday-dev.jsonl`;

/**
 * The decline thresholds' trade-off: each question is answered once with open thresholds, then
 * every setting of the grid is replayed on what was observed. Prints a Markdown table.
 */
runCli(async () => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      questions: { type: 'string', multiple: true },
      corpus: { type: 'string', multiple: true },
      index: { type: 'string' },
    },
    USAGE,
  );
  if (!values.questions?.length) throw new UsageError('请用 --questions 指定至少一个问题文件（可重复）');
  const scratch = values.corpus?.length && !values.index ? await mkdtemp(path.join(tmpdir(), 'calibrate-index-')) : null;
  try {
    const config = cliConfig({ corpus: values.corpus, index: scratch ?? values.index });
    if (!values.index) await reindexWithProgress(config, scratch !== null);
    const index = await openIndex(config);
    const sets: { name: string; observations: Observation[] }[] = [];
    for (const file of values.questions) {
      const observations: Observation[] = [];
      for (const q of await readQuestions(file)) observations.push(observe(q, await prepareAnswer(index, q.question, OPEN_THRESHOLDS)));
      sets.push({ name: path.basename(file), observations });
    }
    const isDefault = (t: Record<string, number>) => Object.entries(t).every(([k, v]) => DEFAULT_ANSWER[k as keyof typeof DEFAULT_ANSWER] === v);
    const lines = [
      `| 阈值（覆盖 / 关键词） | ${sets.map((s) => s.name).join(' | ')} |`,
      `|---|${sets.map(() => '---').join('|')}|`,
      ...thresholdGrid().map(({ label, thresholds }) => {
        const cells = sets.map(({ observations }) => {
          const o = outcome(observations, thresholds);
          const parts = [o.positives ? `答对 ${o.correct}/${o.positives}，答错 ${o.wrong}` : '', o.negatives ? `拒答 ${o.declinedNegatives}/${o.negatives}` : ''];
          return parts.filter(Boolean).join('；');
        });
        return `| ${label}${isDefault(thresholds) ? '（默认）' : ''} | ${cells.join(' | ')} |`;
      }),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
});
