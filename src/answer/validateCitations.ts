import { NO_ANSWER } from './prompt.ts';

/** [1], [1][2], [1, 2], and the full-width ［1］ and 【1】 models also write. */
const MARKER = /\s*[[［【]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]］】]/gu;
/** A marker still being streamed at the end of the text. */
const OPEN_MARKER = /\s*[[［【][\d\s,，、]*$/u;

export interface CheckedText {
  /** The text with every marker renumbered 1, 2, … in order of first citation, and invalid ones removed. */
  text: string;
  /** The passage numbers (1-based, as given to the model) behind [1], [2], … of `text`. */
  cited: number[];
}

/**
 * Keeps the citation markers that point to one of the `passageCount` passages given, numbering
 * them in order of first appearance, and drops the rest (with the space before them). Null when
 * no valid citation remains: such an answer cannot be checked against the sources.
 */
export function checkCitations(raw: string, passageCount: number): CheckedText | null {
  const cited: number[] = [];
  const text = raw
    .replaceAll(NO_ANSWER, '')
    .replace(MARKER, (_, list: string) => {
      const numbers = list
        .split(/[\s,，、]+/u)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n >= 1 && n <= passageCount);
      const kept = [...new Set(numbers)].map((n) => {
        if (!cited.includes(n)) cited.push(n);
        return `[${cited.indexOf(n) + 1}]`;
      });
      return kept.join('');
    })
    .trim();
  return cited.length && text.replace(/\[\d+\]/gu, '').trim() ? { text, cited } : null;
}

/** The text streamed so far, checked the same way; a marker or NO_ANSWER still being written is held back. */
export function checkPartial(raw: string, passageCount: number): CheckedText {
  const settled = raw.replace(OPEN_MARKER, '');
  if (NO_ANSWER.startsWith(settled.trim())) return { text: '', cited: [] };
  return checkCitations(settled, passageCount) ?? { text: settled.replaceAll(NO_ANSWER, '').replace(MARKER, '').trim(), cited: [] };
}

/** Whether the model gave the fixed reply for passages that do not answer the question. */
export function isNoAnswer(raw: string): boolean {
  return raw.trim().startsWith(NO_ANSWER);
}
