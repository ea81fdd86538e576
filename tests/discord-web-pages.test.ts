import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, member, type OptionValue } from './fake-discord/payloads.ts';
import { startBot, unsafeMessages, visibleText, type RunningBot } from './fake-discord/harness.ts';
import type { Reply } from './fake-discord/server.ts';
import { NOTICE, noticePage } from './fake-web/noticePage.ts';
import { type FakeSite, redirect, respond, startFakeSite } from './fake-web/site.ts';
import { regulationPdf, scannedPdf } from './fixtures/documents.ts';

let bot: RunningBot;
let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite();
  site.route('/zw/notice.html', respond('text/html; charset=utf-8', noticePage([
    { href: '/files/banfa.pdf', text: '附件1：示例市快递服务管理办法' },
    { href: '/files/scan.pdf', text: '附件2：扫描件' },
  ])));
  site.route('/files/banfa.pdf', respond('application/pdf', regulationPdf()));
  site.route('/files/scan.pdf', respond('application/pdf', scannedPdf()));
  site.route('/to-intranet', redirect('http://192.168.1.10/notice.html'));
  site.route('/feed.json', respond('application/json', '{}'));
  site.route('/huge.html', respond('text/html', noticePage().repeat(40)));
  const hostile = noticePage()
    .replace(`<meta name="ArticleTitle" content="${NOTICE.title}">`, '<meta name="ArticleTitle" content="**紧急通知** @everyone <@&1> [点我](https://evil.example)">')
    .replace('各快递企业：', '各快递企业 @everyone：');
  site.route('/hostile.html', respond('text/html', hostile));
  bot = await startBot({ MAX_UPLOAD_KB: '64', MAX_UPLOAD_DOCUMENT_KB: '64', WEB_FETCH_ALLOW_HOSTS: '127.0.0.1', ASK_COOLDOWN_SECONDS: '0' });
});
afterAll(async () => {
  await bot?.stop();
  await site?.close();
});

// Whatever a test did, every message the bot sent fits Discord's limits and pings no one.
afterEach(() => expect(unsafeMessages(bot.fake)).toEqual([]));

const moderator = member('资料管理员', { moderator: true });
const command = (who: ReturnType<typeof member>, values: Record<string, OptionValue>) =>
  bot.fake.interact(chatInputInteraction(bot.fake.world, who, 'corpus', values, 'add-url'));
const isUpdated = (r: Reply) => (r.embeds ?? []).some((e) => (e.title ?? '').includes('索引已更新'));
const addUrl = (url: string) => bot.fake.finalReply(command(moderator, { url }), isUpdated, 30_000);
const refused = (url: string) => bot.fake.finalReply(command(moderator, { url }));

describe('/corpus add-url', () => {
  it('stores the notice and its readable attachment, says exactly what was stored and refused, then reindexes', async () => {
    const pageUrl = `${site.origin}/zw/notice.html`;
    const reply = await addUrl(pageUrl);
    const [stored, index] = reply.embeds ?? [];
    expect(stored?.title).toBe('已保存网页及 1 个附件');
    expect(stored?.description).toContain(`[《${NOTICE.title}》](<${pageUrl}>) · ${NOTICE.date} · ${NOTICE.publisher} → \`${NOTICE.title}.html\``);
    expect(stored?.description).toContain(`[《示例市快递服务管理办法》](<${site.origin}/files/banfa.pdf>) · ${NOTICE.date} · ${NOTICE.publisher} → \`${NOTICE.title}-附件1.md\``);
    expect(stored?.description).toMatch(/未保存的附件（1）\*\*\n• \[附件2：扫描件\]\(<[^>]+\/files\/scan\.pdf>\)：PDF 没有文字层/u);
    expect(index?.title).toBe('索引已更新');
    expect(index?.description).toContain('新增 2');
    expect(existsSync(path.join(bot.corpusDir, `${NOTICE.title}.html`))).toBe(true);
    expect(bot.logs.some((l) => l.msg === 'web attachment refused' && String(l.url).endsWith('/files/scan.pdf'))).toBe(true);
  });

  it('then answers from the page, its citation linking back to it', async () => {
    const answer = await bot.fake.finalReply(bot.fake.interact(chatInputInteraction(bot.fake.world, member('提问者'), 'ask', { question: '智能快件箱投递的快件免费保管期限不得少于多少小时？' })));
    expect(answer.embeds?.[0]?.description).toContain('二十四小时');
    const linked = (answer.embeds?.[0]?.fields ?? []).find((f) => f.value.includes(`](<${site.origin}/zw/notice.html>)`));
    expect(linked?.name).toMatch(/^\[\d+\]$/u);
    expect(linked?.value.startsWith(`[《${NOTICE.title}》`)).toBe(true);
  });

  it.each([
    ['a non-http address', () => 'file:///etc/passwd', '无法抓取网页：只能抓取 http 或 https 网址（收到 file:）'],
    ['a redirect to a private address', () => `${site.origin}/to-intranet`, '无法抓取网页：重定向到了不允许的网址：不允许访问内网地址 192.168.1.10'],
    ['a page that is not HTML', () => `${site.origin}/feed.json`, '无法抓取网页：不是网页（内容类型：application/json）'],
    ['an oversized page', () => `${site.origin}/huge.html`, '无法抓取网页：超过大小上限（64 KB）'],
  ])('refuses %s, telling the moderator why and storing nothing', async (_what, url, message) => {
    const before = await readdir(bot.corpusDir);
    const reply = await refused(url());
    expect(reply.content).toBe(message);
    expect(reply.embeds ?? []).toEqual([]);
    expect(await readdir(bot.corpusDir)).toEqual(before);
    expect(bot.logs.some((l) => l.msg === 'user error' && l.reason === message)).toBe(true);
  });

  it('is for moderators only', async () => {
    const reply = await bot.fake.finalReply(command(member('普通成员'), { url: `${site.origin}/zw/notice.html` }));
    expect(((reply.flags ?? 0) & MessageFlags.Ephemeral) !== 0 && reply.content?.includes('只有管理员')).toBe(true);
  });

  it('shows a page title full of Markdown and mentions as text', async () => {
    const reply = await addUrl(`${site.origin}/hostile.html`);
    const text = visibleText(reply);
    expect(text).toContain('\\*\\*紧急通知\\*\\* \\@everyone \\<@&1> \\[点我\\]');
    expect(text).not.toMatch(/(^|[^\\])@everyone/u);
  });
});
