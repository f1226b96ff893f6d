#!/usr/bin/env bash
# `make windows`: the Windows build, made on Linux (x86_64-pc-windows-gnu, mingw). Writes to dist/:
#   avg-borging-<version>-windows-x64.zip        avg-borging.exe (the window), avg-borging-cli.exe
#                                                (the command line, console program), WebView2Loader.dll
#   avg-borging-<version>-windows-x64-setup.exe  the per-user installer (scripts/windows/installer.nsi)
# Stripped release binaries. Nothing is downloaded at build time beyond crates.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/windows/setup.sh

target=x86_64-pc-windows-gnu
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/avg-borging-target-win}"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
name="avg-borging-$version-windows-x64"
stage="dist/$name"

make ui >/dev/null
start=$(date +%s)
cargo build --release --locked --target "$target" -p avg-borging --bins
echo "Release build: $(($(date +%s) - start)) s"

loader=$(scripts/windows/webview2-loader.sh)
rm -rf "$stage" "dist/$name.zip" "dist/$name-setup.exe"
mkdir -p "$stage"
for exe in avg-borging avg-borging-cli; do
  x86_64-w64-mingw32-strip -o "$stage/$exe.exe" "$CARGO_TARGET_DIR/$target/release/$exe.exe"
done
cp "$loader" "$stage/"
(cd "$stage" && zip -q -9 "../$name.zip" ./*)

size_kb=$(du -sk "$stage" | cut -f1)
# makensis runs in the script's folder: absolute paths.
makensis -V2 -DVERSION="$version" -DSTAGE="$PWD/$stage" -DOUTFILE="$PWD/dist/$name-setup.exe" \
  -DICON="$PWD/src-tauri/icons/icon.ico" -DSIZE_KB="$size_kb" scripts/windows/installer.nsi
ls -l "$stage" "dist/$name.zip" "dist/$name-setup.exe"
# The installer just written, installed and uninstalled as the user under Wine.
scripts/windows/installer-test.sh --setup "dist/$name-setup.exe"
