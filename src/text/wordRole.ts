/**
 * What a question word contributes to what is asked, from its part of speech: nouns name the
 * matter (监控, 营业执照, 保险公司), verbs and adjectives say what happened in the asker's own words
 * (拿, 送, 撤掉, 便宜), and pronouns, adverbs, numerals, prepositions and place or time words
 * (有人, 一直, 一件, 按, 路上) only frame it. Pure: it reads jieba's tags, it does not compute them.
 * The statute names the matter; people tell what happened in their own verbs and fillers, so those
 * count less when a passage is matched to the question.
 */
export type WordRole = 'matter' | 'action' | 'frame';

const MATTER = /^(?:n|vn|an|eng|j|l|i|x|g)/u;
/** Verbs and adjectives; not adverbial ones (直接, 认真: ad, vd), which say how, as adverbs do. */
const ACTION = /^(?:v|a)(?!d)/u;

function roleOfTag(tag: string): WordRole {
  if (MATTER.test(tag)) return 'matter';
  if (ACTION.test(tag)) return 'action';
  return 'frame';
}

const RANK: Record<WordRole, number> = { matter: 2, action: 1, frame: 0 };

/** A phrase's role is its strongest word's: 营业网点 is a matter even if cut into 营业 + 网点. */
export function wordRole(tags: readonly string[]): WordRole {
  return tags.map(roleOfTag).reduce<WordRole>((best, role) => (RANK[role] > RANK[best] ? role : best), 'frame');
}

/** How much a word of each role counts in matching (see the module comment). */
export const ROLE_WEIGHT: Record<WordRole, number> = { matter: 1, action: 0.8, frame: 0.3 };

export interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * A weight for each word or character pair of a question: the weight of the heaviest word it
 * overlaps. `words` tile the text in order (jieba's tagging); spans in `matter` (thesaurus terms,
 * quoted names) weigh 1 whatever their parts of speech.
 */
export function questionWordWeights(text: string, words: readonly TaggedWord[], matter: readonly (readonly [number, number])[]): (term: string) => number {
  const weights = new Array<number>(text.length).fill(ROLE_WEIGHT.frame);
  let at = 0;
  for (const { word, tag } of words) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    weights.fill(ROLE_WEIGHT[wordRole([tag])], start, start + word.length);
    at = start + word.length;
  }
  for (const [start, end] of matter) weights.fill(ROLE_WEIGHT.matter, start, end);
  return (term) => {
    const start = text.indexOf(term);
    return start < 0 ? ROLE_WEIGHT.matter : Math.max(...weights.slice(start, start + term.length));
  };
}
