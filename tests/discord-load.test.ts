import { bookTitle } from '../src/answer/citationLine.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_FAILURE } from '../src/discord/errorText.ts';
import { chatInputInteraction, member, type Member } from './fake-discord/payloads.ts';
import { startBot, type RunningBot } from './fake-discord/harness.ts';
import type { Reply } from './fake-discord/server.ts';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({ ASK_COOLDOWN_SECONDS: '60' });
});
afterAll(async () => bot?.stop());

const QUESTIONS = [
  '十九大期间实行什么值班和报告制度？',
  '疫情期间要优先保障哪些物资运递？',
  '“快递进村”工程今年的覆盖率力争达到多少？',
  '十九大寄遞安保期間要嚴格執行哪三項制度？',
  '2026年发行的生肖邮票图案由哪位画家设计？',
];
const BURST = 200;
const REPEATERS = 10;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

describe('a burst of questions during a reindex', () => {
  it('defers every interaction within 3 s, answers every one, keeps cooldowns and serves only complete indexes', async () => {
    for (let i = 0; i < 30; i++) {
      await writeFile(path.join(bot.corpusDir, `burst-${i}.txt`), `示例通知${i}\n示例市邮政管理局要求第${i}片区快递网点落实实名收寄制度，每日上报安全检查情况。`);
    }
    const documentsBefore = new Set([...bot.service.index.documents.values()].map((d) => bookTitle(d.title)));
    const rssBefore = process.memoryUsage().rss;
    const askers: Member[] = Array.from({ length: BURST - REPEATERS }, (_, i) => member(`用户${i}`));
    const sent: { interaction: { id: string; token: string }; at: number; repeat: boolean }[] = [];

    const reindex = bot.fake.interact(chatInputInteraction(bot.fake.world, member('管理员', { moderator: true }), 'reindex'));
    for (let i = 0; i < BURST; i++) {
      const repeat = i >= BURST - REPEATERS;
      const who = repeat ? askers[i - (BURST - REPEATERS)]! : askers[i]!;
      const interaction = bot.fake.interact(chatInputInteraction(bot.fake.world, who, 'ask', { question: QUESTIONS[i % QUESTIONS.length]! }));
      sent.push({ interaction, at: Date.now(), repeat });
      // 200 interactions spread over about two seconds.
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const finals = await Promise.all(sent.map((s) => bot.fake.finalReply(s.interaction, undefined, 60_000)));
    const firsts = sent.map((s) => bot.fake.replies(s.interaction)[0]!);
    const toDefer = firsts.map((r, i) => r.request.at - sent[i]!.at);
    const toFinal = finals.map((r, i) => r.request.at - sent[i]!.at);

    expect(Math.max(...toDefer)).toBeLessThan(3000);
    const cooled = finals.filter((r) => r.content?.includes('秒后再试'));
    expect(cooled).toHaveLength(REPEATERS);
    expect(finals.every((r) => r.content !== GENERIC_FAILURE)).toBe(true);

    const done = await bot.fake.finalReply(reindex, (r: Reply) => (r.embeds?.[0]?.title ?? '').includes('索引已更新'), 60_000);
    expect(done.embeds?.[0]?.description).toContain('新增 30');
    const documentsAfter = new Set([...bot.service.index.documents.values()].map((d) => bookTitle(d.title)));
    const answers = finals.filter((r) => r.via === 'edit');
    expect(answers).toHaveLength(BURST - REPEATERS);
    for (const answer of answers) {
      // A field is named [n] 《title》 and the article or section: the title is what the marks enclose.
      const cited = (answer.embeds?.[0]?.fields ?? []).map((f) => /^\[\d+\] (《[^》]*》)/u.exec(f.name)?.[1]);
      // Every citation comes from a complete index: the old one or the new one, never a mix being built.
      expect(cited.every((t) => t !== undefined && (documentsBefore.has(t) || documentsAfter.has(t)))).toBe(true);
    }
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 * 1024);

    const ms = (v: number) => `${Math.round(v)} ms`;
    console.info(
      `burst of ${BURST} /ask during /reindex: defer p50 ${ms(percentile(toDefer, 50))}, p95 ${ms(percentile(toDefer, 95))}, max ${ms(Math.max(...toDefer))}; ` +
        `final reply p50 ${ms(percentile(toFinal, 50))}, p95 ${ms(percentile(toFinal, 95))}, max ${ms(Math.max(...toFinal))}`,
    );
  });
});
