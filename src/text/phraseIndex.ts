/** A thesaurus phrase term and its dictionary words (拆邮筒: 拆 + 邮筒). */
export interface Phrase {
  term: string;
  words: string[];
}

/** Phrases with the same words are one phrase: the first term wins. */
export const wordsKey = (words: readonly string[]): string => [...words].sort().join(' ');

/**
 * Phrases found by the words a text holds. A phrase matches loosely only where every one of its
 * words occurs, so a question's clause need not try the thousands of phrase terms one by one (a
 * quarter of a hybrid search did, profiled at 100k chunks). Terms are filed by their character
 * pairs, which need no segmentation: a phrase has a word of two characters or more, so a text
 * holding all its words shares a pair with it. A term is split into words (`describe`, a call to
 * the segmentation worker) only when a text first brings it up: the first question after a restart
 * splits the few terms it may match instead of waiting for all of them (about 60 ms at 100k
 * chunks, profiled), and the warm-up splits the rest behind it.
 */
export class PhraseIndex {
  /** Positions in `terms`, ascending, by each pair of characters the term holds. */
  private readonly byPair = new Map<string, number[]>();
  /** Each term's phrase and its words' key once described; null for a term that is no phrase. */
  private readonly described: ({ phrase: Phrase; key: string } | null | undefined)[];

  /**
   * `terms` in the order that decides among terms with the same words; `describe` gives each term's
   * phrase, or null when it is none (one word, or only one-character words), for many terms at once.
   */
  constructor(
    private readonly terms: readonly string[],
    private readonly describe: (terms: readonly string[]) => (Phrase | null)[],
  ) {
    this.described = new Array(terms.length);
    terms.forEach((term, position) => {
      for (const pair of new Set(pairsOf(term))) {
        const filed = this.byPair.get(pair);
        if (filed) filed.push(position);
        else this.byPair.set(pair, [position]);
      }
    });
  }

  /**
   * The phrases whose every word occurs in `text`, in the order of their terms. The same as looking
   * through every term: of the terms with the same words, the first is always among those filed under
   * the text's pairs whenever any of them can match (they share their longer word), so it wins here too.
   */
  within(text: string): Phrase[] {
    const positions = new Set<number>();
    for (const pair of pairsOf(text)) for (const position of this.byPair.get(pair) ?? []) positions.add(position);
    const candidates = [...positions].sort((a, b) => a - b);
    this.describeAll(candidates);
    const keys = new Set<string>();
    const found: Phrase[] = [];
    for (const position of candidates) {
      const described = this.described[position];
      if (!described || keys.has(described.key)) continue;
      keys.add(described.key);
      if (described.phrase.words.every((word) => text.includes(word))) found.push(described.phrase);
    }
    return found;
  }

  /** Describes the terms at these positions not described yet, in one call. */
  private describeAll(positions: readonly number[]): void {
    const fresh = positions.filter((position) => this.described[position] === undefined);
    if (!fresh.length) return;
    this.describe(fresh.map((position) => this.terms[position]!)).forEach((phrase, i) => {
      this.described[fresh[i]!] = phrase && { phrase, key: wordsKey(phrase.words) };
    });
  }
}

/** Every two adjacent UTF-16 units of `text` (as String.includes sees a word of two or more). */
function pairsOf(text: string): string[] {
  const pairs: string[] = [];
  for (let at = 0; at + 1 < text.length; at++) pairs.push(text.slice(at, at + 2));
  return pairs;
}
