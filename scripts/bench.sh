#!/usr/bin/env bash
# All benchmarks of issue 7 in one command, from a fresh clone:
#   scripts/bench.sh            # full run (about 10 minutes on 2 cores, most of it release builds)
#   BENCH_STARTS=3 scripts/bench.sh   # fewer app starts
# Writes the raw results to target/bench/ (floor.txt, ui.json, sizes.txt) and prints a summary.
# Timings are not asserted anywhere; copy the figures into docs/benchmarks.md with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
out="target/bench"
mkdir -p "$out"

scripts/install-deps.sh test
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  npm ci --prefix ui
fi
npm run --prefix ui build

echo "== machine"
{
  grep -m1 "model name" /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
  rustc --version
  dpkg-query -W -f='webkit2gtk ${Version}\n' libwebkit2gtk-4.1-0 2>/dev/null || true
} | tee "$out/machine.txt"

echo "== import, export, overview, comparison, answer change (criteria/benches/floor.rs)"
cargo bench -p criteria --bench floor --locked | tee "$out/floor.txt"

echo "== release build and .deb bundle (tauri build --bundles deb)"
ui/node_modules/.bin/tauri build --bundles deb
binary="$target/release/avg-borging"
deb="$(ls -t "$target"/release/bundle/deb/*.deb | head -n1)"
{
  echo "release binary: $(stat -c %s "$binary") bytes"
  echo "deb bundle: $(stat -c %s "$deb") bytes ($(basename "$deb"))"
} | tee "$out/sizes.txt"

echo "== app start, memory and filtering 1,000 criteria (release build, real WebKit, Xvfb)"
AVG_BORGING_APP="$(realpath "$binary")" BENCH_STARTS="${BENCH_STARTS:-10}" \
  BENCH_OUT="$(realpath "$out")/ui.json" \
  dbus-run-session -- xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" \
  cargo test -p e2e --test app --locked -- --test-threads=1 --nocapture \
  performance::a_thousand_criteria_open_and_filter_measured_and_printed
cat "$out/ui.json"
