/** The sentences summaries are made of: whole sentences that read on their own, cut only between clauses. */
import { ARTICLE_LINE } from '../chunk/structure.ts';
import { MOJIBAKE_MARK } from '../corpus/clean/mojibake.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import { words } from '../text/segment.ts';
import { splitBalancedClauses, splitWholeSentences } from '../text/sentences.ts';
import type { Quote } from './citations.ts';

const length = (s: string) => [...s].length;
const MIN_POINT_CHARS = 12;

/** （一） (二) 1. 一、: an item of a list, which only makes sense after the sentence that introduces it. */
const ITEM = /^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+、)/u;
/** A sentence that opens on punctuation starts mid-phrase (after a comma, a cut or a line break). */
const LEADING_PUNCTUATION = /^[，,、；;：:。.!！?？)）\]】》”’\s]+/u;
/**
 * 要求,全局把思想… under the heading 上海市邮政管理局: news reports put the speaker in a heading
 * line and open the paragraph with the verb, so the sentence only reads with its heading.
 */
const SPEECH_VERB = /^(?:要求|强调|強調|指出|表示|提出|认为|認為|希望|号召|號召)[，,：:]/u;

/** 逾期不改正的, 情节严重的, 有前款规定行为的: a sentence that continues the one before it. */
const CONTINUATION = /^(?:逾期|情节严重|有前款|前款)/u;

function continuesPrevious(sentence: string): boolean {
  return CONTINUATION.test(normalize(sentence));
}

/**
 * A sentence as a summary point, or null when it cannot stand on its own: the article number is
 * dropped (the citation names it), list items and sentences damaged by mojibake are skipped, and
 * a speaker's verb is given its speaker from the section heading.
 */
export function readableSentence(sentence: string, heading: string | null): string | null {
  if (sentence.includes(MOJIBAKE_MARK)) return null;
  const label = ARTICLE_LINE.exec(sentence);
  const text = (label ? sentence.slice(label[0].length) : sentence).replace(LEADING_PUNCTUATION, '').trim();
  if (ITEM.test(text) || length(text) < MIN_POINT_CHARS) return null;
  if (SPEECH_VERB.test(text)) return heading ? `${heading}${text}` : null;
  return text;
}

/** A readable sentence of a passage, whole (cut to a point by `excerpt` once chosen), with its words for ranking. */
export interface SummarySentence extends Quote {
  words: string[];
}

/** The readable sentences of one passage; one that continues the sentence before it is joined to it. */
function readableSentences(hit: SearchHit): { position: number; text: string }[] {
  const heading = hit.chunk.article ? null : (hit.chunk.context.at(-1) ?? null);
  const out: { position: number; text: string }[] = [];
  splitWholeSentences(hit.chunk.text).forEach((raw, position) => {
    const text = readableSentence(raw, heading);
    const previous = out.at(-1);
    if (!text) return;
    if (!continuesPrevious(text)) out.push({ position, text });
    // Without the sentence it continues (cut off by the passage's start or an item list), it cannot stand alone.
    else if (previous?.position === position - 1) previous.text += text;
  });
  return out;
}

/** The readable sentences of passages in order; a sentence repeated by overlapping passages counts once. */
export function summarySentences(hits: readonly SearchHit[]): SummarySentence[] {
  const seen = new Set<string>();
  const out: SummarySentence[] = [];
  hits.forEach((hit, hitRank) => {
    for (const { position, text } of readableSentences(hit)) {
      const key = normalize(text);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ hit, hitRank, position, text, words: words(key) });
    }
  });
  return out;
}

const CLAUSE_END = /[，,；;：:、\s]+$/u;

/**
 * A sentence cut to about `max` characters at clause boundaries: the opening clause always (it says
 * who or what), the first later clause that `keep` asks for (a fine's amount, 制定本条例), and the
 * clauses after the opening one while they fit. An ellipsis marks each place where clauses are left
 * out, never the inside of a clause; a sentence that ends by introducing a list (：) ends with one.
 */
export function excerpt(sentence: string, max: number, keep: (clause: string) => boolean = () => false): string {
  const clauses = splitBalancedClauses(sentence);
  const chosen = new Set<number>([0]);
  if (length(sentence) > max) {
    const wanted = clauses.findIndex((c, i) => i > 0 && keep(c));
    if (wanted > 0) chosen.add(wanted);
    let size = [...chosen].reduce((n, i) => n + length(clauses[i]!), 0);
    for (let i = 1; i < clauses.length && !chosen.has(i) && size + length(clauses[i]!) <= max; i++) {
      chosen.add(i);
      size += length(clauses[i]!);
    }
  } else {
    clauses.forEach((_, i) => chosen.add(i));
  }
  const picked = [...chosen].sort((a, b) => a - b);
  let out = '';
  picked.forEach((i, k) => {
    const next = picked[k + 1];
    const clause = clauses[i]!;
    out += next === undefined || next === i + 1 ? clause : `${clause.replace(CLAUSE_END, '')}…`;
  });
  const last = picked.at(-1)!;
  if (last < clauses.length - 1 || /[：:]$/u.test(out)) out = `${out.replace(CLAUSE_END, '')}…`;
  return out;
}
