import { isAttachmentHeading } from './header.ts';
import { isBodyLine } from './issuer.ts';
import { parseDate } from './metadata.ts';

/** How far above the end of the text (or of its attachments) a signature block is looked for. */
const SIGNATURE_SCAN_LINES = 4;
const DATE_LINE = /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/u;

/**
 * The signature block (落款) of a notice: the issuing body on one line (or several, for a joint
 * notice), its date on the next, at the end of the text and above any attachment
 * (`附件1`), possibly followed by a note such as `（此件公开发布）`.
 */
export function signatureOf(lines: readonly string[]): { issuer: string; date: string } | null {
  // An attachment list (附件：) can come before the signature, the attachments themselves after it.
  const ends = [...lines.flatMap((line, i) => (isAttachmentHeading(line) ? [i] : [])), lines.length];
  for (const end of ends) {
    const found = signatureAbove(lines, end);
    if (found) return found;
  }
  return null;
}

function signatureAbove(lines: readonly string[], end: number): { issuer: string; date: string } | null {
  for (let i = end - 1; i >= Math.max(1, end - SIGNATURE_SCAN_LINES); i--) {
    const dateLine = lines[i]!.trim();
    if (!DATE_LINE.test(dateLine)) continue;
    let first = i;
    while (first > 0 && isBodyLine(lines[first - 1]!)) first--;
    const date = parseDate(dateLine);
    if (first === i || !date) return null;
    const issuer = lines
      .slice(first, i)
      .flatMap((line) => line.trim().split(/[\s\u3000]+/u))
      .join('、');
    return { issuer, date };
  }
  return null;
}
