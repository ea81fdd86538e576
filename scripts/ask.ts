import { inDisplayScript } from '../src/answer/displayScript.ts';
import { answerJson } from '../src/answer/answerJson.ts';
import { terminalMessage } from '../src/cli/errorText.ts';
import { formatAnswer } from '../src/cli/formatAnswer.ts';
import { stdinLines } from '../src/cli/lines.ts';
import { parseQueryCommand } from '../src/cli/queryCommand.ts';
import { runCli } from '../src/cli/run.ts';
import { createLogger } from '../src/log.ts';
import { QaService } from '../src/service/qaService.ts';
import { UserFacingError } from '../src/userFacingError.ts';

runCli(async () => {
  const {
    config,
    k,
    text: question,
    json,
    jsonl,
  } = parseQueryCommand(
    process.argv.slice(2),
    '请提供问题，例如：npm run ask -- "快递进村工程今年覆盖率要达到多少？"',
    `用法：npm run --silent ask -- [选项] "问题"
回答一个问题，引用语料原文。
  --index 目录   索引目录（默认 .env 的 INDEX_DIR）
  -k 数量        检索的段落数（1–100）
  --json         输出一个 JSON 对象（answered、answer、citations、declined、related…）
  --jsonl        从标准输入逐行读问题，每行输出一个 JSON
  -h, --help     显示本说明
例：npm run --silent ask -- --json "快递丢了怎么赔？"`,
  );
  const service = await QaService.open(config, createLogger(config.logLevel));
  if (jsonl) {
    for await (const line of stdinLines()) {
      try {
        process.stdout.write(`${JSON.stringify(answerJson(await service.ask(line, { k })))}\n`);
      } catch (error) {
        // One bad line (empty, too long) is reported in its place; the others are still answered.
        if (!(error instanceof UserFacingError && error.code === 'invalid-request')) throw error;
        process.stdout.write(`${JSON.stringify({ question: line, error: terminalMessage(error) })}\n`);
      }
    }
    return;
  }
  const answer = await service.ask(question, { k });
  process.stdout.write(json ? `${JSON.stringify(answerJson(answer))}\n` : formatAnswer(inDisplayScript(answer, config.displayScript, 'answer')));
});
