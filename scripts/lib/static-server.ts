import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 (a free port): the pages under test never come from the live web. */
export async function serveFolder(dir: string, mounts: Record<string, string> = {}): Promise<StaticServer> {
  const root = sirv(dir, { dev: true, dotfiles: false });
  const extra = Object.entries(mounts).map(([prefix, folder]) => ({ prefix, handler: sirv(folder, { dev: true }) }));
  const server: Server = createServer((req, res) => {
    const mount = extra.find((m) => req.url?.startsWith(m.prefix));
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (mount) {
      req.url = req.url!.slice(mount.prefix.length - 1) || '/';
      mount.handler(req, res, notFound);
    } else root(req, res, notFound);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // Chromium keeps connections alive; waiting for them would hold the test run for minutes.
        server.closeAllConnections();
      }),
  };
}
