#!/usr/bin/env bash
# Installs what AVG-borging needs on Debian/Ubuntu and is not there yet.
#   scripts/install-deps.sh run    packages to build and run the app
#   scripts/install-deps.sh test   also the end-to-end test tools (WebKitWebDriver, Xvfb, tauri-driver)
#   scripts/install-deps.sh windows  only the Windows build's packages (mingw-w64, Wine, NSIS, zip;
#                                    scripts/windows/setup.sh)
# Only installs what is missing; as non-root it uses sudo, or prints the exact line to run.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
packages=(libwebkit2gtk-4.1-dev libxdo-dev libssl-dev librsvg2-dev build-essential pkg-config file)
if [ "$mode" = windows ]; then
  # The cross compiler, 64-bit Wine for the tests and the installer, makensis, zip.
  packages=(gcc-mingw-w64-x86-64 wine wine64 nsis zip)
fi
if [ "$mode" = test ]; then
  # util-linux and mount: prlimit, unshare and mount for the fault-injection tests (criteria/tests/core).
  packages+=(webkit2gtk-driver xvfb xauth xdotool dbus-daemon util-linux mount)
  # poppler-utils: pdftotext and pdfinfo read the rendered report back (criteria/src/report).
  packages+=(poppler-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  install_line="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    sh -c "$install_line"
  elif command -v sudo >/dev/null 2>&1; then
    echo "Installing system packages with sudo: ${missing[*]}"
    sudo sh -c "$install_line"
  else
    echo "These system packages are missing: ${missing[*]}" >&2
    echo "Run as root:  $install_line" >&2
    exit 1
  fi
fi

if [ "$mode" = test ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "Installing tauri-driver (about 2 minutes)"
  cargo install tauri-driver --version 2.1.0 --locked
fi
