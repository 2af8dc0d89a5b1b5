// Takes out of the module and its glue the JavaScript classes a dependency exports that nothing on
// these pages uses.
//
// leptos always enables server_fn's `browser` feature, which brings wasm-streams. Its three
// `#[wasm_bindgen]` structs (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`,
// `IntoUnderlyingSink`) adapt Rust streams to the Streams API for server functions. This app has
// no server functions, and no Rust code constructs them: they are reachable only as exports, so
// the linker has to keep their code and wasm-bindgen writes a class for each into the glue.
// Removing the exports before wasm-opt lets it drop that code (measured: 1.6 KB brotli of the
// module), and removing the classes drops their glue.
//
// Both steps check what they find. If a future wasm-bindgen writes the glue differently, the
// classes are left where they are and the build says so: they cost bytes, never correctness.
import { readFileSync, writeFileSync } from 'node:fs';

/** The classes, and the prefixes of the module's exports that belong to them. */
const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const EXPORT_PREFIXES = CLASSES.flatMap((c) => [`${c.toLowerCase()}_`, `__wbg_${c.toLowerCase()}_free`]);

/** An unsigned LEB128 at `at` in `bytes`: `[value, next offset]`. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** `n` as an unsigned LEB128. */
function leb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

/**
 * Rewrites the module at `path` without the unused classes' exports; returns the names removed.
 * Only the export section changes, so every index in the module stays valid.
 */
export function dropUnusedExports(path) {
  const bytes = readFileSync(path);
  const parts = [bytes.subarray(0, 8)];
  const dropped = [];
  let at = 8;
  while (at < bytes.length) {
    const sectionStart = at;
    const id = bytes[at++];
    let size;
    [size, at] = readLeb(bytes, at);
    const end = at + size;
    if (id !== 7) {
      parts.push(bytes.subarray(sectionStart, end));
      at = end;
      continue;
    }
    let count;
    [count, at] = readLeb(bytes, at);
    const kept = [];
    for (let k = 0; k < count; k++) {
      const entryStart = at;
      let nameLen;
      [nameLen, at] = readLeb(bytes, at);
      const name = bytes.subarray(at, at + nameLen).toString('utf8');
      at += nameLen + 1; // the name, then the export's kind
      [, at] = readLeb(bytes, at); // its index
      if (EXPORT_PREFIXES.some((p) => name.startsWith(p))) dropped.push(name);
      else kept.push(bytes.subarray(entryStart, at));
    }
    const body = Buffer.concat([leb(kept.length), ...kept]);
    parts.push(Buffer.from([7]), leb(body.length), body);
    at = end;
  }
  if (dropped.length > 0) writeFileSync(path, Buffer.concat(parts));
  return dropped;
}

/**
 * The glue without the unused classes (wasm-bindgen's unminified output): each `export class`
 * block, its `Symbol.dispose` line and its FinalizationRegistry. Returns `{ source, dropped }`.
 */
export function dropUnusedClasses(source) {
  const dropped = [];
  let out = source;
  for (const name of CLASSES) {
    const block = new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n(?:if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n)?`, 'm');
    const registry = new RegExp(`^const ${name}Finalization = [^;]*;\\n`, 'm');
    if (!block.test(out) || !registry.test(out)) continue;
    const next = out.replace(block, '').replace(registry, '');
    // Anything else that still names the class means it is used after all: keep it.
    if (new RegExp(`\\b${name}\\b`).test(next)) continue;
    out = next;
    dropped.push(name);
  }
  return { source: out, dropped };
}

/** Both steps on a bound module and its glue source; logs what was removed or kept. */
export function dropUnused(wasmPath, glueSource, log = (m) => console.log(m)) {
  const { source, dropped } = dropUnusedClasses(glueSource);
  const kept = CLASSES.filter((c) => !dropped.includes(c));
  if (kept.length > 0) log(`unused-exports: kept ${kept.join(', ')} in the glue (not in the form expected)`);
  const exports = dropUnusedExports(wasmPath);
  log(`unused-exports: removed ${dropped.length} classes from the glue and ${exports.length} exports from the module`);
  return source;
}
