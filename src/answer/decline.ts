import { MOJIBAKE_MARK } from '../corpus/clean/mojibake.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';
import { closestDocuments, locationOf } from './citations.ts';
import { fitQuote, listLead } from './quoteClauses.ts';
import { PASSAGES_READ, passageText } from './rerank.ts';
import { coverage, type QueryTerm } from './terms.ts';
import type { Answer, DeclineReason, RelatedProvision } from './types.ts';

const RELATED_MAX = 3;
const RELATED_QUOTE_CHARS = 60;
/** A passage covering less than this of the question is not worth showing, even as related. */
const RELATED_MIN_COVERAGE = 0.2;

const SCOPE = '我只回答关于中国邮政和快递法规、国家邮政局通知和会议要求';

/**
 * What the reply says for each reason; `named` holds the countries or operators a `foreign` decline
 * names, the provinces a `no-local-rule` decline names, the articles a `no-article` decline found in
 * no document (《快递暂行条例》第六十条), or the things asked about an `unnamed` decline found in no provision.
 */
function declineText(reason: DeclineReason, named: readonly string[]): string {
  switch (reason) {
    case 'unsupported':
      return '语料中没有找到能回答这个问题的内容。';
    case 'foreign':
      return `语料只收录中国的邮政、快递法规和国家邮政局的文件，没有专门关于${named.map(foreignName).join('、')}的规定，无法回答这个问题。`;
    case 'unnamed':
      return `最接近的条文没有提到${named.map((n) => `“${n}”`).join('、')}，语料中没有找到能回答这个问题的内容。`;
    case 'no-article':
      return `语料中没有${named.join('、')}，请核对条号。`;
    case 'no-local-rule':
      return `语料中没有${named.join('、')}的地方性法规或文件，全国性的规定中也没有找到能回答这个问题的内容。`;
    case 'off-topic':
      return `这个问题与邮政、快递无关。${SCOPE}的问题，例如寄递安全、快件丢失赔偿、实名收寄、快递末端网点等。`;
    case 'not-chinese':
      return `请用中文提问。${SCOPE}的中文问题。`;
  }
}

/** Operators are matched in lower case (usps); they are written in capitals (USPS). */
const foreignName = (name: string) => (/^[a-z]+$/u.test(name) ? name.toUpperCase() : name);

/**
 * The passage's sentence closest to the question, with the sentence introducing it when it is a
 * list item, and without the article number the line already names.
 */
function relatedQuote(hit: SearchHit, terms: readonly QueryTerm[], article: string | null): string {
  const sentences = splitSentences(hit.chunk.text).filter((s) => !s.includes(MOJIBAKE_MARK));
  const covered = sentences.map((s) => coverage(terms, normalize(s)));
  // The first of the best: reading order breaks ties.
  const best = Math.max(0, covered.indexOf(Math.max(...covered)));
  const quote = fitQuote(sentences[best] ?? '', terms, RELATED_QUOTE_CHARS);
  const lead = listLead(sentences, best, RELATED_QUOTE_CHARS, terms);
  const text = lead ? `${lead.text}……${quote}` : quote;
  return article && text.startsWith(article) ? text.slice(article.length).trimStart() : text;
}

/** The one to three passages closest to a declined question, each with its best short quote. */
export function relatedProvisions(hits: readonly SearchHit[], terms: readonly QueryTerm[]): RelatedProvision[] {
  return hits
    .slice(0, PASSAGES_READ)
    .map((hit) => ({ hit, covered: coverage(terms, passageText(hit)) }))
    .filter(({ covered }) => covered >= RELATED_MIN_COVERAGE)
    .sort((a, b) => b.covered - a.covered)
    .slice(0, RELATED_MAX)
    .map(({ hit }) => {
      const location = locationOf(hit);
      return {
        docId: hit.document.id,
        title: hit.document.title,
        date: hit.document.date,
        scope: hit.document.scope,
        chunkId: hit.chunk.id,
        location,
        quote: relatedQuote(hit, terms, hit.chunk.article),
      };
    });
}

/**
 * The reply when the corpus does not answer a question, with what came closest when it is in the
 * domain. `named`: what a `foreign` or `unnamed` decline names (see declineText).
 */
export function declinedAnswer(question: string, reason: DeclineReason, hits: readonly SearchHit[], related: RelatedProvision[], named: readonly string[] = []): Answer {
  const closest = reason === 'off-topic' || reason === 'not-chinese' ? [] : closestDocuments(hits);
  return { question, answered: false, answer: declineText(reason, named), mode: 'extractive', citations: [], closest, declined: reason, related };
}
