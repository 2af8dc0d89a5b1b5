// Sizes of a built dist directory without a browser: what each surface loads, raw, gzip -9 and
// brotli q11 (the same compression settings as bench.mjs's weight section). Deterministic, so it is
// the quick way to compare two builds.
//   node bench/dist-sizes.mjs [dist-dir] [--json]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--')) ?? new URL('../target/bench/dist', import.meta.url).pathname;
const files = readdirSync(dir);
const pick = (re) => files.filter((f) => re.test(f));
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
});
const surface = (names) => {
  const assets = names.map((file) => ({ file, ...sizes(readFileSync(join(dir, file))) }));
  const total = assets.reduce((a, x) => ({ raw: a.raw + x.raw, gzip: a.gzip + x.gzip, brotli: a.brotli + x.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { assets, total };
};
// The site's index.html holds its style sheet; the widget links the file. In the split build the
// glue imports a small loader, and the key readers and public-key code are a chunk that the site
// and the widget fetch only when a key is read ("on demand"; the one-file page holds it inline).
const shared = [...pick(/^jwt-inspector-[0-9a-f]+\.js$/), ...pick(/^jwt-inspector-[0-9a-f]+-split\.js$/), ...pick(/_bg\.wasm$/)];
const chunks = pick(/^jwt-inspector-[0-9a-f]+-.+\.wasm$/).filter((f) => !f.endsWith('_bg.wasm'));
const result = {
  site: surface(['index.html', ...pick(/^boot-[0-9a-f]+\.js$/), ...shared]),
  offline: surface(['jwt-inspector.html']),
  widget: surface(['widget.js', ...pick(/^main-[0-9a-f]+\.css$/), ...shared]),
  ...(chunks.length ? { 'on demand': surface(chunks) } : {}),
};
if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(`${dir}\n\n| Surface | File | Raw | gzip | brotli |\n|---|---|---|---|---|`);
  for (const [name, s] of Object.entries(result)) {
    for (const a of s.assets) console.log(`| ${name} | ${a.file} | ${kb(a.raw)} | ${kb(a.gzip)} | ${kb(a.brotli)} |`);
    console.log(`| **${name}** | total | **${kb(s.total.raw)}** | **${kb(s.total.gzip)}** | **${kb(s.total.brotli)}** |`);
  }
}
