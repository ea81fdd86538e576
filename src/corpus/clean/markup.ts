import matter from 'gray-matter';
import { convert } from 'html-to-text';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
}

/** YAML front matter (`---` fenced) at the top of a file, possibly after blank lines. */
export function splitFrontMatter(raw: string): FrontMatter {
  const trimmed = raw.replace(/^\uFEFF?\s*/u, '');
  if (!trimmed.startsWith('---')) return { data: {}, body: raw };
  const parsed = matter(trimmed);
  return { data: parsed.data as Record<string, unknown>, body: parsed.content };
}

/** `body` under YAML front matter holding `data`'s non-null fields: the header splitFrontMatter reads back. */
export function withFrontMatter(body: string, data: Record<string, string | null>): string {
  const stated = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
  return matter.stringify(body, stated);
}

const BLOCK_TAG = /<(p|div|br|h[1-6]|li|table|tr|article|section)\b[^>]*>/iu;

export function looksLikeHtml(text: string): boolean {
  return BLOCK_TAG.test(text);
}

/** HTML to plain text with one line per block; images and links' URLs are dropped. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
    ],
  });
}

/** A site name appended to a page title: `关于…的通知_国家邮政局`, `… - 交通运输部`, `… | 首页`. */
const SITE_SUFFIX = /\s*(?:[_|｜]|\s-\s|——)\s*[^_|｜]{1,20}$/u;

/** A page title without the site name appended to it (kept whole when nothing else would remain). */
export function withoutSiteName(title: string): string {
  return title.replace(SITE_SUFFIX, '') || title;
}

/** The title an HTML page states: its first <h1>, else its <title> without the site name. */
export function htmlTitle(html: string): string | null {
  const text = (inner: string | undefined) => (inner === undefined ? '' : convert(inner, { wordwrap: false }).replace(/\s+/gu, ' ').trim());
  const h1 = text(/<h1\b[^>]*>([\s\S]*?)<\/h1>/iu.exec(html)?.[1]);
  if (h1) return h1;
  return withoutSiteName(text(/<title\b[^>]*>([\s\S]*?)<\/title>/iu.exec(html)?.[1])) || null;
}

/** Stray tags and comments left in plain-text sources (`…任務</h1>`, `<!-- INFO END -->`). */
export function stripStrayTags(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/gu, '').replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/giu, '');
}
