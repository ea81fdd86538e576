/**
 * What a web fetch may reach and accept, as pure checks: the effects (DNS, sockets, streams) are in
 * safeFetch.ts, which asks these at every step. Each refusal is a Chinese sentence for the user.
 */
import { BlockList, isIP } from 'node:net';
import { MIMEType } from 'node:util';

/** A page (HTML) or one of its attachments (PDF or Word). */
export type ResourceKind = 'page' | 'attachment';

export const MAX_REDIRECTS = 5;

/**
 * Address ranges a fetch never connects to unless the host is allowed by name: this machine, the
 * local networks, the cloud metadata address, and what is not a single host. IPv4 rules also hold
 * for IPv4-mapped IPv6 (::ffff:127.0.0.1): BlockList compares those as IPv4.
 */
const RANGES: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', '未指定地址'],
  ['127.0.0.0', 8, 'ipv4', '本机回环地址'],
  ['10.0.0.0', 8, 'ipv4', '内网地址'],
  ['172.16.0.0', 12, 'ipv4', '内网地址'],
  ['192.168.0.0', 16, 'ipv4', '内网地址'],
  ['100.64.0.0', 10, 'ipv4', '运营商内网地址'],
  ['169.254.0.0', 16, 'ipv4', '链路本地地址（含云服务器元数据地址）'],
  ['224.0.0.0', 4, 'ipv4', '组播地址'],
  ['240.0.0.0', 4, 'ipv4', '保留地址'],
  ['::', 128, 'ipv6', '未指定地址'],
  ['::1', 128, 'ipv6', '本机回环地址'],
  ['fc00::', 7, 'ipv6', '内网地址'],
  ['fe80::', 10, 'ipv6', '链路本地地址'],
  ['ff00::', 8, 'ipv6', '组播地址'],
];

const BLOCKS = RANGES.map(([network, prefix, family, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, reason };
});

/** What kind of refused address this is (本机回环地址), or null for a public unicast address. */
export function refusedRange(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return '无效地址';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return BLOCKS.find(({ list }) => list.check(address, type))?.reason ?? null;
}

/** Why a connection to `address` is refused, naming it, or null when it may be made. */
export function addressRefusal(address: string, host?: string): string | null {
  const range = refusedRange(address);
  if (!range) return null;
  return host && host !== address ? `不允许访问 ${host}：它指向${range} ${address}` : `不允许访问${range} ${address}`;
}

/** The host as the allow-list names it: lower case, an IPv6 literal without its brackets. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/u, '$1');
}

export function hostAllowed(url: URL, allowHosts: readonly string[]): boolean {
  return allowHosts.includes(hostOf(url));
}

/**
 * Why a URL may not be fetched before anything is resolved: not http(s), credentials in it, or a
 * literal IP address in a refused range. Host names are checked once resolved (safeFetch).
 */
export function urlRefusal(url: URL, allowHosts: readonly string[]): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `只能抓取 http 或 https 网址（收到 ${url.protocol}）`;
  if (url.username || url.password) return '网址中不能带用户名或密码';
  const host = hostOf(url);
  return isIP(host) && !hostAllowed(url, allowHosts) ? addressRefusal(host) : null;
}

/** A URL typed by the user (Discord users wrap links in <> to hide the preview), or why it is not one. */
export function parseWebUrl(text: string): URL | { refused: string } {
  const trimmed = text.trim().replace(/^<(.*)>$/u, '$1');
  if (!URL.canParse(trimmed)) return { refused: '网址无效：请给出以 http:// 或 https:// 开头的完整网址' };
  return new URL(trimmed);
}

/** Where a redirect leads (resolved against the URL that answered), or why it is not followed. */
export function redirectTarget(from: URL, location: string | undefined, hop: number): URL | { refused: string } {
  if (hop >= MAX_REDIRECTS) return { refused: `重定向次数过多（上限 ${MAX_REDIRECTS} 次）` };
  if (!location || !URL.canParse(location, from.href)) return { refused: '重定向没有给出有效的目标网址' };
  return new URL(location, from);
}

const PAGE_TYPES = ['text/html', 'application/xhtml+xml'];
/** Servers label attachments loosely (octet-stream, x-download); the bytes decide what they are. */
const ATTACHMENT_TYPES = [
  'application/pdf',
  'application/x-pdf',
  'application/msword',
  'application/vnd.ms-word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/octet-stream',
  'application/x-download',
  'application/force-download',
  'binary/octet-stream',
];

/** A Content-Type header parsed, or null when it is missing or malformed. */
function mimeType(contentType: string | undefined): MIMEType | null {
  if (!contentType) return null;
  try {
    return new MIMEType(contentType);
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type header, when there is one. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return mimeType(contentType)?.params.get('charset') ?? undefined;
}

/** Why a response's declared type is not what was asked for; a missing type on an attachment is left to the bytes. */
export function contentTypeRefusal(kind: ResourceKind, contentType: string | undefined): string | null {
  const essence = mimeType(contentType)?.essence;
  if (kind === 'page') return essence && PAGE_TYPES.includes(essence) ? null : `不是网页（内容类型：${essence ?? '未声明'}）`;
  if (!contentType) return null;
  return essence && ATTACHMENT_TYPES.includes(essence) ? null : `不是 PDF 或 Word 文件（内容类型：${essence ?? '无效'}）`;
}

export function sizeRefusal(maxBytes: number): string {
  return `超过大小上限（${Math.round(maxBytes / 1024)} KB）`;
}
