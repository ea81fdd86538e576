import type { PdfLine } from './pdfLines.ts';

/**
 * Lines that open a paragraph of their own whatever the layout: chapter, section and article
 * numbers, list items (（一）, 一、, 1.), and a 附件 line.
 */
const OPENS_PARAGRAPH = /^(?:第[一二三四五六七八九十百零〇\d]+[编章节条]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]\D|附件)/u;

/** Han, CJK punctuation and full-width forms: no space is wanted between two of them. */
const WIDE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;

/** Joins two pieces of one paragraph: Latin words keep a space between them, Chinese text and numbers none. */
function join(a: string, b: string): string {
  const last = a.at(-1) ?? '';
  const first = b[0] ?? '';
  return /[A-Za-z]/u.test(last) && /[A-Za-z]/u.test(first) && !WIDE.test(last) ? `${a} ${b}` : `${a}${b}`;
}

/**
 * The lines of all pages, in order, → paragraphs, one a line. A PDF breaks lines wherever the
 * width runs out — inside a sentence, inside `2019年12月` — so a line is joined to the one before
 * unless that one ended short of the right margin (a paragraph's last line), the line is indented
 * (a paragraph's first line), it opens a structure (第三条, （一）), or it is set in another size
 * (a heading). Margins are measured per page, on the lines of the body size: pages of one file may be laid out differently.
 */
export function paragraphs(pages: readonly PdfLine[][]): string[] {
  const out: string[] = [];
  let previous: { line: PdfLine; right: number } | null = null;
  for (const lines of pages) {
    if (lines.length === 0) continue;
    const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)]!;
    // Margins from the body text only: a large centred title can run past them.
    const bodyLines = lines.filter((l) => Math.abs(l.size - body) < 0.5);
    const left = Math.min(...bodyLines.map((l) => l.left));
    const right = Math.max(...bodyLines.map((l) => l.right));
    for (const line of lines) {
      const continues =
        previous !== null &&
        previous.line.right >= previous.right - body * 1.5 &&
        line.left <= left + body * 0.8 &&
        Math.abs(line.size - previous.line.size) < 0.5 &&
        Math.abs(line.size - body) < 0.5 &&
        !OPENS_PARAGRAPH.test(line.text);
      if (continues) out[out.length - 1] = join(out.at(-1)!, line.text);
      else out.push(line.text);
      previous = { line, right };
    }
  }
  return out;
}
