/**
 * Serve a built dist/ over HTTP on localhost for browser tests, under a base
 * path like a static host would (sirv: directory index.html, no server code).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface Served {
  /** Origin plus base, ending in '/': http://127.0.0.1:1234/sub/ */
  url: string;
  close: () => Promise<void>;
}

export async function serve(
  dist: string,
  base = '/',
  headers: Record<string, string> = {},
): Promise<Served> {
  const files = sirv(dist, { dev: false, etag: false });
  const server: Server = createServer((req, res) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('not under base');
      return;
    }
    req.url = url.slice(base.length - 1) || '/';
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
