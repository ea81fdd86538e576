import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelpRequested, UsageError } from '../src/cli/args.ts';
import { corpusAddUrl } from '../src/cli/corpusAddUrl.ts';
import { CORPUS_USAGE, parseCorpusCommand } from '../src/cli/corpusCommand.ts';
import { formatAnswer } from '../src/cli/formatAnswer.ts';
import { loadConfig } from '../src/config.ts';
import { parseDocument } from '../src/corpus/parse.ts';
import { attachmentLinks, attachmentTitle } from '../src/corpus/web/attachmentLinks.ts';
import { decodeHtml } from '../src/corpus/web/decodeHtml.ts';
import { extractArticle } from '../src/corpus/web/extractArticle.ts';
import { statedInText } from '../src/corpus/web/pageMetadata.ts';
import { QaService } from '../src/service/qaService.ts';
import { addWebPage, type WebPageOptions } from '../src/service/webPages.ts';
import { UserFacingError } from '../src/userFacingError.ts';
import { BOILERPLATE, NOTICE, noticePage } from './fake-web/noticePage.ts';
import { type FakeSite, redirect, respond, startFakeSite } from './fake-web/site.ts';
import { regulationDocx, regulationPdf, scannedPdf } from './fixtures/documents.ts';
import { SEED_CORPUS, tempDir } from './helpers.ts';

const PAGE_URL = new URL('https://www.example.gov.cn/zw/tzgg/t20240105_1.html');

describe('reading a government notice page', () => {
  it('keeps the article, not the navigation, breadcrumbs, sidebar or footer', () => {
    const article = extractArticle(noticePage(), PAGE_URL);
    if ('refused' in article) throw new Error(article.refused);
    const text = parseDocument({ id: 'p', path: 'p.html', text: article.html, extension: '.html' }).document.pageContent;
    for (const item of NOTICE.items) expect(text).toContain(item);
    for (const word of BOILERPLATE) expect(text).not.toContain(word);
  });

  it('reads title, date and publisher from the publishing system meta tags', () => {
    expect(extractArticle(noticePage(), PAGE_URL)).toMatchObject({ title: NOTICE.title, date: NOTICE.date, publisher: NOTICE.publisher });
  });

  it('without those tags: the <title> without the site name, and the 发布时间/来源 line', () => {
    const html = noticePage().replace(/<meta name="(ArticleTitle|PubDate|ContentSource)"[^>]*>/gu, '');
    expect(extractArticle(html, PAGE_URL)).toMatchObject({ title: NOTICE.title, date: NOTICE.date, publisher: NOTICE.publisher });
  });

  it.each([
    ['发布时间：2024-01-05　来源：国家邮政局　字号：大 中 小', { date: '2024-01-05', publisher: '国家邮政局' }],
    ['来源：示例省邮政管理局 发布日期：2023年12月1日', { date: '2023-12-01', publisher: '示例省邮政管理局' }],
    ['【字体：大 中 小】 发布时间：2023-12-01 10:30:00 信息来源：浙江省邮政管理局', { date: '2023-12-01', publisher: '浙江省邮政管理局' }],
    ['浏览次数：123', { date: null, publisher: null }],
  ])('the labelled line %s', (line, expected) => {
    expect(statedInText([line])).toEqual(expected);
  });

  it('refuses a page with no text', () => {
    expect(extractArticle('<html><body><div class="nav"><a href="/">首页</a></div></body></html>', PAGE_URL)).toEqual({ refused: '没有找到网页正文（可能是栏目或列表页，请给出文章页的网址）' });
  });

  it('finds PDF and Word links anywhere on the page, resolved against <base href>, each once', () => {
    const base = new URL('https://www.example.gov.cn/zw/tzgg/');
    const links = attachmentLinks(
      [
        { href: 'P020240105.pdf', text: ' 附件1：示例办法 ' },
        { href: '/files/xize.DOCX#page=2', text: '附件2' },
        { href: '/files/xize.DOCX', text: '附件2（重复）' },
        { href: '/down.jsp?id=7', text: '附件3：实施细则.doc' },
        { href: '/news/1.html', text: '其他新闻' },
        { href: 'mailto:a@example.gov.cn', text: '联系我们' },
      ],
      base,
    );
    expect(links.map((l) => [l.url.href, l.text])).toEqual([
      ['https://www.example.gov.cn/zw/tzgg/P020240105.pdf', '附件1：示例办法'],
      ['https://www.example.gov.cn/files/xize.DOCX', '附件2'],
      ['https://www.example.gov.cn/down.jsp?id=7', '附件3：实施细则.doc'],
    ]);
    const html = noticePage([{ href: 'a.pdf', text: '附件1' }]).replace('<head>', '<head><base href="https://files.example.gov.cn/up/">');
    const article = extractArticle(html, PAGE_URL);
    expect('refused' in article ? [] : article.attachments.map((a) => a.url.href)).toEqual(['https://files.example.gov.cn/up/a.pdf']);
  });

  it.each([
    ['附件1：示例市快递服务管理办法', '示例市快递服务管理办法'],
    ['2.示例市快递服务实施细则.docx', '示例市快递服务实施细则'],
    ['（1）示例市快递服务实施细则', '示例市快递服务实施细则'],
    ['附件2.docx', null],
    ['点击下载附件', null],
    ['P020240105.pdf', null],
  ])('the link text %s names the attachment %s', (text, title) => {
    expect(attachmentTitle(text)).toBe(title);
  });

  it.each([
    ['GBK declared in <meta>', iconv.encode(noticePage([], '<meta charset="gb2312">'), 'gbk'), undefined, 'gb2312'],
    ['GBK declared in the header', iconv.encode(noticePage([], ''), 'gbk'), 'text/html; charset=GBK', 'gbk'],
    ['UTF-8 under a stale gb2312 label', Buffer.from(noticePage([], '<meta charset="gb2312">')), 'text/html; charset=gb2312', 'utf-8'],
  ])('decodes a page in %s', (_name, bytes, contentType, encoding) => {
    const decoded = decodeHtml(bytes, contentType);
    expect(decoded).toMatchObject({ encoding: expect.stringMatching(new RegExp(`^(${encoding}|gbk)$`, 'u')) });
    expect('text' in decoded && decoded.text).toContain(NOTICE.items[2]);
  });
});

