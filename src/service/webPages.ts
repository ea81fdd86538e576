import { FORMAT_EXTENSIONS, readCorpusBytes } from '../corpus/formats/read.ts';
import { sniffFormat } from '../corpus/formats/sniff.ts';
import { type AttachmentLink, MAX_ATTACHMENTS } from '../corpus/web/attachmentLinks.ts';
import { decodeHtml } from '../corpus/web/decodeHtml.ts';
import { extractArticle } from '../corpus/web/extractArticle.ts';
import { parseWebUrl } from '../corpus/web/fetchPolicy.ts';
import { type FetchOptions, FetchRefusedError, fetchResource, type Resolve } from '../corpus/web/safeFetch.ts';
import { attachmentFile, pageFile, type WebDocumentFile } from '../corpus/web/webDocuments.ts';
import type { Logger } from '../log.ts';
import { UserFacingError } from '../userFacingError.ts';
import { addCorpusFile } from './corpusFiles.ts';

export interface WebPageOptions {
  /** Overwrite the page's and its attachments' files when they exist. */
  replace: boolean;
  /** Largest page (MAX_UPLOAD_KB). */
  maxPageBytes: number;
  /** Largest attachment (MAX_UPLOAD_DOCUMENT_KB). */
  maxAttachmentBytes: number;
  /** WEB_FETCH_ALLOW_HOSTS. */
  allowHosts: readonly string[];
  log: Logger;
  /** For each fetch, redirects included (default 15 s). */
  timeoutMs?: number;
  resolve?: Resolve;
}

/** A document stored from the web, as the moderator is told about it. */
export interface StoredWebDocument {
  /** Its file name in the corpus folder. */
  file: string;
  title: string;
  date: string | null;
  source: string | null;
  url: string;
}

export interface RefusedAttachment {
  url: string;
  /** The link's text on the page. */
  label: string;
  reason: string;
}

export interface WebPageReport {
  page: StoredWebDocument;
  attachments: StoredWebDocument[];
  refused: RefusedAttachment[];
}

const FETCH_TIMEOUT_MS = 15_000;

function fetchOptions(options: WebPageOptions, kind: FetchOptions['kind']): FetchOptions {
  const maxBytes = kind === 'page' ? options.maxPageBytes : options.maxAttachmentBytes;
  return { kind, maxBytes, timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS, allowHosts: options.allowHosts, resolve: options.resolve };
}

async function store(corpusDir: string, file: WebDocumentFile, options: WebPageOptions): Promise<StoredWebDocument> {
  if (!file.hasText) throw new UserFacingError('unreadable-file', '清洗后没有正文');
  const limits = { replace: options.replace, maxBytes: options.maxPageBytes, maxDocumentBytes: options.maxAttachmentBytes };
  const saved = await addCorpusFile(corpusDir, file.name, Buffer.from(file.text, 'utf8'), limits);
  const { title, date, source } = file.metadata;
  return { file: saved, title, date, source, url: file.url };
}

/** Fetches the page and isolates its article and attachment links, or throws why not (UserFacingError). */
async function fetchArticle(address: string, options: WebPageOptions): Promise<{ file: WebDocumentFile; attachments: AttachmentLink[] }> {
  const url = parseWebUrl(address);
  if (!(url instanceof URL)) throw new UserFacingError('invalid-request', url.refused);
  let fetched: Awaited<ReturnType<typeof fetchResource>>;
  try {
    fetched = await fetchResource(url, fetchOptions(options, 'page'));
  } catch (error) {
    if (!(error instanceof FetchRefusedError)) throw error;
    options.log.warn({ url: url.href, reason: error.message }, 'web page refused');
    throw new UserFacingError('download-failed', `无法抓取网页：${error.message}`);
  }
  const decoded = decodeHtml(fetched.bytes, fetched.contentType);
  if ('error' in decoded) throw new UserFacingError('unreadable-file', `无法读取网页：${decoded.error}`);
  const article = extractArticle(decoded.text, fetched.url);
  if ('refused' in article) throw new UserFacingError('unreadable-file', `无法读取网页：${article.refused}`);
  return { file: pageFile(article, fetched.url), attachments: article.attachments };
}

/** One attachment fetched, read and stored, or the reason it was not. */
async function addAttachment(corpusDir: string, page: WebDocumentFile, n: number, link: AttachmentLink, options: WebPageOptions): Promise<StoredWebDocument> {
  const fetched = await fetchResource(link.url, fetchOptions(options, 'attachment'));
  const format = sniffFormat(fetched.bytes);
  if (!format || typeof format === 'object') throw new UserFacingError('unsupported-format', `不是 PDF 或 Word 文件${format ? `（${format.refused}）` : ''}`);
  const read = await readCorpusBytes(fetched.bytes, FORMAT_EXTENSIONS[format]);
  if ('error' in read) throw new UserFacingError('unreadable-file', read.error);
  return store(corpusDir, attachmentFile(page, n, link, fetched.url, read.text), options);
}

/**
 * Stores a web page's article in the corpus folder, then each PDF or Word file it links to as a
 * document of its own naming the page; the caller reindexes. The page is all or nothing (its
 * refusal is thrown); an attachment that cannot be fetched, read or stored is reported instead.
 */
export async function addWebPage(corpusDir: string, address: string, options: WebPageOptions): Promise<WebPageReport> {
  const { file, attachments } = await fetchArticle(address, options);
  const page = await store(corpusDir, file, options);
  options.log.info({ url: page.url, file: page.file }, 'web page stored');
  // Attachments are named after the page's file as it was stored.
  const stored = { ...file, name: page.file };
  const report: WebPageReport = { page, attachments: [], refused: [] };
  for (const [i, link] of attachments.entries()) {
    const refuse = (reason: string) => {
      options.log.warn({ url: link.url.href, page: page.url, reason }, 'web attachment refused');
      report.refused.push({ url: link.url.href, label: link.text, reason });
    };
    if (i >= MAX_ATTACHMENTS) {
      refuse(`每个网页最多抓取 ${MAX_ATTACHMENTS} 个附件`);
      continue;
    }
    try {
      report.attachments.push(await addAttachment(corpusDir, stored, i + 1, link, options));
    } catch (error) {
      if (!(error instanceof FetchRefusedError || error instanceof UserFacingError)) throw error;
      refuse(error.message);
    }
  }
  return report;
}
