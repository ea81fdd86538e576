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

/** Raw file text → cleaned LangChain Document with title, dates, issuer, source and path. */
export function parseDocument(input: ParseInput): ParseResult {
  const warnings: string[] = [];
  const { data, body } = splitFrontMatter(input.text.replace(/^\uFEFF/u, ''));
  const isHtml = input.extension === '.html' || looksLikeHtml(body);
  let text = isHtml ? htmlToText(body) : body;
  text = removePinyinGlosses(stripStrayTags(text));
  const mojibake = removeMojibake(text);
  if (mojibake.runs > 0) warnings.push(`${mojibake.runs} 处乱码已移除`);
  text = mojibake.text;

  // Explicit metadata (front matter, a Markdown # title, an HTML <h1>/<title>) wins over what is inferred.
  let title = stringField(data, 'title') ?? (isHtml ? htmlTitle(body) : null);
  let date = parseDate(data.date);
  let source = stringField(data, 'source') ?? stringField(data, 'author');
  let issuer = stringField(data, 'issuer');
  let documentNumber = stringField(data, 'documentNumber');
  const statedEffectiveDate = parseDate(data.effectiveDate);
  const categories = listField(data, 'categories');
  /** History lines and the promulgation parenthetical: kept in the text, read for dates and issuer. */
  const promulgation: string[] = [];
  let bannerBody: string | null = null;

  const lines: string[] = [];
  const headerLines: string[] = [];
  let inHeader = true;
  for (const rawLine of text.split(/\r?\n/u)) {
    let line = rawLine.replace(/\s+$/u, '').replace(/^[\s\u3000]+/u, '');
    if (!line) continue;
    const heading = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (heading) {
      line = heading[2]!.trim();
      // A # heading above the text is the title; under a stated title it repeats it.
      if (heading[1] === '#' && (inHeader || !title)) {
        title ??= line;
        continue;
      }
    }
    const published = publicationDateLine(line);
    if (published) {
      date ??= published.date;
      source ??= published.source;
      continue;
    }
    const stated = sourceLine(line);
    if (stated) {
      source ??= stated;
      continue;
    }
    if (inHeader) {
      if (historyLine(line) || isPromulgationLine(line)) {
        promulgation.push(line);
        lines.push(line);
        continue;
      }
      const number = documentNumberLine(line);
      if (number) {
        documentNumber ??= number;
        continue;
      }
      const banner = bannerIssuer(line);
      if (banner) {
        bannerBody ??= banner;
        continue;
      }
      if (isBoilerplateLine(line)) continue;
      const lead = leadingDate(line);
      if (lead) {
        date ??= lead.date;
        line = lead.rest.trim();
        if (!line) continue;
      }
      const opensText = heading || isStructureLine(line) || promulgation.length > 0 || headerLines.length >= HEADER_SCAN_LINES;
      if (!lead && !opensText && isHeadingLike(line)) {
        headerLines.push(line);
        continue;
      }
      inHeader = false;
    }
    lines.push(line);
  }

  // Heading lines above the text: the title (one or two lines), and the site sections above it.
  let sections = headerLines.filter((h) => h !== title);
  if (!title && lines.length > 0) {
    const found = titleOf(sections);
    if (found.title) {
      title = mojibake.runs > 0 ? cutBeforeMojibake(found.title) : found.title;
      sections = found.sections;
    }
  }
  if (sections.length > 0 && lines.length > 0 && categories.length === 0) categories.push(...sections);
  else lines.unshift(...sections);

  const bodyLines = removeBoilerplate(lines);
  if (bodyLines.length === 0) warnings.push('清洗后没有正文');

  const made = readPromulgation(promulgation);
  const signature = signatureOf(bodyLines);
  date ??= made.date ?? signature?.date ?? null;
  issuer ??= made.issuer ?? bannerBody ?? signature?.issuer ?? null;
  documentNumber ??= made.documentNumber;
  const effectiveDate = statedEffectiveDate ?? made.effectiveDate ?? effectiveDateArticle(bodyLines, date);
  source ??= issuer;
  title ??= leadTitle(leadOf(bodyLines));

  const document: CorpusDocument = new Document({
    pageContent: bodyLines.join('\n'),
    metadata: {
      id: input.id,
      title,
      date,
      effectiveDate,
      issuer,
      documentNumber,
      source,
      scope: scopeOf(title, issuer, source),
      path: input.path,
      categories,
      sourceUrl: webAddress(data.sourceUrl),
      attachedTo: webAddress(data.attachedTo),
    },
  });
  return { document, warnings };
}
