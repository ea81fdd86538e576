import { NATIONAL } from '../corpus/scope.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import type { ServedChunks } from '../index/servedChunks.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { placesIn } from '../retrieve/scope.ts';
import { normalize } from '../text/normalize.ts';
import { splitWholeSentences } from '../text/sentences.ts';
import { askedKinds, holdsKind } from './answerability.ts';
import { ARTICLE_START, namedDocument, plainTitle, titleFit } from './articleReference.ts';
import { citeQuotes, type Quote } from './citations.ts';
import { length } from './quoteClauses.ts';
import type { Answer } from './types.ts';

/**
 * People ask about a document as a whole by the name they remember (邮政法立法目的是啥, 浙江那个快递条例
 * 什么时候生效的, 细则由哪个部门负责解释): its framing provisions — the adoption lines before it, the
 * general provisions (总则: purpose, scope) and the supplementary ones (附则: who interprets it, when it
 * takes effect, what it repeals) — are what such questions ask, and they rarely share the question's words.
 */

/** Where a name may end: a law, regulation, rules or measures, or provisions (规定, 规则; see namedDocuments). */
const NAME_END = /法|条例|细则|办法|规定|规则/gu;
/** Said of any rule (有什么规定, 按规定): such a name must stand for one title (那个规定) or be held in it whole. */
const COMMON_NAME_END = /(?:规定|规则)$/u;
const GENERIC_NAME = /^(?:规定|规则)$/u;
const FRAMING_CHAPTER = /总则|附则/u;

/** The documents a question names (邮政法, 快递条例, 浙江快递条例); a name inside a longer one (邮政法 of 邮政法实施细则) is the longer one's. */
export function namedDocuments(normalizedQuestion: string, documents: ReadonlyMap<string, DocumentMetadata>): DocumentMetadata[] {
  const all = [...documents.values()];
  const places = placesIn(normalizedQuestion);
  const spans: { document: DocumentMetadata; start: number; end: number }[] = [];
  for (const match of normalizedQuestion.matchAll(NAME_END)) {
    const end = match.index + match[0].length;
    const named = namedDocument(normalizedQuestion.slice(0, end), all);
    if (!named) continue;
    // A name two documents fit alike is the national one's (see namedDocument), unless the question
    // names the other's place (浙江那个快递条例).
    const name = normalizedQuestion.slice(named.start, end);
    if (COMMON_NAME_END.test(name) && !GENERIC_NAME.test(name) && titleFit(name, plainTitle(named.document)) < 2) continue;
    const local = all.filter((d) => places.includes(d.scope) && titleFit(name, plainTitle(d)) > 0);
    const document = local.length === 1 ? local[0]! : named.document;
    // The rule of a province without rules here, by its name (安徽省有没有快递业促进条例, 江苏有没有专门的
    // 快递条例), is not one the corpus holds, though a national or another province's title fits the name.
    const unruled = places.filter((place) => !all.some((d) => d.scope === place));
    const provincialName = all.some((d) => d.scope !== NATIONAL && titleFit(name, plainTitle(d)) > 0);
    if (unruled.length > 0 && !places.includes(document.scope) && (document.scope !== NATIONAL || provincialName)) continue;
    spans.push({ document, start: named.start, end });
  }
  const outer = spans.filter((s) => !spans.some((o) => o !== s && o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start));
  return [...new Map(outer.map((s) => [s.document.id, s.document])).values()];
}

/** A passage framing its document: the adoption lines before the first article, its first article, or a provision of 总则 or 附则. */
function isFraming(chunk: { article: string | null; context: readonly string[] }): boolean {
  if (chunk.article === null) return chunk.context.length === 0;
  return chunk.article === '第一条' || chunk.context.some((heading) => FRAMING_CHAPTER.test(heading));
}

