/**
 * What a question word contributes to what is asked, from its part of speech: nouns name the
 * matter (监控, 营业执照, 保险公司), verbs and adjectives say what happened in the asker's own words
 * (拿, 送, 撤掉, 便宜), and pronouns, adverbs, numerals, prepositions and place or time words
 * (有人, 一直, 一件, 按, 路上) only frame it. Pure: it reads jieba's tags, it does not compute them.
 */
export type WordRole = 'matter' | 'action' | 'frame';

const MATTER = /^(?:n|vn|an|eng|j|l|i|x|g)/u;
const ACTION = /^(?:v|a)/u;

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
