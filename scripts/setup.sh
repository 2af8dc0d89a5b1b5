#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping whatever is already present.
# Safe to run again and again; when all tools are there it takes about a second.
#
# Installs: Debian packages chromium, chromium-driver, brotli (and nodejs/npm if missing);
# the wasm32-unknown-unknown Rust target, rustfmt, clippy and rust-src; trunk 0.21.14, the
# wasm-bindgen-cli matching Cargo.lock and wasm-split-cli 0.2.4 (cargo install); npm packages in e2e/ (Playwright,
# axe-core, binaryen's wasm-opt), without any browser download; esbuild in build/ (npm ci).
#
# Source it (`. scripts/setup.sh`) to also get the tools on PATH in the current shell.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo/Cargo.lock")"

export PATH="$repo/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMEDRIVER=/usr/bin/chromedriver

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# 1. Debian packages.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Rust target and components.
if ! command -v cargo >/dev/null; then
  echo "Rust is required: install it with rustup (https://rustup.rs) and run this again." >&2
  exit 1
fi
rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
command -v rustfmt >/dev/null || rustup component add rustfmt
cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
# The standard library's source, for the release browser build's size build (scripts/release-build.sh).
# Not fatal: without it scripts/release-build.sh says so and makes the plain build.
rustup component list --installed | grep -q '^rust-src' || { say "rustup component add rust-src"; rustup component add rust-src || say "could not install rust-src: release builds will be plain (about 10 % larger)"; }

# 3. Trunk and wasm-bindgen-cli, pinned (Trunk would otherwise try to download them).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "cargo install trunk@$TRUNK_VERSION (about 8 minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "cargo install wasm-bindgen-cli@$WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lock file names a crate version the registry no longer has.
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi
# wasm-split-cli splits the release module (build/split.mjs); Leptos's #[lazy] uses the same crate.
if ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "cargo install wasm_split_cli_support@$WASM_SPLIT_VERSION (about a minute, once)"
  cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

# 4. npm packages (Playwright, axe-core, wasm-opt from binaryen). Debian's wasm-opt 108 breaks the module.
stamp="$repo/e2e/node_modules/.installed-lock"
if [ ! -x "$repo/e2e/node_modules/.bin/wasm-opt" ] || ! cmp -s "$repo/e2e/package-lock.json" "$stamp"; then
  say "npm ci in e2e/"
  (cd "$repo/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$repo/e2e/package-lock.json" "$stamp"
fi

# 5. The build's own npm tools (esbuild, which build/postbuild.mjs uses to minify), from build/'s lock file.
stamp="$repo/build/node_modules/.installed-lock"
if [ ! -d "$repo/build/node_modules/esbuild" ] || ! cmp -s "$repo/build/package-lock.json" "$stamp"; then
  say "npm ci in build/"
  (cd "$repo/build" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$repo/build/package-lock.json" "$stamp"
fi