/** The hits with the named documents' framing passages among them (retrieved or not), to compete in the rerank. */
export function withFramingPassages(hits: readonly SearchHit[], named: readonly DocumentMetadata[], chunks: ServedChunks): SearchHit[] {
  const retrieved = new Set(hits.map((h) => h.chunk.id));
  const score = hits[0]?.score ?? 0;
  const framing = named.flatMap((document) =>
    chunks
      .ofDocument(document.id)
      .filter((chunk) => isFraming(chunk) && !retrieved.has(chunk.id))
      .map((chunk): SearchHit => ({ chunk, document, score, lexical: 0, dense: 0 })),
  );
  return [...hits, ...framing];
}

/**
 * The facts about a document as a whole that its framing passages state: why it was made (its first
 * article), when it was adopted, amended or took effect (its adoption lines, 本法自…起施行), who
 * interprets it, and what it repealed. Each with what the question says asking it, and the sentence
 * stating it.
 */
/** Asked when the document was so dealt with (哪年通过的, 什么时候生效, 施行日期是哪天): the verbs saying how. */
const WHEN = '什么时候|啥时候|何时|哪天|哪一天|哪年|哪一年|几月|几号|从哪天';
const askedWhen = (verbs: string) => {
  const asks = new RegExp(`(?:${WHEN})[^。？?]{0,8}(?:${verbs})|(?:${verbs})[^。？?]{0,12}(?:时间|日期|年份|${WHEN})`, 'u');
  return (question: string) => asks.test(question);
};

const DOCUMENT_FACTS: readonly { asks: (question: string) => boolean; states: (sentence: string) => boolean }[] = [
  { asks: (q) => askedKinds(q).includes('purpose'), states: (s) => holdsKind('purpose', s) },
  { asks: askedWhen('通过|公布|发布|颁布|出台|制定|定的'), states: (s) => /^\d{4}年\d{1,2}月\d{1,2}日.{0,80}(?:通过|公布|颁布|发布|批准)/u.test(s) },
  { asks: askedWhen('修订|修正|修改|改'), states: (s) => /(?:修订|修正)$/u.test(s) },
  { asks: askedWhen('施行|实施|生效|执行|起效'), states: (s) => /自.{2,24}起(?:施行|实施|生效)/u.test(s) },
  // Who interprets it (由哪个部门负责解释, 解释权归谁), not what a word in it means (细则里邮件怎么解释).
  { asks: (q) => /(?:谁|哪个|哪一个|什么)(?:部门|机关|单位)?[^。？?]{0,6}解释|解释权|负责解释/u.test(q), states: (s) => /负责解释/u.test(s) },
  { asks: (q) => /废止|作废|还管用|还有效|还算数|失效|还用不用|还适用/u.test(q), states: (s) => /同时废止/u.test(s) },
];

/**
 * Asked a fact about a named document as a whole (邮政法立法目的是啥, 浙江省快递业促进条例什么时候生效的,
 * 细则由哪个部门负责解释), the framing sentences stating it are the answer; undefined when the question
 * names no document or asks no such fact, or the document does not state it.
 */
export function documentFactReply(question: string, normalizedQuestion: string, named: readonly DocumentMetadata[], chunks: ServedChunks, maxChars: number): Answer | undefined {
  const facts = DOCUMENT_FACTS.filter((fact) => fact.asks(normalizedQuestion));
  if (named.length === 0 || facts.length === 0) return undefined;
  const quotes: Quote[] = [];
  let used = 0;
  for (const document of named) {
    // Every passage is read: a document without chapters keeps its 施行 article among the others.
    for (const chunk of chunks.ofDocument(document.id)) {
      const hit: SearchHit = { chunk, document, score: 0, lexical: 0, dense: 0 };
      chunk.text
        .split(/\n+/u)
        .flatMap((line) => splitWholeSentences(line))
        .forEach((text) => {
          const sentence = normalize(text.trim()).replace(ARTICLE_START, '').trim();
          if (!facts.some((fact) => fact.states(sentence)) || (quotes.length > 0 && used + length(text) > maxChars)) return;
          // In the order the document has them.
          quotes.push({ hit, hitRank: 0, position: quotes.length, text: text.trim() });
          used += length(text);
        });
    }
  }
  if (quotes.length === 0) return undefined;
  const { text, citations } = citeQuotes(quotes);
  return { question, answered: true, answer: text, mode: 'extractive', citations, closest: [], declined: null, related: [] };
}
