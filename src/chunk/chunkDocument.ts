import { createHash } from 'node:crypto';
import type { CorpusDocument } from '../corpus/types.ts';
import { splitSentences } from '../text/sentences.ts';
import { pack, sentenceUnits } from './pack.ts';
import { ARTICLE_LINE, CHAPTER_LINE, DIVISION_LINE, divisionTitle, isRegulation, isSectionHeading } from './structure.ts';
import type { Chunk, ChunkingOptions } from './types.ts';

type Draft = Omit<Chunk, 'id' | 'ordinal' | 'docId'>;

/** Prose: sections opened by short heading lines, each packed from whole sentences. */
function chunkProse(lines: readonly string[], options: ChunkingOptions, outer: readonly string[] = []): Draft[] {
  const drafts: Draft[] = [];
  let section: string[] = [];
  let heading: string | null = null;
  const flush = () => {
    const context = heading ? [...outer, heading] : [...outer];
    for (const piece of pack(sentenceUnits(section), options.maxChars, options.overlapSentences)) {
      drafts.push({ text: piece.join('').trim(), context, article: null });
    }
    section = [];
  };
  lines.forEach((line, i) => {
    if (isSectionHeading(line, lines[i + 1])) {
      flush();
      heading = line;
    } else {
      section.push(line);
    }
  });
  flush();
  return drafts;
}

/** One article per chunk, its items kept with it; long articles split at item or sentence boundaries. */
function chunkArticle(article: string, lines: readonly string[], context: string[], options: ChunkingOptions): Draft[] {
  const whole = lines.join('\n');
  if ([...whole].length <= options.maxArticleChars) return [{ text: whole, context, article }];
  const units = lines.flatMap((line, i) => {
    const parts = [...line].length > options.maxArticleChars ? splitSentences(line) : [line];
    return parts.map((p, j) => (j === parts.length - 1 && i < lines.length - 1 ? `${p}\n` : p));
  });
  return pack(units, options.maxArticleChars, 0).map((piece, i) => ({
    text: piece.join('').trim(),
    // Continuation pieces repeat the article number so each one cites correctly on its own.
    context: i === 0 ? context : [...context, `${article}（续）`],
    article,
  }));
}

function chunkRegulation(lines: readonly string[], options: ChunkingOptions): Draft[] {
  const drafts: Draft[] = [];
  let divisions: string[] = [];
  let preamble: string[] = [];
  let article: { label: string; lines: string[]; context: string[] } | null = null;
  const flushArticle = () => {
    if (article) drafts.push(...chunkArticle(article.label, article.lines, article.context, options));
    article = null;
  };
  const flushPreamble = () => {
    if (preamble.length) drafts.push(...chunkProse(preamble, options, divisions));
    preamble = [];
  };
  for (const line of lines) {
    if (DIVISION_LINE.test(line)) {
      flushArticle();
      flushPreamble();
      const title = divisionTitle(line);
      // A chapter replaces everything below it; a section (节) nests under the current chapter.
      divisions = CHAPTER_LINE.test(line) ? [title] : [...divisions.filter((d) => CHAPTER_LINE.test(d)), title];
      continue;
    }
    const start = ARTICLE_LINE.exec(line);
    if (start) {
      flushArticle();
      flushPreamble();
      article = { label: start[1]!, lines: [line], context: [...divisions] };
    } else if (article) {
      (article as { lines: string[] }).lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  flushArticle();
  flushPreamble();
  return drafts;
}

/** Splits a cleaned document following its own structure (articles for regulations, sentences for prose). */
export function chunkDocument(document: CorpusDocument, options: ChunkingOptions): Chunk[] {
  const lines = document.pageContent.split('\n').filter((l) => l.trim() !== '');
  const drafts = isRegulation(lines) ? chunkRegulation(lines, options) : chunkProse(lines, options);
  const docId = document.metadata.id;
  const seen = new Map<string, number>();
  return drafts
    .filter((d) => d.text !== '')
    .map((draft, ordinal) => {
      const hash = createHash('sha1')
        .update(`${draft.context.join('\u0001')}\u0002${draft.text}`)
        .digest('hex')
        .slice(0, 12);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      return { ...draft, docId, ordinal, id: `${docId}#${hash}${n > 1 ? `-${n}` : ''}` };
    });
}
