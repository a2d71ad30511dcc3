// A lore-like public-inbox on loopback for the tests: `GET /<inbox>/<msgid>/t.mbox.gz` answers
// the whole thread of any message it holds as a gzipped mboxrd (application/gzip, as lore sends
// it), 404 with an HTML page for ids it does not know. Every request is recorded.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface LoreServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves `mbox` (one thread) under /<inbox>/ for each of `ids`. */
export async function startLore(mbox: Buffer, ids: readonly string[], inbox = 'all'): Promise<LoreServer> {
  const requests: string[] = [];
  const gz = gzipSync(mbox);
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/([^/]+)\/([^/]+)\/t\.mbox\.gz$/.exec(req.url ?? '');
    const id = m ? decodeURIComponent(m[2]!) : null;
    if (m && m[1] === inbox && id && ids.includes(id)) {
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(gz.length) });
      res.end(gz);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' });
    res.end('<html><body>404 Not Found</body></html>\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${inbox}`,
    requests,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
