import { createInterface } from 'node:readline';
import { answerQuestion } from '../src/answer/extractive.ts';
import { QuestionError } from '../src/answer/types.ts';
import { cliConfig, openIndex, reindexWithProgress } from '../src/cli/context.ts';
import { formatAnswer } from '../src/cli/formatAnswer.ts';
import { formatReindexReport } from '../src/cli/format.ts';
import { runCli } from '../src/cli/run.ts';

/**
 * The main job: bring the index up to date (incremental, so cheap when nothing changed), then
 * answer. Without DISCORD_TOKEN it is a local console over the same answer code the bot uses.
 */
runCli(async () => {
  const config = cliConfig({});
  const report = await reindexWithProgress(config, false);
  process.stderr.write(formatReindexReport(report));
  if (config.discordToken) {
    process.stderr.write('已设置 DISCORD_TOKEN，但 Discord 机器人尚未实现；先以本地控制台模式运行。\n');
  }
  const index = await openIndex(config);
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  if (interactive) process.stdout.write('请输入问题（Ctrl+D 退出）：\n> ');
  for await (const line of rl) {
    if (line.trim()) {
      try {
        process.stdout.write(formatAnswer(await answerQuestion(index, line)));
      } catch (error) {
        if (!(error instanceof QuestionError)) throw error;
        process.stdout.write(`${error.message}\n`);
      }
    }
    if (interactive) process.stdout.write('\n> ');
  }
});
