#!/bin/sh
# Takes the wizard's screenshots in this folder: runs target/ferry.jar under Xvfb and drives it with
# the keyboard only (Enter for Next, mnemonics, Tab), which doubles as a check that the wizard works
# without a mouse. Three runs, each rehearsing on Ferry's private PostgreSQL:
#   01 to 07   every step on a Chinook file (the argument, or /work/shared/testdata/chinook.sqlite);
#   04b, 07b   Review's "Things to know" and Results on a file with problems (problems.sql beside
#              this script, built with sqlite3: a word in an INTEGER column, text that is not UTF-8,
#              a full-text table, a 0/1 flag, date-time text, a column of mixed values with a blob);
#   08         the step after Results, "Your app's SQL", from take-app.sh beside this script.
# Needs: xvfb, xdotool, imagemagick (import), sqlite3; build first: ./mvnw -B -q -o -DskipTests package
#   FERRY_SHOTS=DIR FERRY_SIZE=1366x850 [FERRY_DARK=1] FERRY_DISPLAY=:93 sh docs/screenshots/take.sh [chinook.sqlite]
# FERRY_SHOTS must exist (default: this folder); FERRY_SIZE defaults to 1366x850; FERRY_DARK=1 takes
# them in the dark theme; FERRY_DISPLAY names a free X display (default :93).
# The committed sets: this folder (1366x850), dark/, small/ (900x600) and small-dark/.
set -eu
# FERRY_SLOW=N waits N times longer at each step, for a machine under load (keys sent too early go astray)
nap() { sleep $(($1 * ${FERRY_SLOW:-1})); }
cd "$(dirname "$0")/../.."
DB=$(realpath "${1:-/work/shared/testdata/chinook.sqlite}")
OUT=${FERRY_SHOTS:-docs/screenshots}
[ -d "$OUT" ] || { echo "FERRY_SHOTS=$OUT is not a folder; create it first"; exit 2; }
OUT=$(realpath "$OUT")
SIZE=${FERRY_SIZE:-1366x850}
W=${SIZE%x*}; H=${SIZE#*x}
export DISPLAY=${FERRY_DISPLAY:-:93}
export HOME=$(mktemp -d)   # fresh settings: no recent files or profiles from earlier runs
if [ "${FERRY_DARK:-}" = 1 ]; then
    mkdir -p "$HOME/.local/state/ferry" && echo "theme.dark=true" > "$HOME/.local/state/ferry/settings.properties"
fi
PROBLEMS="$HOME/problems.sqlite"
sqlite3 "$PROBLEMS" < docs/screenshots/problems.sql
Xvfb "$DISPLAY" -screen 0 "${W}x${H}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP=""
trap 'kill $APP "$XVFB" 2>/dev/null || true; rm -rf "$HOME"' EXIT
sleep 2

shot() { nap "$2"; import -window root "$OUT/$1.png"; echo "$OUT/$1.png"; }
key() { xdotool windowfocus "$WIN" key --delay 120 "$@"; }

# Starts the wizard and waits for its window, sized to the screen.
open_app() {
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
    nap 2
}

close_app() {
    kill "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
    APP=""
    nap 1
}

# Welcome → Source with FILE read; Source → Target with the private server ticked; → Review.
to_review() {
    key Return                      # Start
    nap 1
    key Tab                         # from "Choose a file…" to the path field
    xdotool type --delay 20 "$1"
    key Return
    [ -z "$2" ] || shot "$2" 3
    [ -n "$2" ] || nap 3
    key Return                      # Next
    nap 1
    key alt+r space                 # Alt+R reaches "Rehearse on a private temporary PostgreSQL", Space ticks it
    [ -z "$3" ] || shot "$3" 1
    key alt+n                       # Next (Enter would untick the focused check box)
}

open_app
shot 01-welcome 1
to_review "$DB" 02-source 03-target
shot 04-review 6
key Return
shot 05-options 2
key Return                      # Start migration
shot 06-migrate 25
key Return                      # See the results
shot 07-results 2
close_app

open_app
to_review "$PROBLEMS" "" ""
shot 04b-review-choices 6      # Review opens on "Things to know" when it has entries
key Return
nap 2
key Return                      # Start migration
nap 20
key Return                      # See the results
shot 07b-results-problems 2
close_app

kill "$XVFB" 2>/dev/null || true
wait "$XVFB" 2>/dev/null || true
nap 1
FERRY_SHOTS="$OUT" FERRY_SIZE="$SIZE" FERRY_DISPLAY="$DISPLAY" sh docs/screenshots/take-app.sh
