import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A catalogue server on 127.0.0.1 for the tests: each path answers as the test says (a file with its validators, a
// 304 when they match, an error, a redirect, a slow or truncated answer), and every request is kept so that a test
// can check what Loupe sent (no cookie, no referrer, its validators).

export interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
}
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface CatalogueServer {
  origin: string;
  seen: Seen[];
  route(path: string, h: Handler): void;
  close(): Promise<void>;
}

export async function catalogueServer(host = '127.0.0.1'): Promise<CatalogueServer> {
  const routes = new Map<string, Handler>();
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    seen.push({ path, headers: req.headers });
    const h = routes.get(path);
    if (h) h(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://${host}:${port}`,
    seen,
    route: (path, h) => void routes.set(path, h),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A file with an ETag and a Last-Modified, answered 304 when the request carries either. */
export function withValidators(body: () => string, etag: () => string, lastModified = 'Mon, 07 Dec 2026 10:00:00 GMT'): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag() || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)) {
      res.writeHead(304, { etag: etag(), 'last-modified': lastModified }).end();
      return;
    }
    const b = Buffer.from(body());
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': b.length, etag: etag(), 'last-modified': lastModified }).end(b);
  };
}

/** Announces the whole length, sends a part, and closes the connection. */
export const truncated =
  (body: string): Handler =>
  (_req, res) => {
    const b = Buffer.from(body);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': b.length });
    res.write(b.subarray(0, Math.floor(b.length / 3)));
    setTimeout(() => res.socket?.destroy(), 50);
  };
