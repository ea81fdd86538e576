import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AIMessageChunk } from '@langchain/core/messages';
import { FakeStreamingChatModel } from '@langchain/core/utils/testing';
import type { ChatProvider } from '../src/providers/createChatModel.ts';
import { QaService } from '../src/service/qaService.ts';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, member, type Member, type OptionValue } from './fake-discord/payloads.ts';
import { startBot, unsafeMessages, visibleText, type RunningBot } from './fake-discord/harness.ts';
import type { Reply } from './fake-discord/server.ts';
import { NOTICE, noticePage } from './fake-web/noticePage.ts';
import { type FakeSite, redirect, respond, startFakeSite } from './fake-web/site.ts';
import { regulationPdf, scannedPdf } from './fixtures/documents.ts';

const SEED_19TH_CONGRESS = '000_284666bd80d2f480';
const SEED_SUPPLIES = '001_7334d363ac647930';
const NO_PINGS = { parse: [], users: [], roles: [], replied_user: false };

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({ ASK_COOLDOWN_SECONDS: '30', MESSAGE_CONTENT_INTENT: 'true', MAX_UPLOAD_KB: '64', MAX_UPLOAD_DOCUMENT_KB: '64', WEB_FETCH_ALLOW_HOSTS: '127.0.0.1' });
});
afterAll(async () => bot?.stop());

// Whatever a test did, every message the bot sent fits Discord's limits and pings no one.
afterEach(() => expect(unsafeMessages(bot.fake)).toEqual([]));

