import type { Summary } from '../src/answer/summarize.ts';
import { QuestionError } from '../src/answer/types.ts';
import { cliAnswering } from '../src/cli/answering.ts';
import { parseCliArgs, UsageError } from '../src/cli/args.ts';
import { cliConfig, openIndex } from '../src/cli/context.ts';
import { formatSummary } from '../src/cli/formatAnswer.ts';
import { runCli } from '../src/cli/run.ts';

runCli(async () => {
  const { values, positionals } = parseCliArgs(process.argv.slice(2), {
    index: { type: 'string' },
    doc: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const topic = positionals.join(' ').trim();
  if (!values.doc === !topic) throw new UsageError('请用 --doc 编号或标题 总结一篇文档，或给出一个主题（二选一）');
  const config = cliConfig(values);
  const answering = cliAnswering(config, await openIndex(config));
  let summary: Summary;
  try {
    summary = await answering.summary(values.doc ? { document: values.doc } : { topic });
  } catch (error) {
    throw error instanceof QuestionError ? new UsageError(error.message) : error;
  }
  process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
});
