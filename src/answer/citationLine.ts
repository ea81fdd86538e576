/** How every adapter names a cited source: one formatter, so no renderer repeats the title. */
import type { Citation } from './types.ts';

/**
 * A title between 《》: marks inside it become 〈〉 (《上海市实施〈中华人民共和国邮政法〉办法》),
 * since nested 《》 read as two titles; a title already wrapped in 《》 is not wrapped twice.
 */
export function bookTitle(title: string): string {
  const bare = title.trim().replace(/^《(.*)》$/u, '$1');
  return `《${bare.replace(/《/gu, '〈').replace(/》/gu, '〉')}》`;
}

/** An article, with the page of a PDF after it (第二十七条 第3页). */
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]+条(?:之[一二三四五六七八九十]+)?(?: 第\d+页)?$/u;

/**
 * The title followed by where in it: 《快递暂行条例》第二十七条 for an article (第二十七条 第3页 in a
 * PDF), 《…》 · 青海省邮政管理局 for a prose section, the title alone otherwise.
 */
export function citedPlace(title: string, location: string | null): string {
  if (!location) return bookTitle(title);
  return ARTICLE.test(location) ? `${bookTitle(title)}${location}` : `${bookTitle(title)} · ${location}`;
}

/** Date, issuer and scope of a source, in that order; an unknown date says so. */
export function citationMeta(c: Pick<Citation, 'date' | 'source' | 'scope'>): string[] {
  return [c.date ?? '日期不详', c.source, c.scope].filter((part): part is string => Boolean(part));
}

/** One line per source: 《title》第X条 · date · issuer · scope. */
export function citationLine(c: Pick<Citation, 'title' | 'location' | 'date' | 'source' | 'scope'>): string {
  return [citedPlace(c.title, c.location), ...citationMeta(c)].join(' · ');
}
