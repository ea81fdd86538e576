import { bookTitle } from '../src/answer/citationLine.ts';
import { openIndex } from '../src/cli/context.ts';
import { stdinLines } from '../src/cli/lines.ts';
import { parseQueryCommand } from '../src/cli/queryCommand.ts';
import { runCli } from '../src/cli/run.ts';
import { hybridSearch } from '../src/retrieve/hybrid.ts';
import { searchResultJson } from '../src/retrieve/searchResult.ts';

runCli(async () => {
  const {
    config,
    k,
    text: query,
    json,
    jsonl,
  } = parseQueryCommand(
    process.argv.slice(2),
    '请提供检索内容，例如：npm run search -- "实名收寄"',
    `用法：npm run --silent search -- [选项] "查询"
检索语料，列出最相关的段落。
  --index 目录   索引目录（默认 .env 的 INDEX_DIR）
  -k 数量        返回的段落数（1–100）
  --json         输出 JSON
  --jsonl        从标准输入逐行读查询，每行输出一个 JSON
  -h, --help     显示本说明
例：npm run --silent search -- --json "实名收寄"`,
  );
  const index = await openIndex(config);
  const run = async (q: string) => searchResultJson(q, await hybridSearch(index, q, { k }));
  if (jsonl) {
    for await (const line of stdinLines()) process.stdout.write(`${JSON.stringify(await run(line))}\n`);
    return;
  }
  const result = await run(query);
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  for (const r of result.results) {
    process.stdout.write(`${r.rank}. ${bookTitle(r.title)} ${r.chunkId} (${r.score})\n   ${r.text.replace(/\n/gu, ' ').slice(0, 120)}\n`);
  }
});
