// The benchmark pages' server: a built app at /, benches/browser/ at /bench/, the generated
// inputs at /inputs/, SheetJS under /node_modules/xlsx/.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { root } from '../../tests/e2e/support.mjs';

export const inputs = join(root, 'target', 'bench-inputs');
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves `app` (a dist/ directory) with the benchmark's pages; resolves to the server. */
export function serveBench(app) {
  const mounts = [
    ['/bench/', join(root, 'benches', 'browser')],
    ['/inputs/', inputs],
    ['/node_modules/xlsx/', join(root, 'node_modules', 'xlsx')],
    ['/', app],
  ];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
    const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
