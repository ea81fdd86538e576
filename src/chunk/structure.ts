/** Structure markers of Chinese regulations and articles, detected from the text itself. */

const NUMERAL = '[一二三四五六七八九十百千零〇两\\d]+';

export const ARTICLE_LINE = new RegExp(`^(第${NUMERAL}条)(?:[\\s\\u3000]+|(?=[^\\s\\u3000]))`, 'u');
/** 第一章 总则 / 第一章　总则 / 第一章  总则; also 编 (parts) and 节 (sections). */
export const DIVISION_LINE = new RegExp(`^第${NUMERAL}[编章节](?:[\\s\\u3000]{1,3}\\S.{0,30})?$`, 'u');
export const CHAPTER_LINE = new RegExp(`^第${NUMERAL}[编章](?:[\\s\\u3000]|$)`, 'u');

/** A document is a regulation when several paragraphs open with 第X条. */
export function isRegulation(lines: readonly string[]): boolean {
  return lines.filter((line) => ARTICLE_LINE.test(line)).length >= 3;
}

/** Normalizes the spacing of a division heading: 第一章　总则 → 第一章 总则. */
export function divisionTitle(line: string): string {
  return line.replace(/[\s\u3000]+/gu, ' ').trim();
}

/** A short line standing alone above prose, such as 青海省邮政管理局: the section it opens. */
export function isSectionHeading(line: string, next: string | undefined): boolean {
  const chars = [...line].length;
  return chars >= 2 && chars <= 24 && next !== undefined && !/[。；！？!?;，,：:、”)）]$/u.test(line) && [...next].length > chars;
}
