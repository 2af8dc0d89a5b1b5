#!/usr/bin/env bash
# Fuzzes jwt-core: runs every cargo-fuzz target in crates/jwt-core/fuzz one after another.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]
#
# Defaults: 60 seconds each, all targets (inspect segments b64url json secret keys). Installs cargo-fuzz
# when missing. Works on stable Rust through RUSTC_BOOTSTRAP=1 (cargo-fuzz passes nightly -Z flags
# for the sanitizer and coverage). Set FUZZ_SANITIZER=none to build without AddressSanitizer
# (faster, still catches panics), FUZZ_JOBS to run several workers per target.
# Exits non-zero as soon as a target finds a crash; the input is in
# crates/jwt-core/fuzz/artifacts/<target>/ and libFuzzer prints how to reproduce it.
set -euo pipefail
cd "$(dirname "$0")/../crates/jwt-core/fuzz"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(inspect segments b64url json secret keys)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "Installing cargo-fuzz…"
  cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
sanitizer="${FUZZ_SANITIZER:-address}"
parallel=()
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
  # libFuzzer then writes each worker's output to fuzz-<n>.log here.
  parallel=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
fi

for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  # A target may have its own dictionary (<target>.dict); the others share jwt.dict.
  dict=jwt.dict
  if [ -f "$target.dict" ]; then
    dict="$target.dict"
  fi
  echo "=== $target: ${seconds}s (sanitizer: $sanitizer) ==="
  # corpus/<target> collects new inputs; seeds/<target> is read-only starting material.
  cargo fuzz run --sanitizer "$sanitizer" "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -dict="$dict" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "${parallel[@]}"
done
echo "All targets ran ${seconds}s without a crash."
