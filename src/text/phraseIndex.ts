/** A thesaurus phrase term and its dictionary words (拆邮筒: 拆 + 邮筒). */
export interface Phrase {
  term: string;
  words: string[];
}

/**
 * Phrases found by the words a text holds. A phrase matches loosely only where every one of its
 * words occurs, so a question's clause need not try the thousands of phrases one by one (a quarter
 * of a hybrid search did, profiled at 100k chunks): each phrase is filed under its word that the
 * fewest phrases share (邮筒 rather than 快递, which hundreds hold), and a clause looks up its
 * substrings.
 */
export class PhraseIndex {
  /** Positions in `phrases`, ascending, by the word each is filed under. */
  private readonly byKeyWord = new Map<string, number[]>();
  private readonly longestKeyWord: number;

  constructor(readonly phrases: readonly Phrase[]) {
    const sharing = phrasesPerWord(phrases);
    phrases.forEach((phrase, position) => {
      const key = rarestWord(phrase.words, sharing);
      const filed = this.byKeyWord.get(key);
      if (filed) filed.push(position);
      else this.byKeyWord.set(key, [position]);
    });
    this.longestKeyWord = Math.max(0, ...[...this.byKeyWord.keys()].map((word) => word.length));
  }

  /** The phrases whose every word occurs in `text`, in the order they were given (which decides among equals). */
  within(text: string): Phrase[] {
    const positions: number[] = [];
    for (const word of new Set(substrings(text, this.longestKeyWord))) positions.push(...(this.byKeyWord.get(word) ?? []));
    return positions
      .sort((a, b) => a - b)
      .map((position) => this.phrases[position]!)
      .filter((phrase) => phrase.words.every((word) => text.includes(word)));
  }
}

/** How many phrases hold each word. */
function phrasesPerWord(phrases: readonly Phrase[]): Map<string, number> {
  const sharing = new Map<string, number>();
  for (const { words } of phrases) for (const word of new Set(words)) sharing.set(word, (sharing.get(word) ?? 0) + 1);
  return sharing;
}

/** The word of a phrase that the fewest phrases hold (the first of equals). */
function rarestWord(words: readonly string[], sharing: ReadonlyMap<string, number>): string {
  return words.reduce((rarest, word) => (sharing.get(word)! < sharing.get(rarest)! ? word : rarest));
}

/** Every substring of `text` up to `longest` UTF-16 units (as String.includes sees them). */
function substrings(text: string, longest: number): string[] {
  const found: string[] = [];
  for (let start = 0; start < text.length; start++) {
    for (let end = start + 1; end <= Math.min(text.length, start + longest); end++) found.push(text.slice(start, end));
  }
  return found;
}
