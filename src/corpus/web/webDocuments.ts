/**
 * A fetched page and its attachments as corpus files: the text under front matter saying where it
 * came from (sourceUrl; attachedTo for an attachment), which the parser reads back as metadata.
 */
import { withFrontMatter } from '../clean/markup.ts';
import { parseDocument } from '../parse.ts';
import type { DocumentMetadata } from '../types.ts';
import { type AttachmentLink, attachmentTitle } from './attachmentLinks.ts';
import type { Article } from './extractArticle.ts';

export interface WebDocumentFile {
  /** File name (its stem is the document id) before the corpus sanitizes it. */
  name: string;
  text: string;
  /** Where it was fetched from (after redirects). */
  url: string;
  /** The metadata the index will hold for it, for the report. */
  metadata: DocumentMetadata;
  /** Whether any text is left once the parser has cleaned it. */
  hasText: boolean;
}

const MAX_STEM_CHARS = 60;

/** A file stem from a title, or from the address when the page states none: no folder separators. */
function stemOf(title: string | null, url: URL): string {
  const named = title ?? `${url.hostname}${url.pathname.replace(/\.[a-z]+$/iu, '')}`;
  return [...named.replace(/[\\/\s]+/gu, '_')].slice(0, MAX_STEM_CHARS).join('');
}

/** The file as the reindex will read it. */
function parsed(name: string, text: string, extension: string): Pick<WebDocumentFile, 'metadata' | 'hasText'> {
  const { document } = parseDocument({ id: name.slice(0, -extension.length), path: name, text, extension });
  return { metadata: document.metadata, hasText: document.pageContent.trim() !== '' };
}

/** The page as an .html file: the article Readability isolated, with the title, date and publisher the page states. */
export function pageFile(article: Article, url: URL): WebDocumentFile {
  const name = `${stemOf(article.title, url)}.html`;
  const text = withFrontMatter(article.html, { title: article.title, date: article.date, source: article.publisher, sourceUrl: url.href });
  return { name, text, url: url.href, ...parsed(name, text, '.html') };
}

/**
 * The text extracted from an attachment as a .md file named after its page (`…-附件2.md`). The
 * title is the link's when it names the document; the page's date and publisher fill in only
 * what the attachment's own text does not state.
 */
export function attachmentFile(page: WebDocumentFile, n: number, link: AttachmentLink, url: URL, extracted: string): WebDocumentFile {
  const name = `${page.name.replace(/\.html$/u, '')}-附件${n}.md`;
  const linked = { title: attachmentTitle(link.text), sourceUrl: url.href, attachedTo: page.url };
  const own = parsed(name, withFrontMatter(extracted, linked), '.md').metadata;
  const text = withFrontMatter(extracted, {
    ...linked,
    date: own.date ? null : page.metadata.date,
    source: own.source ? null : page.metadata.source,
  });
  return { name, text, url: url.href, ...parsed(name, text, '.md') };
}
