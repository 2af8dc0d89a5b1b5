// Two builds' engine calls side by side in one Node.js process, for one design step of the core:
// both modules are loaded into the same V8, and their batches alternate (A B, then B A), so a
// change in the machine's load falls on both alike. Far steadier than two browser tabs
// (bench/ab.mjs), whose own difference can be larger than the step measured; but it is Node's
// V8, not the browser's, and the glue's string copies run on Node's TextEncoder: use it for
// changes inside the module, and bench/ab.mjs or bench/run.sh for the page and the glue.
//   node bench/ab-engine.mjs <dist A> <dist B> [rounds=21]
// `OPS=verify` or `OPS=inspect` picks one kind of call (default: both). Each dist is a release
// build's output (scripts/release-build.sh --dist DIR). There is no DOM here: the app's start
// function stops at its first DOM call, and the script API (inspectToken, verifyToken) works
// without it.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SECRET, makeToken } from './tokens.mjs';

const [distA, distB, roundsArg] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: node bench/ab-engine.mjs <dist A> <dist B> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 21);
const ops = new Set((process.env.OPS ?? 'verify,inspect').split(','));
const NOW = 1_700_000_000;

/** A build's glue, instantiated with its module. */
async function load(dir) {
  const files = readdirSync(dir);
  const glue = files.find((f) => /^jwt-inspector-[0-9a-f]+\.js$/.test(f));
  const wasm = files.find((f) => /_bg\.wasm$/.test(f));
  if (!glue || !wasm) throw new Error(`${dir}: no release build there (jwt-inspector-<hash>.js and its module)`);
  const api = await import(resolve(dir, glue));
  try {
    api.initSync({ module: readFileSync(resolve(dir, wasm)) });
  } catch {
    // The start function mounts the page and finds no document; the exports are ready anyway.
  }
  return api;
}

const builds = [await load(distA), await load(distB)];
const cases = [];
for (const size of [300, 4096, 1048576]) {
  const token = makeToken({ target: size });
  if (ops.has('verify')) cases.push([`verifyToken HS256 ${size} B`, (api) => api.verifyToken(token, SECRET, 'utf8')]);
  if (ops.has('inspect') && size < 1048576) {
    cases.push([`inspectToken (no scan) ${size} B`, (api) => api.inspectToken(token, SECRET, 'utf8', NOW, false)]);
  }
}
// Both builds must answer alike before their speed means anything.
for (const [name, call] of cases) {
  const [a, b] = builds.map(call);
  if (a !== b) throw new Error(`${name}: the builds answer differently`);
}

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
let sink = 0;
console.log(`A = ${distA}\nB = ${distB}\n${rounds} alternating rounds in one process; medians of per-call µs\n`);
console.log('| Operation | A | B | B vs A |\n|---|---|---|---|');
for (const [name, call] of cases) {
  /** µs per call over a batch of `n` calls. */
  const batch = (api, n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += call(api).length;
    return ((performance.now() - t0) * 1000) / n;
  };
  // Batches of about 20 ms on A (also its warm-up); one batch warms B up.
  let n = 1;
  while (batch(builds[0], n) * n < 20000) n *= 2;
  batch(builds[1], n);
  const times = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const i of r % 2 ? [1, 0] : [0, 1]) times[i].push(batch(builds[i], n));
  }
  const [a, b] = times.map(median);
  const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
  console.log(`| ${name} | ${fmt(a)} | ${fmt(b)} | ${((b / a - 1) * 100).toFixed(1)} % |`);
}
if (sink < 0) console.log(sink);
