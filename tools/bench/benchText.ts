import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../src/cli/args.ts';
import { MOJIBAKE_MARK } from '../../src/corpus/clean/mojibake.ts';
import { scanCorpus } from '../../src/corpus/load.ts';
import { parseDocument } from '../../src/corpus/parse.ts';
import { readQuestions } from '../eval/questions.ts';
import { normalize } from '../../src/text/normalize.ts';
import { words } from '../../src/text/segment.ts';
import { splitSentences } from '../../src/text/sentences.ts';

/** Where the benchmark's real text and questions live (read in place, never copied). */
export interface BenchSources {
  /** The seed corpus folders: news prose. */
  seedDirs: readonly string[];
  /** The `../shared` folder: `regulations/**`, `eval/*.jsonl` and STARD under `eval/external/stard`. */
  sharedDir: string;
  /** This project's `eval` folder, holding `everyday-*.jsonl`. */
  evalDir: string;
}

export interface SentencePools {
  /** Sentences of statutes (the shared regulations and STARD's articles): regulation articles are made of them. */
  statute: string[];
  /** Every distinct sentence, statutes and news prose: notices are made of them. */
  all: string[];
  /** Distinct jieba words over all sentences. */
  vocabulary: number;
}

const stardFile = (sources: BenchSources) => path.join(sources.sharedDir, 'eval', 'external', 'stard', 'stard-queries.json');

/** Each article's number is left out: a recombined regulation numbers its own articles. */
const ARTICLE_NUMBER = /^第[零〇一二三四五六七八九十百千\d]+条\s*/u;

function usable(sentences: readonly string[]): string[] {
  return sentences.map((s) => s.replace(ARTICLE_NUMBER, '')).filter((s) => [...s].length >= 10 && [...s].length <= 160 && !s.includes(MOJIBAKE_MARK));
}

async function documentSentences(dirs: readonly string[]): Promise<string[]> {
  const { files } = await scanCorpus(dirs);
  return usable(files.flatMap((file) => splitSentences(parseDocument(file).document.pageContent)));
}

async function readRequired(file: string, what: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => {
    throw new UsageError(`基准测试需要${what}，但无法读取：${file}`);
  });
}

const stardArticles = z.array(z.object({ 相关法规: z.record(z.string(), z.string()) }).loose());

/** The gold statute articles STARD carries with its questions (thousands, mostly 民法典). */
async function stardSentences(sources: BenchSources): Promise<string[]> {
  const file = stardFile(sources);
  const parsed = stardArticles.safeParse(JSON.parse(await readRequired(file, ' STARD 的问题与法条文件')));
  if (!parsed.success) throw new UsageError(`STARD 文件格式不符：${file}`);
  const articles = new Set(parsed.data.flatMap((q) => Object.values(q.相关法规)));
  return usable([...articles].flatMap(splitSentences));
}

/** The distinct real sentences the benchmark corpora are recombined from. */
export async function benchSentences(sources: BenchSources): Promise<SentencePools> {
  const regulations = await documentSentences([path.join(sources.sharedDir, 'regulations')]);
  const statute = [...new Set([...regulations, ...(await stardSentences(sources))])];
  const all = [...new Set([...statute, ...(await documentSentences(sources.seedDirs))])];
  const vocabulary = new Set(all.flatMap((s) => words(normalize(s)))).size;
  return { statute, all, vocabulary };
}

async function questionFiles(dir: string, pattern: RegExp, what: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => {
    throw new UsageError(`基准测试需要${what}，但目录不存在：${dir}`);
  });
  const files = names
    .filter((n) => pattern.test(n))
    .sort()
    .map((n) => path.join(dir, n));
  if (!files.length) throw new UsageError(`基准测试需要${what}，但 ${dir} 中没有`);
  return files;
}

/** Every distinct question of the shared dev sets, this project's everyday sets and STARD. */
export async function benchQuestions(sources: BenchSources): Promise<string[]> {
  const files = [
    ...(await questionFiles(path.join(sources.sharedDir, 'eval'), /\.jsonl$/u, '共享的开发问题集（*.jsonl）')),
    ...(await questionFiles(sources.evalDir, /^everyday-.*\.jsonl$/u, '日常问题集（everyday-*.jsonl）')),
    stardFile(sources),
  ];
  const questions = (await Promise.all(files.map(readQuestions))).flat().map((q) => q.question);
  return [...new Set(questions)];
}
