import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { STOPWORDS } from './stopwords.ts';

/** This module owns nodejieba: nothing else imports it, so the dictionary is loaded exactly once. */
const USER_DICT = fileURLToPath(new URL('./userdict.utf8', import.meta.url));

let loaded = false;
function jieba(): typeof nodejieba {
  if (!loaded) {
    nodejieba.load({ userDict: USER_DICT });
    loaded = true;
  }
  return nodejieba;
}

const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:\.\p{N}+)*%?/gu;
const HAN = /^\p{Script=Han}/u;

function isContentToken(token: string): boolean {
  return token.trim() !== '' && !STOPWORDS.has(token) && /[\p{L}\p{N}]/u.test(token);
}

/**
 * Search tokens of normalized text: jieba's search mode over Han runs (whole words plus their
 * dictionary sub-words, so 国家邮政局 also yields 邮政局), Latin and number runs kept whole
 * (jieba would split 60% into 6/0/%), stopwords dropped.
 */
export function searchTokens(normalized: string): string[] {
  const tokens: string[] = [];
  for (const [run] of normalized.matchAll(RUN)) {
    if (HAN.test(run)) {
      for (const word of jieba().cutForSearch(run, true)) if (isContentToken(word)) tokens.push(word);
    } else if (isContentToken(run)) {
      tokens.push(run);
    }
  }
  return tokens;
}

/** Plain word segmentation (no sub-words), for sentence similarity in summaries. */
export function words(normalized: string): string[] {
  const tokens: string[] = [];
  for (const [run] of normalized.matchAll(RUN)) {
    if (HAN.test(run)) {
      for (const word of jieba().cut(run, true)) if (isContentToken(word)) tokens.push(word);
    } else if (isContentToken(run)) {
      tokens.push(run);
    }
  }
  return tokens;
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

let charFrequency: Map<string, number> | undefined;

/** How common a character is in modern text, from jieba's dictionary (summed word frequencies). */
export function dictionaryCharFrequency(char: string): number {
  if (!charFrequency) {
    charFrequency = new Map();
    // DEFAULT_DICT is exported at runtime but missing from nodejieba's type declarations.
    const dictPath = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;
    const dict = readFileSync(dictPath, 'utf8');
    for (const line of dict.split('\n')) {
      const [word, freq] = line.split(' ');
      if (!word || !freq) continue;
      const n = Number(freq);
      for (const c of word) charFrequency.set(c, (charFrequency.get(c) ?? 0) + n);
    }
  }
  return charFrequency.get(char) ?? 0;
}
