/**
 * Fetches one page or attachment under the rules of fetchPolicy.ts. Host names are resolved here
 * and the connection is made to exactly the addresses that were checked (the `lookup` hook), so a
 * name that answers differently the second time (DNS rebinding) cannot reach another address.
 */
import { type LookupAddress, promises as dns } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { addressRefusal, contentTypeRefusal, hostAllowed, hostOf, redirectTarget, type ResourceKind, sizeRefusal, urlRefusal } from './fetchPolicy.ts';

/** A fetch that the rules or the remote site refused, phrased for the user. */
export class FetchRefusedError extends Error {}

/** A host name's addresses; dns.lookup by default, a fixed table in tests. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export interface FetchOptions {
  kind: ResourceKind;
  maxBytes: number;
  /** For the whole fetch, redirects included. */
  timeoutMs: number;
  /** Hosts fetched even though they resolve to refused addresses (WEB_FETCH_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  resolve?: Resolve;
}

export interface Fetched {
  /** The URL that answered, after redirects: the document's source. */
  url: URL;
  contentType: string | undefined;
  bytes: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'youzheng-zhiling-wenda/0.1 (corpus fetcher)';
const ACCEPT: Record<ResourceKind, string> = {
  page: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  attachment: 'application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,*/*;q=0.1',
};

const systemResolve: Resolve = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** Resolves, refuses when any address is in a refused range, and hands net exactly the checked addresses. */
function pinnedLookup(resolve: Resolve, allowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const addresses = found.filter((a) => !options.family || a.family === options.family);
        const refusal = allowed ? null : addresses.map((a) => addressRefusal(a.address, hostname)).find((r) => r !== null);
        if (refusal) return callback(new FetchRefusedError(refusal), '');
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/** One GET, no redirect followed; the socket's peer is checked again once connected. */
function send(url: URL, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const allowed = hostAllowed(url, options.allowHosts);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        agent: false,
        signal,
        lookup: pinnedLookup(options.resolve ?? systemResolve, allowed),
        headers: { 'user-agent': USER_AGENT, accept: ACCEPT[options.kind], 'accept-encoding': 'gzip, deflate' },
      },
      resolve,
    );
    request.on('error', reject);
    // Defence in depth (an IP literal is not looked up): the address actually connected to.
    request.on('socket', (socket) =>
      socket.once('connect', () => {
        const refusal = allowed ? null : addressRefusal(socket.remoteAddress ?? '', hostOf(url));
        if (refusal) request.destroy(new FetchRefusedError(refusal));
      }),
    );
    request.end();
  });
}

/** The body as sent, decompressed, refused as soon as it passes `maxBytes` (compressed or not). */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(response.headers['content-length']) > maxBytes) throw new FetchRefusedError(sizeRefusal(maxBytes));
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  let body: Readable = response;
  if (encoding === 'gzip' || encoding === 'x-gzip') body = pipeline(response, zlib.createGunzip(), () => undefined);
  else if (encoding === 'deflate') body = pipeline(response, zlib.createInflate(), () => undefined);
  else if (encoding && encoding !== 'identity') throw new FetchRefusedError(`不支持的内容编码：${encoding}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new FetchRefusedError(sizeRefusal(maxBytes));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A network failure in words, with its code for whoever reads the log. */
function networkRefusal(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return '找不到这个网站（域名无法解析）';
  if (error.code === 'ECONNREFUSED') return '无法连接到这个网站（连接被拒绝）';
  if (error.code?.startsWith('ERR_TLS') || /certificate/iu.test(error.message)) return `HTTPS 证书无效（${error.code ?? error.message}）`;
  return `连接失败（${error.code ?? error.message}）`;
}

async function follow(start: URL, options: FetchOptions, signal: AbortSignal): Promise<Fetched> {
  let url = start;
  for (let hop = 0; ; hop++) {
    // Where a redirect led is said, so the user knows the address they gave was not the refused one.
    const refused = (reason: string) => new FetchRefusedError(hop > 0 ? `重定向到了不允许的网址：${reason}` : reason);
    const refusal = urlRefusal(url, options.allowHosts);
    if (refusal) throw refused(refusal);
    const response = await send(url, options, signal).catch((error: unknown) => {
      throw error instanceof FetchRefusedError ? refused(error.message) : error;
    });
    try {
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        const next = redirectTarget(url, response.headers.location, hop);
        if (!(next instanceof URL)) throw new FetchRefusedError(next.refused);
        url = next;
        continue;
      }
      if (status < 200 || status > 299) throw new FetchRefusedError(`网站返回 HTTP ${status}`);
      const contentType = response.headers['content-type'];
      const typeRefusal = contentTypeRefusal(options.kind, contentType);
      if (typeRefusal) throw new FetchRefusedError(typeRefusal);
      return { url, contentType, bytes: await readBody(response, options.maxBytes) };
    } finally {
      // A redirect's or a refused response's body is never read: close the connection instead.
      response.destroy();
    }
  }
}

/**
 * GETs `url`, following redirects by hand (each hop checked like the first), within the time and
 * size limits; anything refused, failed or timed out is a FetchRefusedError saying why.
 */
export async function fetchResource(url: URL, options: FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    return await follow(url, options, signal);
  } catch (error) {
    if (error instanceof FetchRefusedError) throw error;
    if (signal.aborted) throw new FetchRefusedError(`超时：${options.timeoutMs / 1000} 秒内没有下载完`);
    throw new FetchRefusedError(networkRefusal(error as NodeJS.ErrnoException));
  }
}
