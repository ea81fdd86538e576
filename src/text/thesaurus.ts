import { readFileSync } from 'node:fs';
import { normalize } from './normalize.ts';
import { type Phrase, PhraseIndex, wordsKey } from './phraseIndex.ts';
import { dictionaryWords, dictionaryWordsOfEach, warmUp } from './segment.ts';

/** One line of a synonym file: typing any `from` term also looks for every `to` term. */
export interface SynonymRule {
  from: string[];
  to: string[];
}

/** A line that could not be read, for the reindex report. */
export interface ThesaurusProblem {
  line: number;
  text: string;
  message: string;
}

const MAX_TERM_CHARS = 24;
const TERM_CONTENT = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Spaces only part words of Latin script (post office, id card); between Chinese words they are none. */
function parseTerms(side: string): string[] {
  return side.split(/[,，]/u).map((t) =>
    normalize(t)
      .trim()
      .replace(/\s+/gu, ' ')
      .replace(/ (?![a-z0-9])|(?<![a-z0-9]) /gu, ''),
  );
}

function termProblem(terms: readonly string[]): string | null {
  if (terms.some((t) => t === '')) return '有空词（多余的逗号？）';
  const long = terms.find((t) => [...t].length > MAX_TERM_CHARS);
  if (long) return `词过长（${long}，上限 ${MAX_TERM_CHARS} 字）`;
  const empty = terms.find((t) => !TERM_CONTENT.test(t));
  if (empty) return `不是词（${empty}）`;
  return null;
}

/**
 * Reads a synonym file in the Solr/Elasticsearch format: `a, b, c` makes the terms equivalent,
 * `a, b => c, d` makes a and b also look for c and d (not the reverse), `#` starts a comment.
 * Terms are normalized (Simplified, lower case) as questions and passages are. Bad lines are
 * returned as problems, never thrown: one typo must not stop a reindex.
 */