const world = () => bot.fake.world;
const command = (who: Member, name: string, values: Record<string, OptionValue> = {}, subcommand?: string) => bot.fake.interact(chatInputInteraction(world(), who, name, values, subcommand));
const ask = (question: string, who = member('提问者')) => command(who, 'ask', { question });
const titleOf = (docId: string) => bot.service.index.documents.get(docId)?.title ?? docId;
const isEphemeral = (reply: Reply) => ((reply.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
/** What the user sees once the bot is done: the original response after every edit, or an immediate (e.g. refusal) response. */
const finalReply = (interaction: { id: string; token: string }) => bot.fake.finalReply(interaction);
const isUpdated = (r: Reply) => (r.embeds?.[0]?.title ?? '').includes('索引已更新');
const citedTitles = (reply: Reply) => (reply.embeds?.[0]?.fields ?? []).map((f) => f.name);

describe('/ask', () => {
  it('defers at once, then answers a Traditional question citing the right document', async () => {
    const interaction = ask('十九大寄遞安保期間要嚴格執行哪三項制度？');
    const reply = await finalReply(interaction);
    expect(bot.fake.replies(interaction)[0]?.callbackType).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(reply.via).toBe('edit');
    expect(reply.embeds?.[0]?.description).toMatch(/收寄验视|收寄驗視/u);
    expect(reply.embeds?.[0]?.description).toContain('[1]');
    expect(citedTitles(reply)[0]).toContain(titleOf(SEED_19TH_CONGRESS));
    expect(reply.embeds?.[0]?.fields?.[0]?.value).toContain('2017-09-29');
  });

  it('answers a Simplified question from a Simplified document, with a button showing the full passage', async () => {
    const interaction = ask('疫情期间国家邮政局要求优先保障哪些物资的运递？');
    const reply = await finalReply(interaction);
    // The national notice is cited (provincial meetings on the same measures may be cited too).
    const cited = citedTitles(reply).findIndex((t) => t.includes(titleOf(SEED_SUPPLIES)));
    expect(cited).toBeGreaterThanOrEqual(0);

    const buttonId = reply.components?.[0]?.components[cited]?.custom_id;
    expect(buttonId).toBeDefined();
    const shown = bot.fake.interact(buttonInteraction(world(), member('读者'), buttonId!, bot.fake.original(interaction)!));
    const passage = await finalReply(shown);
    expect(passage.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(passage)).toBe(true);
    expect(visibleText(passage)).toContain(titleOf(SEED_SUPPLIES));
    expect([...visibleText(passage)].length).toBeGreaterThan([...(reply.embeds?.[0]?.fields?.[cited]?.value ?? '')].length);
  });

  it('declines a postal question the corpus cannot answer, listing related provisions marked as no answer, each with a passage button', async () => {
    const reply = await finalReply(ask('十九大期间寄递安保的经费由谁承担？'));
    const text = visibleText(reply);
    expect(text).toContain('语料中没有找到能回答这个问题的内容');
    expect(text).toMatch(/可能相关的条文.*不足以回答/u);
    expect(text).not.toContain('[1]');
    const buttons = reply.components?.[0]?.components ?? [];
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons[0]?.custom_id).toMatch(/^passage:000_284666bd80d2f480#/u);
  });

  it.each([
    ['明天北京天气怎么样？', '与邮政、快递无关'],
    ['How do I send a parcel to Shanghai?', '请用中文提问'],
  ])('answers %s, which has nothing postal in it, by saying what the bot answers, listing no documents', async (question, says) => {
    const reply = await finalReply(ask(question, member(`问路人${says.length}`)));
    const text = visibleText(reply);
    expect(text).toContain(says);
    expect(text).not.toMatch(/最接近的文档|可能相关的条文/u);
    expect(reply.components ?? []).toEqual([]);
  });

  it('answers an empty question with a short ephemeral explanation instead of failing', async () => {
    const reply = await finalReply(ask('？？ ！'));
    expect(visibleText(reply)).toMatch(/问题/u);
    expect(visibleText(reply)).not.toContain('出错');
  });

  it('holds a per-user cooldown with an ephemeral notice', async () => {
    const asker = member('急性子');
    await finalReply(ask('十九大期间实行什么值班和报告制度？', asker));
    const second = await finalReply(ask('零报告制度是什么？', asker));
    expect(second.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(second)).toBe(true);
    expect(second.content).toMatch(/秒后再试/u);
  });

  it('holds the same cooldown for /summary, declared as a precondition of the command', async () => {
    const reader = member('总结控');
    await finalReply(command(reader, 'summary', { topic: '疫情防控' }));
    const second = await finalReply(command(reader, 'summary', { topic: '寄递安全' }));
    expect(isEphemeral(second)).toBe(true);
    expect(second.content).toMatch(/秒后再试/u);
  });
});

describe('/summary and /sources', () => {
  it('autocompletes documents typed in Traditional characters, within Discord limits', async () => {
    const typing = bot.fake.interact(autocompleteInteraction(world(), member('读者'), 'summary', { name: 'document', value: '郵政局' }));
    const reply = await finalReply(typing);
    expect(reply.callbackType).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const ids = (reply.choices ?? []).map((c) => c.value);
    expect(ids).toContain(SEED_SUPPLIES);
    expect(ids.length).toBeLessThanOrEqual(25);
  });

  it('summarizes one document with citations', async () => {
    const reply = await finalReply(command(member('读者'), 'summary', { document: SEED_SUPPLIES }));
    expect(reply.embeds?.[0]?.title).toContain('摘要');
    expect(reply.embeds?.[0]?.description).toContain('[1]');
    expect(citedTitles(reply).every((t) => t.includes(titleOf(SEED_SUPPLIES)))).toBe(true);
  });

  it('summarizes a topic across documents', async () => {
    const reply = await finalReply(command(member('读者'), 'summary', { topic: '疫情防控和复工复产' }));
    expect(reply.embeds?.[0]?.description).toContain('[1]');
    expect(new Set(citedTitles(reply)).size).toBeGreaterThan(1);
  });

  it('answers a button it no longer knows (from an older version) with an ephemeral notice, and logs it', async () => {
    const asked = ask('十九大期间实行什么值班和报告制度？', member('旧按钮'));
    await finalReply(asked);
    const reply = await finalReply(bot.fake.interact(buttonInteraction(world(), member('读者'), 'retired:feature', bot.fake.original(asked)!)));
    expect(isEphemeral(reply)).toBe(true);
    expect(visibleText(reply)).toContain('按钮已失效');
    expect(bot.logs).toContainEqual(expect.objectContaining({ msg: 'unknown component', customId: 'retired:feature' }));
  });

  it('explains an unknown document in Discord’s words (the document option, not a terminal command)', async () => {
    const reply = await finalReply(command(member('读者'), 'summary', { document: 'no-such-document' }));
    expect(reply.content).toBe('找不到文档“no-such-document”，请在 document 选项中输入标题关键词，从列表中选择');
  });

  it('lists the indexed documents by title with chunk counts, and the build time as Discord timestamp markup', async () => {
    const reply = await finalReply(command(member('读者'), 'sources'));
    const text = visibleText(reply);
    expect(text).toContain(titleOf(SEED_19TH_CONGRESS));
    expect(text).not.toContain(SEED_19TH_CONGRESS);
    expect(text).toMatch(/\d+ 段/u);
    const builtAt = Date.parse(bot.service.builtAt()) / 1000;
    expect(reply.embeds?.[0]?.description?.split('\n')[0]).toBe(`索引建立于 <t:${Math.floor(builtAt)}:f>`);
  });
});

describe('moderator commands', () => {
  it('refuses /reindex from a member without Manage Guild, even when the client hid nothing', async () => {
    const before = bot.service.index.generation;
    const reply = await finalReply(command(member('普通成员'), 'reindex'));
    expect(reply.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('只有管理员');
    expect(bot.service.index.generation).toBe(before);
  });

  it('reindexes for a moderator while questions keep being answered, and refuses a second run', async () => {
    await writeFile(path.join(bot.corpusDir, 'kuaidigui.txt'), '示例市快递柜管理通知\n快递柜超时保管费由示例市邮政管理局统一规定，每日收费一元，封顶三元。');
    const moderator = member('管理员', { moderator: true });
    const reindex = command(moderator, 'reindex');
    const second = command(member('另一位管理员', { roles: [world().moderatorRoleId] }), 'reindex');
    const questions = ['十九大期间实行什么值班和报告制度？', '疫情期间要优先保障哪些物资运递？', '“快递进村”工程今年的覆盖率力争达到多少？'].map((q, i) => ask(q, member(`提问者${i}`)));

    const done = await bot.fake.finalReply(reindex, isUpdated);
    expect(visibleText(done)).toContain('新增 1');
    expect(visibleText(done)).toContain('kuaidigui');
    expect(visibleText(done)).toMatch(/用时 \d+\.\d 秒/u);
    expect(visibleText(await finalReply(second))).toContain('进行中');
    for (const question of questions) expect((await finalReply(question)).embeds?.[0]?.description).toContain('[1]');

    const after = await finalReply(ask('快递柜超时保管费每日收费多少？'));
    expect(citedTitles(after)[0]).toContain('示例市快递柜管理通知');
  });

  it('reports why a reindex failed and keeps serving the old index', async () => {
    const before = bot.service.index.generation;
    const moved = `${bot.corpusDir}-moved`;
    await rename(bot.corpusDir, moved);
    // The moderator sees the cause; the operator gets the error in the log.
    bot.expectLog({ msg: 'reindex failed', where: (l) => String((l.err as { message?: string } | undefined)?.message).includes('语料目录不存在') });
    try {
      const failed = await finalReply(command(member('管理员', { moderator: true }), 'reindex'));
      expect(failed.content).toContain('重建索引失败：语料目录不存在');
      expect(failed.content).toContain('原来的索引仍在使用');
      expect(bot.service.index.generation).toBe(before);
      expect((await finalReply(ask('十九大期间实行什么值班和报告制度？'))).embeds?.[0]?.description).toContain('[1]');
    } finally {
      await rename(moved, bot.corpusDir);
    }
  });

  it('refuses to empty the index from an empty corpus folder, leaving that to the server', async () => {
    const before = bot.service.index.generation;
    const moved = `${bot.corpusDir}-aside`;
    await rename(bot.corpusDir, moved);
    await mkdir(bot.corpusDir);
    bot.expectLog({ msg: 'reindex failed', where: (l) => (l.err as { code?: string } | undefined)?.code === 'corpus-empty' });
    try {
      const refused = await finalReply(command(member('管理员', { moderator: true }), 'reindex'));
      expect(refused.content).toMatch(
        /^重建索引失败：语料目录中没有可索引的文档（.*），可能尚未挂载；现有索引的 \d+ 篇文档保持不变，确需清空索引时，请在服务器上运行 npm run index -- --allow-empty\n原来的索引仍在使用/u,
      );
      expect(bot.service.index.generation).toBe(before);
    } finally {
      await rm(bot.corpusDir, { recursive: true });
      await rename(moved, bot.corpusDir);
    }
  });

  const upload = (who: Member, filename: string, data: string, reportedSize?: number, replace?: boolean) =>
    command(who, 'corpus', { file: bot.fake.hostAttachment(filename, data, reportedSize), ...(replace === undefined ? {} : { replace }) }, 'add');
  const moderator = member('资料管理员', { moderator: true });

  it('refuses uploads from non-moderators, of the wrong type, and too large', async () => {
    const before = await readdir(bot.corpusDir);
    const byMember = await finalReply(upload(member('普通成员'), 'tongzhi.txt', '通知正文'));
    expect(isEphemeral(byMember) && byMember.content?.includes('只有管理员')).toBe(true);
    expect(visibleText(await finalReply(upload(moderator, 'tongzhi.wps', '通知正文')))).toMatch(/只接受 \.txt、\.md、\.html、\.pdf、\.docx、\.doc/u);
    expect(visibleText(await finalReply(upload(moderator, 'tongzhi.pdf', '%PDF-1.7')))).toMatch(/PDF 文件已损坏/u);
    expect(visibleText(await finalReply(upload(moderator, 'big.txt', '大', 65 * 1024)))).toContain('文件过大');
    expect(await readdir(bot.corpusDir)).toEqual(before);
  });

  it('stores a path-traversal name inside the corpus, and the new document becomes answerable', async () => {
    const notice = '示例省智能快件箱管理办法\n智能快件箱运营企业应当在箱体显著位置公示投诉电话，投诉应当在七日内处理完毕。';
    const added = await bot.fake.finalReply(upload(moderator, '../../../etc/智能快件箱.txt', notice), isUpdated);
    expect(added.embeds?.[0]?.title).toContain('已保存 智能快件箱.txt');
    expect(existsSync(path.join(bot.corpusDir, '智能快件箱.txt'))).toBe(true);
    expect(existsSync(path.resolve(bot.corpusDir, '../../../etc/智能快件箱.txt'))).toBe(false);

    const answer = await finalReply(ask('智能快件箱的投诉应当在几日内处理完毕？'));
    expect(answer.embeds?.[0]?.description).toContain('七日内');
    expect(citedTitles(answer)[0]).toContain('示例省智能快件箱管理办法');

    const again = await finalReply(upload(moderator, '智能快件箱.txt', notice));
    expect(visibleText(again)).toContain('replace:true');

    const removed = await bot.fake.finalReply(command(moderator, 'corpus', { document: '智能快件箱' }, 'remove'), isUpdated);
    expect(visibleText(removed)).toContain('删除 1');
    expect(existsSync(path.join(bot.corpusDir, '智能快件箱.txt'))).toBe(false);
  });
});

describe('mentions', () => {
  const mention = (content: string, extra = {}) => bot.fake.say(member('群友').user, content, { mentions: [world().bot], mention_everyone: content.includes('@everyone'), ...extra });

  it('answers a mention containing @everyone with every mention disabled', async () => {
    const asked = mention(`<@${world().bot.id}> @everyone <@&${world().moderatorRoleId}> 十九大期间进京邮件要执行哪三项制度？`);
    const request = await bot.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${world().channelId}/messages`);
    const body = request.body as Reply & { message_reference?: { message_id: string } };
    expect(body.message_reference?.message_id).toBe(asked.id);
    expect(body.allowed_mentions).toEqual(NO_PINGS);
    expect(body.embeds?.[0]?.description).toContain('[1]');
    expect(body.embeds?.[0]?.title).not.toContain('@everyone');
  });

  it('treats a reply to one of its answers as a follow-up question', async () => {
    const answerId = bot.fake.channelMessages().at(-1)?.id;
    expect(answerId).toBeDefined();
    const count = bot.fake.channelReplies().length;
    bot.fake.say(member('另一位群友').user, '那安检呢？', { message_reference: { message_id: answerId!, channel_id: world().channelId, guild_id: world().guildId } });
    await bot.fake.waitForRequest(() => bot.fake.channelReplies().length > count);
    const followUp = bot.fake.channelReplies().at(-1)!;
    expect(followUp.embeds?.[0]?.title).toContain('十九大');
    expect(followUp.embeds?.[0]?.description).toContain('[1]');
  });

  it('an empty mention is told to write a question, without using up the cooldown', async () => {
    const asker = member('只@不问');
    const count = bot.fake.channelReplies().length;
    bot.fake.say(asker.user, `<@${world().bot.id}>`, { mentions: [world().bot] });
    await bot.fake.waitForRequest(() => bot.fake.channelReplies().length > count);
    expect(bot.fake.channelReplies().at(-1)?.content).toContain('请在 @我 之后写上你的问题');
    bot.fake.say(asker.user, `<@${world().bot.id}> 十九大期间实行什么值班制度？`, { mentions: [world().bot] });
    await bot.fake.waitForRequest(() => bot.fake.channelReplies().length > count + 1);
    expect(bot.fake.channelReplies().at(-1)?.embeds?.[0]?.description).toContain('[1]');
  });
});

describe('long listings', () => {
  it('pages /sources for whoever asks, in pages only they see, never changing the listing everyone sees', async () => {
    for (let i = 1; i <= 20; i++) {
      await writeFile(path.join(bot.corpusDir, `notice-${String(i).padStart(2, '0')}.txt`), `示例通知第${i}号\n示例市邮政管理局第${i}号通知要求加强寄递安全管理。`);
    }
    await bot.service.reindex();
    const listed = command(member('读者'), 'sources');
    const first = await finalReply(listed);
    const count = bot.service.documents().length;
    expect(count).toBeGreaterThan(20);
    expect(first.embeds?.[0]?.title).toContain(`已索引文档（${count} 篇）`);
    expect(first.embeds?.[0]?.footer?.text).toContain('第 1/3 页');
    const next = first.components?.[0]?.components.find((c) => c.label === '下一页')?.custom_id;
    expect(next).toBeDefined();

    const shared = bot.fake.original(listed)!;

    // From the shared listing: a new message (type 4) with the ephemeral flag (64), for the clicker alone.
    const paged = bot.fake.interact(buttonInteraction(world(), member('另一位读者'), next!, shared));
    const second = await finalReply(paged);
    expect(second.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(second)).toBe(true);
    expect(second.embeds?.[0]?.footer?.text).toBe('第 2/3 页');
    expect(visibleText(second)).not.toEqual(visibleText(first));
    expect(bot.fake.original(listed)).toEqual(shared);

    // From that private page: turned in place (type 7), still private, the shared listing untouched.
    const privatePage = bot.fake.original(paged)!;
    const third = second.components?.[0]?.components.find((c) => c.label === '下一页')?.custom_id;
    const turned = bot.fake.interact(buttonInteraction(world(), member('另一位读者'), third!, privatePage));
    const last = await finalReply(turned);
    expect(last.callbackType).toBe(InteractionResponseType.UpdateMessage);
    expect(bot.fake.original(turned)?.id).toBe(privatePage.id);
    expect(isEphemeral(last)).toBe(true);
    expect(last.embeds?.[0]?.footer?.text).toBe('第 3/3 页');
    expect(bot.fake.original(listed)).toEqual(shared);
  });
});

describe('/corpus add-url', () => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await startFakeSite();
    site.route(
      '/zw/notice.html',
      respond(
        'text/html; charset=utf-8',
        noticePage([
          { href: '/files/banfa.pdf', text: '附件1：示例市快递服务管理办法' },
          { href: '/files/scan.pdf', text: '附件2：扫描件' },
        ]),
      ),
    );
    site.route('/files/banfa.pdf', respond('application/pdf', regulationPdf()));
    site.route('/files/scan.pdf', respond('application/pdf', scannedPdf()));
    site.route('/to-intranet', redirect('http://192.168.1.10/notice.html'));
    site.route('/feed.json', respond('application/json', '{}'));
    site.route('/huge.html', respond('text/html', noticePage().repeat(40)));
    const hostile = noticePage()
      .replace(`<meta name="ArticleTitle" content="${NOTICE.title}">`, '<meta name="ArticleTitle" content="**紧急通知** @everyone <@&1> [点我](https://evil.example)">')
      .replace('各快递企业：', '各快递企业 @everyone：');
    site.route('/hostile.html', respond('text/html', hostile));
  });
  afterAll(async () => site?.close());

  const moderator = member('网页管理员', { moderator: true });
  const addUrlCommand = (who: Member, url: string) => command(who, 'corpus', { url }, 'add-url');
  // The index report follows the embed saying what was stored.
  const reindexed = (r: Reply) => (r.embeds ?? []).some((e) => e.title === '索引已更新');
  const addUrl = (url: string) => bot.fake.finalReply(addUrlCommand(moderator, url), reindexed);
  const refused = (url: string) => finalReply(addUrlCommand(moderator, url));

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
    const answer = await finalReply(ask('智能快件箱投递的快件免费保管期限不得少于多少小时？', member('网页读者')));
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
    const reply = await finalReply(addUrlCommand(member('普通成员'), `${site.origin}/zw/notice.html`));
    expect(isEphemeral(reply) && reply.content?.includes('只有管理员')).toBe(true);
  });

  it('shows a page title full of Markdown and mentions as text', async () => {
    const reply = await addUrl(`${site.origin}/hostile.html`);
    const text = visibleText(reply);
    expect(text).toContain('\\*\\*紧急通知\\*\\* \\@everyone \\<@&1> \\[点我\\]');
    expect(text).not.toMatch(/(^|[^\\])@everyone/u);
  });
});

/** A chat model (LangChain's fake) streaming, sentence by sentence, an answer citing the first passage far beyond Discord's limits. */
function longAnswerModel(): ChatProvider {
  const sentence = '进京邮件要严格执行收寄验视、实名收寄和过机安检三项制度，确保寄递渠道安全畅通。[1]';
  const chunks = Array.from({ length: Math.ceil(9000 / sentence.length) }, () => new AIMessageChunk(sentence));
  return { model: new FakeStreamingChatModel({ chunks, sleep: 0 }), timeoutMs: 10_000, retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0 } };
}

describe('an answer longer than Discord allows', () => {
  let long: RunningBot;
  beforeAll(async () => {
    long = await startBot({ ASK_COOLDOWN_SECONDS: '0' }, { service: (config, log) => new QaService(config, log, { chat: longAnswerModel() }) });
  });
  afterAll(async () => long?.stop());

  it('is cut right after a citation marker, within every limit, keeping its sources', async () => {
    const asked = long.fake.interact(chatInputInteraction(long.fake.world, member('提问者'), 'ask', { question: '十九大期间进京邮件要执行哪三项制度？' }));
    const reply = await long.fake.finalReply(asked);
    expect(unsafeMessages(long.fake)).toEqual([]);
    const description = reply.embeds?.[0]?.description ?? '';
    expect([...description].length).toBeGreaterThan(3000);
    expect(description).toMatch(/\[\d+\]\n…（内容过长，已截断）$/u);
    expect(reply.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
    expect(reply.embeds?.[0]?.fields?.[0]?.name).toContain('[1]');
  });
});
