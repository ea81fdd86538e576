import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CHUNKING } from '../../src/chunk/types.ts';
import type { SentencePools } from './benchText.ts';
import { between, pick, seededRandom } from './random.ts';

function paragraph(random: () => number, sentences: readonly string[], count: number): string {
  return Array.from({ length: count }, () => pick(random, sentences)).join('');
}

/** A notice: title, date line, paragraphs of 2–5 real sentences. About one chunk per paragraph. */
function notice(random: () => number, sentences: readonly string[], n: number): { text: string; chunks: number } {
  const paragraphs = Array.from({ length: between(random, 4, 10) }, () => paragraph(random, sentences, between(random, 2, 4)));
  const date = `20${between(random, 15, 25)}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;
  const title = `${[...pick(random, sentences)].slice(0, 24).join('')}（合成通知${n}）`;
  const chars = paragraphs.reduce((sum, p) => sum + [...p].length, 0);
  return { text: `${title}\n发布时间：${date}\n\n${paragraphs.join('\n')}\n`, chunks: Math.ceil(chars / (DEFAULT_CHUNKING.maxChars * 0.8)) };
}

/** A regulation: chapters of 第N条 articles, one chunk per article. */
function regulation(random: () => number, sentences: readonly string[], n: number): { text: string; chunks: number } {
  const articles = between(random, 8, 24);
  const lines = [`邮政业示例管理办法（合成${n}）`];
  for (let a = 1; a <= articles; a++) {
    if (a % 6 === 1) lines.push(`第${Math.ceil(a / 6)}章 第${Math.ceil(a / 6)}部分规定`);
    lines.push(`第${a}条 ${paragraph(random, sentences, between(random, 1, 2))}`);
  }
  return { text: `${lines.join('\n')}\n`, chunks: articles };
}

/**
 * Writes a corpus of about `targetChunks` chunks made of real sentences recombined into new
 * documents with distinct ids (three notices of any sentences for each regulation of statute
 * sentences). Deterministic for a seed.
 */
export async function writeSyntheticCorpus(pools: SentencePools, outDir: string, targetChunks: number, seed = 7): Promise<{ files: number; chars: number }> {
  const random = seededRandom(seed);
  await mkdir(outDir, { recursive: true });
  let chunks = 0;
  let chars = 0;
  let n = 0;
  while (chunks < targetChunks) {
    const doc = n % 4 === 3 ? regulation(random, pools.statute, n) : notice(random, pools.all, n);
    await writeFile(path.join(outDir, `syn-${String(n).padStart(6, '0')}.txt`), doc.text);
    chunks += doc.chunks;
    chars += doc.text.length;
    n++;
  }
  return { files: n, chars };
}