describe('adding a web page to the corpus', () => {
  let site: FakeSite;
  let corpus: string;
  let indexDir: string;
  let cleanup: () => Promise<void>;
  const logs: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, done) => done(void logs.push(JSON.parse(chunk.toString('utf8')))) }));

  beforeAll(async () => {
    site = await startFakeSite();
    const t = await tempDir('web-pages-');
    cleanup = t.cleanup;
    corpus = path.join(t.dir, 'corpus');
    indexDir = path.join(t.dir, 'index');
    await cp(SEED_CORPUS, corpus, { recursive: true });
    site.route('/files/banfa.pdf', respond('application/pdf', regulationPdf()));
    site.route('/zw/files/xize.docx', respond('application/octet-stream', await regulationDocx()));
    site.route('/files/scan.pdf', respond('application/pdf', scannedPdf()));
    site.route('/files/login.pdf', respond('text/html', '<html>请登录</html>'));
    site.route(
      '/zw/notice.html',
      respond(
        'text/html; charset=utf-8',
        noticePage([
          { href: '/files/banfa.pdf', text: '附件1：示例市快递服务管理办法' },
          { href: 'files/xize.docx', text: '附件2.docx' },
          { href: '/files/scan.pdf', text: '附件3：扫描件' },
          { href: '/files/login.pdf', text: '附件4：需登录' },
          { href: '/files/gone.doc', text: '附件5：已删除' },
        ]),
      ),
    );
    site.route('/short-link', redirect('/zw/notice.html'));
    site.route('/to-intranet', redirect('http://10.0.0.8/notice.html'));
    site.route('/huge.html', respond('text/html', noticePage().repeat(60)));
    site.route('/report.pdf', respond('application/pdf', regulationPdf()));
  });
  afterAll(async () => {
    await site?.close();
    await cleanup?.();
  });

  const options = (extra: Partial<WebPageOptions> = {}): WebPageOptions => ({
    replace: false,
    maxPageBytes: 64 * 1024,
    maxAttachmentBytes: 64 * 1024,
    allowHosts: ['127.0.0.1'],
    log,
    timeoutMs: 5000,
    ...extra,
  });
  const refusal = (address: string, extra: Partial<WebPageOptions> = {}) =>
    addWebPage(corpus, address, options(extra)).then(
      () => 'stored',
      (error: unknown) => (error instanceof UserFacingError ? error.message : `unexpected: ${String(error)}`),
    );

  it('stores the article with its title, date, publisher and address, and each readable attachment naming the page', async () => {
    const report = await addWebPage(corpus, `${site.origin}/short-link`, options());
    const pageUrl = `${site.origin}/zw/notice.html`;
    expect(report.page).toEqual({ file: `${NOTICE.title}.html`, title: NOTICE.title, date: NOTICE.date, source: NOTICE.publisher, url: pageUrl });
    expect(report.attachments).toEqual([
      { file: `${NOTICE.title}-附件1.md`, title: '示例市快递服务管理办法', date: NOTICE.date, source: NOTICE.publisher, url: `${site.origin}/files/banfa.pdf` },
      { file: `${NOTICE.title}-附件2.md`, title: '示例市快递服务管理办法', date: NOTICE.date, source: NOTICE.publisher, url: `${site.origin}/zw/files/xize.docx` },
    ]);
    expect(report.refused).toEqual([
      { url: `${site.origin}/files/scan.pdf`, label: '附件3：扫描件', reason: expect.stringContaining('没有文字层') },
      { url: `${site.origin}/files/login.pdf`, label: '附件4：需登录', reason: '不是 PDF 或 Word 文件（内容类型：text/html）' },
      { url: `${site.origin}/files/gone.doc`, label: '附件5：已删除', reason: '网站返回 HTTP 404' },
    ]);
    expect(logs.filter((l) => l.msg === 'web attachment refused').map((l) => l.url)).toEqual(report.refused.map((r) => r.url));

    const stored = await readFile(path.join(corpus, report.page.file), 'utf8');
    const page = parseDocument({ id: 'p', path: report.page.file, text: stored, extension: '.html' }).document;
    expect(page.metadata).toMatchObject({ title: NOTICE.title, date: NOTICE.date, source: NOTICE.publisher, sourceUrl: pageUrl, attachedTo: null });
    for (const word of BOILERPLATE) expect(page.pageContent).not.toContain(word);
    const attachment = await readFile(path.join(corpus, report.attachments[0]!.file), 'utf8');
    const rule = parseDocument({ id: 'a', path: 'a.md', text: attachment, extension: '.md' }).document;
    expect(rule.metadata).toMatchObject({ sourceUrl: `${site.origin}/files/banfa.pdf`, attachedTo: pageUrl });
    expect(rule.pageContent).toContain('第五条 快件延误超过七个自然日的');
  });

  it('answers from the stored page, citing it with its address', async () => {
    const config = loadConfig({ CORPUS_DIR: corpus, INDEX_DIR: indexDir, EMBEDDING_DIMENSION: '256' });
    const qa = new QaService(config, pino({ level: 'silent' }));
    await qa.reindex();
    const answer = await qa.ask('智能快件箱投递的快件免费保管期限不得少于多少小时？');
    expect(answer.answer).toContain('二十四小时');
    const cited = answer.citations.find((c) => c.title === NOTICE.title);
    expect(cited?.url).toBe(`${site.origin}/zw/notice.html`);
    expect(formatAnswer(answer)).toContain(`原文网址：${site.origin}/zw/notice.html`);
  });

  it('does not overwrite a stored page unless asked to', async () => {
    expect(await refusal(`${site.origin}/zw/notice.html`)).toBe(`语料中已有 ${NOTICE.title}.html`);
    const report = await addWebPage(corpus, `${site.origin}/zw/notice.html`, options({ replace: true }));
    expect(report.attachments).toHaveLength(2);
  });

  it.each<[string, (origin: string) => string, string, Partial<WebPageOptions>?]>([
    ['a non-http scheme', () => 'ftp://127.0.0.1/notice.html', '无法抓取网页：只能抓取 http 或 https 网址（收到 ftp:）'],
    ['text that is not an address', () => 'www.example.gov.cn/notice', '网址无效：请给出以 http:// 或 https:// 开头的完整网址'],
    ['a redirect to a private address', (origin) => `${origin}/to-intranet`, '无法抓取网页：重定向到了不允许的网址：不允许访问内网地址 10.0.0.8'],
    ['an oversized page', (origin) => `${origin}/huge.html`, '无法抓取网页：超过大小上限（64 KB）'],
    ['a page that is not HTML', (origin) => `${origin}/report.pdf`, '无法抓取网页：不是网页（内容类型：application/pdf）'],
    ['this machine, not on the allow-list', (origin) => `${origin}/zw/notice.html`, '无法抓取网页：不允许访问本机回环地址 127.0.0.1', { allowHosts: [] }],
  ])('refuses %s, storing nothing, and logs why', async (_what, address, message, extra) => {
    const before = await readdir(corpus);
    const logged = logs.length;
    expect(await refusal(address(site.origin), extra)).toBe(message);
    expect(await readdir(corpus)).toEqual(before);
    if (message.startsWith('无法抓取网页：')) expect(logs.slice(logged)).toEqual([expect.objectContaining({ msg: 'web page refused', reason: message.slice('无法抓取网页：'.length) })]);
  });
});

