/**
 * Sentence splitting on the text as written. A sentence ends at 。！？； (full or half width) or a
 * line break; closing quotes and brackets stay with the sentence they close.
 */
const SENTENCE = /[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』)）]*|\n|$)/gu;

/** Whole sentences: like SENTENCE, but a ； does not end one (what follows it depends on what precedes). */
const WHOLE_SENTENCE = /[^。！？!?\n]*(?:[。！？!?]+[”’」』)）]*|\n|$)/gu;

function matchesTrimmed(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map(([match]) => match.trim()).filter(Boolean);
}

export function splitSentences(text: string): string[] {
  return matchesTrimmed(text, SENTENCE);
}

export function splitWholeSentences(text: string): string[] {
  return matchesTrimmed(text, WHOLE_SENTENCE);
}

const OPENERS = '“‘「『（(《〈【';
const CLOSERS = '”’」』）)》〉】';

/**
 * Clauses inside a sentence, split after ，,；;：: (kept on the clause they end), but never inside
 * quotation marks or brackets, so a clause never ends at 基本实现“ with its quotation left open.
 */
export function splitBalancedClauses(sentence: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of sentence) {
    current += char;
    if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[，,；;：:]/u.test(char)) {
      out.push(current);
      current = '';
    }
  }
  if (current.trim()) out.push(current);
  return out.length ? out : [sentence];
}
