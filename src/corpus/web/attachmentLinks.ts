/** The PDF and Word files a page links to (its 附件), and what their links call them. */

/** An `<a href>` as written on the page. */
export interface PageLink {
  href: string;
  text: string;
}

export interface AttachmentLink {
  url: URL;
  /** The link's text, whitespace collapsed: `附件1：示例市快递服务管理办法`, or `下载`. */
  text: string;
}

/** Attachments fetched from one page at most; further ones are reported, not fetched. */
export const MAX_ATTACHMENTS = 10;

const DOCUMENT_FILE = /\.(?:pdf|docx?)$/iu;

/**
 * Links to .pdf, .doc or .docx files (by the path, or by the link text when the path is a
 * download script), resolved against `base`, each once and in page order.
 */
export function attachmentLinks(links: readonly PageLink[], base: URL): AttachmentLink[] {
  const found = new Map<string, AttachmentLink>();
  for (const link of links) {
    if (!URL.canParse(link.href, base.href)) continue;
    const url = new URL(link.href, base);
    url.hash = '';
    const text = link.text.replace(/\s+/gu, ' ').trim();
    const named = DOCUMENT_FILE.test(url.pathname) || DOCUMENT_FILE.test(text);
    if (named && !found.has(url.href)) found.set(url.href, { url, text });
  }
  return [...found.values()];
}

/**
 * The title a link gives its attachment (`附件1：示例市快递服务管理办法.pdf` → 示例市快递服务管理办法), or
 * null when the text names no document (`下载`, `附件2.docx`, a file number).
 */
export function attachmentTitle(text: string): string | null {
  const bare = text
    .replace(DOCUMENT_FILE, '')
    .replace(/^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：.．、]?\s*/u, '')
    .replace(/^[(（]?\d{1,2}[)）.．、]\s*/u, '')
    .trim();
  const han = bare.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 4 && !/下载|点击|查看/u.test(bare) ? bare : null;
}
