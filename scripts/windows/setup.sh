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
# The Debian packages (only those missing), the same way as the app's.
scripts/install-deps.sh windows

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
