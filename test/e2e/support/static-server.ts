import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The path under which the server hands out bytes put in `parked` (each once): `/__bytes/<id>`. */
export const PARKED_PATH = '/__bytes/';

/**
 * Serves the built renderer on 127.0.0.1 (module scripts are refused from file://), and the bytes of API results
 * parked for the page to fetch.
 */
export async function serveRenderer(
  root: string,
  parked: Map<string, Uint8Array> = new Map(),
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname.startsWith(PARKED_PATH)) {
      const id = pathname.slice(PARKED_PATH.length);
      const bytes = parked.get(id);
      parked.delete(id);
      if (bytes) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
      else res.writeHead(404).end();
      return;
    }
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (
      !file.startsWith(root) ||
      !(await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
