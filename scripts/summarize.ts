import { inDisplayScript } from '../src/answer/displayScript.ts';
import { parseCliArgs, UsageError } from '../src/cli/args.ts';
import { cliConfig } from '../src/cli/context.ts';
import { formatSummary } from '../src/cli/formatAnswer.ts';
import { runCli } from '../src/cli/run.ts';
import { createLogger } from '../src/log.ts';
import { QaService } from '../src/service/qaService.ts';

const USAGE = `用法：npm run --silent summarize -- [选项] (--doc 编号或标题 | "主题")
总结一篇文档或一个主题，附引用。
  --doc 编号或标题   总结这篇文档
  --index 目录       索引目录（默认 .env 的 INDEX_DIR）
  --json             输出 JSON
  -h, --help         显示本说明
例：npm run --silent summarize -- --doc 快递暂行条例`;

runCli(async () => {
  const { values, positionals } = parseCliArgs(
    process.argv.slice(2),
    {
      index: { type: 'string' },
      doc: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const topic = positionals.join(' ').trim();
  if (!values.doc === !topic) throw new UsageError('请用 --doc 编号或标题 总结一篇文档，或给出一个主题（二选一）');
  const config = cliConfig(values);
  const service = await QaService.open(config, createLogger(config.logLevel));
  const summary = await service.summary(values.doc ? { document: values.doc } : { topic });
  process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : formatSummary(inDisplayScript(summary, config.displayScript, 'summary')));
});
