import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { STOPWORDS } from './stopwords.ts';

/** This module owns nodejieba: nothing else imports it, so the dictionary is loaded exactly once. */
const USER_DICT = fileURLToPath(new URL('./userdict.utf8', import.meta.url));
/**
 * jieba's keyword extractor, which nothing here calls, loads an IDF table of its own; a one-line
 * table spares it the 6 MB file, about a sixth of its load time (1.9 s → 1.6 s on the quiet machine).
 * (generalIdf reads the real one.)
 */
const UNUSED_KEYWORD_IDF = fileURLToPath(new URL('./unused-keyword-idf.utf8', import.meta.url));

/** How many times a lazy table (jieba's dictionary, the IDF table, character frequencies) was loaded. */
let loads = 0;
export const segmentationLoadCount = (): number => loads;

let loaded = false;
function jieba(): typeof nodejieba {
  if (!loaded) {
    nodejieba.load({ userDict: USER_DICT, idfDict: UNUSED_KEYWORD_IDF });
    loaded = true;
    loads++;
  }
  return nodejieba;
}

const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:\.\p{N}+)*%?/gu;
const HAN = /^\p{Script=Han}/u;

function isContentToken(token: string): boolean {
  return token.trim() !== '' && !STOPWORDS.has(token) && /[\p{L}\p{N}]/u.test(token);
}

/**
 * The content tokens of normalized text: Han runs cut by jieba (`cutHan`), Latin and number runs
 * kept whole (jieba would split 60% into 6/0/%), stopwords and punctuation dropped.
 */
function contentTokens(normalized: string, cutHan: (run: string) => string[]): string[] {
  const tokens: string[] = [];
  for (const [run] of normalized.matchAll(RUN)) {
    if (HAN.test(run)) {
      for (const word of cutHan(run)) if (isContentToken(word)) tokens.push(word);
    } else if (isContentToken(run)) {
      tokens.push(run);
    }
  }
  return tokens;
}

/**
 * Search tokens of normalized text: jieba's search mode over Han runs (whole words plus their
 * dictionary sub-words, so 国家邮政局 also yields 邮政局).
 */
export function searchTokens(normalized: string): string[] {
  return contentTokens(normalized, (run) => jieba().cutForSearch(run, true));
}

/**
 * Dictionary words only (jieba without its HMM guesser): how an unfamiliar compound the guesser
 * made up (交寄后, 天向) breaks into words a corpus may know.
 */
export function dictionaryWords(normalized: string): string[] {
  return jieba().cut(normalized, false).filter(isContentToken);
}

/** Plain word segmentation (no sub-words), for sentence similarity in summaries. */
export function words(normalized: string): string[] {
  return contentTokens(normalized, (run) => jieba().cut(run, true));
}

/**
 * The words of a text as written, with jieba's part-of-speech tags (v verb, n noun, uj 的, x
 * punctuation). Traditional text is tagged through its Simplified form when that has one
 * character for each of its characters, since jieba's dictionary is Simplified.
 */
export function taggedWords(text: string, normalized: string): { word: string; tag: string }[] {
  const chars = [...text];
  const source = [...normalized].length === chars.length ? normalized : text;
  let offset = 0;
  return jieba()
    .tag(source)
    .map(({ word, tag }) => {
      const length = [...word].length;
      offset += length;
      return { word: chars.slice(offset - length, offset).join(''), tag };
    });
}

/** Overlapping Han character bigrams: robust to segmentation differences between query and passage. */
export function hanBigrams(normalized: string): string[] {
  const grams: string[] = [];
  for (const [run] of normalized.matchAll(/\p{Script=Han}+/gu)) {
    const chars = [...run];
    if (chars.length === 1) grams.push(run);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** nodejieba ships its dictionaries; their paths are exported at runtime but missing from its types. */
function dictionaryPath(name: 'DEFAULT_DICT' | 'DEFAULT_IDF_DICT'): string {
  return (nodejieba as unknown as Record<typeof name, string>)[name];
}

let idfTable: { idf: Map<string, number>; median: number } | undefined;

/**
 * A word's inverse document frequency in jieba's general-language corpus (its bundled idf.utf8),
 * the median for words it does not know. Corpus-independent, so vectors never go stale.
 */
export function generalIdf(word: string): number {
  idfTable ??= readIdfTable();
  return idfTable.idf.get(word) ?? idfTable.median;
}

/**
 * Parses jieba's idf.utf8 (about 260,000 `word value` lines). Scanned with indexOf and the median
 * taken over a typed array: splitting every line and sorting boxed numbers took 2.5 times as long (0.9 s against 0.37 s),
 * and this runs before the first answer.
 */
function readIdfTable(): { idf: Map<string, number>; median: number } {
  const text = readFileSync(dictionaryPath('DEFAULT_IDF_DICT'), 'utf8');
  const idf = new Map<string, number>();
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const space = text.indexOf(' ', at);
    if (space > at && space < end) idf.set(text.slice(at, space), Number(text.slice(space + 1, end)));
    at = end + 1;
  }
  const values = Float64Array.from(idf.values()).sort();
  loads++;
  return { idf, median: values[Math.floor(values.length / 2)] ?? 1 };
}

/** Whether jieba's dictionary knows the word (rather than its HMM having guessed it). */
export function isDictionaryWord(word: string): boolean {
  generalIdf(word);
  return idfTable!.idf.has(word);
}

let charFrequency: Map<string, number> | undefined;

/** How common a character is in modern text, from jieba's dictionary (summed word frequencies). */
export function dictionaryCharFrequency(char: string): number {
  if (!charFrequency) {
    charFrequency = new Map();
    const dict = readFileSync(dictionaryPath('DEFAULT_DICT'), 'utf8');
    for (const line of dict.split('\n')) {
      const [word, freq] = line.split(' ');
      if (!word || !freq) continue;
      const n = Number(freq);
      for (const c of word) charFrequency.set(c, (charFrequency.get(c) ?? 0) + n);
    }
    loads++;
  }
  return charFrequency.get(char) ?? 0;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads the tables answering needs (jieba's dictionary, the IDF table) now, so the first question
 * does not pay for them (about a second and a few hundred MiB). The character frequencies only
 * serve cleaning while indexing, so they are left to the indexer. Each load is synchronous; between them the event loop gets a turn, so a
 * caller that does not await this keeps serving while it runs.
 */
export async function warmUp(): Promise<void> {
  await nextTurn();
  jieba();
  await nextTurn();
  generalIdf('');
}
