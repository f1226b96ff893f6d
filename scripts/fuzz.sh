#!/usr/bin/env bash
# Fuzzes the import (issue 6, promise 5): `scripts/fuzz.sh [SECONDS]` (default 60).
#
# Installs cargo-fuzz when it is missing, writes the seed corpus (real exports and other
# workbooks, made in code by the test `fuzz_seeds`), builds the target `import` (fuzz/) with
# libFuzzer's coverage instrumentation on stable Rust (`--sanitizer none`), and runs it for the
# given time. The growing corpus stays in fuzz/corpus/import (not committed); a crash is saved in
# fuzz/artifacts/import/: copy it to fuzz/regressions/import/ once fixed, and CI replays it.
# Environment: FUZZ_KEEP_GOING=1 (do not stop at the first finding: fork mode, every crash, hang
# and out-of-memory saved in fuzz/artifacts/import/), FUZZ_RSS_MB (memory limit, default 2048),
# CARGO_TARGET_DIR (default target/), FUZZ_TARGET_DIR (default fuzz/target).
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install --locked cargo-fuzz
fi

seeds="$root/fuzz/seeds/import"
corpus="$root/fuzz/corpus/import"
artifacts="$root/fuzz/artifacts/import"
mkdir -p "$seeds" "$corpus" "$artifacts"
FUZZ_SEEDS_DIR="$seeds" cargo test -p criteria --test core --locked fuzz_seeds -- --quiet

target_dir="${FUZZ_TARGET_DIR:-$root/fuzz/target}"
flags=(--sanitizer none -O --target-dir "$target_dir")
cargo fuzz build "${flags[@]}" import
keep_going=()
if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    keep_going=(-fork=1 -ignore_ooms=1 -ignore_crashes=1 -ignore_timeouts=1)
fi
echo "Fuzzing the import for ${seconds} s (corpus: $corpus)"
cargo fuzz run "${flags[@]}" import "$corpus" "$seeds" -- \
    -max_total_time="$seconds" \
    -timeout=20 \
    -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
    -max_len=200000 \
    -artifact_prefix="$artifacts/" \
    -print_final_stats=1 \
    "${keep_going[@]}"
