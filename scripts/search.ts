import { openIndex } from '../src/cli/context.ts';
import { stdinLines } from '../src/cli/lines.ts';
import { parseQueryCommand } from '../src/cli/queryCommand.ts';
import { runCli } from '../src/cli/run.ts';
import { hybridSearch } from '../src/retrieve/hybrid.ts';
import { searchResultJson } from '../src/retrieve/searchResult.ts';

runCli(async () => {
  const { config, k, text: query, json, jsonl } = parseQueryCommand(process.argv.slice(2), '请提供检索内容，例如：npm run search -- "实名收寄"');
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
    process.stdout.write(`${r.rank}. 《${r.title}》 ${r.chunkId} (${r.score})\n   ${r.text.replace(/\n/gu, ' ').slice(0, 120)}\n`);
  }
});
