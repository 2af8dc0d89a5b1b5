// Where the WebAssembly module's code bytes go, by crate and by function, read from the module's
// "name" section (no tools to install). Use it on the module *before* wasm-opt, which still has
// names: Trunk leaves it at target/size/wasm-bindgen/release/jwt-inspector_bg.wasm (the size
// build; target/wasm-bindgen/release/ for a plain `trunk build --release`).
//   node bench/wasm-sizes.mjs [module.wasm] [top-n]
// Sizes are pre-wasm-opt (the shipped module's code section is about 20 % smaller), so read them as
// shares, not as exact shipped bytes.
import { existsSync, readFileSync } from 'node:fs';

// The size build (scripts/release-build.sh) has its own target directory, target/size.
const candidates = ['../target/size/wasm-bindgen/release/jwt-inspector_bg.wasm', '../target/wasm-bindgen/release/jwt-inspector_bg.wasm']
  .map((p) => new URL(p, import.meta.url).pathname);
const path = process.argv[2] ?? candidates.find((p) => existsSync(p)) ?? candidates[0];
const top = Number(process.argv[3] ?? 25);
const b = readFileSync(path);
let i = 8;
const leb = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
let imported = 0;
const bodies = [];
const names = new Map();
let data = 0;
while (i < b.length) {
  const id = b[i++];
  const size = leb();
  const start = i;
  if (id === 2) {
    const n = leb();
    for (let k = 0; k < n; k++) {
      const ml = leb(); i += ml; const fl = leb(); i += fl;
      const kind = b[i++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { i++; const f = b[i++]; leb(); if (f & 1) leb(); } else if (kind === 2) { const f = b[i++]; leb(); if (f & 1) leb(); } else if (kind === 3) { i += 2; }
    }
  } else if (id === 10) {
    const n = leb();
    for (let k = 0; k < n; k++) { const s = leb(); bodies.push(s); i += s; }
  } else if (id === 11) {
    data = size;
  } else if (id === 0) {
    const nl = leb();
    const name = b.subarray(i, i + nl).toString();
    i += nl;
    if (name === 'name') {
      while (i < start + size) {
        const sub = b[i++];
        const len = leb();
        const end = i + len;
        if (sub === 1) {
          const n = leb();
          for (let k = 0; k < n; k++) { const idx = leb(); const l = leb(); names.set(idx, b.subarray(i, i + l).toString()); i += l; }
        }
        i = end;
      }
    }
  }
  i = start + size;
}

const demangle = (s) => {
  if (!s.startsWith('_ZN')) return s.replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
  let j = 3; const parts = [];
  while (j < s.length && s[j] !== 'E') { let n = 0; while (/[0-9]/.test(s[j])) n = n * 10 + Number(s[j++]); parts.push(s.slice(j, j + n)); j += n; }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}');
};
const crateOf = (name) => {
  // `<T as trait::Path>::f` is attributed to the trait's crate when T is a bare generic/primitive.
  const asTrait = /^<(?:&(?:mut )?)?(?:[A-Z]|[a-z][a-z0-9]*) as (?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)::/.exec(name);
  if (asTrait) return asTrait[1];
  const tupleAs = /^<\(.*?\) as ([A-Za-z_][A-Za-z0-9_]*)::/.exec(name);
  if (tupleAs) return tupleAs[1];
  if (/^<(?:char|str|bool|[iuf](?:8|16|32|64|128|size))>::/.test(name)) return 'core';
  const m = /^<?(?:&(?:mut )?)?(?:dyn )?(?:\(|\[)?([A-Za-z_][A-Za-z0-9_]*)::/.exec(name);
  if (m) return m[1];
  if (/^__wbg|^__wbindgen|wasm_bindgen/.test(name)) return 'wasm_bindgen (glue)';
  if (/^(memcpy|memmove|memset|memcmp|__rust|__rdl|__rg|rust_)/.test(name)) return 'std/compiler-builtins';
  return '(other)';
};

const byCrate = new Map();
const fns = [];
let total = 0;
bodies.forEach((size, k) => {
  const name = demangle(names.get(imported + k) ?? `func${imported + k}`);
  total += size;
  fns.push([size, name]);
  const c = crateOf(name);
  byCrate.set(c, (byCrate.get(c) ?? 0) + size);
});
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
console.log(`${path}\ncode: ${kb(total)} in ${bodies.length} functions; data: ${kb(data)}\n`);
console.log('| Crate (first path segment) | Code | Share |\n|---|---|---|');
for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${c} | ${kb(s)} | ${((100 * s) / total).toFixed(1)} % |`);
if (process.env.SHOW_OTHER) for (const [s, n] of fns.filter(([, n]) => crateOf(n) === '(other)').sort((a, b) => b[0] - a[0]).slice(0, 40)) console.error(s, n);
console.log(`\n| Largest functions | Code |\n|---|---|`);
for (const [s, n] of fns.sort((a, b) => b[0] - a[0]).slice(0, top)) console.log(`| \`${n.length > 110 ? `${n.slice(0, 107)}…` : n}\` | ${kb(s)} |`);
