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

/** Clauses inside a sentence, split after commas and colons (kept on the clause they end). */
export function splitClauses(sentence: string): string[] {
  return sentence.match(/[^，,：:]+[，,：:]*/gu)?.filter((c) => c.trim() !== '') ?? [sentence];
}
