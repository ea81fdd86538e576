import { ARTICLE_LINE } from '../../chunk/structure.ts';
import { normalize } from '../../text/normalize.ts';

/**
 * Site furniture that is not part of a directive. Lines are matched in normalized form so one
 * pattern covers 聲明 and 声明. A 声明 heading in the second half of a document starts the footer:
 * it and everything after it go.
 */
const FOOTER_START = /^声明[:：]?\s*$|^声明[:：]/u;
const BOILERPLATE_LINE = [
  /copyright|all rights reserved|版权所有/iu,
  /icp备|公网安备|备案号/u,
  // A licence number (经营许可证:(京)字第16597号), not a list lead ending in one (…吊销其…许可证：).
  /许可证号|许可证[:：]\s*\S/u,
  /责编[:：]|责任编辑[:：]/u,
  /^点击数[:：]?\s*\d*$/u,
  /值班手机|商务合作[:：]|e-mail[:：]/iu,
  // Page tools copied along with an article: 【字体：大 中 小】【打印】【关闭】, 分享到：.
  /^[【[]?\s*(?:字体|字号)[:：]|【(?:打印|关闭|打印本页|关闭窗口)】|^分享到[:：]?/u,
];

export function isBoilerplateLine(line: string): boolean {
  const norm = normalize(line);
  // An article, or any sentence ending as prose does, is the document's own text whatever it names
  // (许可证, 版权所有, 备案号): site furniture is a label, not a sentence.
  const text = norm.trim();
  return !ARTICLE_LINE.test(text) && !/[。；;!?]$/u.test(text) && BOILERPLATE_LINE.some((re) => re.test(norm));
}

export function removeBoilerplate(lines: readonly string[]): string[] {
  const footer = lines.findIndex((line, i) => i >= lines.length / 2 && FOOTER_START.test(normalize(line.trim())));
  const body = footer >= 0 ? lines.slice(0, footer) : lines;
  return body.filter((line) => !isBoilerplateLine(line));
}
