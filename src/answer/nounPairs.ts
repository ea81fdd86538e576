import type { TaggedWord } from '../text/wordRole.ts';

/** Nouns as jieba tags them, names and words it does not know included (质权 is x, 许可 comes out nr). */
const NOUN = /^(?:n|nz|nt|nr|x)$/u;
const HAN = /^\p{Script=Han}+$/u;

/**
 * Two nouns side by side that name one thing (质权人, 政府信息, 行政机关, 商标许可), or a verb and its
 * agent (保证人): a passage with only one of them (人, 信息, 机关, 保证) is about something else. A single character counts only next to a
 * word jieba does not know (质权 + 人), since 工程 + 指 is a noun and a verb it mistagged.
 */
export function nounPairs(words: readonly TaggedWord[]): string[] {
  const pairs: string[] = [];
  words.forEach((word, i) => {
    const next = words[i + 1];
    if (next && isAgentNoun(word, next)) pairs.push(word.word + next.word);
    if (!next || !isNoun(word) || !isNoun(next)) return;
    const single = [...word.word].length === 1 || [...next.word].length === 1;
    if (!single || word.tag === 'x' || next.tag === 'x') pairs.push(word.word + next.word);
  });
  return pairs;
}

const isNoun = (w: TaggedWord) => NOUN.test(w.tag) && HAN.test(w.word);

/** A verb and the one who does it (保证 + 人, 继承 + 人, 委托 + 方): jieba cuts the agent noun it does not know in two. */
const isAgentNoun = (verb: TaggedWord, next: TaggedWord) => /^v/u.test(verb.tag) && [...verb.word].length >= 2 && HAN.test(verb.word) && /^[人者方]$/u.test(next.word);
