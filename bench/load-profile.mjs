// Where the site's load time goes after the module arrives: a CPU profile of N fresh loads of the
// site built with function names, summed by function (self time), plus the DOM calls known to be
// slow during the first mount (property sets through Reflect.set, Date.prototype.toLocaleString).
//   node bench/load-profile.mjs [loads=5] [top=30]
// Needs a release build first (bash bench/run.sh, or scripts/release-build.sh --dist target/bench/dist):
// it copies target/bench/dist to target/bench/profile and puts in the module *before* wasm-opt
// (which has names) and the glue before minification, from target/size/wasm-split/ (the split
// build's main module; the first load fetches no chunk) or target/size/wasm-bindgen/release/; the
// module's integrity check is taken out of that copy only. Timings are of that copy: slower than
// the shipped module, so read them as shares.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
const repo = resolve(here, '..');
const dist = join(repo, 'target/bench/dist');
// The split build's main module (build/split.mjs keeps a named copy), or else Trunk's module:
// whichever was written last.
const namedCandidates = ['target/size/wasm-split', 'target/size/wasm-bindgen/release']
  .map((d) => join(repo, d))
  .filter((d) => existsSync(join(d, 'jwt-inspector_bg.wasm')));
const named = namedCandidates.sort((a, b) => statSync(join(b, 'jwt-inspector_bg.wasm')).mtimeMs - statSync(join(a, 'jwt-inspector_bg.wasm')).mtimeMs)[0]
  ?? join(repo, 'target/size/wasm-bindgen/release');
const dir = join(repo, 'target/bench/profile');
const loads = Number(process.argv[2] ?? 5);
const top = Number(process.argv[3] ?? 30);
for (const f of [join(dist, 'index.html'), join(named, 'jwt-inspector_bg.wasm')]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: run bash bench/run.sh first`);
}

// The named copy of the site.
rmSync(dir, { recursive: true, force: true });
cpSync(dist, dir, { recursive: true });
const files = readdirSync(dir);
const wasm = files.find((f) => f.endsWith('_bg.wasm'));
const glue = files.find((f) => /^jwt-inspector-[0-9a-f]+\.js$/.test(f));
const boot = files.find((f) => /^boot-[0-9a-f]+\.js$/.test(f));
cpSync(join(named, 'jwt-inspector_bg.wasm'), join(dir, wasm));
cpSync(join(named, 'jwt-inspector.js'), join(dir, glue));
writeFileSync(join(dir, boot), readFileSync(join(dir, boot), 'utf8').replace(/,\s*\{\s*integrity:\s*["'][^"']*["']\s*\}/, ''));
writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace(/ integrity="[^"]*"/g, ''));

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  let path = new URL(req.url, 'http://x').pathname;
  if (path.endsWith('/')) path += 'index.html';
  try {
    const body = await readFile(join(dir, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const url = `http://127.0.0.1:${server.address().port}/`;

// Wraps the calls that have shown up as slow during the first mount, and times each.
const WATCH = () => {
  window.__slow = {};
  const note = (key, ms) => { const e = (window.__slow[key] ??= { calls: 0, ms: 0 }); e.calls++; e.ms += ms; };
  const set = Reflect.set;
  Reflect.set = function (target, key, value, ...rest) {
    const t0 = performance.now();
    const r = set(target, key, value, ...rest);
    const id = target?.dataset?.testid ? `#${target.dataset.testid}` : '';
    note(`Reflect.set ${target?.tagName ?? target?.constructor?.name ?? typeof target}${id}.${String(key)}`, performance.now() - t0);
    return r;
  };
  const toLocale = Date.prototype.toLocaleString;
  Date.prototype.toLocaleString = function (...args) {
    const t0 = performance.now();
    const r = toLocale.apply(this, args);
    note('Date.prototype.toLocaleString', performance.now() - t0);
    return r;
  };
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const self = new Map();
const slow = new Map();
for (let k = 0; k < loads; k++) {
  const context = await browser.newContext();
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(() => window.jwtInspector);
  const { profile } = await cdp.send('Profiler.stop');
  for (const [key, v] of Object.entries(await page.evaluate(() => window.__slow))) {
    const e = slow.get(key) ?? { calls: 0, ms: 0 };
    slow.set(key, { calls: e.calls + v.calls, ms: e.ms + v.ms });
  }
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = nodes.get(id).callFrame;
    let name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber + 1})`;
    name = name.replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
    if (f.url.endsWith('.wasm')) name += ' [wasm]';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  await context.close();
}
await browser.close();
server.close();

const rows = [...self].filter(([n]) => !/^\((idle|program)\)$/.test(n)).sort((a, b) => b[1] - a[1]);
const busy = rows.reduce((a, [, t]) => a + t, 0) / loads;
const inWasm = rows.filter(([n]) => n.endsWith('[wasm]')).reduce((a, [, t]) => a + t, 0) / loads;
const ms = (x) => x.toFixed(1);
console.log(`# Load profile (${loads} fresh loads of the named build, per load)\n`);
console.log(`Busy ${ms(busy)} ms (main thread, sampled): ${ms(inWasm)} ms in wasm functions, ${ms(busy - inWasm)} ms in JS, DOM and the browser.\n`);
console.log('| Watched call | Calls | ms |\n|---|---|---|');
for (const [k, v] of [...slow].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) console.log(`| \`${k}\` | ${v.calls / loads} | ${ms(v.ms / loads)} |`);
console.log('\n| Function (self time) | ms |\n|---|---|');
for (const [n, t] of rows.slice(0, top)) console.log(`| \`${n.length > 120 ? `${n.slice(0, 117)}…` : n}\` | ${ms(t / loads)} |`);
