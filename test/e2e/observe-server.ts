import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import sirv from 'sirv';

// The pages of test/fixtures/observe/ and their third parties, on 127.0.0.1, answering under any host name (the
// browser maps *.test here). The third party's endpoints take what they are sent and answer 204; the recording
// service's script is rrweb's UMD build (MIT, from npm) followed by its loader.

export const OBSERVE_FIXTURES = resolve(import.meta.dirname, '../fixtures/observe');
// rrweb's exports map hides its UMD build: found beside its package.json.
const RRWEB = resolve(dirname(createRequire(import.meta.url).resolve('rrweb')), 'rrweb.umd.min.cjs');

export interface ObserveServer {
  port: number;
  /** Bodies received by the third-party endpoints, by path. */
  received: { path: string; host: string; body: string }[];
  close(): Promise<void>;
}

export async function serveObserveFixtures(): Promise<ObserveServer> {
  const files = sirv(OBSERVE_FIXTURES, { dev: true });
  const received: ObserveServer['received'] = [];
  const recorder = `${readFileSync(RRWEB, 'utf8')}\n;${readFileSync(resolve(OBSERVE_FIXTURES, 'recorder-loader.js'), 'utf8')}`;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (/^\/(collect|pixel\.gif|suggest)/.test(path)) {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', host: req.headers.host ?? '', body });
        res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      });
      return;
    }
    if (path === '/recorder.js') {
      res.writeHead(200, { 'content-type': 'application/javascript' }).end(recorder);
      return;
    }
    // The site's own session cookie, HttpOnly (no script of the page can read it), kept 400 days.
    if (path === '/cookies-long.html') res.setHeader('set-cookie', `sid=s${Date.now()}; Max-Age=${400 * 24 * 3600}; Path=/; HttpOnly`);
    files(req, res, () => void res.writeHead(404).end('not found'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