describe('npm run corpus -- add-url: arguments', () => {
  it('shows the Chinese usage for --help', () => {
    expect(() => parseCorpusCommand(['add-url', '--help'])).toThrow(new HelpRequested(CORPUS_USAGE));
    expect(CORPUS_USAGE).toMatch(/^用法：npm run corpus -- add-url 网址/u);
  });

  it.each([
    [[], '未知的操作 （缺少）；目前只有 add-url'],
    [['fetch', 'https://www.example.gov.cn/'], '未知的操作 fetch；目前只有 add-url'],
    [['add-url'], '请给出要抓取的网址'],
    [['add-url', 'https://a.example/', 'https://b.example/'], '一次只能抓取一个网址，多余的参数：https://b.example/'],
    [['add-url', 'https://a.example/', '--force'], '未知选项 --force'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCorpusCommand(argv)).toThrow(UsageError);
    expect(() => parseCorpusCommand(argv)).toThrow(message);
  });

  it('reads the address and the flags', () => {
    expect(parseCorpusCommand(['add-url', 'https://www.example.gov.cn/a.html', '--replace', '--corpus', 'c1', '--json'])).toMatchObject({
      url: 'https://www.example.gov.cn/a.html',
      replace: true,
      json: true,
      config: { corpusDirs: ['c1'] },
    });
  });
});

