#!/usr/bin/env bash
# Prepares this Debian machine for the Windows build and its tests under Wine (issue 17).
# Idempotent: installs only what is missing, makes the Wine prefix only once.
#   scripts/windows/setup.sh           cross compiler, Rust target, 64-bit Wine + prefix, NSIS
# (The installer is a 64-bit NSIS stub, so 32-bit Wine, wine32:i386, is not needed.)
# The Wine prefix lives outside the clone (WINEPREFIX, default /var/tmp/avg-borging-wine) and gets
# the test-only bcryptprimitives.dll stand-in (see bcryptprimitives.c); it is never shipped.
set -euo pipefail
cd "$(dirname "$0")/../.."

export WINEPREFIX="${WINEPREFIX:-/var/tmp/avg-borging-wine}"
packages=(gcc-mingw-w64-x86-64 wine wine64 nsis zip)

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

if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
  rustup target add x86_64-pc-windows-gnu
fi

# A fresh prefix, without Mono/Gecko prompts (not needed: nothing here uses .NET or a browser).
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "Making the Wine prefix $WINEPREFIX"
  mkdir -p "$WINEPREFIX"
  WINEDLLOVERRIDES="mscoree,mshtml=" WINEDEBUG=-all wineboot --init >/dev/null 2>&1
  wineserver -w
fi

# The stand-in for bcryptprimitives.dll; rebuilt when its source changed.
dll="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
if [ ! -f "$dll" ] || [ scripts/windows/bcryptprimitives.c -nt "$dll" ]; then
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$dll" scripts/windows/bcryptprimitives.c
  echo "Built the test-only bcryptprimitives.dll into $dll"
fi
