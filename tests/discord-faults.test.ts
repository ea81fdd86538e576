import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_FAILURE } from '../src/discord/errorText.ts';
import { chatInputInteraction, member } from './fake-discord/payloads.ts';
import { BOT_TOKEN, startBot, type RunningBot } from './fake-discord/harness.ts';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({ ASK_COOLDOWN_SECONDS: '0' });
});
afterAll(async () => bot?.stop());

const QUESTION = '十九大期间实行什么值班和报告制度？';
const ask = () => bot.fake.interact(chatInputInteraction(bot.fake.world, member('提问者'), 'ask', { question: QUESTION }));
/** The answer as the user finally sees it, after every edit. */
const answered = async (interaction: { id: string; token: string }) => (await bot.fake.finalReply(interaction)).embeds?.[0]?.description ?? '';
/** discord.js sends `…/messages/%40original`; the fake matches faults against the decoded path, as Discord routes it. */
const editRoute = (token: string) => new RegExp(`^/webhooks/\\d+/${token}/messages/@original$`, 'u');

describe('Discord faults', () => {
  it('resumes after the gateway drops and answers what was sent meanwhile', async () => {
    bot.fake.gateway.disconnect(4000);
    const resumed = bot.fake.gateway.ready();
    const whileAway = ask();
    await resumed;
    expect(bot.fake.gateway.resumes).toHaveLength(1);
    expect(bot.fake.gateway.identifies).toHaveLength(1);
    expect(await answered(whileAway)).toContain('[1]');
  });

  it('waits out a 429 on the interaction callback and still answers', async () => {
    bot.fake.failNext({
      method: 'POST',
      path: /\/callback$/u,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
    });
    const interaction = ask();
    expect(await answered(interaction)).toContain('[1]');
    expect(bot.fake.requests.filter((r) => r.path.startsWith(`/interactions/${interaction.id}/`))).toHaveLength(2);
  });

  it('retries a 5xx on the answer edit', async () => {
    const interaction = ask();
    bot.fake.failNext({ method: 'PATCH', path: editRoute(interaction.token), status: 502 });
    expect(await answered(interaction)).toContain('[1]');
    const edits = bot.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
    expect(edits.map((r) => r.status)).toEqual([502, 200]);
  });

  it('tells the user it failed when the edit keeps failing, logs it, and keeps serving', async () => {
    const interaction = ask();
    // discord.js tries a request four times on 5xx: every attempt at the answer fails.
    for (let i = 0; i < 4; i++) bot.fake.failNext({ method: 'PATCH', path: editRoute(interaction.token), status: 500 });
    bot.expectLog({ msg: 'interaction failed', where: (l) => l.interaction === interaction.id });
    const reply = await bot.fake.finalReply(interaction);
    expect(reply.content).toBe(GENERIC_FAILURE);
    expect(reply.embeds ?? []).toEqual([]);
    expect(reply.components ?? []).toEqual([]);
    const edits = bot.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
    expect(edits.map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    expect(await answered(ask())).toContain('[1]');
  });

  it('never writes the bot token into a log line', () => {
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(bot.logs)).not.toContain(BOT_TOKEN);
  });
});

describe('a bot started without a usable index', () => {
  let bare: RunningBot;
  beforeAll(async () => {
    bare = await startBot({ ASK_COOLDOWN_SECONDS: '0' }, { withIndex: false });
    // Starting without an index is logged as an error on purpose: the operator has to act.
    bare.expectLog({ msg: 'index unavailable' });
  });
  afterAll(async () => bare?.stop());

  it('tells users the index is unavailable, and recovers after a moderator reindexes, without a restart', async () => {
    const world = bare.fake.world;
    const before = bare.fake.interact(chatInputInteraction(world, member('提问者'), 'ask', { question: QUESTION }));
    expect((await bare.fake.finalReply(before)).content).toBe('索引不可用，请管理员执行 /reindex');

    const reindex = bare.fake.interact(chatInputInteraction(world, member('管理员', { moderator: true }), 'reindex'));
    const done = await bare.fake.finalReply(reindex, (r) => (r.embeds?.[0]?.title ?? '').includes('索引已更新'));
    expect(done.embeds?.[0]?.description).toContain('新增 5');

    const after = bare.fake.interact(chatInputInteraction(world, member('提问者'), 'ask', { question: QUESTION }));
    expect((await bare.fake.finalReply(after)).embeds?.[0]?.description).toContain('[1]');
  });
});
