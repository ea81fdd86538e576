/**
 * The body of `npm start` (scripts/start.ts imports it once jieba's dictionary is loading on its
 * worker thread; run on its own, the first segmentation starts that load).
 */
import { inDisplayScript } from '../src/answer/displayScript.ts';
import type { Config } from '../src/config.ts';
import { currentGeneration } from '../src/index/layout.ts';
import { releaseOwnLockSync } from '../src/index/lock.ts';
import type { Logger } from '../src/log.ts';
import { createInterface } from 'node:readline';
import { cliConfig, reindexWithProgress } from '../src/cli/context.ts';
import { terminalMessage } from '../src/cli/errorText.ts';
import { formatAnswer } from '../src/cli/formatAnswer.ts';
import { formatReindexReport } from '../src/cli/format.ts';
import { runCli } from '../src/cli/run.ts';
import { createLogger } from '../src/log.ts';
import { warmUpQuestions } from '../src/text/thesaurus.ts';
import { QaService } from '../src/service/qaService.ts';
import { UserFacingError } from '../src/userFacingError.ts';

/** No index yet: build it first (with progress), since there is nothing to serve meanwhile. */
async function buildFirst(config: Config, log: Logger): Promise<void> {
  try {
    process.stderr.write(formatReindexReport(await reindexWithProgress(config, false)));
  } catch (error) {
    // The bot still starts and tells users the index is unavailable; the console cannot work without one.
    if (!config.discordToken) throw error;
    log.error({ err: error }, 'first index build at startup failed');
  }
}

/** Brings the served index up to date; a refusal or failure is reported and the loaded index keeps serving. */
function checkCorpus(service: QaService, log: Logger): Promise<void> {
  return service.reindex().then(
    (report) => void process.stderr.write(formatReindexReport(report)),
    (error: unknown) => {
      log.error({ err: error }, 'reindex at startup failed; the index loaded from disk keeps serving');
      if (error instanceof UserFacingError) process.stderr.write(`错误：${terminalMessage(error)}\n`);
    },
  );
}

/**
 * The served index loaded, and brought up to date behind it: a restart answers as soon as the index
 * on disk is loaded, whatever the corpus size, and a changed corpus is swapped in once built. The
 * promise settles when the corpus has been checked. `warmUp` starts the warm-up (dictionaries,
 * thesaurus phrases): once the index files are being read, so that the reads go on during its
 * synchronous loads.
 */
async function startService(config: Config, log: Logger, warmUp: () => Promise<void>): Promise<{ service: QaService; checked: Promise<void> }> {
  const service = new QaService(config, log);
  if (!(await currentGeneration(config.indexDir))) {
    void warmUp();
    await buildFirst(config, log);
    await service.load();
    return { service, checked: Promise.resolve() };
  }
  await service.load({ whileReading: () => void warmUp() });
  // A load that failed before reading (an outdated index) did not start it.
  const warmedUp = warmUp();
  // The check lists and stats every corpus file on the thread pool: while jieba's dictionary still
  // loads on the other core, it would take CPU from the load the first question waits for. An index
  // that did not load is what the check repairs, so then it does not wait.
  const checked = (service.isServing ? warmedUp : Promise.resolve()).then(() => checkCorpus(service, log));
  return { service, checked };
}

/**
 * The main job: serve the index (built first when there is none, else brought up to date in the
 * background), through the Discord bot when DISCORD_TOKEN is set, or a local console.
 */
runCli(async () => {
  const config = cliConfig({});
  const log = createLogger(config.logLevel);
  // In the background: the first question would otherwise wait for the dictionaries to load.
  let warming: Promise<void> | undefined;
  const startWarmUp = () => {
    warming ??= warmUpQuestions().catch((error: unknown) => log.warn({ err: error }, 'segmentation warm-up failed; the first question loads it'));
    return warming;
  };
  const { service, checked } = await startService(config, log, startWarmUp);

  if (config.discordToken) {
    // Imported only for the bot: loading discord.js would delay the console's first answer.
    const { createBot } = await import('../src/discord/bot.ts');
    const client = createBot({ config, service, log });
    const shutdown = (signal: string) => {
      log.info({ signal }, 'shutting down');
      // A reindex under way (at startup or /reindex) leaves the served index as it was; its lock goes.
      releaseOwnLockSync(config.indexDir);
      void client.destroy().finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await client.login(config.discordToken);
    return;
  }

  // The console cannot answer without an index: one that failed to load waits for the rebuild.
  if (!service.isServing) await checked;
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  // Ctrl-C leaves quietly, with the status shells expect of an interrupted program.
  const interrupted = () => {
    releaseOwnLockSync(config.indexDir);
    process.exit(130);
  };
  rl.on('SIGINT', interrupted);
  process.once('SIGINT', interrupted);
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
  // Never exit in the middle of the background reindex: its lock and half-written generation would stay.
  await checked;
});