export function parseSynonyms(text: string): { rules: SynonymRule[]; problems: ThesaurusProblem[] } {
  const rules: SynonymRule[] = [];
  const problems: ThesaurusProblem[] = [];
  text.split(/\r?\n/u).forEach((raw, i) => {
    const line = raw
      .replace(/^\uFEFF/u, '')
      .replace(/(^|\s)#.*$/u, '')
      .trim();
    if (!line) return;
    const problem = (message: string) => problems.push({ line: i + 1, text: raw.trim(), message });
    const sides = line.split('=>');
    if (sides.length > 2) return problem('一行只能有一个 =>');
    if (sides.length === 2) {
      const from = parseTerms(sides[0]!);
      const to = parseTerms(sides[1]!);
      const bad = termProblem(from) ?? termProblem(to);
      if (bad) return problem(bad);
      rules.push({ from, to });
      return;
    }
    const terms = [...new Set(parseTerms(line))];
    const bad = termProblem(terms);
    if (bad) return problem(bad);
    if (terms.length < 2) return problem('同义词组至少要有两个词（或写成 a => b）');
    rules.push({ from: terms, to: terms });
  });
  return { rules, problems };
}

/** Writes rules back in the same format (what a generation stores of its corpus's synonyms). */
export function formatSynonyms(rules: readonly SynonymRule[]): string {
  return rules.map((r) => (r.from === r.to ? r.from.join(', ') : `${r.from.join(', ')} => ${r.to.join(', ')}`)).join('\n');
}

/** A thesaurus term found in a question, and what else to look for in its place. */
export interface Expansion {
  term: string;
  /** Where the term starts in the normalized question. */
  at: number;
  /** The characters of the question it was found in: one span, or each word of a loose match. */
  spans: [number, number][];
  alternatives: string[];
}

/**
 * A phrase term matches loosely when its words occur in one clause of the question, in any order,
 * with at most this many characters between them (邮筒拆走了 for 拆邮筒, 地址给写错了 for 写错地址).
 */
const LOOSE_GAP = 4;
/** A space does not end a clause: terse questions are keywords apart (法院专递 拒签). */
const CLAUSE = /[^，,。.？?！!；;：:、\n]+/gu;

/** A personal pronoun right after a verb is its object: 快递员打我 is not 打快递员. */
const PRONOUN_OBJECT = /^(?:我|你|您|他|她|咱)/u;
/** A personal pronoun as one of a phrase's words (我 of 拆我的快递). */
const PERSONAL = /^(?:我|你|您|他|她|咱)的?$/u;

function occurrencesOf(clause: string, word: string): number[] {
  const found: number[] = [];
  for (let at = clause.indexOf(word); at >= 0; at = clause.indexOf(word, at + 1)) found.push(at);
  return found;
}

/** Every way to pick one occurrence of each word (a clause holds few). */
function placements(occurrences: readonly number[][]): number[][] {
  return occurrences.reduce<number[][]>((picked, options) => picked.flatMap((p) => options.map((at) => [...p, at])), [[]]);
}

/**
 * Where a phrase's words occur in a clause, close together (see LOOSE_GAP), each where `keepsSense`
 * allows (拆 in 拆邮筒, not in 拆迁); null when no placement does. Moved after a later word, the
 * phrase's first word must not take an object of its own (快递员打我电话 is not 打快递员).
 */
function looseSpans(term: string, clause: string, offset: number, words: readonly string[], keepsSense: (start: number, end: number) => boolean): [number, number][] | null {
  const inTerm = words.some((w) => PERSONAL.test(w)) ? placesInTerm(term, words) : null;
  for (const starts of placements(words.map((w) => occurrencesOf(clause, w)))) {
    const spans = starts.map((at, i): [number, number] => [offset + at, offset + at + words[i]!.length]);
    const first = spans[0]!;
    if (spans.some(([start]) => start < first[0]) && PRONOUN_OBJECT.test(clause.slice(first[1] - offset))) continue;
    // A pronoun keeps its place: 我 before 拆 says who opens (我能先拆开), not whose parcel (拆我的快递).
    if (inTerm && movesPronoun(words, inTerm, spans, (at) => clause.slice(0, at - offset))) continue;
    const ordered = [...spans].sort((a, b) => a[0] - b[0]);
    const close = ordered.every((span, i) => i === 0 || (span[0] >= ordered[i - 1]![1] && span[0] - ordered[i - 1]![1] <= LOOSE_GAP));
    if (close && spans.every(([start, end]) => keepsSense(start, end))) return ordered;
  }
  return null;
}

/** Each word's own place in the term: 我 of 帮我 in 我妈帮我签收 is not the 我 of 我妈. */
function placesInTerm(term: string, words: readonly string[]): number[] {
  let unclaimed = term;
  return words.map((w) => {
    const place = unclaimed.indexOf(w);
    if (place >= 0) unclaimed = unclaimed.slice(0, place) + ' '.repeat(w.length) + unclaimed.slice(place + w.length);
    return place;
  });
}

/** Whether the question holds a pronoun of the phrase on the other side of one of its words than the phrase does. */
function movesPronoun(words: readonly string[], inTerm: readonly number[], spans: readonly [number, number][], before: (at: number) => string): boolean {
  // 把 brings the object before its verb: 把我的信息泄露 is 泄露我的信息.
  return words.some((w, i) => PERSONAL.test(w) && !/[把将]$/u.test(before(spans[i]![0])) && words.some((_, j) => j !== i && inTerm[i]! < inTerm[j]! !== spans[i]![0] < spans[j]![0]));
}

/** Synonym rules ready for lookup: term → the other terms it also looks for. */
export class Thesaurus {
  private readonly alternatives = new Map<string, Set<string>>();
  private longest = 0;
  /** Phrase terms (拆邮筒: 拆 + 邮筒), split into words as questions bring them up. */
  private phrases: PhraseIndex | undefined;

  constructor(private readonly rules: readonly SynonymRule[]) {
    for (const { from, to } of rules) {
      for (const term of from) {
        const set = this.alternatives.get(term) ?? new Set<string>();
        for (const other of to) if (other !== term) set.add(other);
        this.alternatives.set(term, set);
        this.longest = Math.max(this.longest, term.length);
      }
    }
  }

  /**
   * The thesaurus terms in a normalized question, each with its alternatives, in question order:
   * longer ones first wherever they are (快递公司 wins over 查快递 in 查快递公司), and the terms inside
   * a chosen one as terms of their own (快递柜超时 is also about a 快递柜), never two that only
   * partly overlap.
   */
  expand(normalizedQuestion: string): Expansion[] {
    const matches: { term: string; at: number }[] = [];
    let spans: [number, number][] | undefined;
    const words = () => (spans ??= wordSpans(normalizedQuestion));
    for (let at = 0; at < normalizedQuestion.length; at++) {
      for (let len = Math.min(this.longest, normalizedQuestion.length - at); len >= 1; len--) {
        const term = normalizedQuestion.slice(at, at + len);
        if (this.alternatives.get(term)?.size && (len > 1 ? !straddles(at, at + len, words()) : standsAlone(normalizedQuestion, at, words()))) matches.push({ term, at });
      }
    }
    matches.sort((a, b) => b.term.length - a.term.length || a.at - b.at);
    const taken = new Uint8Array(normalizedQuestion.length);
    const found: Expansion[] = [];
    for (const { term, at } of matches) {
      if (taken.subarray(at, at + term.length).some((t) => t === 1)) continue;
      taken.fill(1, at, at + term.length);
      const inside = matches.filter((m) => m.at >= at && m.at + m.term.length <= at + term.length);
      for (const m of inside) found.push({ term: m.term, at: m.at, spans: [[m.at, m.at + m.term.length]], alternatives: [...this.alternatives.get(m.term)!] });
    }
    return [...found, ...this.looseMatches(normalizedQuestion, found, words)].sort((a, b) => a.at - b.at);
  }

  /**
   * Phrase terms whose words the question holds apart or in another order (see LOOSE_GAP), unless
   * an exact match already found the same words or holds them all. Each phrase needs a word of two characters or more:
   * 寄 and 药 alone are everywhere; and a one-character word must keep its sense (see standsAlone).
   */
  private looseMatches(normalizedQuestion: string, exact: readonly Expansion[], questionWords: () => readonly [number, number][]): Expansion[] {
    const phrases = this.phraseIndex();
    splitAll(exact.map((e) => e.term));
    const seen = new Set(exact.map((e) => wordsKey(looseWords(e.term, wordsOf(e.term)))));
    const inExact = ([start, end]: [number, number]) => exact.some((e) => e.spans.some(([s, t]) => s <= start && end <= t && t - s > end - start));
    // A negation or pronoun is a stopword, so no word of the question: it is matched as written.
    const keepsSense = (start: number, end: number) =>
      end - start > 1 ? !straddles(start, end, questionWords()) : MEANING_CHAR.test(normalizedQuestion[start]!) || standsAlone(normalizedQuestion, start, questionWords());
    const found: Expansion[] = [];
    for (const { index: offset, 0: clause } of normalizedQuestion.matchAll(CLAUSE)) {
      for (const { term, words } of phrases.within(clause)) {
        const key = wordsKey(words);
        // Found as written, the exact lookup has already decided (kept, or lost to a longer term).
        if (seen.has(key) || normalizedQuestion.includes(term)) continue;
        const spans = looseSpans(term, clause, offset, words, keepsSense);
        if (!spans || spans.every(inExact)) continue;
        seen.add(key);
        found.push({ term, at: spans[0]![0], spans, alternatives: [...this.alternatives.get(term)!] });
      }
    }
    return found;
  }

  /** Every term of the rules, either side. */
  words(): Set<string> {
    return new Set(this.rules.flatMap(({ from, to }) => [...from, ...to]));
  }

  /** Splits the phrase terms now rather than on the questions that bring them up (see wordsOf). */
  prepare(): void {
    splitAll(this.phraseTerms());
  }

  private phraseIndex(): PhraseIndex {
    this.phrases ??= new PhraseIndex(this.phraseTerms(), (terms) => {
      splitAll(terms);
      return terms.map(phraseOf);
    });
    return this.phrases;
  }

  /** The terms that have alternatives, in rule order (which decides among phrases with the same words). */
  private phraseTerms(): string[] {
    return [...this.alternatives].filter(([, alternatives]) => alternatives.size).map(([term]) => term);
  }

  static merge(...parts: readonly Thesaurus[]): Thesaurus {
    return new Thesaurus(parts.flatMap((p) => p.rules));
  }
}

/** Where each dictionary word of the text starts and ends. */
function wordSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const word of dictionaryWords(text)) {
    const at = text.indexOf(word, from);
    if (at < 0) continue;
    spans.push([at, at + word.length]);
    from = at + word.length;
  }
  return spans;
}

