#!/usr/bin/env bash
# Prepares this Debian machine for the Windows build and its tests under Wine (issue 17).
# Idempotent: installs only what is missing, makes the Wine prefix only once.
#   scripts/windows/setup.sh           cross compiler, Rust target, Wine + prefix, NSIS
#   WINE32=1 scripts/windows/setup.sh  also 32-bit Wine (i386), to run the NSIS installer, whose
#                                      stub is 32-bit; the tests do not need it
# The Wine prefix lives outside the clone (WINEPREFIX, default /var/tmp/avg-borging-wine) and gets
# the test-only bcryptprimitives.dll stand-in (see bcryptprimitives.c); it is never shipped.
set -euo pipefail
cd "$(dirname "$0")/../.."

export WINEPREFIX="${WINEPREFIX:-/var/tmp/avg-borging-wine}"
packages=(gcc-mingw-w64-x86-64 wine wine64 nsis zip)
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ "${WINE32:-0}" = 1 ]; then
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    as_root dpkg --add-architecture i386
    need_update=1
    # Taken back when the install fails: an i386 index that cannot be fetched (seen during a
    # mirror sync) would otherwise make every later `apt-get update` fail, also install-deps.sh's.
    trap 'if [ $? -ne 0 ]; then as_root dpkg --remove-architecture i386 || true; fi' EXIT
  fi
  packages+=(wine32:i386)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] || [ "${need_update:-0}" = 1 ]; then
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
