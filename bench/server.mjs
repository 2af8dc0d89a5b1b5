// A tiny static server for the benchmark, with no dependencies and no compression (sizes are
// computed separately, from the bytes each request returned).
//   node bench/server.mjs <site-dir> <peer-dir> [port]
// Serves <site-dir> (the release build) at / and <peer-dir> (the esbuild peer page) at /peer/.
// Prints "listening <port>" once ready (port 0 picks a free one).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const [siteArg, peerArg, portArg] = process.argv.slice(2);
if (!siteArg || !peerArg) {
  console.error('usage: node server.mjs <site-dir> <peer-dir> [port]');
  process.exit(2);
}
const site = resolve(siteArg);
const peer = resolve(peerArg);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};

const server = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let base = site;
  if (path === '/peer') path = '/peer/';
  if (path.startsWith('/peer/')) { base = peer; path = path.slice('/peer'.length); }
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
});
server.listen(Number(portArg ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
