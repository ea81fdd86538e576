import { Document } from '@langchain/core/documents';
import { isBoilerplateLine, removeBoilerplate } from './clean/boilerplate.ts';
import { htmlTitle, htmlToText, looksLikeHtml, splitFrontMatter, stripStrayTags } from './clean/markup.ts';
import { cutBeforeMojibake, removeMojibake } from './clean/mojibake.ts';
import { removePinyinGlosses } from './clean/pinyin.ts';
import { bannerIssuer, documentNumberLine, isStructureLine, leadOf, titleOf } from './header.ts';
import { leadTitle } from './leadTitle.ts';
import { historyLine, isHeadingLike, leadingDate, parseDate, publicationDateLine, sourceLine, webAddress } from './metadata.ts';
import { effectiveDateArticle, isPromulgationLine, readPromulgation } from './promulgation.ts';
import { scopeOf } from './scope.ts';
import { signatureOf } from './signature.ts';
import type { CorpusDocument, DocumentMetadata } from './types.ts';

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

/**
 * Bump when a change to reading, cleaning or harvesting definitions alters what an unchanged file
 * yields (2: articles and sentences naming 许可证, 版权所有 or 备案号 are no longer taken for a
 * site's footer lines; 3: the stages an activity's definition lists are not kinds of it, and no
 * name is split inside a word).
 * The next reindex then reads every file again, while the index built before keeps serving.
 */
export const READING_VERSION = 3;

/** What the document states about itself: explicit metadata first, then lines such as `来源：` or `发布时间：`. */
interface Stated {
  title: string | null;
  date: string | null;
  source: string | null;
  issuer: string | null;
  documentNumber: string | null;
  effectiveDate: string | null;
  categories: string[];
}

/** The cleaned text's lines, sorted as they are read. */
interface Reading {
  stated: Stated;
  /** The text, one paragraph a line. */
  lines: string[];
  /** Heading-like lines above the text: the title and the site sections above it. */
  headerLines: string[];
  /** History lines and the promulgation parenthetical: kept in the text, read for dates and issuer. */
  promulgation: string[];
  /** The issuer named by a banner above the text (`国家邮政局文件`). */
  banner: string | null;
  inHeader: boolean;
}

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

/** Explicit metadata (front matter, an HTML <h1>/<title>): it wins over whatever is inferred from the text. */
function statedMetadata(data: Record<string, unknown>, html: string | null): Stated {
  return {
    title: stringField(data, 'title') ?? (html === null ? null : htmlTitle(html)),
    date: parseDate(data.date),
    source: stringField(data, 'source') ?? stringField(data, 'author'),
    issuer: stringField(data, 'issuer'),
    documentNumber: stringField(data, 'documentNumber'),
    effectiveDate: parseDate(data.effectiveDate),
    categories: listField(data, 'categories'),
  };
}

/** Stray tags, pinyin glosses and mojibake runs out of the text whose lines are then read. */
function cleanText(text: string): { text: string; runs: number } {
  return removeMojibake(removePinyinGlosses(stripStrayTags(text)));
}

/** A publication-date or source line, wherever it stands: read, never kept in the text. */
function readSourceLine(line: string, stated: Stated): boolean {
  const published = publicationDateLine(line);
  if (published) {
    stated.date ??= published.date;
    stated.source ??= published.source;
    return true;
  }
  const source = sourceLine(line);
  if (!source) return false;
  stated.source ??= source;
  return true;
}

/**
 * A line above the text. Promulgation lines stay in the text; a document number, a banner,
 * boilerplate and heading lines are taken out; the first other line opens the text. Returns the
 * line to keep (without a leading date), or null when it was taken out.
 */
function readHeaderLine(line: string, isHeading: boolean, reading: Reading): string | null {
  if (historyLine(line) || isPromulgationLine(line)) {
    reading.promulgation.push(line);
    return line;
  }
  const number = documentNumberLine(line);
  if (number) {
    reading.stated.documentNumber ??= number;
    return null;
  }
  const banner = bannerIssuer(line);
  if (banner) {
    reading.banner ??= banner;
    return null;
  }
  if (isBoilerplateLine(line)) return null;
  const lead = leadingDate(line);
  if (lead) {
    reading.stated.date ??= lead.date;
    line = lead.rest.trim();
    if (!line) return null;
  }
  const opensText = isHeading || isStructureLine(line) || reading.promulgation.length > 0 || reading.headerLines.length >= HEADER_SCAN_LINES;
  if (!lead && !opensText && isHeadingLike(line)) {
    reading.headerLines.push(line);
    return null;
  }
  reading.inHeader = false;
  return line;
}

