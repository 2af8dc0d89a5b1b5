// Trunk post-build hook: hardens the site and writes the other two surfaces.
//
// In Trunk's staging directory it
//  1. replaces Trunk's inline bootstrap with boot-<hash>.js, which fetches the module with
//     subresource integrity, so the page runs without any inline script;
//  2. inlines the style sheet and adds a Content-Security-Policy that allows only the page's own
//     files and that style sheet;
//  3. writes embed.html (the compact view for iframes) and widget.js (the custom element);
//  4. writes jwt-inspector.html: one self-contained file (CSS, JS and the gzipped module inlined)
//     that works from file:// with no network at all (in the split build, from the same code
//     built as one module).
// In release builds every script and style sheet it writes or ships is minified by esbuild
// (build/package.json; scripts/setup.sh installs it): the glue loses about 27 KB raw, 2 KB brotli.
// The glue also gets a faster path for long strings into the module (build/string-pass.mjs).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { singleModule, splitModule } from './split.mjs';
import { withFastStringPass } from './string-pass.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk build');
const here = new URL('.', import.meta.url).pathname;

const files = readdirSync(dir);
const find = (re) => {
  const f = files.find((name) => re.test(name));
  if (!f) throw new Error(`postbuild: no file matching ${re} in ${dir}`);
  return f;
};
const glue = find(/^jwt-inspector-[0-9a-f]+\.js$/);
const wasm = find(/^jwt-inspector-[0-9a-f]+_bg\.wasm$/);
const css = find(/^main-[0-9a-f]+\.css$/);
const icon = find(/^favicon-[0-9a-f]+\.svg$/);
const read = (name) => readFileSync(join(dir, name));
const digest = (algo, data) => createHash(algo).update(data).digest('base64');
const sri = (data) => `sha384-${digest('sha384', data)}`;

// Minification, for release builds (Trunk sets TRUNK_PROFILE); debug builds stay readable.
const release = process.env.TRUNK_PROFILE === 'release';

// 0. The split build (scripts/release-build.sh sets JWT_SPLIT): the key code and the editor move
// to chunks loaded on demand (build/split.mjs).
const split = release && process.env.JWT_SPLIT === '1' ? splitModule({ dir, glue, wasm }) : null;

const wasmBytes = read(wasm);
const wasmIntegrity = sri(wasmBytes);
let esbuild = null;
if (release) {
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('postbuild: esbuild is missing from build/node_modules: run `. scripts/setup.sh` (it runs npm ci in build/)');
  }
}
/** `text` minified as `loader` ('js' as an ES module, or 'css'), or as it is in debug builds. */
async function minify(text, loader, banner = '') {
  if (!esbuild) return text;
  const options = { loader, minify: true, target: loader === 'css' ? 'chrome111' : 'es2022', banner, legalComments: 'none' };
  if (loader === 'js') options.format = 'esm';
  return (await esbuild.transform(text, options)).code;
}
// The glue and the style sheet are minified where they are; the one-file page starts from the
// glue as wasm-bindgen wrote it (its exports are stripped by pattern) and is minified as a whole.
// Long strings (tokens) go into the module with one native copy (build/string-pass.mjs).
const glueSource = withFastStringPass(read(glue).toString());
const styleSource = read(css).toString();
const glueShipped = await minify(glueSource, 'js');
const styleShipped = await minify(styleSource, 'css');
writeFileSync(join(dir, glue), glueShipped);
writeFileSync(join(dir, css), styleShipped);
// The split build's loader, preloaded with its integrity beside the glue (the glue imports it).
const loaderShipped = split ? await minify(split.loader.text, 'js') : null;
if (split) writeFileSync(join(dir, split.loader.name), loaderShipped);

