import { describe, expect, it } from 'vitest';
import { docxHtmlToText } from '../src/corpus/formats/docxHtml.ts';
import { type PdfLine, type PdfTextItem, pageLines } from '../src/corpus/formats/pdfLines.ts';
import { paragraphs } from '../src/corpus/formats/pdfParagraphs.ts';
import { isPageNumber, removeRunningLines } from '../src/corpus/formats/pdfRunningLines.ts';
import { NEEDS_OCR, pdfText } from '../src/corpus/formats/pdfText.ts';
import { sniffFormat } from '../src/corpus/formats/sniff.ts';

const item = (str: string, x: number, y: number, height = 12): PdfTextItem => ({ str, x, y, width: str.length * height, height });
/** A body line at the left margin (72) or indented two characters, ending at `right`. */
const line = (text: string, options: Partial<PdfLine> = {}): PdfLine => ({ text, left: 72, right: 72 + text.length * 12, y: 0, size: 12, ...options });
const FULL = 72 + 20 * 12;

describe('PDF lines from positioned text', () => {
  it('groups runs by baseline, reads them left to right, and keeps a drawn gap as a space', () => {
    const lines = pageLines([item('第二行', 72, 700), item('条例', 96, 720), item('示例', 72, 720.5), item('', 0, 0), item('续', 72 + 36 + 24, 700)]);
    expect(lines.map((l) => l.text)).toEqual(['示例条例', '第二行 续']);
    expect(lines[0]).toMatchObject({ left: 72, right: 120, size: 12 });
  });
});

describe('page numbers and running lines', () => {
  it.each(['— 3 —', '- 3 -', '－12－', '第 3 页', '第3页 共10页', '3 / 10', '7', 'Page 2 of 9'])('%s is a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });
  it.each(['第三条', '2019年', '— 附件 —', '第3页的规定'])('%s is not', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });

  it('drops headers repeated on most pages and page numbers at the edges, and keeps the body', () => {
    const page = (n: number, body: string[]) => [line('示例市人民政府规章汇编'), ...body.map((b) => line(b)), line(`— ${n} —`)];
    const kept = removeRunningLines([page(1, ['示例办法', '第一条 正文']), page(2, ['第二条 正文']), page(3, ['第三条 正文'])]);
    expect(kept.map((p) => p.map((l) => l.text))).toEqual([['示例办法', '第一条 正文'], ['第二条 正文'], ['第三条 正文']]);
  });

  it('keeps the first line of a one-page document, and a number inside the body', () => {
    const kept = removeRunningLines([[line('示例办法'), line('第一条 正文'), line('12'), line('第二条 正文'), line('第三条 正文'), line('第四条 正文')]]);
    expect(kept[0]!.map((l) => l.text)).toEqual(['示例办法', '第一条 正文', '12', '第二条 正文', '第三条 正文', '第四条 正文']);
  });
});

describe('paragraphs from wrapped lines', () => {
  it.each<[string, PdfLine[][], string[]]>([
    ['a date broken across lines', [[line('第一条 本办法自2019年1', { left: 96, right: FULL }), line('2月3日起施行。')]], ['第一条 本办法自2019年12月3日起施行。']],
    [
      'a sentence broken across pages',
      [[line('第五条 快件延误超过七个自然日的，快递', { left: 96, right: FULL })], [line('企业应当支付赔偿金。')]],
      ['第五条 快件延误超过七个自然日的，快递企业应当支付赔偿金。'],
    ],
    [
      'a short line ends its paragraph',
      [[line('第一章 总则', { left: 132, right: 204 }), line('第一条 正文', { left: 96, right: FULL }), line('完。'), line('下一段', { left: 96 })]],
      ['第一章 总则', '第一条 正文完。', '下一段'],
    ],
    ['an article opens a paragraph even at the margin', [[line('正文到了行尾', { right: FULL }), line('第二条 下一条')]], ['正文到了行尾', '第二条 下一条']],
    ['a heading in another size stands alone', [[line('示例办法', { size: 18, right: FULL + 40 }), line('第一条 正文', { left: 96, right: FULL }), line('续。')]], ['示例办法', '第一条 正文续。']],
    ['Latin words keep their space', [[line('适用 Universal Postal', { right: FULL }), line('Union 的规定')]], ['适用 Universal Postal Union 的规定']],
  ])('%s', (_name, pages, expected) => {
    expect(paragraphs(pages)).toEqual(expected);
  });
});

describe('a PDF text layer', () => {
  it('is refused as needing OCR when no page has text, and names the pages without text otherwise', () => {
    expect(pdfText([[], []])).toEqual({ error: NEEDS_OCR });
    expect(pdfText([[item('示例办法', 72, 700)], []])).toEqual({ text: '示例办法', warnings: [expect.stringMatching(/第 2 页没有文字层.*OCR/u)], pages: ['示例办法', ''] });
  });
});

describe('file types from their bytes', () => {
  it.each<[string, Buffer, ReturnType<typeof sniffFormat>]>([
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'pdf'],
    ['a PDF after junk', Buffer.from('\r\n\r\n%PDF-1.4'), 'pdf'],
    ['a .docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('....word/document.xml')]), 'docx'],
    ['another ZIP', Buffer.from('PK\u0003\u0004xl/workbook.xml'), { refused: expect.stringContaining('ZIP') }],
    ['an OLE2 file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'doc'],
    ['RTF', Buffer.from('{\\rtf1\\ansi'), { refused: 'RTF' }],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), { refused: '图片（JPEG）' }],
    ['text', Buffer.from('第一条 正文'), null],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffFormat(bytes)).toEqual(expected);
  });
});

describe('Word HTML to text', () => {
  it('keeps headings as lines, a table as one line per row, and footnotes without back-links', () => {
    const html =
      '<h1>示例办法</h1><h2>第一章　总则</h2><p>第一条　正文<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>。</p>' +
      '<table><tr><td><p>违法行为</p></td><td><p>罚款</p></td></tr><tr><td><p>未公示</p><p>资费</p></td><td><p>一千元</p></td></tr></table>' +
      '<ol><li id="footnote-1"><p>注释内容 <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(docxHtmlToText(html).split('\n')).toEqual(['示例办法', '第一章　总则', '第一条　正文[1]。', '违法行为　罚款', '未公示资费　一千元', '1. 注释内容']);
  });
});
