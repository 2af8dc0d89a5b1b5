#!/usr/bin/env bash
# The release browser build, smaller: Trunk with the standard library rebuilt for size.
#   bash scripts/release-build.sh [trunk build args]     # trunk build --release …
#   bash scripts/release-build.sh serve [trunk serve args]  # trunk serve --release …
#   RELEASE_BUILD=plain bash scripts/release-build.sh …  # the plain build, without the size flags
#
# The size build recompiles std for size with its panic machinery removed (about 10 % smaller
# module, see README "Building for size"). It needs nightly-only options, which the stable
# toolchain accepts under RUSTC_BOOTSTRAP=1, and the rust-src component (scripts/setup.sh installs
# it). If the toolchain refuses one of the options, or the size build fails, this script says so
# and makes the plain build instead, so a future toolchain cannot break the site.
#
# Only the release browser build uses it. Tests, clippy and native builds never see these flags:
# they live in this process's environment only, and the size build has its own target directory
# (target/size), so it never invalidates the cache of the others.
# The size build is also split: the code behind src/on_demand.rs (key readers, public-key
# verification, signing) becomes a second module that the page loads only when it needs it
# (build/split.mjs, with wasm-split-cli). The plain build is one module.
#
# Expects the tools scripts/setup.sh installs (trunk, wasm-bindgen, wasm-opt, wasm-split-cli,
# esbuild in build/).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
say() { printf '\033[1;36m[release-build]\033[0m %s\n' "$*" >&2; }

# The tools scripts/setup.sh installs, in case the caller did not source it: without wasm-opt on
# PATH, Trunk tries to download one, which fails offline.
export PATH="$repo/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
command -v wasm-opt >/dev/null || say "warning: wasm-opt is not on PATH; run . scripts/setup.sh first"

mode=build
if [ "${1:-}" = serve ] || [ "${1:-}" = build ]; then mode="$1"; shift; fi

# .cargo/config.toml's rustflags for wasm32 (`--cfg erase_components`) are replaced by an
# environment value, so the size flags repeat them. `+simd128` lets LLVM use WebAssembly's 128-bit
# vectors (the byte checks, base64 and hashing loops): the main module is 2.4 KB brotli smaller
# (README "Building for size"); every current browser has had it since 2023 (Chrome 91,
# Firefox 89, Safari 16.4). The plain fallback build stays without it.
config_rustflags="--cfg erase_components"
size_rustflags="$config_rustflags -Ctarget-feature=+simd128 -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
# The split points (`--cfg jwt_split`), and the relocations wasm-split-cli reads to split.
split_rustflags="--cfg jwt_split -Clink-args=--emit-relocs"

# The size build's environment. Cargo reads its `[unstable]` settings from CARGO_UNSTABLE_*.
export_size_env() {
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$size_rustflags"
  export CARGO_TARGET_DIR="$repo/target/size"
  if command -v wasm-split-cli >/dev/null; then
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$size_rustflags $split_rustflags"
    export JWT_SPLIT=1
    # The one-file page inlines everything, so it gets the same code as one module. Its target
    # directory is inside target/size, which `trunk serve` does not watch (outside it, every
    # build would trigger the next).
    export JWT_SINGLE_RUSTFLAGS="$size_rustflags"
    export JWT_SINGLE_TARGET_DIR="$repo/target/size/single"
  else
    say "wasm-split-cli is not installed (. scripts/setup.sh): one module, not split"
  fi
}

# Checks, in about a second, that this toolchain still takes every size option: rustc parses the
# flags, rust-src is there, and std still has the optimize_for_size feature. Prints why not.
size_build_possible() {
  local sysroot src
  sysroot="$(rustc --print sysroot)"
  src="$sysroot/lib/rustlib/src/rust/library"
  if [ ! -f "$src/std/Cargo.toml" ]; then
    echo "the rust-src component is missing (rustup component add rust-src)"
    return 1
  fi
  if ! grep -q '^optimize_for_size' "$src/std/Cargo.toml"; then
    echo "std has no optimize_for_size feature in this toolchain"
    return 1
  fi
  local err
  # shellcheck disable=SC2086 # the flags are words
  if ! err="$(RUSTC_BOOTSTRAP=1 rustc $size_rustflags --target wasm32-unknown-unknown --crate-type lib --print cfg - </dev/null 2>&1 >/dev/null)"; then
    echo "rustc refuses a size flag: $(printf '%s' "$err" | head -n 3)"
    return 1
  fi
}

plain() {
  say "plain build: trunk $mode --release $*"
  exec trunk "$mode" --release "$@"
}

if [ "${RELEASE_BUILD:-size}" = plain ]; then
  plain "$@"
fi
if ! why="$(size_build_possible)"; then
  say "size build not possible: $why"
  say "falling back to the plain release build (the module is about 10 % larger; see README \"Building for size\")"
  plain "$@"
fi

if [ "$mode" = serve ]; then
  say "size build: trunk serve --release $* (target dir target/size)"
  export_size_env
  exec trunk serve --release "$@"
fi

say "size build: trunk build --release $* (target dir target/size)"
if (export_size_env && trunk build --release "$@"); then
  exit 0
fi
say "the size build failed (output above); falling back to the plain release build."
say "The site still works, its module is about 10 % larger. To skip the size build: RELEASE_BUILD=plain."
plain "$@"
