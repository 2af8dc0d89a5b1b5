// A tiny static server for the built site (dist/), with no dependencies.
// Serves dist/ at /, at /dist/ and under a sub-path (/tools/jwt/) to prove relative asset URLs
// work, and examples/ at /examples/ (whose pages load ../dist/widget.js).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? process.env.DIST_DIR ?? new URL('../dist', import.meta.url).pathname);
const examples = resolve(new URL('../examples', import.meta.url).pathname);
const port = Number(process.env.PORT ?? 4173);
const SUBPATH = '/tools/jwt/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let base = root;
  if (path.startsWith(SUBPATH)) path = '/' + path.slice(SUBPATH.length);
  else if (path.startsWith('/dist/')) path = path.slice('/dist'.length);
  else if (path.startsWith('/examples/')) { base = examples; path = path.slice('/examples'.length); }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(base, path));
  if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
