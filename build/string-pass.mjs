// Copies long strings into the module with one native call instead of a loop in JavaScript.
//
// wasm-bindgen's glue passes a string to the module (`passStringToWasm0`) by storing it one
// character at a time while the characters are ASCII, and only then hands the rest to
// `TextEncoder.encodeInto`. Tokens are ASCII, so a token always takes the loop: for a 4 KB token
// that was a quarter of `verifyToken`'s time in a profile, and for a megabyte, milliseconds.
// `encodeInto` copies an ASCII string natively. This adds a path for strings over 64 UTF-16 units
// that encodes into a buffer of the string's length and, when the text is not ASCII and needs more
// bytes, grows the buffer to the worst case and encodes the rest: the same bytes and the same
// allocation calls as the glue's own path for non-ASCII text. Shorter strings keep the loop, which
// is cheaper than a call for a handful of characters.
//
// The patch checks the glue it is given. If a future wasm-bindgen writes the function
// differently, the glue is left as it is and the build says so: slower, never wrong.

const HEADER = 'function passStringToWasm0(arg, malloc, realloc) {\n';
const NAMES = ['let WASM_VECTOR_LEN', 'const cachedTextEncoder', 'function getUint8ArrayMemory0()'];

const LONG_PATH = `
function passLongStringToWasm0(arg, malloc, realloc) {
    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;
    const first = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr, ptr + len));
    let offset = first.written;
    if (first.read !== arg.length) {
        arg = arg.slice(first.read);
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const ret = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr + offset, ptr + len));
        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }
    WASM_VECTOR_LEN = offset;
    return ptr;
}
`;

/** The glue with the long-string path, or `null` when it is not in the form expected. */
export function fastStringPass(glue) {
  const at = glue.indexOf(HEADER);
  if (at < 0 || glue.indexOf(HEADER, at + 1) >= 0 || !NAMES.every((n) => glue.includes(n))) return null;
  const body = at + HEADER.length;
  const dispatch = '    if (realloc !== undefined && arg.length > 64) return passLongStringToWasm0(arg, malloc, realloc);\n';
  return `${glue.slice(0, at)}${LONG_PATH.trimStart()}\n${glue.slice(at, body)}${dispatch}${glue.slice(body)}`;
}

/** `fastStringPass`, logging what it did; returns the glue to use. */
export function withFastStringPass(glue, log = (m) => console.log(m)) {
  const patched = fastStringPass(glue);
  log(patched ? 'string-pass: long strings go into the module with TextEncoder.encodeInto' : 'string-pass: passStringToWasm0 is not in the form expected; left as it is');
  return patched ?? glue;
}
