#!/usr/bin/env bash
# Prints the path of the WebView2Loader.dll that the webview2-com-sys crate in Cargo.lock ships
# (its x64 copy). On the gnu target the exe imports it, so it must sit next to every .exe that
# links Tauri: the release zip, and the test binaries under Wine.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo metadata --locked --format-version 1 --filter-platform x86_64-pc-windows-gnu |
  python3 -c 'import json, os, sys
found = [p for p in json.load(sys.stdin)["packages"] if p["name"] == "webview2-com-sys"]
print(os.path.join(os.path.dirname(found[0]["manifest_path"]), "x64", "WebView2Loader.dll"))'
