import { DiscordAPIError, REST, Routes } from 'discord.js';
import { InteractionResponseType, MessageFlags, RESTJSONErrorCodes, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, member } from './fake-discord/payloads.ts';
import type { FakeDiscord } from './fake-discord/server.ts';
import { LogWatch, startFakeDiscord } from './fake-discord/strict.ts';

// The fake itself, driven by discord.js's own REST client and route builders: the paths it receives
// are encoded exactly as the bot's are (`@original` arrives as `%40original`).
let fake: FakeDiscord & { stop(): Promise<void> };
let rest: REST;
beforeAll(async () => {
  fake = await startFakeDiscord();
  rest = new REST({ api: fake.restUrl, retries: 0 }).setToken('fake-token');
});
afterAll(async () => fake?.stop());

const command = () => fake.interact(chatInputInteraction(fake.world, member('提问者'), 'ask', { question: '问题' }));
const app = () => fake.world.applicationId;
const code = async (request: Promise<unknown>) => {
  const error = await request.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof DiscordAPIError ? { status: error.status, code: error.code } : error;
};

describe('the fake Discord', () => {
  it('routes percent-encoded paths the way Discord does: the deferred reply, its edits and follow-ups', async () => {
    const interaction = command();
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } },
    });
    expect(fake.original(interaction)?.flags).toBe(MessageFlags.Ephemeral | MessageFlags.Loading);

    // discord.js's editReply passes '@original' explicitly, and Routes escapes it: `%40original`.
    await rest.patch(Routes.webhookMessage(app(), interaction.token, '@original'), { body: { content: '第一版', embeds: [{ title: '标题' }] }, auth: false });
    const edit = fake.requests.at(-1)!;
    expect(edit.rawPath).toMatch(/\/messages\/%40original$/u);
    expect(edit.path).toBe(`/webhooks/${app()}/${interaction.token}/messages/@original`);
    expect(edit.status).toBe(200);
    // Left to its default, the argument is not escaped: the literal form reaches Discord too.
    await rest.patch(Routes.webhookMessage(app(), interaction.token), { body: { content: '最终版' }, auth: false });
    expect(fake.requests.at(-1)?.rawPath).toMatch(/\/messages\/@original$/u);

    const followup = (await rest.post(Routes.webhook(app(), interaction.token), { body: { content: '补充' }, query: new URLSearchParams({ wait: 'true' }), auth: false })) as APIMessage;
    await rest.patch(Routes.webhookMessage(app(), interaction.token, followup.id), { body: { content: '补充（已改）' }, auth: false });

    // What the user sees now: the last edit's content, the earlier edit's embeds, no longer "thinking…".
    const shown = await fake.finalReply(interaction);
    expect(shown).toMatchObject({ via: 'edit', callbackType: InteractionResponseType.DeferredChannelMessageWithSource, content: '最终版', flags: MessageFlags.Ephemeral });
    expect(shown.embeds?.[0]?.title).toBe('标题');
    expect(fake.followups(interaction).map((m) => m.content)).toEqual(['补充（已改）']);
    expect(fake.replies(interaction).map((r) => r.via)).toEqual(['callback', 'edit', 'edit', 'followup', 'edit']);
  });

  it('refuses what Discord refuses, and each refusal a test provokes is declared', async () => {
    const interaction = command();
    fake.expectError({ method: 'PATCH', path: /\/messages\/@original$/u, status: 404 });
    expect(await code(rest.patch(Routes.webhookMessage(app(), interaction.token), { body: { content: '太早' }, auth: false }))).toEqual({ status: 404, code: RESTJSONErrorCodes.UnknownMessage });

    const callback = Routes.interactionCallback(interaction.id, interaction.token);
    await rest.post(callback, { body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: '好' } } });
    fake.expectError({ path: /\/callback$/u, status: 400 });
    expect(await code(rest.post(callback, { body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: '又一次' } } }))).toEqual({
      status: 400,
      code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    });

    fake.expectError({ path: /^\/interactions\/1\//u, status: 404 });
    expect(await code(rest.post(Routes.interactionCallback('1', 'no-such-token'), { body: { type: InteractionResponseType.DeferredChannelMessageWithSource } }))).toEqual({
      status: 404,
      code: RESTJSONErrorCodes.UnknownInteraction,
    });
  });

  it('reports undeclared errors, faults never hit and expectations never met', async () => {
    const interaction = command();
    fake.failNext({ method: 'PATCH', path: /never-this-token/u, status: 500 });
    fake.failNext({ method: 'PATCH', path: /never-this-token/u, status: 500, optional: true });
    fake.expectError({ path: /^\/channels\//u, status: 404 });
    fake.expectError({ path: /^\/guilds\//u, optional: true });
    await code(rest.patch(Routes.webhookMessage(app(), interaction.token), { body: { content: '没有回调' }, auth: false }));
    const problems = fake.audit();
    expect(problems).toEqual([
      `interaction ${interaction.id} was never answered`,
      `unexpected 404 for PATCH /webhooks/${app()}/${interaction.token}/messages/@original`,
      'injected fault (500) never hit: PATCH /never-this-token/u',
      'expected error 404 never sent: any method /^\\/channels\\//u',
    ]);
    // The audit starts afresh: nothing carries over into the harness's own check after this test.
    expect(fake.audit()).toEqual([]);
  });

  it('serves uploaded attachments at their CDN address, whatever the file name', async () => {
    for (const name of ['../../etc/智能 快件箱.txt', '100%.md', 'a#b?.html']) {
      const { attachment } = fake.hostAttachment(name, `内容 ${name}`);
      const response = await fetch(attachment.url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(`内容 ${name}`);
      expect(new URL(attachment.url).pathname.split('/')).toHaveLength(5);
    }
  });
});

describe('the log watch', () => {
  it('fails on error lines nobody declared and on declarations never met', () => {
    const lines = [
      { level: 30, msg: 'ask' },
      { level: 50, msg: 'interaction failed', interaction: '1' },
      { level: 50, msg: 'interaction failed', interaction: '2' },
      { level: 60, msg: 'crash' },
    ];
    const watch = new LogWatch(() => lines);
    watch.expect({ msg: 'interaction failed', where: (l) => l.interaction === '1' });
    watch.expect({ msg: /reindex/u });
    watch.expect({ msg: 'maybe', optional: true });
    const problems = watch.audit();
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('"interaction":"2"');
    expect(problems[1]).toContain('"msg":"crash"');
    expect(problems[2]).toBe('expected error log never written: /reindex/u');
    expect(watch.audit()).toEqual([]);
  });
});
