import { cp } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Events, type Client } from 'discord.js';
import pino, { type Logger } from 'pino';
import { type Config, loadConfig } from '../../src/config.ts';
import { createBot } from '../../src/discord/bot.ts';
import { QaService } from '../../src/service/qaService.ts';
import { SEED_CORPUS, tempDir } from '../helpers.ts';
import { FakeDiscord, type Reply } from './server.ts';
import { failOn, LogWatch, watch, type LogExpectation } from './strict.ts';

export { startFakeDiscord } from './strict.ts';

/** The token the bot logs in with; no log line may contain it. */
export const BOT_TOKEN = 'fake-bot-token';

export interface RunningBot {
  fake: FakeDiscord;
  client: Client;
  service: QaService;
  corpusDir: string;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /**
   * Declares an error-level log line the current test provokes on purpose. Any other error line, any
   * 4xx/5xx the fake sends that no fault or `fake.expectError` explains, and any fault left unhit
   * fails the test (checked after each test, and when the bot stops).
   */
  expectLog(expectation: LogExpectation): void;
  stop(): Promise<void>;
}

/**
 * The real bot (discord.js client, QA service, index built from a copy of the seed corpus in a temp
 * dir) logged in to a fresh fake Discord, with the fake guild's moderator role configured.
 * `withIndex: false` starts it the way `npm start` does when the index is missing or broken;
 * `service` swaps in a core whose answers a test needs to control (e.g. longer than Discord allows).
 */
export async function startBot(env: Record<string, string> = {}, options: { withIndex?: boolean; service?: (config: Config, log: Logger) => QaService } = {}): Promise<RunningBot> {
  const temp = await tempDir('discord-e2e-');
  const corpusDir = path.join(temp.dir, 'corpus');
  await cp(SEED_CORPUS, corpusDir, { recursive: true });
  const fake = await FakeDiscord.start();
  const config = loadConfig({
    CORPUS_DIR: corpusDir,
    INDEX_DIR: path.join(temp.dir, 'index'),
    EMBEDDING_DIMENSION: '256',
    MODERATOR_ROLE_IDS: fake.world.moderatorRoleId,
    DISCORD_API_URL: fake.restUrl,
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const service = options.service?.(config, log) ?? new QaService(config, log);
  if (options.withIndex === false) await service.load();
  else await service.reindex();
  const client = createBot({ config, service, log });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(BOT_TOKEN);
  await ready;
  // Audited from the first request and log line on, startup included.
  const logWatch = new LogWatch(() => logs);
  const unwatch = watch(fake, logWatch);
  return {
    fake,
    client,
    service,
    corpusDir,
    logs,
    expectLog: (expectation) => logWatch.expect(expectation),
    async stop() {
      const problems = await unwatch();
      await client.destroy();
      await fake.close();
      await temp.cleanup();
      failOn(problems, 'when the bot stopped');
    },
  };
}

const chars = (s: string | undefined) => [...(s ?? '')].length;

/** Discord's message limits; a reply breaking one would be rejected by the real API. */
export function limitViolations(reply: Reply): string[] {
  const problems: string[] = [];
  if (chars(reply.content) > 2000) problems.push(`content ${chars(reply.content)} > 2000`);
  const embeds = reply.embeds ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  let total = 0;
  for (const e of embeds) {
    if (chars(e.title) > 256) problems.push(`title ${chars(e.title)} > 256`);
    if (chars(e.description) > 4096) problems.push(`description ${chars(e.description)} > 4096`);
    if ((e.fields ?? []).length > 25) problems.push(`${(e.fields ?? []).length} fields > 25`);
    for (const f of e.fields ?? []) {
      if (chars(f.name) > 256 || chars(f.value) > 1024) problems.push(`field ${chars(f.name)}/${chars(f.value)} too long`);
      total += chars(f.name) + chars(f.value);
    }
    total += chars(e.title) + chars(e.description) + chars(e.footer?.text);
  }
  if (total > 6000) problems.push(`embeds total ${total} > 6000`);
  for (const c of reply.choices ?? []) if (chars(c.name) > 100 || chars(c.value) > 100) problems.push(`choice ${c.name} too long`);
  if ((reply.choices ?? []).length > 25) problems.push(`${(reply.choices ?? []).length} choices > 25`);
  return problems;
}

const NO_PINGS = { parse: [], users: [], roles: [], replied_user: false };

/**
 * Everything wrong with what the bot sent so far: messages over Discord's limits, or messages that
 * could ping someone (every message must carry allowed_mentions that allow nothing).
 */
export function unsafeMessages(fake: FakeDiscord): string[] {
  return fake.requests.flatMap((request) => {
    const body = (request.body ?? {}) as { type?: number; data?: Reply } & Reply;
    const isCallback = request.path.endsWith('/callback');
    const sendsMessage = isCallback || request.path.startsWith('/webhooks/') || /^\/channels\/\d+\/messages$/u.test(request.path);
    const message = isCallback ? body.data : body;
    if (!sendsMessage || request.method === 'GET' || !message) return [];
    const where = `${request.method} ${request.path}`;
    const problems = limitViolations({ ...message, via: 'edit', request }).map((p) => `${where}: ${p}`);
    const carriesMessage = message.content !== undefined || message.embeds !== undefined;
    if (carriesMessage && JSON.stringify(message.allowed_mentions) !== JSON.stringify(NO_PINGS)) {
      problems.push(`${where}: allowed_mentions ${JSON.stringify(message.allowed_mentions)}`);
    }
    return problems;
  });
}

/** The text a user reads in a reply: content, embed titles, descriptions and fields. */
export function visibleText(reply: Reply): string {
  return [reply.content ?? '', ...(reply.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])].join('\n');
}
