import { escapeMarkdown } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { escapeDiscord, maskedLink, plainDiscord, unescapeDiscord } from '../src/discord/escape.ts';

/** Hostile titles from a document's front matter or a user's topic, and how Discord must be sent them. */
const HOSTILE: [string, string, string][] = [
  ['a Markdown link', '[点我](https://evil.example)', '\\[点我](https://evil.example)'],
  ['a bold masked link', '**[点我](https://evil.example)**', '\\*\\*\\[点我](https://evil.example)\\*\\*'],
  ['bold', '**快递**', '\\*\\*快递\\*\\*'],
  ['underscores', '示例_智能_快件箱', '示例\\_智能\\_快件箱'],
  ['a code fence', '```js\nalert(1)\n```', '\\`\\`\\`js\nalert(1)\n\\`\\`\\`'],
  ['a user mention', '<@123>', '\\<@123>'],
  ['a role mention', '<@&123>', '\\<@&123>'],
  ['a channel mention', '<#123>', '\\<#123>'],
  ['a command mention', '</ask:123>', '\\</ask:123>'],
  ['@everyone and @here', '@everyone @here', '\\@everyone \\@here'],
  ['a heading at a line start', '# 标题\n## 小标题', '\\# 标题\n\\## 小标题'],
  ['subtext at a line start', '-# 小字', '\\-# 小字'],
  ['a block quote', '> 引用\n>>> 全部引用', '\\> 引用\n\\>>> 全部引用'],
  ['a list', '- 项目\n1. 第一', '\\- 项目\n1\\. 第一'],
  ['spoilers and strike-through', '||剧透|| ~~删除~~', '\\|\\|剧透\\|\\| \\~\\~删除\\~\\~'],
  ['zero-width characters hiding Markdown', '*\u200b*粗\u200b体*\u200b*', '\\*\\*粗体\\*\\*'],
  ['a zero-width character hiding a mention', '<\u200b@123>', '\\<@123>'],
  ['bidi controls', '\u202e快递\u202c', '快递'],
  ['a backslash before Markdown', '\\*粗\\*', '\\\\\\*粗\\\\\\*'],
  ['plain Chinese', '《快递暂行条例》第十条', '《快递暂行条例》第十条'],
];

describe('escaping for Discord', () => {
  it.each(HOSTILE)('%s', (_name, input, expected) => {
    expect(escapeDiscord(input)).toBe(expected);
  });

  it.each(HOSTILE)('%s reads back as written (without invisible characters)', (_name, input) => {
    expect(unescapeDiscord(escapeDiscord(input))).toBe(input.replace(/[\u200B-\u200F\u202A-\u202E]/gu, ''));
  });

  it('covers what discord.js escapeMarkdown alone misses', () => {
    const missed = HOSTILE.filter(([, input, expected]) => escapeMarkdown(input) !== expected).map(([name]) => name);
    expect(missed).toEqual(
      expect.arrayContaining(['a Markdown link', 'a role mention', '@everyone and @here', 'a heading at a line start', 'subtext at a line start', 'zero-width characters hiding Markdown']),
    );
  });

  it.each([
    ['Markdown stays as written, no backslashes', '**示例_智能_快件箱**', 100, '**示例_智能_快件箱**'],
    ['invisible characters and line breaks go', '快\u200b递\n柜', 100, '快递 柜'],
    ['at most the limit', '长'.repeat(150), 100, `${'长'.repeat(99)}…`],
  ])('plain text (autocomplete, footers): %s', (_name, input, max, expected) => {
    expect(plainDiscord(input, max)).toBe(expected);
  });

  it.each([
    ['a title', '《关于规范快递投递的通知》', 'https://www.example.gov.cn/a.html', '[《关于规范快递投递的通知》](<https://www.example.gov.cn/a.html>)'],
    ['brackets that would close the link', '通知](https://evil.example) [', 'https://www.example.gov.cn/', '[通知\\](https://evil.example) \\[](<https://www.example.gov.cn/>)'],
    ['Markdown and a mention in the title', '**紧急** <@123> @everyone', 'https://example.gov.cn/', '[\\*\\*紧急\\*\\* \\<@123> \\@everyone](<https://example.gov.cn/>)'],
    ['parentheses, spaces and angle brackets in the address', '通知', 'https://example.gov.cn/a (1)/<b>.html', '[通知](<https://example.gov.cn/a%20%281%29/%3Cb%3E.html>)'],
  ])('a masked link to a source: %s', (_name, text, url, expected) => {
    expect(maskedLink(text, url)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'not a url', `https://example.gov.cn/${'a'.repeat(600)}`])('no link to %s', (url) => {
    expect(maskedLink('通知', url)).toBeNull();
  });
});