// 1. External bootstrap with SRI on the module; it exposes only the typed, frozen API.
const publicApi = readFileSync(join(here, 'api.template.js'), 'utf8');
// The marks let the benchmark split the time to ready into loading and running the module.
const boot = `import init, * as api from './${glue}';
${publicApi}
performance.mark('jwt-inspector:boot');
await init({ module_or_path: fetch('./${wasm}', { integrity: '${wasmIntegrity}' }) });
performance.mark('jwt-inspector:started');
window.jwtInspector = publicApi(api);
`;
const bootShipped = await minify(boot, 'js');
const bootName = `boot-${createHash('sha256').update(bootShipped).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, bootName), bootShipped);

let index = read('index.html').toString();
const inline = /<script type="module">[\s\S]*?<\/script>/;
if (!inline.test(index)) throw new Error('postbuild: Trunk bootstrap script not found in index.html');
index = index.replace(inline, `<script type="module" src="./${bootName}" integrity="${sri(bootShipped)}" crossorigin="anonymous"></script>`);
// Trunk's integrity attributes are those of the files before minification.
const withIntegrity = (html, name, data) => {
  const tag = new RegExp(`<link [^>]*href="\\./${name.replace(/\./g, '\\.')}"[^>]*>`);
  const found = html.match(tag)?.[0];
  if (!found || !/integrity="[^"]*"/.test(found)) throw new Error(`postbuild: no <link> with integrity for ${name} in index.html`);
  return html.replace(found, found.replace(/integrity="[^"]*"/, `integrity="${sri(data)}"`));
};
index = withIntegrity(index, glue, glueShipped);
// The style sheet inline, allowed by its hash in the policy: a linked sheet delays the module
// script (scripts wait for the sheets before them), so inline it is one request less before the
// page starts. The widget still links the file, inside its shadow root.
const styleLink = new RegExp(`<link rel="stylesheet" href="\\./${css.replace(/\./g, '\\.')}"[^>]*>`);
if (!styleLink.test(index)) throw new Error('postbuild: the style sheet link was not found in index.html');
index = index.replace(styleLink, () => `<style>${styleShipped}</style>`);
const styleHash = `'sha256-${digest('sha256', styleShipped)}'`;
// The loading chain: the module and the glue start downloading while the HTML is parsed, instead
// of one after another (page, then boot.js, then the glue it imports, then the module it fetches).
// Trunk's preload of the module carries an `integrity` attribute, which Chromium ignores (with a
// console warning) for `as="fetch"`; without it, boot.js's `fetch(…, { integrity })` takes over
// the preloaded response (one request) and still checks its digest before the module compiles.
index = index.replace(/\s*<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>/, '');
const modulePreload = /\s*<link rel="modulepreload" href="[^"]+"[^>]*>/;
const gluePreload = index.match(modulePreload)?.[0]?.trim();
if (!gluePreload || !gluePreload.includes(glue) || !gluePreload.includes('integrity=')) throw new Error('postbuild: Trunk\'s modulepreload of the glue (with integrity) was not found');
index = index.replace(modulePreload, '');
const loaderPreload = split
  ? `\n    <link rel="modulepreload" href="./${split.loader.name}" crossorigin="anonymous" integrity="${sri(loaderShipped)}" />`
  : '';
const preloads = `<link rel="preload" as="fetch" crossorigin="anonymous" href="./${wasm}" />\n    ${gluePreload}${loaderPreload}`;

// The icon inline, as in the one-file page: a same-document navigation (a new #token=) makes
// Chromium fetch a linked icon again, and nothing may be requested after load.
const iconData = `data:image/svg+xml;base64,${read(icon).toString('base64')}`;
const iconLink = /<link rel="icon" href="[^"]*favicon-[0-9a-f]+\.svg"[^>]*>/;
if (!iconLink.test(index)) throw new Error('postbuild: the favicon link was not found in index.html');
index = index.replace(iconLink, `<link rel="icon" href="${iconData}" />`);
unlinkSync(join(dir, icon));

// 2. Content-Security-Policy.
const sitePolicy = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  `style-src ${styleHash}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const withPolicy = (html, policy) => html.replace(
  /<meta charset="utf-8" \/>/,
  `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />\n    <meta name="referrer" content="no-referrer" />`,
);
// The preloads go right after the policy, so the policy governs them and they start first.
const site = withPolicy(index, sitePolicy).replace('<meta name="referrer" content="no-referrer" />', `<meta name="referrer" content="no-referrer" />\n    ${preloads}`);
if (!site.includes(`href="./${wasm}"`)) throw new Error('postbuild: could not insert the preloads');
if (!site.includes('Content-Security-Policy')) throw new Error('postbuild: could not insert the CSP');
writeFileSync(join(dir, 'index.html'), site);

