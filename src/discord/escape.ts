/**
 * The one way corpus or user text reaches Discord. Mentions never ping (NO_MENTIONS); this is
 * about rendering: a title must read as written, not as a link, a heading or a mention.
 */
import { escapeMarkdown } from 'discord.js';
import { truncate } from './limits.ts';

/** Zero-width, soft-hyphen and bidi controls: invisible, they can hide Markdown or a mention from a reader. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

// escapeMarkdown leaves headings, lists and masked links alone unless asked.
const MARKDOWN = { heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;

/**
 * Text shown where Discord renders Markdown (descriptions, field names and values, titles): every
 * Markdown sign escaped, plus what escapeMarkdown misses: mention and emoji syntax (<@1>, <@&1>,
 * <#1>, </cmd:1>, <t:1>), @everyone/@here, -# subtext and > quotes at a line start.
 */
export function escapeDiscord(text: string): string {
  return escapeMarkdown(text.replace(INVISIBLE, ''), MARKDOWN)
    .replace(/</gu, '\\<')
    .replace(/@(everyone|here)/gu, '\\@$1')
    .replace(/^([ \t]*)(-#|>)/gmu, '$1\\$2');
}

/** What escapeDiscord escaped, read back (the question kept in an answer's title). */
export function unescapeDiscord(text: string): string {
  return text.replace(/\\([^0-9A-Za-z\s])/gu, '$1');
}

/** Longer addresses are not linked: a link must never be cut by a length limit, leaving Markdown half open. */
const MAX_LINKED_URL = 512;

/**
 * `[text](<url>)`, a masked link without an embed preview, where Discord renders Markdown: the text
 * escaped like any other (its brackets too, so it cannot close the link early), the address only
 * http(s) as the URL parser writes it (no spaces or angle brackets; parentheses percent-encoded).
 * Null when the address cannot be linked that way.
 */
export function maskedLink(text: string, url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol, href } = new URL(url);
  if ((protocol !== 'http:' && protocol !== 'https:') || href.length > MAX_LINKED_URL) return null;
  const label = text
    .split(/([[\]])/u)
    .map((part) => (part === '[' || part === ']' ? `\\${part}` : escapeDiscord(part)))
    .join('');
  return `[${label}](<${href.replace(/\(/gu, '%28').replace(/\)/gu, '%29')}>)`;
}

/**
 * Text shown where Discord renders no Markdown (footers, autocomplete choices, button labels), so a
 * backslash would show: invisible characters removed, one line, at most `max` characters.
 */
export function plainDiscord(text: string, max: number): string {
  return truncate(text.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim(), max);
}
