/**
 * Sentence splitting on the text as written. A sentence ends at 。！？； (full or half width) or a
 * line break; closing quotes and brackets stay with the sentence they close.
 */
const SENTENCE = /[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』)）]*|\n|$)/gu;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const [match] of text.matchAll(SENTENCE)) {
    const sentence = match.trim();
    if (sentence) out.push(sentence);
  }
  return out;
}

/** Whole sentences: like splitSentences, but a ； does not end one (what follows it depends on what precedes). */
const WHOLE_SENTENCE = /[^。！？!?\n]*(?:[。！？!?]+[”’」』)）]*|\n|$)/gu;

export function splitWholeSentences(text: string): string[] {
  const out: string[] = [];
  for (const [match] of text.matchAll(WHOLE_SENTENCE)) {
    const sentence = match.trim();
    if (sentence) out.push(sentence);
  }
  return out;
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
