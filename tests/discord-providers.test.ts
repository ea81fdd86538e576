import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatInputInteraction, member } from './fake-discord/payloads.ts';
import { BOT_TOKEN, startBot, unsafeMessages, type RunningBot } from './fake-discord/harness.ts';
import { type ChatMessage, type FakeProvider, promptData, startFakeProvider } from './fake-providers/server.ts';

const API_KEY = 'sk-discord-e2e-secret-0042';
let provider: FakeProvider;
let bot: RunningBot;
beforeAll(async () => {
  provider = await startFakeProvider();
  bot = await startBot({
    ASK_COOLDOWN_SECONDS: '0',
    LLM_PROVIDER: 'openai',
    LLM_MODEL: 'fake-chat',
    LLM_BASE_URL: `${provider.url}/v1`,
    LLM_API_KEY: API_KEY,
    LLM_TIMEOUT_MS: '8000',
    PROVIDER_RETRY_BASE_MS: '5',
    PROVIDER_RETRY_MAX_MS: '20',
  });
});
afterAll(async () => {
  await bot?.stop();
  await provider?.close();
});
beforeEach(() => {
  provider.tokenDelayMs = 0;
});

/** A model that writes `sentences` sentences, each citing one of the passages it was given. */
const citing = (sentences: number) => (messages: ChatMessage[]) => {
  const passages = promptData(messages).passages ?? [];
  return Array.from({ length: sentences }, (_, i) => {
    const p = passages[i % passages.length]!;
    return `${p.text.slice(0, 40)}。[${p.n}]`;
  }).join('');
};

const ask = (question: string) => bot.fake.interact(chatInputInteraction(bot.fake.world, member('提问者'), 'ask', { question }));
const QUESTION = '十九大期间进京邮件要执行哪三项制度？';

describe('model-written answers in Discord', () => {
  it('streams the generation into the deferred reply, then shows the checked answer', async () => {
    provider.reply = citing(6);
    provider.tokenDelayMs = 40;
    const asked = ask(QUESTION);
    const final = await bot.fake.finalReply(asked, (r) => !(r.embeds?.[0]?.footer?.text ?? '').includes('正在生成'), 20_000);
    const partials = bot.fake.replies(asked).filter((r) => r.embeds?.[0]?.footer?.text === '正在生成…');
    expect(partials.length).toBeGreaterThanOrEqual(2);
    expect(final.embeds?.[0]?.footer?.text).toContain('答案由模型根据所引段落写成');
    expect(final.embeds?.[0]?.description).toContain('[1]');
    expect(final.components?.[0]?.components.length).toBeGreaterThan(0);
    const edits = bot.fake.replies(asked).filter((r) => r.via === 'edit');
    expect(final.request).toBe(edits.at(-1)?.request);
  });

  it('cuts a generation longer than Discord allows right after a citation marker', async () => {
    provider.reply = citing(120);
    const asked = ask(QUESTION);
    const final = await bot.fake.finalReply(asked, (r) => !(r.embeds?.[0]?.footer?.text ?? '').includes('正在生成'), 20_000);
    expect(final.embeds?.[0]?.footer?.text).toContain('答案由模型');
    expect(final.embeds?.[0]?.description).toMatch(/\[\d+\]\n…（内容过长，已截断）$/u);
  });

  it('falls back to the extractive answer with a note when the model fails', async () => {
    provider.fail({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const final = await bot.fake.finalReply(ask(QUESTION));
    expect(final.embeds?.[0]?.footer?.text).toContain('答案摘自语料原文');
    expect(final.embeds?.[0]?.footer?.text?.length).toBeGreaterThan('答案摘自语料原文；点击按钮查看完整段落'.length);
    expect(final.embeds?.[0]?.description).toContain('[1]');
  });

  it('keeps every message within limits and the token and API key out of the logs', () => {
    expect(unsafeMessages(bot.fake)).toEqual([]);
    const logs = JSON.stringify(bot.logs);
    expect(logs).not.toContain(API_KEY);
    expect(logs).not.toContain(BOT_TOKEN);
  });
});
