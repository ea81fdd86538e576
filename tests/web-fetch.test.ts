import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressRefusal, contentTypeRefusal, MAX_REDIRECTS, parseWebUrl, redirectTarget, urlRefusal } from '../src/corpus/web/fetchPolicy.ts';
import { type FetchOptions, FetchRefusedError, fetchResource, type Resolve } from '../src/corpus/web/safeFetch.ts';
import { type FakeSite, hang, redirect, respond, startFakeSite, stream } from './fake-web/site.ts';

describe('which addresses a fetch may connect to', () => {
  it.each([
    ['127.0.0.1', '本机回环地址'],
    ['127.255.0.9', '本机回环地址'],
    ['10.1.2.3', '内网地址'],
    ['172.16.0.1', '内网地址'],
    ['172.31.255.255', '内网地址'],
    ['192.168.1.1', '内网地址'],
    ['100.64.0.1', '运营商内网地址'],
    ['169.254.169.254', '链路本地地址（含云服务器元数据地址）'],
    ['0.0.0.0', '未指定地址'],
    ['224.0.0.1', '组播地址'],
    ['255.255.255.255', '保留地址'],
    ['::1', '本机回环地址'],
    ['::', '未指定地址'],
    ['fc00::1', '内网地址'],
    ['fd12:3456::1', '内网地址'],
    ['fe80::1', '链路本地地址'],
    ['ff02::1', '组播地址'],
    ['::ffff:127.0.0.1', '本机回环地址'],
    ['::ffff:10.0.0.1', '内网地址'],
    ['::ffff:a9fe:a9fe', '链路本地地址（含云服务器元数据地址）'],
  ])('%s is refused as %s', (address, range) => {
    expect(addressRefusal(address)).toBe(`不允许访问${range} ${address}`);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('%s, a public address, is allowed', (address) => {
    expect(addressRefusal(address)).toBeNull();
  });

  it('names the host that pointed at a refused address', () => {
    expect(addressRefusal('127.0.0.1', 'rebind.example')).toBe('不允许访问 rebind.example：它指向本机回环地址 127.0.0.1');
  });
});

describe('which URLs a fetch may start', () => {
  const url = (text: string) => parseWebUrl(text) as URL;
  it.each([
    ['ftp://example.gov.cn/notice.html', '只能抓取 http 或 https 网址（收到 ftp:）'],
    ['file:///etc/passwd', '只能抓取 http 或 https 网址（收到 file:）'],
    ['javascript:alert(1)', '只能抓取 http 或 https 网址（收到 javascript:）'],
    ['http://user:secret@example.gov.cn/', '网址中不能带用户名或密码'],
    ['http://127.0.0.1:8080/', '不允许访问本机回环地址 127.0.0.1'],
    ['http://[::1]/', '不允许访问本机回环地址 ::1'],
    ['http://[::ffff:7f00:1]/', '不允许访问本机回环地址 ::ffff:7f00:1'],
    // The URL parser reads these spellings as 127.0.0.1 and 169.254.169.254 before the check sees them.
    ['http://2130706433/', '不允许访问本机回环地址 127.0.0.1'],
    ['http://0x7f.1/', '不允许访问本机回环地址 127.0.0.1'],
    ['http://169.254.169.254/latest/meta-data/', '不允许访问链路本地地址（含云服务器元数据地址） 169.254.169.254'],
  ])('%s is refused: %s', (text, message) => {
    expect(urlRefusal(url(text), [])).toBe(message);
  });

  it('lets the allow-list name a host, an IPv6 one without brackets', () => {
    expect(urlRefusal(url('http://127.0.0.1:8080/a.html'), ['127.0.0.1'])).toBeNull();
    expect(urlRefusal(url('http://[::1]/'), ['::1'])).toBeNull();
    expect(urlRefusal(url('https://www.example.gov.cn/'), [])).toBeNull();
  });

  it('reads a link wrapped in <> as Discord users write it', () => {
    expect(parseWebUrl(' <https://www.example.gov.cn/a.html> ')).toEqual(new URL('https://www.example.gov.cn/a.html'));
  });

  it('refuses text that is not a URL', () => {
    expect(parseWebUrl('www.example.gov.cn/notice')).toEqual({ refused: expect.stringContaining('网址无效') });
  });

  it('follows a redirect relative to the URL that answered, up to the hop limit', () => {
    const from = url('https://www.example.gov.cn/a/b.html');
    expect(redirectTarget(from, '../c.html', 0)).toEqual(new URL('https://www.example.gov.cn/c.html'));
    expect(redirectTarget(from, undefined, 0)).toEqual({ refused: '重定向没有给出有效的目标网址' });
    expect(redirectTarget(from, '/c.html', MAX_REDIRECTS)).toEqual({ refused: `重定向次数过多（上限 ${MAX_REDIRECTS} 次）` });
  });

  it.each<[FetchOptions['kind'], string | undefined, string | null]>([
    ['page', 'text/html; charset=gb2312', null],
    ['page', 'application/xhtml+xml', null],
    ['page', 'application/pdf', '不是网页（内容类型：application/pdf）'],
    ['page', undefined, '不是网页（内容类型：未声明）'],
    ['attachment', 'application/pdf', null],
    ['attachment', 'application/octet-stream', null],
    ['attachment', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', null],
    ['attachment', undefined, null],
    ['attachment', 'text/html; charset=utf-8', '不是 PDF 或 Word 文件（内容类型：text/html）'],
  ])('a %s served as %s: %s', (kind, type, refusal) => {
    expect(contentTypeRefusal(kind, type)).toBe(refusal);
  });
});

describe('fetching over HTTP', () => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await startFakeSite();
  });
  afterAll(() => site.close());

  const page = '<html><body><p>通知正文</p></body></html>';
  const options = (extra: Partial<FetchOptions> = {}): FetchOptions => ({ kind: 'page', maxBytes: 4096, timeoutMs: 2000, allowHosts: ['127.0.0.1'], ...extra });
  const fetchPath = (path: string, extra: Partial<FetchOptions> = {}) => fetchResource(new URL(`${site.origin}${path}`), options(extra));
  const refusal = (path: string, extra: Partial<FetchOptions> = {}) =>
    fetchPath(path, extra).then(
      () => 'fetched',
      (error: unknown) => (error instanceof FetchRefusedError ? error.message : `unexpected: ${String(error)}`),
    );

  it('fetches a page, following redirects to the URL that answers', async () => {
    site.route('/notice.html', respond('text/html; charset=utf-8', page));
    site.route('/old', redirect('/moved'));
    site.route('/moved', redirect(`${site.origin}/notice.html`, 301));
    const fetched = await fetchPath('/old');
    expect(fetched.url.href).toBe(`${site.origin}/notice.html`);
    expect(fetched.bytes.toString('utf8')).toBe(page);
    expect(fetched.contentType).toBe('text/html; charset=utf-8');
  });

  it('reads a gzip-compressed page', async () => {
    site.route('/gzip.html', respond('text/html', gzipSync(page), { 'content-encoding': 'gzip' }));
    expect((await fetchPath('/gzip.html')).bytes.toString('utf8')).toBe(page);
  });

  it('refuses a redirect to this machine under another name, resolving it before connecting', async () => {
    site.route('/to-localhost', redirect(`http://localhost:${site.port}/notice.html`));
    expect(await refusal('/to-localhost')).toMatch(/^重定向到了不允许的网址：不允许访问 localhost：它指向本机回环地址 (127\.0\.0\.1|::1)$/u);
    expect(site.requests.filter((r) => r.host?.startsWith('localhost'))).toEqual([]);
  });

  it.each([
    ['/to-metadata', 'http://169.254.169.254/latest/meta-data/', '重定向到了不允许的网址：不允许访问链路本地地址（含云服务器元数据地址） 169.254.169.254'],
    ['/to-ipv6-loopback', 'http://[::1]/', '重定向到了不允许的网址：不允许访问本机回环地址 ::1'],
    ['/to-file', 'file:///etc/passwd', '重定向到了不允许的网址：只能抓取 http 或 https 网址（收到 file:）'],
  ])('refuses %s (a redirect to %s) without connecting', async (path, location, message) => {
    site.route(path, redirect(location));
    expect(await refusal(path)).toBe(message);
  });

  it('stops following redirects after the hop limit', async () => {
    site.route('/loop', redirect('/loop'));
    const before = site.requests.length;
    expect(await refusal('/loop')).toBe(`重定向次数过多（上限 ${MAX_REDIRECTS} 次）`);
    expect(site.requests.length - before).toBe(MAX_REDIRECTS + 1);
  });

  it('refuses a host not on the allow-list before anything is sent', async () => {
    const before = site.requests.length;
    expect(await refusal('/notice.html', { allowHosts: [] })).toBe('不允许访问本机回环地址 127.0.0.1');
    expect(site.requests.length).toBe(before);
  });

  it('connects to the address the name was checked at (no second lookup to rebind)', async () => {
    const lookups: string[] = [];
    const resolve: Resolve = async (hostname) => {
      lookups.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const url = new URL(`http://docs.example:${site.port}/notice.html`);
    const fetched = await fetchResource(url, options({ allowHosts: ['docs.example'], resolve }));
    expect(fetched.bytes.toString('utf8')).toBe(page);
    expect(site.requests.at(-1)?.host).toBe(`docs.example:${site.port}`);
    expect(lookups).toEqual(['docs.example']);
    await expect(fetchResource(url, options({ allowHosts: [], resolve }))).rejects.toThrow('不允许访问 docs.example：它指向本机回环地址 127.0.0.1');
  });

  it.each([
    ['declared too large', '/big-declared', respond('text/html', 'x'.repeat(5000))],
    ['streamed past the limit', '/big-streamed', stream('text/html', 100, 1024)],
    ['inflating past the limit', '/big-gzip', respond('text/html', gzipSync(Buffer.alloc(100_000, 0x61)), { 'content-encoding': 'gzip' })],
  ])('refuses a response %s', async (_what, path, route) => {
    site.route(path, route);
    expect(await refusal(path)).toBe('超过大小上限（4 KB）');
  });

  it('refuses a page that is not HTML, an attachment that is HTML, and an error status', async () => {
    site.route('/data.json', respond('application/json', '{}'));
    site.route('/file.pdf', respond('text/html', '<html>登录</html>'));
    expect(await refusal('/data.json')).toBe('不是网页（内容类型：application/json）');
    expect(await refusal('/file.pdf', { kind: 'attachment' })).toBe('不是 PDF 或 Word 文件（内容类型：text/html）');
    expect(await refusal('/missing.html')).toBe('网站返回 HTTP 404');
  });

  it('gives up when the time limit passes', async () => {
    site.route('/slow', hang);
    expect(await refusal('/slow', { timeoutMs: 300 })).toBe('超时：0.3 秒内没有下载完');
  });
});
