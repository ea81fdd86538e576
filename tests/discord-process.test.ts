import { spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { chatInputInteraction, member } from './fake-discord/payloads.ts';
import { startFakeDiscord } from './fake-discord/strict.ts';
import { SEED_CORPUS, tempDir } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => Promise.all(cleanups.splice(0).map((c) => c())));

/** Runs one of the package's entry scripts the way `npm run` does, against the fake Discord. */
function script(name: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    // The bot's pino lines on stderr: none may be error-level (this test provokes none).
    const errors = stderr.split('\n').filter((line) => /^\{.*"level":(5|6)\d\b/u.test(line));
    if (errors.length > 0) throw new Error(`scripts/${name}.ts logged errors:\n${errors.join('\n')}`);
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** A fake Discord audited after the test: no unrequested 4xx/5xx, no unhit faults. */
async function fakeDiscord() {
  const fake = await startFakeDiscord();
  cleanups.push(() => fake.stop());
  return fake;
}

describe('entry points against a local Discord', () => {
  it('npm run deploy-commands registers every command to the guild, moderator commands restricted', async () => {
    const fake = await fakeDiscord();
    const run = script('deploy-commands', { DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: fake.restUrl, DISCORD_GUILD_ID: fake.world.guildId });
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain(`已注册 6 个命令到服务器 ${fake.world.guildId}`);
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.world.applicationId}/guilds/${fake.world.guildId}/commands`);
    expect(put?.headers.authorization).toBe('Bot fake-token');
    const commands = put?.body as { name: string; default_member_permissions?: string | null }[];
    expect(commands.map((c) => c.name).sort()).toEqual(['ask', 'corpus', 'help', 'reindex', 'sources', 'summary']);
    for (const name of ['reindex', 'corpus']) {
      expect(commands.find((c) => c.name === name)?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    }
  });

  it('npm start with a token indexes the corpus, serves questions and shuts down cleanly on SIGTERM', async () => {
    const fake = await fakeDiscord();
    const temp = await tempDir('start-');
    cleanups.push(temp.cleanup);
    const corpus = path.join(temp.dir, 'corpus');
    await cp(SEED_CORPUS, corpus, { recursive: true });
    const identified = fake.gateway.ready();
    const run = script('start', { DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: fake.restUrl, CORPUS_DIR: corpus, INDEX_DIR: path.join(temp.dir, 'index') });
    await identified;
    const asked = fake.interact(chatInputInteraction(fake.world, member('提问者'), 'ask', { question: '“快递进村”工程今年的覆盖率力争达到多少？' }));
    const reply = await fake.finalReply(asked);
    expect(reply.embeds?.[0]?.description).toContain('[1]');
    expect(fake.gateway.identifies).toHaveLength(1);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output().stderr).not.toContain('fake-token');
  });
});