/**
 * Words in which a one-character term has another sense: 寄存 keeps rather than sends, 拆迁 demolishes,
 * 放心 is not putting anything anywhere, 偷偷拆 is done secretly, not stolen. (Words like 寄信, 送件 and 拆开 keep the term's sense.)
 */
const OTHER_SENSE = [
  ...'寄存 寄宿 寄托 寄生 寄养 寄居 寄予 寄语 寄售 寄卖 寄望 寄情 赠送 送礼 送别 葬送 断送'.split(' '),
  ...'放心 放弃 放假 放学 放贷 放映 放松 放大 放手 放过 丢人 丢脸 拆迁 扣除 扣分 扣钱 扣款 扣押 扣留 偷偷 药店 药房 农药 慢性 罚球 卖家 买家 买卖'.split(' '),
  // 放不下 does not fit (快递柜格口太小放不下), 收走 takes away (包裹收走了), 打开 opens (让快递员打开箱子).
  ...'放不下 收走 收拾 打开 打听 打印 打折 打卡 打算'.split(' '),
];

/** A one-character term at `at` is not a character of a word with another sense (寄 in 寄存人, 拆 in 拆迁). */
function standsAlone(text: string, at: number, spans: readonly [number, number][]): boolean {
  const word = spans.find(([start, end]) => start <= at && at < end);
  const inWord = word ? text.slice(word[0], word[1]) : '';
  return !OTHER_SENSE.some((other) => inWord.includes(other));
}

