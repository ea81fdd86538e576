import nzh from 'nzh/cn';
import { NATIONAL } from '../corpus/scope.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import type { ServedChunks } from '../index/servedChunks.ts';
import type { StoredChunk } from '../index/store.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import { taggedWords } from '../text/segment.ts';
import { splitWholeSentences } from '../text/sentences.ts';
import { citeQuotes, type Quote } from './citations.ts';
import { declinedAnswer } from './decline.ts';
import type { Answer, RelatedProvision } from './types.ts';

/**
 * People name the article they have in mind the way they remember it: 邮政法第48条, 快递条例二十二条,
 * 细则第37条, 浙江快递条例第三十一条. This module finds the document such a mention names and the
 * article's passages, or that the document has no such article (快递暂行条例第六十条).
 */

/** An article number as typed (第48条, 二十二条), not a vague one (二十几条, 几条). */
const ARTICLE_NUMBER = /第?([0-9０-９]{1,3}|[一二三四五六七八九十百零〇两]{1,6})条/gu;
/** What may stand between the document's name and the number (邮政法的第48条, 邮政法里第15条). */
const LINK = /(?:的|里的|里面的|里面|里|中的|中|上的|上)$/u;
const NAME_END = /(?:法|条例|细则|办法|规定|规则)$/u;
const GENERIC_NAME = /^(?:实施)?(?:暂行)?(?:办法|条例|细则|规定|规则)$/u;
/** What may stand before a bare name: nothing, punctuation, or a word pointing at it (的, 那个). */
const STANDS_ALONE = /(?:^|[^\p{Script=Han}]|[的个这那])$/u;
/** The shortest ending of the words before the number that may name a document (细则, 邮政法). */
const SHORTEST_NAME = 2;
const LONGEST_NAME = 16;

export interface ArticleReference {
  document: DocumentMetadata;
  /** As the corpus labels it: 第四十八条. */
  article: string;
  /** The article's passages; none when the document has no such article. */
  chunks: StoredChunk[];
  /** Where the question names it, document and number (邮政法第48条). */
  span: [number, number];
}

const plainTitles = new WeakMap<DocumentMetadata, string>();
/** A document's title as names are matched against it: normalized, without its book-title marks (read once a document: every 法 or 规定 a question holds is matched against all titles). */
export function plainTitle(document: DocumentMetadata): string {
  let title = plainTitles.get(document);
  if (title === undefined) plainTitles.set(document, (title = normalize(document.title).replace(/[《》〈〉]/gu, '')));
  return title;
}