/** Reads the cleaned text line by line, taking out the lines that are metadata rather than text. */
function readLines(text: string, stated: Stated): Reading {
  const reading: Reading = { stated, lines: [], headerLines: [], promulgation: [], banner: null, inHeader: true };
  for (const rawLine of text.split(/\r?\n/u)) {
    let line = rawLine.replace(/\s+$/u, '').replace(/^[\s\u3000]+/u, '');
    if (!line) continue;
    const heading = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (heading) {
      line = heading[2]!.trim();
      // A # heading above the text is the title; under a stated title it repeats it.
      if (heading[1] === '#' && (reading.inHeader || !stated.title)) {
        stated.title ??= line;
        continue;
      }
    }
    if (readSourceLine(line, stated)) continue;
    const kept = reading.inHeader ? readHeaderLine(line, heading !== null, reading) : line;
    if (kept !== null) reading.lines.push(kept);
  }
  return reading;
}

/**
 * The heading lines above the text give the title (one or two lines) when none is stated; the site
 * sections above it become the categories, or stay in the text when the categories are stated.
 * Returns the lines of the text.
 */
function placeHeaderLines(reading: Reading, hadMojibake: boolean): string[] {
  const { stated, lines } = reading;
  let sections = reading.headerLines.filter((h) => h !== stated.title);
  if (!stated.title && lines.length > 0) {
    const found = titleOf(sections);
    if (found.title) {
      stated.title = hadMojibake ? cutBeforeMojibake(found.title) : found.title;
      sections = found.sections;
    }
  }
  if (sections.length > 0 && lines.length > 0 && stated.categories.length === 0) {
    stated.categories.push(...sections);
    return lines;
  }
  return [...sections, ...lines];
}

/** What the document did not state, inferred from its promulgation lines, banner, signature and lead. */
function completeMetadata(input: ParseInput, reading: Reading, bodyLines: readonly string[]): Omit<DocumentMetadata, 'sourceUrl' | 'attachedTo'> {
  const { stated } = reading;
  const made = readPromulgation(reading.promulgation);
  const signature = signatureOf(bodyLines);
  const date = stated.date ?? made.date ?? signature?.date ?? null;
  const issuer = stated.issuer ?? made.issuer ?? reading.banner ?? signature?.issuer ?? null;
  const source = stated.source ?? issuer;
  const title = stated.title ?? leadTitle(leadOf(bodyLines));
  return {
    id: input.id,
    title,
    date,
    effectiveDate: stated.effectiveDate ?? made.effectiveDate ?? effectiveDateArticle(bodyLines, date),
    issuer,
    documentNumber: stated.documentNumber ?? made.documentNumber,
    source,
    scope: scopeOf(title, issuer, source),
    path: input.path,
    categories: stated.categories,
  };
}

/** Raw file text → cleaned LangChain Document with title, dates, issuer, source and path. */
export function parseDocument(input: ParseInput): ParseResult {
  const warnings: string[] = [];
  const { data, body } = splitFrontMatter(input.text.replace(/^\uFEFF/u, ''));
  const isHtml = input.extension === '.html' || looksLikeHtml(body);
  const cleaned = cleanText(isHtml ? htmlToText(body) : body);
  if (cleaned.runs > 0) warnings.push(`${cleaned.runs} 处乱码已移除`);
  const reading = readLines(cleaned.text, statedMetadata(data, isHtml ? body : null));
  const bodyLines = removeBoilerplate(placeHeaderLines(reading, cleaned.runs > 0));
  if (bodyLines.length === 0) warnings.push('清洗后没有正文');
  const document: CorpusDocument = new Document({
    pageContent: bodyLines.join('\n'),
    // Only an http(s) address is kept: where a fetched page or its attachment came from.
    metadata: { ...completeMetadata(input, reading, bodyLines), sourceUrl: webAddress(data.sourceUrl), attachedTo: webAddress(data.attachedTo) },
  });
  return { document, warnings };
}
