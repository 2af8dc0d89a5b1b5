#!/usr/bin/env bash
# Sets up what is missing, then runs every check: format, lints, native tests, wasm tests in
# headless Chromium, the release build, and the end-to-end browser tests of the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

step() { printf '\n\033[1;32m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native and wasm)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The release build's split points (src/on_demand.rs under --cfg jwt_split), in their own target
# directory: a failure there would otherwise only show as the release build's plain fallback.
CARGO_TARGET_DIR=target/split-check RUSTFLAGS="--cfg erase_components --cfg jwt_split" \
  cargo clippy --target wasm32-unknown-unknown -- -D warnings

step "native tests (core, vectors, properties)"
cargo test --workspace

step "wasm component tests in headless Chromium"
# Built with WebAssembly SIMD, as the release build is (scripts/release-build.sh), so the core's
# vector paths run here too (tests/core_in_wasm.rs); the flags repeat .cargo/config.toml's,
# which an environment value replaces.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Ctarget-feature=+simd128" \
  cargo test --target wasm32-unknown-unknown --test web --test webcrypto --test core_in_wasm

step "release build (standard library rebuilt for size; plain build if that fails)"
bash scripts/release-build.sh

step "end-to-end tests (Playwright, Debian Chromium)"
(cd e2e && npx playwright test)
