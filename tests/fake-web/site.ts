import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A web site on 127.0.0.1 for the fetch tests: each path answers as its route says. Requests are
 * recorded (path and Host header), so a test can tell that a refused fetch never reached it.
 */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FakeSite {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  requests: { path: string; host: string | undefined }[];
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export const respond =
  (contentType: string | undefined, body: string | Buffer, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(200, { ...(contentType ? { 'content-type': contentType } : {}), ...headers });
    res.end(body);
  };

export const redirect =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };

/** Sends `chunks` pieces of `size` bytes without a Content-Length: only counting while streaming catches it. */
export const stream =
  (contentType: string, chunks: number, size: number): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    let sent = 0;
    const next = () => {
      if (res.destroyed) return;
      if (sent++ >= chunks) return void res.end();
      res.write(Buffer.alloc(size, 0x61), next);
    };
    next();
  };

/** Headers and then nothing: the fetch must give up on its own. */
export const hang: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<html>');
};

export async function startFakeSite(): Promise<FakeSite> {
  const routes = new Map<string, Route>();
  const requests: FakeSite['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, host: req.headers.host });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>404</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
