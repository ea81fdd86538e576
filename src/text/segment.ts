import { readFileSync } from 'node:fs';
import { spawnWorker } from '../spawnWorker.ts';
import { IdfTable } from './idfTable.ts';
import { dictionaryPath, type SegmentRequest, type Segmentations } from './jieba.ts';
import { SyncCaller } from './syncCalls.ts';

/**
 * jieba runs on a worker thread of its own (segmentWorker.ts, over jieba.ts): its dictionary takes
 * 0.4–0.6 s to load (twice that without scripts/patches' fix to nodejieba), about as long as a
 * restart's module and index loading, and there it loads on the other core while this thread does
 * those. The calls below stay synchronous (syncCalls.ts); one made before the dictionary is in
 * waits for it.
 */
const WORKER_MODULE = new URL('./segmentWorker.ts', import.meta.url);

/** How many times a lazy table (jieba's dictionary: its worker started; the IDF table, character frequencies) was loaded. */
let loads = 0;
export const segmentationLoadCount = (): number => loads;

export interface Segmenter {
  caller: SyncCaller<SegmentRequest>;
  /**
   * Settles when the worker has loaded the dictionary, with when that was in this thread's
   * performance.now() time (the event loop may have been busy since); rejects if the load failed.
   */
  loaded: Promise<number>;
}

let segmenter: Segmenter | undefined;

/**
 * Starts loading jieba's dictionary on its worker thread, once, and returns at once. Entry points call
 * it before importing anything else, so that the load overlaps module loading too.
 */
export function startSegmenter(): Segmenter {
  if (!segmenter) {
    const caller = new SyncCaller<SegmentRequest>();
    const worker = spawnWorker(WORKER_MODULE, { workerData: { served: caller.served }, transferList: [caller.served.port] });
    const loaded = new Promise<number>((resolve, reject) => {
      worker.once('message', (message: { loaded: number } | { error: string }) => ('loaded' in message ? resolve(message.loaded - performance.timeOrigin) : reject(new Error(message.error))));
      worker.once('error', reject);
    });
    // The worker keeps the process alive only while it loads (a warm-up awaited needs it to); a
    // failed load is thrown by every call, so the promise itself is never left unhandled.
    const release = () => void worker.unref();
    loaded.then(release, release);
    segmenter = { caller, loaded };
    loads++;
  }
  return segmenter;
}

function segmented<K extends keyof Segmentations>(kind: K, texts: readonly string[]): ReturnType<Segmentations[K]>[] {
  return startSegmenter().caller.call({ kind, texts }) as ReturnType<Segmentations[K]>[];
}

/**
 * Search tokens of normalized text: jieba's search mode over Han runs (whole words plus their
 * dictionary sub-words, so 国家邮政局 also yields 邮政局), Latin and number runs kept whole
 * (jieba would split 60% into 6/0/%), stopwords and punctuation dropped.
 */
export function searchTokens(normalized: string): string[] {
  return segmented('search', [normalized])[0]!;
}

/** searchTokens of each text, in one call to the worker. */
export function searchTokensOfEach(normalized: readonly string[]): string[][] {
  return segmented('search', normalized);
}

/**
 * Dictionary words only (jieba without its HMM guesser): how an unfamiliar compound the guesser
 * made up (交寄后, 天向) breaks into words a corpus may know.
 */
export function dictionaryWords(normalized: string): string[] {
  return segmented('dictionary', [normalized])[0]!;
}

/** dictionaryWords of each text, in one call to the worker (the thesaurus splits thousands of terms). */
export function dictionaryWordsOfEach(normalized: readonly string[]): string[][] {
  return segmented('dictionary', normalized);
}

/** Plain word segmentation (no sub-words), for sentence similarity in summaries. */
export function words(normalized: string): string[] {
  return segmented('words', [normalized])[0]!;
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
  return segmented('tags', [source])[0]!.map(({ word, tag }) => {
    const length = [...word].length;
    offset += length;
    return { word: chars.slice(offset - length, offset).join(''), tag };
  });
}

/** jieba's tag for one character on its own (权 n, 让 v, 三 m). */
export function characterTag(character: string): string {
  return taggedWords(character, character)[0]?.tag ?? 'x';
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

let idfTable: IdfTable | undefined;

/**
 * A word's inverse document frequency in jieba's general-language corpus (its bundled idf.utf8),
 * the median for words it does not know. Corpus-independent, so vectors never go stale.
 */
export function generalIdf(word: string): number {
  idfTable ??= readIdfTable();
  return idfTable.get(word) ?? idfTable.median;
}

function readIdfTable(): IdfTable {
  const table = IdfTable.parse(readFileSync(dictionaryPath('DEFAULT_IDF_DICT'), 'utf8'));
  loads++;
  return table;
}

/** Whether jieba's dictionary knows the word (rather than its HMM having guessed it). */
export function isDictionaryWord(word: string): boolean {
  generalIdf(word);
  return idfTable!.get(word) !== undefined;
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
 * Loads the tables answering needs now, so the first question does not wait for them (about a
 * second and a half and a few hundred MiB): jieba's dictionary on its worker thread and meanwhile
 * the IDF table on this one. The character frequencies only serve cleaning while indexing, so they
 * are left to the indexer. The IDF load is synchronous; the event loop gets a turn before it, so a
 * caller that does not await this keeps serving while it runs.
 */
export async function warmUp(): Promise<void> {
  const { loaded } = startSegmenter();
  await nextTurn();
  generalIdf('');
  await loaded;
}
