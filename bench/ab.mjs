// Two builds of the site side by side, for one design step: each in its own tab of one Chromium,
// with jose in a third, measured in alternating batches so that a change in the machine's load
// falls on both alike. Prints per-call medians (µs) and each build's ratio to jose.
//   node bench/ab.mjs <dist A> <dist B> [rounds=25]
// Needs the packages and the peer page of one `bash bench/run.sh` (target/bench/peer). Operations:
// verifyToken and inspectToken without the scan (HS256; 300 B, 4 KB, 1 MB), verifyWithKey RS256 and
// ES256 (300 B, 4 KB: the key text passed on every call, as bench.mjs does). `AB_OPS=verify,pk`
// picks a subset (verify, inspect, pk).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { SECRET, makeSigningInput, makeToken } from './tokens.mjs';

const here = new URL('.', import.meta.url).pathname;
const [distA, distB, roundsArg] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: node bench/ab.mjs <dist A> <dist B> [rounds]');
  process.exit(2);
}
const peerDir = join(here, '..', 'target/bench/peer');
if (!existsSync(join(peerDir, 'index.html'))) throw new Error(`${peerDir} is missing: run bash bench/run.sh once`);
const rounds = Number(roundsArg ?? 25);
const ops = new Set((process.env.AB_OPS ?? 'verify,inspect,pk').split(','));
const NOW = 1_700_000_000;

/** Serves `dir` (and the peer page at /peer/) on a free port. */
function serve(dir) {
  return new Promise((resolveP, reject) => {
    const child = spawn(process.execPath, [join(here, 'server.mjs'), resolve(dir), peerDir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolveP({ child, origin: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const servers = [await serve(distA), await serve(distB)];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const sites = [];
  for (const { origin } of servers) {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.jwtInspector);
    sites.push(page);
  }
  const peer = await browser.newPage();
  await peer.goto(`${servers[0].origin}/peer/`);
  await peer.waitForFunction(() => document.body.dataset.ready === 'true');

  // The public-key tokens and keys, made once in the peer page and given to every tab.
  const pkInputs = Object.fromEntries(['RS256', 'ES256'].map((alg) => [alg, Object.fromEntries([[300, 300], [4096, 4096]].map(([n, target]) => [n, makeSigningInput({ target, alg })]))]));
  const pk = await peer.evaluate(async (inputs) => {
    const b64u = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const params = {
      RS256: { gen: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
      ES256: { gen: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
    };
    const out = {};
    window.__keys = {};
    for (const [alg, bySize] of Object.entries(inputs)) {
      const { privateKey, publicKey } = await crypto.subtle.generateKey(params[alg].gen, true, ['sign', 'verify']);
      window.__keys[alg] = publicKey;
      const { key_ops: _ops, ext: _ext, ...jwk } = await crypto.subtle.exportKey('jwk', publicKey);
      out[alg] = { key: JSON.stringify({ ...jwk, alg, use: 'sig' }), tokens: {} };
      for (const [size, input] of Object.entries(bySize)) {
        out[alg].tokens[size] = `${input}.${b64u(await crypto.subtle.sign(params[alg].sign, privateKey, new TextEncoder().encode(input)))}`;
      }
    }
    return out;
  }, pkInputs);
  const hs = Object.fromEntries([300, 4096, 1048576].map((n) => [n, makeToken({ target: n })]));

  /** The cases: name, token, key, and which peer call it is measured against. */
  const cases = [];
  for (const [n, token] of Object.entries(hs)) {
    if (ops.has('verify')) cases.push({ name: `verifyToken HS256 ${n} B`, kind: 'verify', token, key: SECRET, peer: 'hs' });
    if (ops.has('inspect') && n !== '1048576') cases.push({ name: `inspectToken (no scan) ${n} B`, kind: 'inspect', token, key: SECRET, peer: 'hs' });
  }
  if (ops.has('pk')) {
    for (const alg of ['RS256', 'ES256']) {
      for (const n of ['300', '4096']) cases.push({ name: `verifyWithKey ${alg} ${n} B`, kind: 'pk', token: pk[alg].tokens[n], key: pk[alg].key, peer: alg });
    }
  }

  // One batch: `count` calls, awaited one after another when they return promises; µs per call.
  const batchInSite = (page, c, count) => page.evaluate(async ({ c, count, now }) => {
    const api = window.jwtInspector;
    const call = {
      verify: () => api.verifyToken(c.token, c.key, 'utf8'),
      inspect: () => api.inspectToken(c.token, c.key, 'utf8', now, false),
      pk: () => api.verifyWithKey(c.token, c.key),
    }[c.kind];
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const r = call();
      if (r instanceof Promise) await r;
    }
    return ((performance.now() - t0) / count) * 1000;
  }, { c, count, now: NOW });
  await peer.evaluate(async (secret) => {
    window.__hmac = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  }, SECRET);
  const batchInPeer = (c, count) => peer.evaluate(async ({ c, count, now }) => {
    const key = c.peer === 'hs' ? window.__hmac : window.__keys[c.peer];
    const opts = { algorithms: [c.peer === 'hs' ? 'HS256' : c.peer], currentDate: new Date(now * 1000) };
    const t0 = performance.now();
    for (let i = 0; i < count; i++) await window.peers.jwtVerify(c.token, key, opts);
    return ((performance.now() - t0) / count) * 1000;
  }, { c, count, now: NOW });

  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
  const rows = [];
  for (const c of cases) {
    // Batches of about 30 ms on A (the page's clock is coarse: a batch must be long), found by
    // growing the count; that is also A's warm-up, and one batch warms B and jose up.
    let count = 1;
    while (count < 1e5 && (await batchInSite(sites[0], c, count)) * count < 30000) count *= 4;
    await batchInSite(sites[1], c, count);
    await batchInPeer(c, count);
    const xs = [[], [], []];
    for (let r = 0; r < rounds; r++) {
      xs[0].push(await batchInSite(sites[0], c, count));
      xs[1].push(await batchInSite(sites[1], c, count));
      xs[2].push(await batchInPeer(c, count));
    }
    const [a, b, j] = xs.map(median);
    rows.push(`| ${c.name} | ${fmt(a)} | ${fmt(b)} | ${fmt(j)} | ${(a / j).toFixed(2)} | ${(b / j).toFixed(2)} | ${((b / a - 1) * 100).toFixed(1)} % |`);
  }
  console.log(`A = ${distA}\nB = ${distB}\n${rounds} alternating rounds; medians of per-call µs\n`);
  console.log('| Operation | A | B | jose jwtVerify | A / jose | B / jose | B vs A |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  await browser.close();
  for (const { child } of servers) child.kill();
}
