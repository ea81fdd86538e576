import type { TaggedWord } from '../text/wordRole.ts';

/** jieba's tag for one character on its own. */
export type CharacterTag = (character: string) => string;

/** Nouns as jieba tags them, names and words it does not know included (质权 is x, 许可 comes out nr). */
const NOUN = /^(?:n|nz|nt|nr|x)$/u;
const HAN = /^\p{Script=Han}+$/u;

/**
 * Two nouns side by side that name one thing (质权人, 政府信息, 行政机关, 商标许可), or a verb and its
 * agent (保证人): a passage with only one of them (人, 信息, 机关, 保证) is about something else. A single character counts only next to a
 * word jieba does not know (质权 + 人), since 工程 + 指 is a noun and a verb it mistagged.
 */
export function nounPairs(words: readonly TaggedWord[], tagOf: CharacterTag): string[] {
  const pairs: string[] = [];
  // A word jieba does not know is a noun when it ends in one (质权: 权); glued to a verb, a numeral
  // or a pronoun (局让, 抽完, 哪三) it is a noun and what the asker says of it, not a name.
  const isNoun = (w: TaggedWord) => NOUN.test(w.tag) && HAN.test(w.word) && (w.tag !== 'x' || /^n/u.test(tagOf([...w.word].at(-1)!)));
  words.forEach((word, i) => {
    const next = words[i + 1];
    if (next && isAgentNoun(word, next)) pairs.push(word.word + next.word);
    if (!next || !isNoun(word) || !isNoun(next)) return;
    const single = [...word.word].length === 1 || [...next.word].length === 1;
    if (!single || word.tag === 'x' || next.tag === 'x') pairs.push(word.word + next.word);
  });
  return pairs;
}

/** A verb and the one who does it (保证 + 人, 继承 + 人, 委托 + 方): jieba cuts the agent noun it does not know in two. */
const isAgentNoun = (verb: TaggedWord, next: TaggedWord) => /^v/u.test(verb.tag) && [...verb.word].length >= 2 && HAN.test(verb.word) && /^[人者方]$/u.test(next.word);
