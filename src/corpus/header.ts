import { ARTICLE_LINE, DIVISION_LINE } from '../chunk/structure.ts';

/**
 * The lines above a document's text: a title of one or two lines, a red-header banner
 * (`国家邮政局文件`), a 发文字号 (`国邮发〔2020〕12号`), and structure that ends the header.
 */

/** What a Chinese official document calls itself at the end of its title (文种). */
const GENRE = /(?:通知|通报|意见|办法|规定|条例|决定|决议|公告|通告|批复|函|细则|规则|规范|方案|纲要|规划|报告|标准|指引|指南|措施|制度|法)$/u;

/** `第一章 总则`, `第二节 …`, `第一条 …`, `附件` and `附件1`: structure of the text, never its title. */
export function isStructureLine(line: string): boolean {
  return DIVISION_LINE.test(line) || ARTICLE_LINE.test(line) || isAttachmentHeading(line);
}

/** `附件`, `附件1`, `附件二` alone on a line: an attachment starts below it. */
export function isAttachmentHeading(line: string): boolean {
  return /^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?$/u.test(line.trim());
}

/** `国邮发〔2020〕12号`, `交运发[2019]5号`: the document number a notice carries under its banner. */
export function documentNumberLine(line: string): string | null {
  const m = /^(\p{Script=Han}{1,10}[〔［[【(（]\s*\d{4}\s*[〕］\]】)）]\s*\d+\s*号)$/u.exec(line.trim());
  return m ? m[1]!.replace(/\s+/gu, '') : null;
}

/** `国家邮政局文件`: the red-header banner, naming the issuer. */
export function bannerIssuer(line: string): string | null {
  return /^(\p{Script=Han}{2,30}?)\s*文件$/u.exec(line.trim())?.[1] ?? null;
}

/**
 * Whether two heading lines are one title broken over two lines, as Word exports and centred
 * web titles break them: the second ends with a 文种 the first lacks, and the break falls inside
 * the title (the first has its 关于 or an open 《, or the second starts with 关于 after the issuers).
 */
function continuesTitle(first: string, second: string): boolean {
  if (!GENRE.test(second) || GENRE.test(first)) return false;
  const openBook = (first.match(/《/gu)?.length ?? 0) > (first.match(/》/gu)?.length ?? 0);
  return first.includes('关于') || first.includes('關於') || openBook || /^(?:关于|關於)/u.test(second) || [...second].length <= 4;
}

/**
 * The title among the heading-like lines above the text, and the site sections above it
 * (各省快遞協會動態, 首页 > 政策法规). The last line is the title, joined with the one above
 * it when the title was broken over two lines.
 */
export function titleOf(headings: readonly string[]): { title: string | null; sections: string[] } {
  if (headings.length === 0) return { title: null, sections: [] };
  const last = headings.at(-1)!;
  const previous = headings.at(-2);
  if (previous !== undefined && continuesTitle(previous, last)) {
    return { title: `${previous}${last}`, sections: headings.slice(0, -2) };
  }
  return { title: last, sections: headings.slice(0, -1) };
}

/** The first line of text below the structure headings, without its article number: what a lead title is made from. */
export function leadOf(lines: readonly string[]): string {
  const line = lines.find((l) => !DIVISION_LINE.test(l) && !isAttachmentHeading(l)) ?? '';
  return line.replace(ARTICLE_LINE, '');
}
