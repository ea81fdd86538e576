import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../clean/markup.ts';
import { type AttachmentLink, attachmentLinks, type PageLink } from './attachmentLinks.ts';
import { type PageMetadata, pageMetadata } from './pageMetadata.ts';

export interface Article extends PageMetadata {
  /** The article as Readability isolated it (HTML): no navigation, breadcrumbs or footer. */
  html: string;
  attachments: AttachmentLink[];
}

/** The DOM members read here: linkedom's declarations type them all as any. */
interface DomElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}
interface DomDocument {
  querySelectorAll(selector: string): Iterable<DomElement>;
}

/**
 * Readability gives up below this many characters and retries with looser rules that let
 * navigation in; a notice of a few short paragraphs is a whole article.
 */
const MIN_ARTICLE_CHARS = 80;
/** Less than this is a link or two of navigation (a list or index page), not an article. */
const MIN_TEXT_CHARS = 20;

/** Meta tags by lower-cased name or property, the first of each. */
function metaTags(dom: DomDocument): Map<string, string> {
  const metas = new Map<string, string>();
  for (const meta of dom.querySelectorAll('meta[content]')) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property'))?.trim().toLowerCase();
    if (name && !metas.has(name)) metas.set(name, meta.getAttribute('content') ?? '');
  }
  return metas;
}

/** Where the page's relative links point from: its `<base href>`, else its own URL. */
function baseOf(dom: DomDocument, url: URL): URL {
  const href = [...dom.querySelectorAll('base[href]')][0]?.getAttribute('href');
  return href && URL.canParse(href, url.href) ? new URL(href, url) : url;
}

/**
 * A page's article and what it says about itself. Links and metadata are read from the whole page
 * (attachment lists often sit outside the article) before Readability, which rewrites the DOM, runs.
 */
export function extractArticle(html: string, url: URL): Article | { refused: string } {
  const dom: DomDocument = parseHTML(html).document;
  const metas = metaTags(dom);
  const links: PageLink[] = [...dom.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' }));
  const base = baseOf(dom, url);
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(dom, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  } catch {
    article = null;
  }
  const length = [...(article?.textContent ?? '').replace(/\s+/gu, '')].length;
  if (!article?.content || length < MIN_TEXT_CHARS) return { refused: '没有找到网页正文（可能是栏目或列表页，请给出文章页的网址）' };
  const readability = { title: article.title ?? null, publishedTime: article.publishedTime ?? null, siteName: article.siteName ?? null };
  return {
    ...pageMetadata(metas, htmlToText(html).split('\n'), readability),
    html: article.content,
    attachments: attachmentLinks(links, base),
  };
}
