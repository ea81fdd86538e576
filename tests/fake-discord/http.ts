import type { IncomingMessage, ServerResponse } from 'node:http';

/** One REST call the bot made, as the fake received it. */
export interface RecordedRequest {
  method: string;
  /**
   * Route below the versioned API root with every segment percent-decoded, as Discord routes it:
   * discord.js sends `/webhooks/1/tok/messages/%40original`, recorded as `…/messages/@original`.
   */
  path: string;
  /** The decoded segments of `path` (a segment may itself contain an encoded `/`). */
  segments: string[];
  /** The path as it was sent, still encoded. */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** JSON body, or the `payload_json` part of a multipart body. */
  body: unknown;
  files: { field: string; name: string; data: Buffer }[];
  at: number;
  /** The status the fake answered with, once it has answered. */
  status?: number;
}

/**
 * The decoded segments of a URL path, or null when one is not valid percent-encoding (Discord then
 * answers 400). Decoding happens per segment, so an encoded `/` stays inside its segment.
 */
export function decodeSegments(rawPath: string): string[] | null {
  try {
    return rawPath
      .split('/')
      .slice(1)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Parses a request the way Discord does: JSON, or multipart with `payload_json` and `files[n]` parts. */
export async function readRequest(req: IncomingMessage, url: URL, apiPrefix: string): Promise<RecordedRequest> {
  const raw = await readRaw(req);
  const rawPath = url.pathname.startsWith(apiPrefix) ? url.pathname.slice(apiPrefix.length) : url.pathname;
  const segments = decodeSegments(rawPath) ?? [];
  const type = req.headers['content-type'] ?? '';
  let body: unknown = null;
  const files: RecordedRequest['files'] = [];
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, name: value.name, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
  } else if (raw.length > 0) {
    body = JSON.parse(raw.toString('utf8'));
  }
  return {
    method: req.method ?? 'GET',
    path: `/${segments.join('/')}`,
    segments,
    rawPath,
    query: url.searchParams,
    headers: req.headers,
    body,
    files,
    at: Date.now(),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sendEmpty(res: ServerResponse, status = 204): void {
  res.writeHead(status);
  res.end();
}