/** The characters of `name` occur in `title` in order (快递条例 in 快递暂行条例). */
export function inOrder(name: string, title: string): boolean {
  let at = 0;
  for (const character of name) {
    at = title.indexOf(character, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/** How closely a title holds a name: 3 ending with it, 2 holding it whole, 1 in order; 0 not at all or ending otherwise. */
export function titleFit(name: string, title: string): number {
  if (title.at(-1) !== name.at(-1) || !inOrder(name, title)) return 0;
  return title.endsWith(name) ? 3 : title.includes(name) ? 2 : 1;
}

/** The one document the words before an article number name, if exactly one fits best, and where its name starts. */
export function namedDocument(before: string, documents: readonly DocumentMetadata[]): { document: DocumentMetadata; start: number } | undefined {
  const words = before.replace(LINK, '');
  if (!NAME_END.test(words)) return undefined;
  const titles = documents.map((d) => ({ document: d, title: plainTitle(d) }));
  for (let length = Math.min(LONGEST_NAME, words.length); length >= SHORTEST_NAME; length--) {
    const name = words.slice(-length);
    const fits = titles.map((t) => ({ ...t, fit: titleFit(name, t.title) })).filter((t) => t.fit > 0);
    if (fits.length === 0) continue;
    // A bare 办法 or 细则 names a document only standing alone (细则第37条, 那个办法第五条): 快递市场管理办法
    // is another document, which the corpus does not hold.
    if (GENERIC_NAME.test(name) && !STANDS_ALONE.test(words.slice(0, -length))) return undefined;
    const best = Math.max(...fits.map((t) => t.fit));
    // Fitting a national and a provincial title alike (快递条例), the name is the national one's, as a
    // question naming no place is.
    const tied = fits.filter((t) => t.fit === best);
    const national = tied.filter((t) => t.document.scope === NATIONAL);
    const named = national.length > 0 ? national : tied;
    const start = words.length - length;
    return named.length === 1 && !nounBefore(words, start) ? { document: named[0]!.document, start } : undefined;
  }
  return undefined;
}

/**
 * A noun right before the name fitted continues it with words the title lacks: 快递市场管理办法 is
 * another document than 快递服务管理办法, though 管理办法 fits. (知道 before 邮政法 does not.)
 */
export function nounBefore(words: string, start: number): boolean {
  if (start === 0) return false;
  let end = 0;
  for (const { word, tag } of taggedWords(words, words)) {
    end += word.length;
    // A doubled verb (问问, 看看) is no noun, whatever jieba tagged it.
    if (end === start) return /^(?:n|vn|j)/u.test(tag) && !/^(.)\1$/u.test(word);
    if (end > start) return true;
  }
  return false;
}

/** 48, ４８ or 四十八 as the corpus writes an article number (第四十八条); undefined for none. */
function articleLabel(number: string): string | undefined {
  const digits = number.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10));
  const value = /^\d+$/u.test(digits) ? Number(digits) : Number(nzh.decodeS(number.replace(/两/gu, '二').replace(/〇/gu, '零')));
  return Number.isInteger(value) && value > 0 ? `第${nzh.encodeS(value)}条` : undefined;
}

/** A passage is the article, or holds it among the short articles packed with it. */
const holdsArticle = (chunk: StoredChunk, article: string) => chunk.article === article || startsArticle(chunk.text, article);
const startsArticle = (text: string, article: string) => new RegExp(`(?:^|\\n)\\s*${article}`, 'u').test(text);
/** A provision's own number at its start (第五十九条 本法…). */
export const ARTICLE_START = /^\s*第[零〇一二三四五六七八九十百千]+条/u;

/** The articles a question names in documents of the corpus (see the module comment). */
export function articleReferences(normalizedQuestion: string, documents: ReadonlyMap<string, DocumentMetadata>, chunks: ServedChunks): ArticleReference[] {
  const references: ArticleReference[] = [];
  for (const match of normalizedQuestion.matchAll(ARTICLE_NUMBER)) {
    // 一条 without 第 counts a rule (邮政法一条规定也没有), it does not name one.
    if (!match[0].startsWith('第') && match[1]!.length < 2 && !/\d/u.test(match[1]!)) continue;
    const named = namedDocument(normalizedQuestion.slice(0, match.index), [...documents.values()]);
    const article = articleLabel(match[1]!);
    if (!named || !article || references.some((r) => r.document.id === named.document.id && r.article === article)) continue;
    const { document, start } = named;
    references.push({ document, article, chunks: chunks.ofDocument(document.id).filter((c) => holdsArticle(c, article)), span: [start, match.index + match[0].length] });
  }
  return references;
}

/**
 * The hits with the named articles' passages among them (retrieved or not): a named article is what
 * the asker has in mind, though the number may be misremembered, so it competes rather than wins.
 */
export function withNamedArticles(hits: readonly SearchHit[], references: readonly ArticleReference[]): SearchHit[] {
  const retrieved = new Set(hits.map((h) => h.chunk.id));
  const top = hits[0]?.score ?? 0;
  const named = references.flatMap((r) => r.chunks.filter((c) => !retrieved.has(c.id)).map((chunk): SearchHit => ({ chunk, document: r.document, score: top, lexical: 0, dense: 0 })));
  return [...named, ...hits];
}

/**
 * What is left of a question naming an article once the naming is taken out asks for the article
 * itself (说了啥, 讲的是什么, 原文是什么, 怎么规定的), not for something in it.
 */
const WHOLE_ARTICLE = /^(?:[，,。？?！!\s]|说了?|讲了?|写了?|规定了?|的|里|是|啥|什么|内容|原文|全文|意思|具体|怎么|怎样|如何|一下|吗|呢|啊|呀|请问|请|查|看看)*$/u;

function asksWholeArticle(normalizedQuestion: string, references: readonly ArticleReference[]): boolean {
  const rest = references.reduce((text, { span: [start, end] }) => text.slice(0, start) + ' '.repeat(end - start) + text.slice(end), normalizedQuestion);
  return references.some((r) => r.chunks.length > 0) && WHOLE_ARTICLE.test(rest);
}

/** The named articles' opening sentences, as many as fit in `maxChars` (at least the first of each). */
function articleQuotes(references: readonly ArticleReference[], hits: readonly SearchHit[], maxChars: number): Quote[] {
  const quotes: Quote[] = [];
  let used = 0;
  for (const reference of references) {
    for (const chunk of reference.chunks) {
      const hitRank = hits.findIndex((h) => h.chunk.id === chunk.id);
      const hit = hits[hitRank] ?? { chunk, document: reference.document, score: 0, lexical: 0, dense: 0 };
      // From the article's first sentence to the next article packed after it.
      const sentences = splitWholeSentences(chunk.text);
      const from = Math.max(
        0,
        sentences.findIndex((text) => text.trimStart().startsWith(reference.article)),
      );
      const next = sentences.findIndex((text, i) => i > from && ARTICLE_START.test(text));
      sentences.slice(from, next < 0 ? undefined : next).forEach((text, i) => {
        if (quotes.length > 0 && used + [...text].length > maxChars) return;
        quotes.push({ hit, hitRank: Math.max(0, hitRank), position: from + i, text });
        used += [...text].length;
      });
    }
  }
  return quotes;
}

/**
 * The reply to a question naming articles, before any sentence is scored: that the document lacks
 * them (快递暂行条例第六十条), with what came closest, or the article itself when it is asked whole
 * (邮政法第15条说了啥); undefined when the question asks something in the article.
 */
export function namedArticleReply(
  question: string,
  normalizedQuestion: string,
  references: readonly ArticleReference[],
  hits: readonly SearchHit[],
  related: RelatedProvision[],
  maxChars: number,
): Answer | undefined {
  const missing = references.filter((r) => r.chunks.length === 0);
  if (missing.length > 0 && missing.length === references.length) {
    return declinedAnswer(
      question,
      'no-article',
      hits,
      related,
      missing.map((r) => `《${r.document.title}》${r.article}`),
    );
  }
  if (!asksWholeArticle(normalizedQuestion, references)) return undefined;
  const { text, citations } = citeQuotes(articleQuotes(references, hits, maxChars));
  return { question, answered: true, answer: text, mode: 'extractive', citations, closest: [], declined: null, related: [] };
}