/**
 * The characters from `start` to `end` begin inside one word and end inside the next: 名表 in 点名|表扬
 * is neither word's sense. (邮件 at the end of 电子邮件, or 快递 at the start of 快递员, is one word's part.)
 */
function straddles(start: number, end: number, spans: readonly [number, number][]): boolean {
  const first = spans.find(([s, e]) => s < start && start < e);
  return first !== undefined && spans.some(([s, e]) => s >= first[1] && s < end && end < e);
}

/** Negations, pronouns and the verbs the stopwords hold (问, 说, 给): stopwords that carry meaning (see looseWords). */
const MEANING_CHAR = /[不没未别无非我你他她问说做提给到]/u;
const MEANING_CHARS = new RegExp(MEANING_CHAR.source, 'gu');

/**
 * The words a phrase is loosely matched by: its dictionary words, and the stopwords among them that
 * carry meaning — a negation, a pronoun or a verb (邮局不给寄 → 邮局, 不, 给, 寄; 检查我的快递 → 检查, 我,
 * 快递; 去邮局问 → 去, 邮局, 问) — or it would find its opposite (邮局能寄吗), another's matter (检查快递公司)
 * or another act (拿去邮局退). Particles (的, 了, 把) may go.
 */
function looseWords(term: string, words: readonly string[]): string[] {
  const left = words.reduce((rest, word) => rest.replace(word, ' '), term);
  return [...words, ...(left.match(MEANING_CHARS) ?? [])];
}

/** A term's phrase: its loose words when it has two or three words, one of two characters or more. */
function phraseOf(term: string): Phrase | null {
  const content = wordsOf(term);
  if (content.length < 2 || content.length > 3 || !content.some((w) => w.length >= 2)) return null;
  return { term, words: looseWords(term, content) };
}

/**
 * A term's dictionary words, split once per process: every thesaurus an index builds from the shipped
 * one (with a corpus's own rules) reuses the shipped terms' splits, which take most of 100 ms.
 */
const splits = new Map<string, string[]>();
function wordsOf(term: string): string[] {
  let words = splits.get(term);
  if (!words) splits.set(term, (words = dictionaryWords(term)));
  return words;
}

/** Splits the terms not split yet in one call to the segmentation worker rather than one call each (none when all are). */
function splitAll(terms: readonly string[]): void {
  const fresh = [...new Set(terms.filter((term) => !splits.has(term)))];
  if (fresh.length) dictionaryWordsOfEach(fresh).forEach((words, i) => splits.set(fresh[i]!, words));
}

let shipped: Thesaurus | undefined;

/** The postal thesaurus shipped with the product (src/text/thesaurus.txt), read once. */
export function shippedThesaurus(): Thesaurus {
  shipped ??= new Thesaurus(parseSynonyms(readFileSync(new URL('./thesaurus.txt', import.meta.url), 'utf8')).rules);
  return shipped;
}

/**
 * What questions would otherwise wait for: the segmentation dictionaries (warmUp), then the shipped
 * thesaurus read and its phrase terms split (a question splits those it brings up that are not yet).
 */
export async function warmUpQuestions(): Promise<void> {
  await warmUp();
  shippedThesaurus().prepare();
}
