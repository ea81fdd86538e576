import { pinyin } from 'pinyin-pro';
import { normalize } from './normalize.ts';

/**
 * Slips of a pinyin input method: the typist picks a character that sounds as the one meant (快第 for
 * 快递, 身份症, 前收 for 签收, 驿栈, 挂号性 for 挂号信). A stretch of the question that is no word, sounds
 * as one known word does and differs from it in one character is read as that word; anything else is
 * left as typed.
 */

const HAN_RUN = /^\p{Script=Han}+$/u;
const SHORTEST = 2;
const LONGEST = 4;

/**
 * A word's sound as typists confuse it: toneless syllables, with -ing/-eng/-ang read as -in/-en/-an
 * (挂号性 xing for 挂号信 xin). Initials stay apart: 邮册 (ce) is no slip for 邮车 (che).
 */
export function soundOf(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array' })
    .map((syllable) => syllable.replace(/([aei])ng$/u, '$1n'))
    .join(' ');
}

const differingCharacters = (a: string, b: string) => [...a].filter((c, i) => c !== b[i]).length;

export class SlipReader {
  private readonly bySound = new Map<string, string[]>();

  /** `words`: the words a slip may stand for (the domain's, as people say them). */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < SHORTEST || word.length > LONGEST || !HAN_RUN.test(word)) continue;
      const sound = soundOf(word);
      const same = this.bySound.get(sound);
      if (same) same.push(word);
      else this.bySound.set(sound, [word]);
    }
  }

  /**
   * `text` with its slips read as the words meant. `isWord` tells a stretch (normalized) that is a
   * word as typed; `words` are where the words of the text stand, which no slip cuts into (邮局寄 holds
   * no slip 局寄 for 拒寄).
   */
  read(text: string, isWord: (stretch: string) => boolean, words: readonly (readonly [number, number])[]): string {
    let read = '';
    for (let at = 0; at < text.length; ) {
      const meant = this.meantAt(text, at, isWord, words);
      read += meant ?? text[at]!;
      at += meant?.length ?? 1;
    }
    return read;
  }

  /** The word a slip starting at `at` stands for, the longest first; undefined for none. */
  private meantAt(text: string, at: number, isWord: (stretch: string) => boolean, words: readonly (readonly [number, number])[]): string | undefined {
    for (let length = Math.min(LONGEST, text.length - at); length >= SHORTEST; length--) {
      const end = at + length;
      if (words.some(([start, stop]) => (start < at && at < stop) || (start < end && end < stop))) continue;
      const stretch = normalize(text.slice(at, end));
      if (stretch.length !== length || !HAN_RUN.test(stretch) || isWord(stretch)) continue;
      const meant = (this.bySound.get(soundOf(stretch)) ?? []).filter((w) => w.length === length && differingCharacters(w, stretch) === 1);
      if (new Set(meant).size === 1) return meant[0];
    }
    return undefined;
  }
}
