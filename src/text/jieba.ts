import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { STOPWORDS } from './stopwords.ts';

/**
 * This module owns nodejieba: nothing else imports it. Its dictionary is loaded on the segmentation
 * worker thread (segmentWorker.ts), which runs these functions; the rest of the process calls them
 * through segment.ts. The main thread reads only the dictionary files' paths from here.
 */
const USER_DICT = fileURLToPath(new URL('./userdict.utf8', import.meta.url));
/**
 * jieba's keyword extractor, which nothing here calls, loads an IDF table of its own; a one-line
 * table spares it the 6 MB file, about a sixth of its load time (1.9 s → 1.6 s on the quiet machine).
 * (segment.ts's generalIdf reads the real one.)
 */
const UNUSED_KEYWORD_IDF = fileURLToPath(new URL('./unused-keyword-idf.utf8', import.meta.url));

let digest: string | undefined;
/**
 * What decides how text is cut into indexed tokens: the user dictionary and the stopwords. An index
 * records it, so a release that changes either rebuilds the index instead of searching tokens cut
 * another way (十九大 as one word, or as 十九 + 大).
 */
export function segmentationDigest(): string {
  digest ??= createHash('sha256')
    .update(readFileSync(USER_DICT))
    .update('\0')
    .update([...STOPWORDS].join(' '))
    .digest('hex');
  return digest;
}

let loaded = false;
function jieba(): typeof nodejieba {
  if (!loaded) {
    nodejieba.load({ userDict: USER_DICT, idfDict: UNUSED_KEYWORD_IDF });
    loaded = true;
  }
  return nodejieba;
}

/** Loads the dictionaries now (the segmentations below load them on first use otherwise). */
export function loadDictionary(): void {
  jieba();
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

/** The segmentations segment.ts offers, by name (see there). */
export const segmentations = {
  search: (normalized: string): string[] => contentTokens(normalized, (run) => jieba().cutForSearch(run, true)),
  dictionary: (normalized: string): string[] => jieba().cut(normalized, false).filter(isContentToken),
  words: (normalized: string): string[] => contentTokens(normalized, (run) => jieba().cut(run, true)),
  tags: (text: string): { word: string; tag: string }[] => jieba().tag(text),
};

export type Segmentations = typeof segmentations;
/** Several texts in one request: a call to the worker costs some tens of microseconds besides the work. */
export type SegmentRequest = { kind: keyof Segmentations; texts: readonly string[] };

/** nodejieba ships its dictionaries; their paths are exported at runtime but missing from its types. */
export function dictionaryPath(name: 'DEFAULT_DICT' | 'DEFAULT_IDF_DICT'): string {
  return (nodejieba as unknown as Record<typeof name, string>)[name];
}
