import { parseCliArgs } from '../src/cli/args.ts';
import { cliConfig } from '../src/cli/context.ts';
import { runCli } from '../src/cli/run.ts';
import { formatSourcesTable } from '../src/cli/sourcesTable.ts';
import { scanCorpus } from '../src/corpus/load.ts';
import { parseDocument } from '../src/corpus/parse.ts';

const USAGE = `用法：npm run --silent sources -- [选项]
列出语料中每篇文档读出的元数据：标题、日期、施行日期、发布机关、文号、来源、适用范围（Markdown 表格）。
直接读取语料文件，不需要索引。
  --corpus 目录   语料目录，可重复（默认 .env 的 CORPUS_DIR）
  --json          每篇文档输出一行 JSON
  -h, --help      显示本说明
例：npm run --silent sources -- --corpus corpus --corpus ../shared/regulations/national`;

runCli(async () => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      corpus: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const scan = await scanCorpus(cliConfig(values).corpusDirs);
  for (const w of scan.warnings) process.stderr.write(`警告 ${w.path}：${w.message}\n`);
  const documents = scan.files.map((file) => parseDocument(file).document.metadata);
  process.stdout.write(values.json ? documents.map((d) => `${JSON.stringify(d)}\n`).join('') : formatSourcesTable(documents));
});
