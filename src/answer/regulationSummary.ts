import { CHAPTER_LINE } from '../chunk/structure.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import type { Quote } from './citations.ts';
import { amountsIn, fineAmounts } from './fines.ts';
import { excerpt, type SummarySentence, summarySentences } from './summaryText.ts';
import { textRank } from './textrank.ts';

const POINT_CHARS = 120;
/** Without chapters, this many articles stand for the body of the regulation. */
const POINTS_WITHOUT_CHAPTERS = 3;

const PURPOSE = /^为.*制定本/u;
const PURPOSE_CLAUSE = /制定本/u;
const SCOPE = /适用本(?:条例|法|规定|办法|细则|规则)/u;
const OBLIGATION = /应当|不得|禁止|必须|严禁/u;
const GENERAL_CHAPTER = /总则/u;
const PENALTY_CHAPTER = /法律责任|罚则/u;
const CLOSING_CHAPTER = /附则/u;

interface Provision extends SummarySentence {
  article: string;
  chapter: string | null;
}

const point = (s: Provision, keep?: (clause: string) => boolean): Quote => ({ ...s, text: excerpt(s.text, POINT_CHARS, keep) });

/** A regulation is chunked one article per passage: a document with several articles is one. */
export function isRegulationText(passages: readonly SearchHit[]): boolean {
  return new Set(passages.flatMap((p) => (p.chunk.article ? [p.chunk.article] : []))).size >= 3;
}

function provisions(passages: readonly SearchHit[]): Provision[] {
  return summarySentences(passages).flatMap((s) => {
    const article = s.hit.chunk.article;
    if (!article) return [];
    return [{ ...s, article, chapter: s.hit.chunk.context.find((c) => CHAPTER_LINE.test(c)) ?? null }];
  });
}

/** The most central sentences of a group of provisions (TextRank), obligations (应当, 不得) preferred, best first. */
function representative(group: readonly Provision[]): Provision[] {
  const ranks = textRank(group.map((s) => s.words));
  const weight = (s: Provision, i: number) => ranks[i]! * (OBLIGATION.test(normalize(s.text)) ? 1.5 : 1) * (/[：:]$/u.test(s.text) ? 0.7 : 1);
  return group
    .map((s, i) => ({ s, w: weight(s, i) }))
    .sort((a, b) => b.w - a.w)
    .map(({ s }) => s);
}

/** Lowest and highest fines of the penalty chapter, each cited to the sentence stating it. */
function penaltyRange(penalties: readonly Provision[]): Quote[] {
  const stated = penalties.flatMap((s) => fineAmounts(s.text).map((yuan) => ({ s, yuan })));
  if (stated.length === 0) return [];
  const lowest = stated.reduce((a, b) => (b.yuan < a.yuan ? b : a));
  const highest = stated.reduce((a, b) => (b.yuan > a.yuan ? b : a));
  const quote = ({ s, yuan }: { s: Provision; yuan: number }) => point(s, (clause) => amountsIn(clause).includes(yuan));
  return lowest.s === highest.s ? [quote(highest)] : [quote(lowest), quote(highest)];
}

/**
 * A regulation as a reader outlines it: its purpose (第一条, 为…制定本条例) and scope (…适用本条例),
 * then one main obligation per chapter, the most representative sentence of the chapter, then the
 * range of fines in its penalty chapter (法律责任). Every point is a sentence of one article.
 */
export function regulationPoints(passages: readonly SearchHit[]): Quote[] {
  const all = provisions(passages);
  if (all.length === 0) return [];
  const chaptered = all.some((s) => s.chapter);
  const general = chaptered ? all.filter((s) => s.chapter === all[0]!.chapter) : all;
  const purpose = general.find((s) => PURPOSE.test(normalize(s.text))) ?? general.find((s) => s.article === '第一条');
  const scope = general.find((s) => s !== purpose && SCOPE.test(normalize(s.text))) ?? general.find((s) => s !== purpose && s.article === '第二条');
  const points: Quote[] = [];
  if (purpose) points.push(point(purpose, (c) => PURPOSE_CLAUSE.test(c)));
  if (scope) points.push(point(scope, (c) => SCOPE.test(normalize(c))));

  const isPenalty = (s: Provision) => (chaptered ? PENALTY_CHAPTER.test(s.chapter ?? '') : fineAmounts(s.text).length > 0);
  const body = all.filter((s) => s !== purpose && s !== scope && !isPenalty(s) && !CLOSING_CHAPTER.test(s.chapter ?? ''));
  if (chaptered) {
    const chapters = [...new Set(body.map((s) => s.chapter))].filter((c) => c && !GENERAL_CHAPTER.test(c));
    for (const chapter of chapters) points.push(point(representative(body.filter((s) => s.chapter === chapter))[0]!));
  } else {
    const seen = new Set<string>();
    for (const s of representative(body.filter((s) => s.article !== purpose?.article && s.article !== scope?.article))) {
      if (seen.size >= POINTS_WITHOUT_CHAPTERS) break;
      if (seen.has(s.article)) continue;
      seen.add(s.article);
      points.push(point(s));
    }
  }
  points.push(...penaltyRange(all.filter(isPenalty)));
  return points;
}
