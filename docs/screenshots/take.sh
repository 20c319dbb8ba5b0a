#!/bin/sh
# Takes the seven wizard screenshots in this folder: runs target/ferry.jar under Xvfb on a Chinook
# file, rehearsing on Ferry's private PostgreSQL, and drives it with the keyboard only (Enter for
# Next, mnemonics, Tab), which doubles as a check that the wizard works without a mouse.
# Needs: xvfb, xdotool, imagemagick (import); build first: ./mvnw -B -q -o -DskipTests package
#   sh docs/screenshots/take.sh [path/to/chinook.sqlite]
# FERRY_SIZE=900x600 takes them at another window size (default 1280x800); FERRY_SHOTS=DIR elsewhere.
# 08-app-sql.png, the step after Results, comes from take-app.sh beside this script.
set -eu
cd "$(dirname "$0")/../.."
DB=$(realpath "${1:-/work/shared/testdata/chinook.sqlite}")
OUT=${FERRY_SHOTS:-docs/screenshots}
export HOME=$(mktemp -d)   # fresh settings: no recent files or profiles from earlier runs
if [ "${FERRY_DARK:-}" = 1 ]; then  # FERRY_DARK=1 takes them in the dark theme
    mkdir -p "$HOME/.local/state/ferry" && echo "theme.dark=true" > "$HOME/.local/state/ferry/settings.properties"
fi
SIZE=${FERRY_SIZE:-1280x800}
W=${SIZE%x*}; H=${SIZE#*x}
export DISPLAY=${FERRY_DISPLAY:-:93}   # FERRY_DISPLAY=:94 when another X server already uses :93
Xvfb "$DISPLAY" -screen 0 "${W}x${H}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill "$APP" "$XVFB" 2>/dev/null || true; rm -rf "$HOME"' EXIT
sleep 2
java -Duser.home="$HOME" ${FERRY_JAVA_OPTS:-} -jar target/ferry.jar >"$HOME/app.log" 2>&1 &
APP=$!

WIN=""
for i in $(seq 1 60); do
    WIN=$(xdotool search --name '^Ferry$' 2>/dev/null | head -1 || true)
    [ -n "$WIN" ] && break
    sleep 1
done
[ -n "$WIN" ] || { echo "the window did not open"; cat "$HOME/app.log"; exit 1; }
xdotool windowsize "$WIN" "$W" "$H" windowmove "$WIN" 0 0 windowfocus "$WIN"
sleep 2

shot() { sleep "$2"; import -window root "$OUT/$1.png"; echo "$OUT/$1.png"; }
key() { xdotool windowfocus "$WIN" key --delay 120 "$@"; }

shot 01-welcome 1
key Return                      # Start
sleep 1
key Tab                         # from "Choose a file…" to the path field
xdotool type --delay 20 "$DB"
key Return
shot 02-source 3
key Return                      # Next
sleep 1
key alt+r space                 # Alt+R reaches "Rehearse on a private temporary PostgreSQL", Space ticks it
shot 03-target 1
key alt+n                       # Next (Enter would untick the focused check box)
shot 04-review 6
key Return
shot 05-options 2
key Return                      # Start migration
shot 06-migrate 25
key Return                      # See the results
shot 07-results 2
