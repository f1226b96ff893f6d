#!/usr/bin/env bash
# The per-user installer under Wine, as an FG without admin rights would run it (issue 17):
#   scripts/windows/installer-test.sh STAGE-DIR        builds a test installer from STAGE-DIR
#                                                      (avg-borging.exe, avg-borging-cli.exe,
#                                                      WebView2Loader.dll) with the real
#                                                      installer.nsi, zlib instead of lzma (fast)
#   scripts/windows/installer-test.sh --setup SETUP    runs the installer `make windows` wrote
# Checks: the silent install puts the three files in %LOCALAPPDATA%\Programs\AVG-borging, the
# Start-menu shortcut and the entry in the user's Apps list (HKCU); the installed
# avg-borging-cli.exe keeps its data in %LOCALAPPDATA%\nl.avg-borging.desktop (export, import
# with its backup beside the data, set, overview); the uninstaller removes the program, the
# shortcut and the entry, and leaves the data. Run by test.sh; needs 64-bit Wine only (the
# installer is an amd64 NSIS stub, like the program).
set -euo pipefail
cd "$(dirname "$0")/../.."
export WINEPREFIX="${WINEPREFIX:-/var/tmp/avg-borging-wine}" WINEDEBUG="${WINEDEBUG:--all}"
# The installed program must find its data folder itself.
unset AVG_BORGING_DB

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "${1:-}" = --setup ]; then
  setup=$2
else
  stage=$(cd "$1" && pwd)
  version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
  setup="$work/setup.exe"
  makensis -V1 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$setup" -DCOMPRESSOR=zlib \
    -DICON="$PWD/src-tauri/icons/icon.ico" -DSIZE_KB=1 scripts/windows/installer.nsi
fi

# A Windows path of this prefix's user, as a Unix path.
folder() { winepath -u "$(wine cmd /c echo "%$1%" 2>/dev/null | tr -d '\r')" 2>/dev/null; }
local_app_data=$(folder LOCALAPPDATA)
app_data=$(folder APPDATA)
program="$local_app_data/Programs/AVG-borging"
data="$local_app_data/nl.avg-borging.desktop"
shortcut="$app_data/Microsoft/Windows/Start Menu/Programs/AVG-borging.lnk"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\AVG-borging'
# What an earlier, interrupted run left behind.
rm -rf "$program" "$data" "$shortcut"
wine reg delete "$key" /f >/dev/null 2>&1 || true
wineserver -w

failed=0
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what" >&2; failed=1; fi
}
entry() { wine reg query "$key" /v "$1" 2>/dev/null | tr -d '\r' | grep -q "$2"; }

wine "$setup" /S
wineserver -w
for file in avg-borging.exe avg-borging-cli.exe WebView2Loader.dll verwijderen.exe; do
  check "installed: $file in %LOCALAPPDATA%\\Programs\\AVG-borging" test -f "$program/$file"
done
check "Start-menu shortcut" test -f "$shortcut"
check "Apps list entry: name" entry DisplayName AVG-borging
check "Apps list entry: uninstaller" entry UninstallString 'verwijderen.exe'

# The installed command line, with the data folder it finds itself.
cli() { wine "$program/avg-borging-cli.exe" "$@" 2>&1 | tr -d '\r'; }
workbook=$(winepath -w "$work/criteria.xlsx")
cli export "$workbook" >"$work/out" || true
check "export (the example round of a new database)" test -s "$work/criteria.xlsx"
cli import "$workbook" >>"$work/out" || true
cli set 1.1 geimplementeerd --note "Vastgelegd in het privacybeleid" >>"$work/out" || true
cli overview --json >"$work/overview.json" || true
check "data in %LOCALAPPDATA%\\nl.avg-borging.desktop" test -f "$data/avg-borging.sqlite3"
import_backup() { compgen -G "$data/reservekopieen/avg-borging-*-import.sqlite3" >/dev/null; }
check "the import's backup beside the data" import_backup
check "the overview counts the answer" grep -q '"implemented": *1' "$work/overview.json"

wine "$program/verwijderen.exe" /S
# The uninstaller copies itself to %TEMP% and runs from there: wait for every process.
wineserver -w
check "uninstalled: the program folder is gone" test ! -e "$program"
check "uninstalled: the shortcut is gone" test ! -e "$shortcut"
check "uninstalled: the Apps list entry is gone" \
  bash -c "! wine reg query '$key' >/dev/null 2>&1"
check "uninstalled: the data stays" test -f "$data/avg-borging.sqlite3"

if [ "$failed" -ne 0 ]; then
  echo "The command line said:" >&2
  cat "$work/out" "$work/overview.json" >&2
fi
rm -rf "$data"
exit "$failed"
