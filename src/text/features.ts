import { hanBigrams, searchTokensOfEach } from './segment.ts';
import { normalize } from './normalize.ts';
import { stripQuestionFrames } from './questionForm.ts';
import type { Expansion, Thesaurus } from './thesaurus.ts';

/** Bigram features carry this prefix so the bigram 快递 and the word 快递 count separately. */
export const BIGRAM_PREFIX = '~';

/**
 * The lexical features of normalized text, shared by BM25 and the hashing embedder: jieba search
 * words plus Han character bigrams. Bigrams catch matches that segmentation splits differently
 * (收寄验视 in the text, 收寄 + 验视 in a question).
 */
export function lexicalFeatures(normalized: string): string[] {
  return lexicalFeaturesOfEach([normalized])[0]!;
}

/** lexicalFeatures of each text, segmented in one call to the segmentation worker (a document's chunks while indexing). */
export function lexicalFeaturesOfEach(normalized: readonly string[]): string[][] {
  return searchTokensOfEach(normalized).map((tokens, i) => [...tokens, ...hanBigrams(normalized[i]!).map((g) => BIGRAM_PREFIX + g)]);
}

/** The Han characters whose bigrams have a number: the CJK blocks from Extension A to the end of the Unified Ideographs. */
const CODED_FROM = 0x3400;
const CODED_SPAN = 0xa000 - CODED_FROM;

/** The number of a bigram of two such characters (below 2^31, so V8 keeps it unboxed), else null. */
function bigramCode(gram: string): number | null {
  if (gram.length !== 2) return null;
  const first = gram.charCodeAt(0) - CODED_FROM;
  const second = gram.charCodeAt(1) - CODED_FROM;
  return first >= 0 && first < CODED_SPAN && second >= 0 && second < CODED_SPAN ? first * CODED_SPAN + second : null;
}

/** The bigram feature a number stands for (see lexicalFeatureCodesOfEach). */
export function bigramFeatureOf(code: number): string {
  return BIGRAM_PREFIX + String.fromCharCode(CODED_FROM + Math.floor(code / CODED_SPAN), CODED_FROM + (code % CODED_SPAN));
}

/**
 * lexicalFeatures of each text, in the same order, with the bigram features of two common Han characters given
 * as numbers (bigramFeatureOf turns one back): what a reindex's worker processes send for each
 * chunk, for the indexing thread to number (Vocabulary). A number crosses between processes and is
 * looked up without making or hashing a string; looking up bigram strings was the indexing
 * thread's largest cost of its own in a profile of a 100k build.
 */
export function lexicalFeatureCodesOfEach(normalized: readonly string[]): (string | number)[][] {
  // A document's chunks in one call to the segmentation worker: a call each cost a third more time (100k chunks).
  return searchTokensOfEach(normalized).map((tokens, i) => [...tokens, ...hanBigrams(normalized[i]!).map((g) => bigramCode(g) ?? BIGRAM_PREFIX + g)]);
}

export function isBigramFeature(feature: string): boolean {
  return feature.startsWith(BIGRAM_PREFIX);
}

/** How much a word the thesaurus adds counts against a word the user typed. */
export const EXPANSION_WEIGHT = 0.5;

/**
 * A question as search and answering read it: normalized, its frames stripped (what it asks about),
 * and the thesaurus terms found in that. Expanding is the costliest step of a hybrid search (37% of it
 * at 100k chunks, profiled), so each question is expanded once, here, and this is handed to BM25, the
 * query vector and the answer's terms rather than each of them expanding it again.
 */
export interface ExpandedQuestion {
  normalized: string;
  /** The normalized question without its yes/no frames (能不能, 合规吗): what is searched for. */
  asked: string;
  /** The thesaurus terms in `asked`, in question order, with their alternatives. */
  expansions: readonly Expansion[];
}

export function expandQuestion(normalizedQuestion: string, thesaurus: Thesaurus): ExpandedQuestion {
  const asked = stripQuestionFrames(normalizedQuestion);
  return { normalized: normalizedQuestion, asked, expansions: thesaurus.expand(asked) };
}

/**
 * A question's features with a weight each: what was typed counts 1; the thesaurus's alternatives
 * to the typed terms, and keywords a chat model gave for the question, count EXPANSION_WEIGHT (never
 * more than a typed feature, never replacing it). Shared by BM25 and the query vector.
 */
export function queryFeatureWeights(question: ExpandedQuestion, keywords: readonly string[] = []): Map<string, number> {
  const weights = new Map<string, number>();
  const added = [...question.expansions.flatMap((e) => e.alternatives), ...keywords.map(normalize)];
  // One call to the segmentation worker for all of them rather than one per word: a question has a
  // dozen alternatives, and each call costs tens of microseconds besides the segmentation.
  const [typed, ...alternatives] = lexicalFeaturesOfEach([question.asked, ...added]);
  for (const features of alternatives) for (const f of features) weights.set(f, EXPANSION_WEIGHT);
  for (const f of typed!) weights.set(f, 1);
  return weights;
}
