import { inDisplayScript } from '../src/answer/displayScript.ts';
import { createInterface } from 'node:readline';
import { cliConfig, reindexWithProgress } from '../src/cli/context.ts';
import { terminalMessage } from '../src/cli/errorText.ts';
import { formatAnswer } from '../src/cli/formatAnswer.ts';
import { formatReindexReport } from '../src/cli/format.ts';
import { runCli } from '../src/cli/run.ts';
import { createBot } from '../src/discord/bot.ts';
import { createLogger } from '../src/log.ts';
import { warmUp } from '../src/text/segment.ts';
import { QaService } from '../src/service/qaService.ts';
import { UserFacingError } from '../src/userFacingError.ts';

/**
 * The main job: bring the index up to date (incremental, so cheap when nothing changed), then
 * start the Discord bot when DISCORD_TOKEN is set, or a local console over the same service.
 */
runCli(async () => {
  const config = cliConfig({});
  const log = createLogger(config.logLevel);
  // In the background, from the start: the reindex check and the index load mostly wait on the
  // disk, and the first question would otherwise wait for the dictionaries to load.
  void warmUp().catch((error: unknown) => log.warn({ err: error }, 'segmentation warm-up failed; the first question loads it'));
  try {
    process.stderr.write(formatReindexReport(await reindexWithProgress(config, false)));
  } catch (error) {
    // The bot still starts and tells users the index is unavailable; the console cannot work without one.
    if (!config.discordToken) throw error;
    log.error({ err: error }, 'reindex at startup failed; serving the previous index if there is one');
  }
  const service = new QaService(config, log);
  await service.load();

  if (config.discordToken) {
    const client = createBot({ config, service, log });
    const shutdown = (signal: string) => {
      log.info({ signal }, 'shutting down');
      void client.destroy().finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await client.login(config.discordToken);
    return;
  }

  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  // Ctrl-C leaves quietly, with the status shells expect of an interrupted program.
  rl.on('SIGINT', () => process.exit(130));
  process.once('SIGINT', () => process.exit(130));
  if (interactive) process.stdout.write('请输入问题（Ctrl+D 退出）：\n> ');
  let asked = 0;
  for await (const line of rl) {
    if (line.trim()) {
      // Piped questions are not echoed by a terminal: show each before its answer, answers apart.
      if (!interactive) process.stdout.write(`${asked++ ? '\n' : ''}问：${line.trim()}\n`);
      try {
        process.stdout.write(formatAnswer(inDisplayScript(await service.ask(line), config.displayScript, 'answer')));
      } catch (error) {
        // The console goes on after what the user can act on (an empty question, no index yet).
        if (!(error instanceof UserFacingError)) throw error;
        process.stdout.write(`${terminalMessage(error)}\n`);
      }
    }
    if (interactive) process.stdout.write('\n> ');
  }
});
