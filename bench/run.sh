#!/usr/bin/env bash
# jwt-inspector performance benchmark: one command, 3-5 minutes when the wasm build is incremental.
#   bash bench/run.sh            # full run; writes target/bench/report.md and report.json
#   BENCH_QUICK=1 bash bench/run.sh   # smoke run, few repetitions; writes report-quick.md/.json
#   BENCH_SKIP_BUILD=1 ...       # reuse target/bench/dist from a previous run
# See bench/README.md for what is measured and how.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$repo/bench"
out="$repo/target/bench"
cd "$repo"
# Tools: trunk, wasm-bindgen, wasm-opt (npm binaryen), Debian's chromium; installs only what is missing.
. scripts/setup.sh
say() { printf '\033[1;35m[bench]\033[0m %s\n' "$*" >&2; }
mkdir -p "$out"

# 1. npm packages of the benchmark (exact versions, from the committed lock file).
stamp="$bench/node_modules/.installed-lock"
if [ ! -d "$bench/node_modules/jose" ] || ! cmp -s "$bench/package-lock.json" "$stamp"; then
  say "npm ci in bench/"
  (cd "$bench" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$bench/package-lock.json" "$stamp"
fi

# 2. The release site, in the benchmark's own directory.
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$out/dist/index.html" ]; then
  say "reusing $out/dist (BENCH_SKIP_BUILD=1)"
else
  say "scripts/release-build.sh --dist $out/dist (the release site's own build)"
  if ! bash scripts/release-build.sh --dist "$out/dist" >"$out/trunk.log" 2>&1; then
    cat "$out/trunk.log" >&2
    say "trunk build failed (log above, also in $out/trunk.log)"
    exit 1
  fi
  grep -E 'release-build|postbuild:|success' "$out/trunk.log" | tail -n 4 >&2 || true
fi

# 3. The peer page: jose and jwt-decode bundled by esbuild, served at /peer/ beside the site.
say "esbuild: peer page (jose, jwt-decode)"
mkdir -p "$out/peer"
"$bench/node_modules/.bin/esbuild" "$bench/peer/entry.js" --bundle --format=esm --minify --platform=browser \
  --target=es2022 --outfile="$out/peer/peer.js" --log-level=warning
cp "$bench/peer/index.html" "$out/peer/index.html"

# 4. The native HMAC baseline, compiled ahead so its build does not overlap the measurements.
say "cargo build --release -p jwt-core --example hmac_rate"
cargo build --quiet --release -p jwt-core --example hmac_rate

# 5. Measure (starts its own static server and Chromium), print and write the report.
say "measuring (weight, loads, reaction, engine, peers, audit rate)"
node "$bench/bench.mjs"
