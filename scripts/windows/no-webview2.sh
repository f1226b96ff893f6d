#!/usr/bin/env bash
# The window program where WebView2 is missing (the Wine prefix has none): it must say so in
# Dutch and exit 1, not show Tauri's English dialog, panic or hang. Run by test.sh.
#   scripts/windows/no-webview2.sh PATH/avg-borging.exe
# Without a display: the message on stderr. Under Xvfb (when xvfb-run and xdotool exist): a
# message box with the message; OK ends the program.
set -euo pipefail
exe=$1
export WINEPREFIX="${WINEPREFIX:-/var/tmp/avg-borging-wine}" WINEDEBUG="${WINEDEBUG:--all}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AVG_BORGING_DB="$work/avg-borging.sqlite3"
expected="de Microsoft Edge WebView2 Runtime ontbreekt op deze computer"
failed=0

status=0
env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 wine "$exe" >/dev/null 2>"$work/err" || status=$?
if [ "$status" -eq 1 ] && grep -q "$expected" "$work/err"; then
  echo "ok: without a display: exit 1, Dutch message on stderr"
else
  echo "FAILED: without a display: exit $status (124 = hung), stderr:" >&2
  cat "$work/err" >&2
  failed=1
fi

if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null; then
  # A Wine session started without a display stays headless while its wineserver lives.
  WINEPREFIX="$WINEPREFIX" wineserver -k 2>/dev/null || true
  WINEPREFIX="$WINEPREFIX" wineserver -w 2>/dev/null || true
  cat >"$work/box.sh" <<'INNER'
wine "$1" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  window=$(xdotool search --name "AVG-borging kan niet starten" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 1
done
[ -n "$window" ] || { echo "no message box" >&2; kill "$pid"; exit 10; }
# OK (Return) must end the program.
xdotool key --window "$window" Return 2>/dev/null
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && { echo "still running after OK" >&2; kill "$pid"; exit 11; }
wait "$pid"
INNER
  status=0
  xvfb-run -a -s "-screen 0 1024x768x24" bash "$work/box.sh" "$exe" || status=$?
  if [ "$status" -eq 1 ]; then
    echo "ok: with a display: the Dutch message box, exit 1 after OK"
  else
    echo "FAILED: with a display: exit $status" >&2
    failed=1
  fi
fi
exit "$failed"
