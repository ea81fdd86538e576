import { normalize } from '../../text/normalize.ts';
import { dictionaryCharFrequency } from '../../text/segment.ts';

/**
 * Mojibake left by a wrong decode (UTF-8 read as GBK, then converted again) looks like
 * 確?!钡哪繕耍喂虡淞⒋蛘w: a `?` or U+FFFD glued to Han text, followed by rare characters, kana,
 * Greek or stray Latin. A run starts at such a `?` and ends where three ordinary characters in a
 * row resume; the run is replaced by an ellipsis so it can never be quoted in an answer.
 */
export const MOJIBAKE_MARK = '…';

const RARE_HAN_FREQUENCY = 2500;
const RESYNC_LENGTH = 3;

function startsRun(chars: readonly string[], i: number): boolean {
  return /[?\uFFFD]/u.test(chars[i]!) && i > 0 && /[\p{Script=Han}“”‘’]/u.test(chars[i - 1]!);
}

function isOrdinary(char: string): boolean {
  // Brackets are left over from glosses inside a run (娚a(chǎn)), so they do not end one.
  if (/[\p{P}\s\d]/u.test(char)) return !/[?\uFFFD()（）]/u.test(char);
  if (/\p{Script=Han}/u.test(char)) return dictionaryCharFrequency(normalize(char)) >= RARE_HAN_FREQUENCY;
  return false;
}

/** Returns the text with every mojibake run replaced, and how many runs were found. */
export function removeMojibake(text: string): { text: string; runs: number } {
  const chars = [...text];
  const out: string[] = [];
  let runs = 0;
  let i = 0;
  while (i < chars.length) {
    if (!startsRun(chars, i)) {
      out.push(chars[i]!);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < chars.length && chars[end] !== '\n' && !chars.slice(end, end + RESYNC_LENGTH).every(isOrdinary)) end++;
    // A lone `?` between ordinary characters stands for one lost character (often a space).
    if (end - i > 1) out.push(MOJIBAKE_MARK);
    runs++;
    i = end;
  }
  return { text: out.join(''), runs };
}

/**
 * A title with a mojibake run in it, cut before a quote or bracket the run leaves open:
 * 做好“六穩”落實“六… → 做好“六穩”落實…. The ellipsis stays to show that words are missing.
 */
export function cutBeforeMojibake(title: string): string {
  const run = title.indexOf(MOJIBAKE_MARK);
  if (run < 0) return title;
  const head = title.slice(0, run);
  const open = /[“‘《（(「『][^”’》）)」』]*$/u.exec(head);
  return `${(open ? head.slice(0, open.index) : head).trimEnd()}${MOJIBAKE_MARK}`;
}