describe('npm run corpus -- add-url: storing and reindexing', () => {
  let site: FakeSite;
  let root: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    site = await startFakeSite();
    site.route(
      '/notice.html',
      respond(
        'text/html',
        noticePage([
          { href: '/xize.docx', text: '附件1：示例市快递服务实施细则' },
          { href: '/gone.pdf', text: '附件2' },
        ]),
      ),
    );
    site.route('/xize.docx', respond('application/vnd.openxmlformats-officedocument.wordprocessingml.document', await regulationDocx()));
    root = await tempDir('cli-corpus-');
    await mkdir(path.join(root.dir, 'corpus'));
  });
  afterAll(async () => {
    await site?.close();
    await root?.cleanup();
  });

  const command = (json: boolean, env: Record<string, string> = {}) => ({
    config: loadConfig({
      CORPUS_DIR: path.join(root.dir, 'corpus'),
      INDEX_DIR: path.join(root.dir, 'index'),
      EMBEDDING_DIMENSION: '256',
      WEB_FETCH_ALLOW_HOSTS: '127.0.0.1',
      ...env,
    }),
    url: `${site.origin}/notice.html`,
    replace: json,
    json,
  });
  const run = async (json: boolean, env: Record<string, string> = {}) => {
    let out = '';
    await corpusAddUrl(command(json, env), { write: (text) => void (out += text), log: pino({ level: 'silent' }) });
    return out;
  };

  it('prints what was stored (title, date, publisher, file, address) and refused, then the index report', async () => {
    const out = await run(false);
    expect(out).toContain(`已保存网页：《${NOTICE.title}》 · ${NOTICE.date} · ${NOTICE.publisher}\n  文件：${NOTICE.title}.html\n  网址：${site.origin}/notice.html\n`);
    expect(out).toContain(`附件 1：《示例市快递服务实施细则》 · ${NOTICE.date} · ${NOTICE.publisher}\n  文件：${NOTICE.title}-附件1.md\n  网址：${site.origin}/xize.docx\n`);
    expect(out).toContain(`未保存的附件：\n  附件2（${site.origin}/gone.pdf）：网站返回 HTTP 404\n`);
    expect(out).toMatch(/索引完成：2 篇文档.*\n {2}新增 2，/u);
  });

  it('--json: one object with what was stored and the index report', async () => {
    const out = JSON.parse(await run(true)) as { stored: { page: { file: string }; refused: unknown[] }; reindex: { changed: string[] } };
    expect(out.stored.page.file).toBe(`${NOTICE.title}.html`);
    expect(out.stored.refused).toHaveLength(1);
    expect(out.reindex.changed).toEqual([]);
  });

  it('refuses this machine when the allow-list does not name it', async () => {
    await expect(run(false, { WEB_FETCH_ALLOW_HOSTS: '' })).rejects.toThrow(new UserFacingError('download-failed', '无法抓取网页：不允许访问本机回环地址 127.0.0.1'));
  });
});
