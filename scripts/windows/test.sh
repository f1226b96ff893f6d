#!/usr/bin/env bash
# `make windows-test`: clippy for Windows, then the core's tests and the command line's tests (its
# contract against the real .exe files, and the shell's unit tests) cross-built for Windows
# (x86_64-pc-windows-gnu) and run under Wine, then the window program without WebView2
# (no-webview2.sh) and the installer around the built programs (installer-test.sh). `.ci/run`
# runs it after `make test` (see README, "Windows"; docs/windows.md).
# Tests that need Unix tools (prlimit, unshare, sh) are marked ignored on Windows and listed as
# such by name in cargo's output. Prints the build (with clippy) and run times.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/windows/setup.sh

target=x86_64-pc-windows-gnu
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/avg-borging-target-win}"
# No incremental caches: about 0.75 GB that a test run does not gain from.
export CARGO_INCREMENTAL=0
export WINEPREFIX="${WINEPREFIX:-/var/tmp/avg-borging-wine}"
export WINEDEBUG="${WINEDEBUG:--all}"
# cargo runs each test binary (and the tests run the .exe files they spawn) through Wine.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
# A Windows test binary sees the Unix paths cargo compiled in as \var\tmp\…, which Wine's
# current drive (Z:, the Unix root) resolves; temp files go to the prefix's own temp folder.
cargo=(cargo test --locked --target "$target")

# The shell embeds the built front end (tauri.conf.json: frontendDist).
make ui >/dev/null

seconds() { date +%s.%N; }
start=$(seconds)
# The Windows-only code (cfg(windows)) gets the same lints as the rest; the end-to-end tests
# drive WebKitGTK and are Linux-only.
cargo clippy --workspace --exclude e2e --all-targets --locked --target "$target" -- -D warnings
"${cargo[@]}" -p criteria --no-run
"${cargo[@]}" -p avg-borging --no-run
# The exe files that link Tauri import WebView2Loader.dll from their own folder.
loader=$(scripts/windows/webview2-loader.sh)
for dir in "$CARGO_TARGET_DIR/$target/debug" "$CARGO_TARGET_DIR/$target/debug/deps"; do
  cp "$loader" "$dir/"
done
built=$(seconds)

status=0
# The unit tests and the integration tests of the core; the shell's unit tests (IPC access
# control, generated files) and the command-line contract (tests/cli.rs).
"${cargo[@]}" -p criteria --lib --tests -- "$@" || status=$?
"${cargo[@]}" -p avg-borging --tests -- "$@" || status=$?
# The window program where WebView2 is missing, as in this Wine prefix.
scripts/windows/no-webview2.sh "$CARGO_TARGET_DIR/$target/debug/avg-borging.exe" || status=$?
# The installer (installer.nsi) around these programs, installed and uninstalled as the user.
stage=$(mktemp -d)
for exe in avg-borging avg-borging-cli; do
  x86_64-w64-mingw32-strip -o "$stage/$exe.exe" "$CARGO_TARGET_DIR/$target/debug/$exe.exe"
done
cp "$loader" "$stage/"
scripts/windows/installer-test.sh "$stage" || status=$?
rm -rf "$stage"
ran=$(seconds)

awk -v s="$start" -v b="$built" -v r="$ran" \
  'BEGIN { printf "Windows tests: build %.0f s, run under Wine %.0f s\n", b - s, r - b }'
wineserver -k 2>/dev/null || true
exit "$status"
