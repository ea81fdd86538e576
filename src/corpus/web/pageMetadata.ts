/**
 * Title, date and publisher of a web article, from what Chinese government sites state: the
 * `ArticleTitle` / `PubDate` / `ContentSource` meta tags of their publishing system, else the
 * `发布时间：… 来源：…` line above the article, else what Readability read (og:, JSON-LD, <title>).
 */
import { withoutSiteName } from '../clean/markup.ts';
import { parseDate, publicationDateLine, sourceLine } from '../metadata.ts';

export interface PageMetadata {
  title: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  publisher: string | null;
}

/** What Readability found, used when the page states nothing more specific. */
export interface ReadabilityMetadata {
  title: string | null;
  publishedTime: string | null;
  siteName: string | null;
}

const META_TITLE = ['articletitle'];
const META_DATE = ['pubdate', 'publishdate', 'firstpublishedtime'];
const META_PUBLISHER = ['contentsource'];

function firstMeta(metas: ReadonlyMap<string, string>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = metas.get(name)?.trim();
    if (value) return value;
  }
  return null;
}

/**
 * `发布时间：2024-01-05　来源：国家邮政局　字号：大 中 小` as its labelled parts; a part is a label
 * (up to six characters and a colon) and what follows it up to the next label.
 */
export function labelledParts(line: string): string[] {
  return line
    .split(/[\s\u3000]+(?=[^\s\u3000:：]{1,6}[:：])/u)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The date and publisher the page's own lines state, scanning labelled parts of short lines. */
export function statedInText(lines: readonly string[]): { date: string | null; publisher: string | null } {
  let date: string | null = null;
  let publisher: string | null = null;
  for (const line of lines) {
    if ([...line].length > 120) continue;
    for (const part of labelledParts(line)) {
      date ??= publicationDateLine(part)?.date ?? null;
      publisher ??= sourceLine(part.replace(/^信息(?=[來来]源)/u, ''));
    }
    if (date && publisher) break;
  }
  return { date, publisher };
}

/** `metas` maps lower-cased meta names (and properties) to their content. */
export function pageMetadata(metas: ReadonlyMap<string, string>, lines: readonly string[], readability: ReadabilityMetadata): PageMetadata {
  const stated = statedInText(lines);
  const title = firstMeta(metas, META_TITLE) ?? (readability.title ? withoutSiteName(readability.title.trim()) : null);
  return {
    title: title || null,
    date: parseDate(firstMeta(metas, META_DATE)) ?? stated.date ?? parseDate(readability.publishedTime),
    publisher: firstMeta(metas, META_PUBLISHER) ?? stated.publisher ?? (readability.siteName?.trim() || null),
  };
}
