import { parseCliArgs } from '../src/cli/args.ts';
import { cliConfig, reindexWithProgress } from '../src/cli/context.ts';
import { formatReindexReport } from '../src/cli/format.ts';
import { runCli } from '../src/cli/run.ts';
import { releaseOwnLockSync } from '../src/index/lock.ts';

const USAGE = `用法：npm run index -- [选项]
建立或更新索引（只处理新增和改动的文件）。
  --corpus 目录   语料目录，可重复（默认 .env 的 CORPUS_DIR）
  --index 目录    索引目录（默认 .env 的 INDEX_DIR）
  --full          全部重建，不复用旧索引
  --verify        读取并校验（sha256）每个文件；默认大小和修改时间未变的文件视为未改动，不读取
  --allow-empty   允许用空语料清空已有索引
  --json          输出一个 JSON 报告
  -h, --help      显示本说明
例：npm run index -- --corpus corpus --json`;

runCli(async () => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      corpus: { type: 'string', multiple: true },
      index: { type: 'string' },
      full: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      'allow-empty': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const config = cliConfig(values);
  // A build writes a new generation and switches to it last: stopping it leaves the served index as it was.
  process.once('SIGINT', () => {
    releaseOwnLockSync(config.indexDir);
    process.stderr.write('\n已中断：原有索引未改动，下次运行会清理未完成的部分。\n');
    process.exit(130);
  });
  const report = await reindexWithProgress(config, values.full, values['allow-empty'], values.verify);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReindexReport(report));
});
