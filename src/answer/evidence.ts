import type { SearchHit } from '../retrieve/hybrid.ts';
import type { AnswerOptions } from './options.ts';
import { length } from './quoteClauses.ts';
import { PASSAGES_READ, passageText } from './rerank.ts';
import { coverage, termCoverage, type QueryTerm } from './terms.ts';

/** How much a word the corpus never uses counts among a postal question's specific words. */
const UNKNOWN_IN_POSTAL_QUESTION = 0.5;
/** How much a verb or other non-noun not next to the question word counts among them. */
const TELLING_IN_POSTAL_QUESTION = 0.5;
/** How much a word of the story before a postal question counts when the passage lacks it. */
const UNMATCHED_STORY_FACTOR = 0.5;
/** How much a thesaurus phrase matched only loosely counts when the passage lacks it (see QueryTerm.loose). */
const UNMATCHED_LOOSE_PHRASE = 0.7;
/** The share of the asking clauses' own words a passage must hold before the story counts less. */
const ASKING_CLAUSES_MIN_COVERAGE = 0.2;

/** How well the best passages support an answer: the share of the question's weight they cover. */
export function support(hits: readonly SearchHit[], terms: readonly QueryTerm[]): number {
  return Math.max(0, ...hits.slice(0, PASSAGES_READ).map((h) => coverage(terms, passageText(h))));
}

/**
 * `support`: no passage covers enough of the question; `specific`: the best passage lacks what the
 * question is about; `focus`: the quotes never name the thing asked about (颜色 in 什么颜色); `kind`:
 * the quotes lack what it asks for (an amount, a duration…); `place`: the question is about another
 * country and the quotes never name it, or about a province without rules on a point only other
 * provinces regulate; `compound`: a question without a postal word whose compound
 * noun (政府信息) the quoted passages do not hold as written.
 */
export type FailedCheck = 'support' | 'specific' | 'compound' | 'focus' | 'kind' | 'place';

/** Counts and dates (三个, 几件, 2022) say how much or when, not what the question is about. */
const QUANTITY = /^[\d.%几一二三四五六七八九十两百千万]+[个件项条种类大次年月日号]?$/u;

/**
 * What the question is about: the words the corpus never mentions (no passage can hold them, so
 * they lower what any passage covers), and of the others those heavy enough (see
 * AnswerOptions.specificShare); never counts or dates.
 */
export function specificTerms(terms: readonly QueryTerm[], share: number): QueryTerm[] {
  const content = terms.filter((t) => length(t.term) >= 2 && !QUANTITY.test(t.term));
  const known = content.filter((t) => !t.unknown);
  const heaviest = Math.max(0, ...known.map((t) => t.idf));
  return content.filter((t) => t.unknown || t.idf >= heaviest * share);
}

/** What decides whether the quoted passages answer the question (see AnswerOptions). */
export interface AnswerEvidence {
  /** Share of the question's weight the quoted passages cover. */
  support: number;
  /** Share of the specific terms' weight they cover. */
  specific: number;
  /** The question has a postal word (see isPostalQuestion): the looser thresholds apply. */
  postal: boolean;
  /** The message tells a story (see tellsStory): the loosest support threshold applies. */
  story: boolean;
}

/** How much of the question a passage covers: all its words, and its specific ones (see failedCheck). */
export function evidenceFor(terms: readonly QueryTerm[], passage: string, postal: boolean, opts: AnswerOptions, story = false): AnswerEvidence {
  // In a postal question an unfamiliar word is often an example a general rule covers (金项链 for
  // 贵重物品) or the way someone tells what happened (塞进, 问过): it counts, but less.
  // A phrase the question holds only with its words apart is a guess: lacking it counts less.
  const plain = terms.map((t) => {
    const unknown = t.unknown && postal ? UNKNOWN_IN_POSTAL_QUESTION : 1;
    const guessed = t.loose && termCoverage(t, passage) === 0 ? UNMATCHED_LOOSE_PHRASE : 1;
    return unknown * guessed === 1 ? t : { ...t, weight: t.weight * unknown * guessed };
  });
  // The story told before a postal question (腿擦破了皮还去医院拍了片) is mostly detail no article
  // names: what it says that the passage lacks counts less — once the passage answers what is asked.
  // An asking clause that only frames (现在该怎么处理才合适) leaves the story to say what it is about.
  const asking = plain.filter((t) => !t.told && !t.frame);
  const answersAsking = postal && (asking.length === 0 || coverage(asking, passage) >= ASKING_CLAUSES_MIN_COVERAGE);
  const weighed = answersAsking ? plain.map((t) => (t.told && termCoverage(t, passage) === 0 ? { ...t, weight: t.weight * UNMATCHED_STORY_FACTOR } : t)) : plain;
  // How someone tells what happened (交给, 才能, 提到) is rarely what a postal question is about, and
  // how they frame it (一定, 这边, 有人) never is; the verb next to the question word (由谁主持) is.
  // Nor is a word of the story no text knows (茶具, 杯子, 租户), though one in the asking clause
  // (关税起征点是多少) is: nothing here states it. Elsewhere a framing word stays: a civil-law
  // question shares too few other words with an article.
  const specific = specificTerms(postal ? weighed.filter((t) => !t.frame && !(t.unknown && t.told)) : weighed, opts.specificShare).map((t) =>
    postal && !t.matter && !t.focus ? { ...t, weight: t.weight * TELLING_IN_POSTAL_QUESTION } : t,
  );
  return {
    support: coverage(weighed, passage),
    specific: coverage(specific, passage),
    postal,
    story,
  };
}

/**
 * The check the quoted passages fail, if any. A question without a postal word must be matched
 * more closely: it is a directive's own wording, or a question about something else entirely.
 */
export function failedCheck(evidence: AnswerEvidence, opts: AnswerOptions): FailedCheck | null {
  const [minSupport, minSpecific] = evidence.postal ? [evidence.story ? opts.minSupportStory : opts.minSupport, opts.minSpecific] : [opts.minSupportOther, opts.minSpecificOther];
  if (evidence.support < minSupport) return 'support';
  if (evidence.specific < minSpecific) return 'specific';
  return null;
}
