// The split build's module step, for build/postbuild.mjs: the key readers, public-key
// verification, signing and key generation (src/on_demand.rs) become a second WebAssembly file
// that the page fetches the first time it needs one of them, so that a page showing HMAC tokens
// never downloads them.
//
// Trunk builds and binds the module as usual; this step starts again from Cargo's output, which
// the split build (scripts/release-build.sh: `--cfg jwt_split`, linked with `--emit-relocs`)
// leaves in $CARGO_TARGET_DIR, and
//  1. splits it with wasm-split-cli (the `wasm_split_cli_support` crate, which Leptos's
//     `#[lazy]` uses too): the main module, one chunk per split module, and a loader script;
//  2. binds the main module with wasm-bindgen, as Trunk does, keeping the exports the chunk links
//     to (`--keep-lld-exports`);
//  3. takes out the exports no page uses (build/unused-exports.mjs), and optimises every part
//     with wasm-opt, as Trunk does (the same level and parameters);
//  4. writes them over Trunk's glue and module, under Trunk's names, with the chunks and the
//     loader beside them. The loader fetches each chunk with its subresource integrity.
// The one-file page, which carries every part inline anyway, gets the code as one module
// (`singleModule`, a second Cargo build without the split points).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropUnused } from './unused-exports.mjs';

const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
// The features rustc's wasm32 target enables, and simd128, which scripts/release-build.sh adds to
// the size build; the split files carry no target-features section for wasm-opt to read them from.
const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue', 'simd']
  .map((f) => `--enable-${f}`);

/**
 * Splits Cargo's module and writes the result over Trunk's `glue` and `wasm` in `dir`, with the
 * chunks beside them. Returns the loader, for the caller to minify and preload:
 * `{ loader: { name, text } }`.
 */
export function splitModule({ dir, glue, wasm }) {
  const targetDir = process.env.CARGO_TARGET_DIR;
  if (!targetDir) throw new Error('split: CARGO_TARGET_DIR is not set (scripts/release-build.sh sets it)');
  const input = join(targetDir, 'wasm32-unknown-unknown', 'release', 'jwt_inspector.wasm');
  if (!existsSync(input)) throw new Error(`split: no ${input}`);
  const work = mkdtempSync(join(tmpdir(), 'jwt-split-'));
  try {
    run('wasm-split-cli', [input, work, '--out-name', 'main']);
    const bound = join(work, 'bound');
    run('wasm-bindgen', ['--target=web', '--no-typescript', '--keep-lld-exports', `--out-dir=${bound}`, '--out-name=main', join(work, 'main.wasm')]);
    const optimise = (from, to) => run('wasm-opt', [from, '-o', to, '-Oz', '--converge', '--strip-producers', '--strip-target-features', ...features]);
    const boundGlue = dropUnused(join(bound, 'main_bg.wasm'), readFileSync(join(bound, 'main.js'), 'utf8'));
    optimise(join(bound, 'main_bg.wasm'), join(dir, wasm));

    const stem = glue.replace(/\.js$/, '');
    const chunks = readdirSync(work)
      .filter((f) => f.endsWith('.wasm') && f !== 'main.wasm')
      .map((file) => {
        const name = `${stem}-${file.replace(/^split_/, '')}`;
        optimise(join(work, file), join(dir, name));
        return { file, name, integrity: sri(readFileSync(join(dir, name))) };
      });
    if (chunks.length === 0) throw new Error('split: wasm-split-cli wrote no chunk (are the split points compiled in? --cfg jwt_split)');

    // The loader: fetches each chunk by its new name, with its integrity, and links it to the main
    // module's glue.
    let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
    loader = loader.replace(/from "\.\/main\.js"/g, `from "./${glue}"`);
    for (const c of chunks) {
      const fetchOf = `fetch(new URL("./${c.file}", import.meta.url))`;
      if (!loader.includes(fetchOf)) throw new Error(`split: the loader does not fetch ${c.file} as expected`);
      loader = loader.replace(fetchOf, `fetch(new URL("./${c.name}", import.meta.url), { integrity: "${c.integrity}" })`);
    }
    const loaderName = `${stem}-split.js`;

    // The glue imports the loader under wasm-split's placeholder path; the import object keeps
    // the module name the main module asks for.
    let glueSource = boundGlue;
    const placeholder = /from "\.\/__wasm_split\.js"/g;
    if (!placeholder.test(glueSource)) throw new Error('split: the glue does not import the loader');
    glueSource = glueSource.replace(placeholder, `from "./${loaderName}"`).replace(/main_bg\.wasm/g, wasm);
    writeFileSync(join(dir, glue), glueSource);
    // The main module before wasm-opt (it still has names) and its glue, for bench/load-profile.mjs.
    const named = join(targetDir, 'wasm-split');
    mkdirSync(named, { recursive: true });
    copyFileSync(join(bound, 'main_bg.wasm'), join(named, 'jwt-inspector_bg.wasm'));
    writeFileSync(join(named, 'jwt-inspector.js'), glueSource);
    return { loader: { name: loaderName, text: loader } };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The same code as one module, for the one-file page: it carries every part inline, so splitting
 * would only add the split's overhead to it. Builds the library again without the split points
 * (`JWT_SINGLE_RUSTFLAGS`, set by scripts/release-build.sh, in its own target directory), binds
 * and optimises it as Trunk does. Returns `{ glueSource, wasmBytes }`.
 */
export function singleModule() {
  const rustflags = process.env.JWT_SINGLE_RUSTFLAGS;
  const targetDir = process.env.JWT_SINGLE_TARGET_DIR;
  if (!rustflags || !targetDir) throw new Error('split: JWT_SINGLE_RUSTFLAGS and JWT_SINGLE_TARGET_DIR are not set (scripts/release-build.sh sets them)');
  const root = new URL('..', import.meta.url).pathname;
  execFileSync('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown', '--manifest-path', join(root, 'Cargo.toml')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CARGO_TARGET_DIR: targetDir, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: rustflags },
  });
  const work = mkdtempSync(join(tmpdir(), 'jwt-single-'));
  try {
    const input = join(targetDir, 'wasm32-unknown-unknown', 'release', 'jwt_inspector.wasm');
    run('wasm-bindgen', ['--target=web', '--no-typescript', `--out-dir=${work}`, '--out-name=single', input]);
    const glueSource = dropUnused(join(work, 'single_bg.wasm'), readFileSync(join(work, 'single.js'), 'utf8'));
    run('wasm-opt', [join(work, 'single_bg.wasm'), '-o', join(work, 'opt.wasm'), '-Oz', '--converge', '--strip-producers', '--strip-target-features', ...features]);
    return { glueSource, wasmBytes: readFileSync(join(work, 'opt.wasm')) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
