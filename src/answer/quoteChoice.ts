/**
 * Which of the scored sentences an answer quotes, and what each needs to be read: a list's lead
 * and its item, a short lead-in's continuation, a penalty and the clause that raises it.
 */
import { normalize } from '../text/normalize.ts';
import type { Quote } from './citations.ts';
import type { AnswerOptions } from './options.ts';
import { fitQuote, length, quotedLength } from './quoteClauses.ts';
import type { QueryTerm } from './terms.ts';

const MAX_SENTENCES = 3;
const SHORT_SENTENCE = 30;
/** The clause after a penalty that raises it (情节严重的，处…): the heavier sanction belongs to the answer. */
export const ESCALATION = /^(?:情节严重|情节较重|情节特别严重|逾期不改正|逾期未改正|拒不改正|造成严重后果)/u;

/** A sentence of a retrieved passage, scored against the question. */
export interface Candidate extends Quote {
  score: number;
  /** For an item of a list (（五）活的动物), the sentence introducing the list (禁止寄递下列物品：). */
  lead: Quote | undefined;
  /** The sentence after this one in the passage: a short lead-in (三是加快实施…工程。) needs it. */
  next: string | undefined;
  /** The passage with its title and headings, normalized: where the question's terms are looked for. */
  passage: string;
}

export const escalates = (c: Candidate) => c.next !== undefined && ESCALATION.test(normalize(c.next));

/**
 * The sentences quoted when `best` leads: those scoring within 0.8 of it, up to MAX_SENTENCES and
 * the answer's length, each with what it needs to be read (a list's lead, a short sentence's
 * continuation, a raised penalty). Works on copies: a second choice starts from clean candidates.
 */
export function choose(best: Candidate, candidates: readonly Candidate[], terms: readonly QueryTerm[], asksSanction: boolean, opts: AnswerOptions): Candidate[] {
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  let used = 0;
  for (const candidate of [best, ...candidates.filter((c) => c !== best)]) {
    if (chosen.length >= MAX_SENTENCES || candidate.score < best.score * 0.8) break;
    const key = normalize(candidate.text);
    // A quote holding another (a penalty read with the one it raises) says it again.
    const repeats = chosen.some((q) => key.includes(normalize(q.text)) || normalize(q.text).includes(key));
    if (seen.has(key) || repeats || used + length(candidate.text) > opts.maxAnswerChars) continue;
    const lead = leadOf(candidate);
    const newLead = lead && !seen.has(normalize(lead.text)) ? lead : undefined;
    // A list item comes with its lead, and both must fit (the best one always goes).
    if (chosen.length && newLead && used + length(candidate.text) + length(newLead.text) > opts.maxAnswerChars) continue;
    seen.add(key);
    const c = { ...candidate };
    const escalation = asksSanction && escalates(c) && used + length(c.text) + length(c.next ?? '') <= opts.maxAnswerChars;
    if (length(c.text) < SHORT_SENTENCE || escalation) c.text += continuation(c, seen, terms, opts);
    chosen.push(c);
    used += length(c.text);
    if (newLead) {
      seen.add(normalize(newLead.text));
      chosen.push(newLead);
      used += length(newLead.text);
    }
  }
  return withItems(chosen, candidates, opts);
}

/**
 * A list's lead quoted without any of its items (还应当遵守下列规定：) says only that there is a list:
 * its best-scoring item goes with it, in place of the weakest other quotes if need be.
 */
export function withItems(chosen: Candidate[], candidates: readonly Candidate[], opts: AnswerOptions): Candidate[] {
  const bare = chosen.find((q) => /[：:]$/u.test(q.text.trim()) && !chosen.some((c) => c.hit === q.hit && c.lead?.position === q.position));
  const item = bare && candidates.find((c) => c.hit === bare.hit && c.lead?.position === bare.position);
  return bare && item ? withRoomFor(chosen, { ...item }, opts.maxAnswerChars, bare) : chosen;
}

/** An item's list lead (禁止寄递下列物品：) as a quote of its own. */
export function leadOf(c: Candidate): Candidate | undefined {
  return c.lead && { ...c, ...c.lead, lead: undefined };
}

/** An item read under its list lead (…并处1万元以上5万元以下的罚款： before （三）出售…用户信息), or the sentence alone. */
export function withLead(c: Candidate): Candidate[] {
  const lead = leadOf(c);
  return lead ? [lead, c] : [c];
}

/**
 * `chosen` and then `quote`, the last of the others (the weakest) left out while the answer would
 * be longer than `maxChars`; never the first, nor `keep`.
 */
export function withRoomFor(chosen: readonly Candidate[], quote: Candidate, maxChars: number, keep?: Candidate): Candidate[] {
  const kept = [...chosen];
  while (kept.length > 1 && kept.at(-1) !== keep && quotedLength([...kept, quote]) > maxChars) kept.pop();
  return [...kept, quote];
}

/** The sentence after c, to be quoted with it, once: a short lead-in's continuation, or a raised penalty. */
export function continuation(c: Candidate, seen: Set<string>, terms: readonly QueryTerm[], opts: AnswerOptions): string {
  if (!c.next || seen.has(normalize(c.next))) return '';
  seen.add(normalize(c.next));
  return fitQuote(c.next, terms, opts.maxSentenceChars);
}