// 3. embed.html and widget.js.
const embed = site
  .replace('data-jwt-inspector="app"', 'data-jwt-inspector="embed"')
  .replace(/<title>[^<]*<\/title>/, '<title>jwt-inspector (embedded)</title>');
writeFileSync(join(dir, 'embed.html'), embed);
const widgetSource = readFileSync(join(here, 'widget.template.js'), 'utf8');
const widget = widgetSource
  .replace('__GLUE__', `./${glue}`)
  .replace('__WASM__', `./${wasm}`)
  .replace('__WASM_INTEGRITY__', wasmIntegrity)
  .replace('__CSS__', `./${css}`)
  .replace('__LOADER__', split ? `./${split.loader.name}` : '');
// The usage comment at the top stays readable for whoever opens widget.js.
const usage = widgetSource.slice(0, widgetSource.search(/^(?!\/\/)/m)).trimEnd();
writeFileSync(join(dir, 'widget.js'), `${await minify(widget, 'js', usage)}`);

// 4. The one-file offline page.
// It holds every part inline, so in the split build it takes the same code as one module: split,
// it would carry each part's overhead (measured: 345.3 against 321 KB brotli).
const single = split ? singleModule() : { glueSource, wasmBytes };
let code = split ? withFastStringPass(single.glueSource) : single.glueSource;
code = code
  .replace(/^export (async function|function|class|const|let) /gm, '$1 ')
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export default [^;]+;\s*$/gm, '');
if (/^\s*export\b/m.test(code)) throw new Error('postbuild: the wasm-bindgen glue has an export this script does not strip');
const packed = gzipSync(single.wasmBytes, { level: 9 }).toString('base64');
// In a block, so its names cannot clash with the glue's top-level ones (the glue has a `wasm`).
// The module is decompressed as a stream into a Response of type application/wasm, which the glue
// hands to WebAssembly.instantiateStreaming: it compiles while it is being decompressed.
// Uint8Array.fromBase64 (where the browser has it) decodes in native code, without a callback per
// character. Base64 measured against denser encodings: see bench/README.md, "The one-file page".
const script = await minify(`${code}
{
  const packed = '${packed}';
  const gz = Uint8Array.fromBase64 ? Uint8Array.fromBase64(packed) : Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  await __wbg_init({ module_or_path: new Response(stream, { headers: { 'content-type': 'application/wasm' } }) });
}
${publicApi}
window.jwtInspector = publicApi({ inspectToken, verifyToken, findWeakSecret, weakSecretCount, verifyWithKey });
`, 'js');
const style = styleShipped;
const sha256 = (text) => `'sha256-${digest('sha256', text)}'`;
const offlinePolicy = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  'img-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const offline = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${offlinePolicy}" />
    <meta name="referrer" content="no-referrer" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>jwt-inspector (offline)</title>
    <link rel="icon" href="${iconData}" />
    <style>${style}</style>
    <script type="module">${script}</script>
  </head>
  <body data-jwt-inspector="app"></body>
</html>
`;
writeFileSync(join(dir, 'jwt-inspector.html'), offline);
console.log(`postbuild: index.html (CSP, ${bootName}), embed.html, widget.js, jwt-inspector.html (${offline.length} bytes)`);

