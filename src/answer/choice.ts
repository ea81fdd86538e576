import { namesTerm, type QueryTerm } from './terms.ts';

/** 是A还是B within one clause: A runs from the last 是 before 还是, B to the clause's end. */
const EITHER_OR = /是([^，,。；;？?！!]*?)还是([^，,。；;？?！!]+)/gu;
const TRAILING_PARTICLE = /[呢吗啊呀吧]+$/u;

/**
 * The words of the alternatives an either-or question offers (公司出还是自己出 → 公司, 自己), the
 * words both share (出) left out: a quote naming none of them does not settle which it is.
 */
function alternativeTerms(normalizedQuestion: string, terms: readonly QueryTerm[]): QueryTerm[] {
  const sides = [...normalizedQuestion.matchAll(EITHER_OR)].flatMap((m) => {
    const a = m[1]!.slice(m[1]!.lastIndexOf('是') + 1);
    return [a, m[2]!.replace(TRAILING_PARTICLE, '')];
  });
  const inSide = (t: QueryTerm, side: string) => side.includes(t.term);
  return terms.filter((t) => [...t.term].length >= 2 && sides.filter((side) => inSide(t, side)).length === 1);
}

/** The alternatives an either-or question offers when the quotes name none of them (empty otherwise). */
export function unsettledAlternatives(normalizedQuestion: string, terms: readonly QueryTerm[], normalizedQuotes: string): string[] {
  const alternatives = alternativeTerms(normalizedQuestion, terms);
  return alternatives.some((t) => namesTerm(t, normalizedQuotes)) ? [] : alternatives.map((t) => t.term);
}

/**
 * The question's terms as the quotes must cover them: of an either-or question's alternatives, those
 * the quotes do not name are left out once they name one (送到家还是放村委会 answered by 投递到户).
 */
export function withoutOtherAlternatives(normalizedQuestion: string, terms: readonly QueryTerm[], normalizedQuotes: string): readonly QueryTerm[] {
  const alternatives = alternativeTerms(normalizedQuestion, terms);
  const named = alternatives.filter((t) => namesTerm(t, normalizedQuotes));
  return named.length ? terms.filter((t) => !alternatives.includes(t) || named.includes(t)) : terms;
}
