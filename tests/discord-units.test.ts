import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Cooldowns } from '../src/discord/cooldown.ts';
import { LIMITS, splitAtMarkers } from '../src/discord/limits.ts';
import { questionFromMention } from '../src/discord/mentions.ts';
import { answerReply, questionOfTitle } from '../src/discord/responses/answer.ts';
import type { Answer } from '../src/answer/types.ts';
import { addCorpusFile, removeCorpusFile, sanitizeFileName } from '../src/service/corpusFiles.ts';
import { tempDir } from './helpers.ts';

describe('file names for uploaded documents', () => {
  it.each([
    ['通知.txt', '通知.txt'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['/abs/path/规定.MD', '规定.md'],
    ['..\\..\\win.html', 'win.html'],
    ['ｒｅｐｏｒｔ．ｔｘｔ', 'report.txt'],
    ['a b;c$.txt', 'a_b_c.txt'],
    ['.hidden.txt', 'hidden.txt'],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it.each([['notes.pdf'], ['script.txt.exe'], ['CON.txt'], ['....txt'], ['noextension']])('refuses %s', (input) => {
    expect(() => sanitizeFileName(input)).toThrow(expect.objectContaining({ code: expect.stringMatching(/^(unsupported-format|invalid-file-name)$/u) }));
  });
});

describe('adding and removing corpus files', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => Promise.all(cleanups.splice(0).map((c) => c())));

  it('stores a UTF-8 file, refuses to overwrite without replace, and removes it by id', async () => {
    const t = await tempDir('corpus-');
    cleanups.push(t.cleanup);
    const opts = { replace: false, maxBytes: 1024, maxDocumentBytes: 4096 };
    expect(await addCorpusFile(t.dir, '../通知.txt', Buffer.from('快递末端网点备案。'), opts)).toBe('通知.txt');
    await expect(addCorpusFile(t.dir, '通知.txt', Buffer.from('新内容'), opts)).rejects.toMatchObject({ code: 'document-exists' });
    expect(await addCorpusFile(t.dir, '通知.txt', Buffer.from('新内容'), { ...opts, replace: true })).toBe('通知.txt');
    await expect(addCorpusFile(t.dir, 'big.txt', Buffer.alloc(2048, 0x41), opts)).rejects.toThrow(/过大/u);
    await expect(addCorpusFile(t.dir, 'gbk.txt', Buffer.from([0xb9, 0xfa, 0xbc, 0xd2]), opts)).rejects.toThrow(/UTF-8/u);
    await expect(addCorpusFile(t.dir, 'empty.txt', Buffer.alloc(0), opts)).rejects.toThrow(/为空/u);
    expect(await removeCorpusFile(t.dir, '通知')).toBe('通知.txt');
    await expect(removeCorpusFile(t.dir, '../outside')).rejects.toMatchObject({ code: 'unknown-document' });
    expect(await readdir(t.dir)).toEqual([]);
  });

  it('cannot remove a file outside the corpus folder', async () => {
    const t = await tempDir('corpus-');
    cleanups.push(t.cleanup);
    await mkdir(path.join(t.dir, 'corpus'));
    await writeFile(path.join(t.dir, 'secret.txt'), 'x');
    await expect(removeCorpusFile(path.join(t.dir, 'corpus'), '../secret')).rejects.toMatchObject({ code: 'unknown-document' });
    expect(await readdir(t.dir)).toContain('secret.txt');
  });
});

describe('Discord message limits', () => {
  it('splits long text only right after a citation marker', () => {
    const text = Array.from({ length: 60 }, (_, i) => `第${i}句话说明邮政快递业的安全生产要求。[${(i % 5) + 1}]`).join('');
    const pieces = splitAtMarkers(text, 500);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect([...piece].length).toBeLessThanOrEqual(500);
      expect(piece).toMatch(/\[\d+\]$/u);
    }
  });

  it('truncates a long answer after a citation marker, within the message limits, pinging no one', () => {
    const long = '@everyone 请注意'.repeat(10) + '。[1]'.repeat(1) + '很长的句子。[1]'.repeat(700);
    const answer: Answer = {
      question: '<@&123> 问题？',
      answered: true,
      answer: long,
      mode: 'extractive',
      closest: [],
      declined: null,
      related: [],
      citations: [{ n: 1, docId: 'd', title: '标题'.repeat(200), date: '2020-01-01', source: '来源', scope: '全国', chunkId: 'd#abc', text: '原文'.repeat(900), score: 1, location: null, url: null }],
    };
    const reply = answerReply(answer);
    expect(reply.allowedMentions).toMatchObject({ parse: [], repliedUser: false });
    expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
    let total = 0;
    for (const embed of reply.embeds.map((e) => e.toJSON())) {
      expect([...(embed.description ?? '')].length).toBeLessThanOrEqual(LIMITS.embedDescription);
      for (const f of embed.fields ?? []) {
        expect([...f.name].length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect([...f.value].length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
      total +=
        [...(embed.title ?? '')].length +
        [...(embed.description ?? '')].length +
        (embed.fields ?? []).reduce((n, f) => n + [...f.name].length + [...f.value].length, 0) +
        [...(embed.footer?.text ?? '')].length;
      expect(embed.description).toMatch(/\[1\]\n…（内容过长，已截断）$/u);
      expect(embed.fields).toHaveLength(1);
    }
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  });
});

describe('a two-question message answered in part', () => {
  it('says in the footer which question was answered, as plain text', () => {
    const answer: Answer = {
      question: '快递丢了几天内答复？加盟费多少？',
      answered: true,
      answer: '快递企业应当自收到投诉之日起七日内予以答复。[1]',
      mode: 'extractive',
      closest: [],
      declined: null,
      related: [],
      citations: [{ n: 1, docId: 'd', title: '示例办法', date: null, source: null, scope: '全国', chunkId: 'd#abc', text: '第四条 …七日内予以答复。', score: 1, location: '第四条', url: null }],
      answeredPart: '快递丢了**几天**内答复',
    };
    const footer = answerReply(answer).embeds.at(-1)!.toJSON().footer?.text;
    expect(footer).toMatch(/^只回答了“快递丢了\*\*几天\*\*内答复”；其余问题语料中没有找到答案。 答案摘自语料原文/u);
  });
});

describe('answer titles', () => {
  it.each(['**快递进村** `覆盖率`？', '第_十_条 ~~删除~~ > 引用 [链接](x) #标题', '普通问题'])('keep the question %s readable for follow-ups while escaping Markdown', (question) => {
    const declined: Answer = { question, answered: false, answer: '语料中没有找到能回答这个问题的内容。', mode: 'extractive', citations: [], closest: [], declined: 'unsupported', related: [] };
    const title = answerReply(declined).embeds[0]!.data.title;
    expect(questionOfTitle(title)).toBe(question);
  });
});

describe('mentions and cooldowns', () => {
  it.each([
    ['<@123456> 快递进村覆盖率是多少？', '快递进村覆盖率是多少？'],
    ['<@!123456>   @everyone 问题 <@&987>', '问题'],
    ['<@123>', ''],
  ])('reads the question of %j', (content, question) => {
    expect(questionFromMention(content)).toBe(question);
  });

  it('lets a user ask again only after the cooldown', () => {
    let now = 0;
    const cooldowns = new Cooldowns(10, () => now);
    expect(cooldowns.take('u1')).toBe(0);
    now = 3_000;
    expect(cooldowns.take('u1')).toBe(7);
    expect(cooldowns.take('u2')).toBe(0);
    now = 10_000;
    expect(cooldowns.take('u1')).toBe(0);
  });
});
