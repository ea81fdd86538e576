import { Document } from '@langchain/core/documents';
import { splitSentences } from '../text/sentences.ts';
import { removeBoilerplate } from './clean/boilerplate.ts';
import { htmlToText, looksLikeHtml, splitFrontMatter, stripStrayTags } from './clean/markup.ts';
import { removeMojibake } from './clean/mojibake.ts';
import { removePinyinGlosses } from './clean/pinyin.ts';
import {
  historyLine,
  isHeadingLike,
  issuer,
  leadingDate,
  parseDate,
  publicationDateLine,
  sourceLine,
} from './metadata.ts';
import { scopeOf } from './scope.ts';
import type { CorpusDocument } from './types.ts';

export interface ParseInput {
  id: string;
  path: string;
  text: string;
  extension: string;
}

export interface ParseResult {
  document: CorpusDocument;
  warnings: string[];
}

const HEADER_SCAN_LINES = 6;
const TITLE_MAX_CHARS = 60;

function stringField(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function listField(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const single = stringField(data, key);
  return single ? [single] : [];
}

/** A title for a document that has none: its first sentence, cut at a clause boundary. */
function titleFromBody(lines: readonly string[]): string {
  const first = splitSentences(lines[0] ?? '')[0] ?? '';
  if ([...first].length <= TITLE_MAX_CHARS) return first.replace(/[。；！？]$/u, '');
  let title = '';
  for (const clause of first.match(/[^，,]+[，,]?/gu) ?? []) {
    if ([...title + clause].length > TITLE_MAX_CHARS) break;
    title += clause;
  }
  // A lone opening clause such as 日前, says nothing: cut the sentence instead.
  if ([...title].length < 12) title = [...first].slice(0, TITLE_MAX_CHARS).join('');
  return `${title.replace(/[，,]$/u, '')}…`;
}

/** Raw file text → cleaned LangChain Document with title, date, source and path. */
export function parseDocument(input: ParseInput): ParseResult {
  const warnings: string[] = [];
  const { data, body } = splitFrontMatter(input.text);
  let text = input.extension === '.html' || looksLikeHtml(body) ? htmlToText(body) : body;
  text = removePinyinGlosses(stripStrayTags(text));
  const mojibake = removeMojibake(text);
  if (mojibake.runs > 0) warnings.push(`${mojibake.runs} 处乱码已移除`);
  text = mojibake.text;

  let title = stringField(data, 'title');
  let date = parseDate(data.date);
  let source = stringField(data, 'source') ?? stringField(data, 'author');
  const categories = listField(data, 'categories');
  const history: { date: string; text: string }[] = [];

  const lines: string[] = [];
  const headerLines: string[] = [];
  let inHeader = true;
  for (const rawLine of text.split(/\r?\n/u)) {
    let line = rawLine.replace(/\s+$/u, '').replace(/^[\s\u3000]+/u, '');
    if (!line) continue;
    const heading = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (heading) {
      line = heading[2]!.trim();
      if (heading[1] === '#' && !title) {
        title = line;
        continue;
      }
    }
    const published = publicationDateLine(line);
    if (published) {
      date ??= published;
      continue;
    }
    const stated = sourceLine(line);
    if (stated) {
      source ??= stated;
      continue;
    }
    if (inHeader) {
      const hist = historyLine(line);
      if (hist) {
        history.push(hist);
        lines.push(line);
        continue;
      }
      const lead = leadingDate(line);
      if (lead) {
        date ??= lead.date;
        line = lead.rest.trim();
        if (!line) continue;
      }
      if (!lead && !heading && history.length === 0 && headerLines.length < HEADER_SCAN_LINES && isHeadingLike(line)) {
        headerLines.push(line);
        continue;
      }
      inHeader = false;
    }
    lines.push(line);
  }

  // Leading heading-like lines: the last is the title, the ones above it are site sections.
  if (headerLines.length > 0 && !title) title = headerLines.pop()!;
  if (headerLines.length > 0 && lines.length > 0 && !categories.length) categories.push(...headerLines);
  else lines.unshift(...headerLines);

  if (history.length > 0) {
    date ??= history.map((h) => h.date).sort().at(-1)!;
    source ??= issuer(history);
  }

  const bodyLines = removeBoilerplate(lines);
  if (bodyLines.length === 0) warnings.push('清洗后没有正文');
  title ??= titleFromBody(bodyLines);
  const document: CorpusDocument = new Document({
    pageContent: bodyLines.join('\n'),
    metadata: {
      id: input.id,
      title,
      date,
      source,
      scope: scopeOf(title, source),
      path: input.path,
      categories,
    },
  });
  return { document, warnings };
}
