#!/bin/sh
# Takes 08-app-sql.png, the step after Results: runs target/ferry.jar under Xvfb, rehearses the
# node-service fixture app's database (node-service.sql beside this script) on Ferry's private
# PostgreSQL, and from Results goes on to "Your app's SQL" with the app's folder pre-filled, all by
# keyboard as take.sh does. The folder comes from -Dferry.appFolder, which only this script sets.
# Needs: xvfb, xdotool, imagemagick (import), sqlite3; build first: ./mvnw -B -q -o -DskipTests package
#   sh docs/screenshots/take-app.sh
# FERRY_SIZE (default 1366x850), FERRY_SHOTS=DIR, FERRY_DARK=1 and FERRY_DISPLAY (default :95) as in take.sh,
# which runs this script at its end.
set -eu
# FERRY_SLOW=N waits N times longer at each step, for a machine under load (keys sent too early go astray)
nap() { sleep $(($1 * ${FERRY_SLOW:-1})); }
cd "$(dirname "$0")/../.."
OUT=${FERRY_SHOTS:-docs/screenshots}
APPDIR=$(realpath src/test/resources/dev/ferry/appcode/node-service)
export HOME=$(mktemp -d)   # fresh settings: no remembered folder, recent files or profiles
DB="$HOME/node-service.db"
sqlite3 "$DB" < docs/screenshots/node-service.sql
if [ "${FERRY_DARK:-}" = 1 ]; then
    mkdir -p "$HOME/.local/state/ferry" && echo "theme.dark=true" > "$HOME/.local/state/ferry/settings.properties"
fi
SIZE=${FERRY_SIZE:-1366x850}
W=${SIZE%x*}; H=${SIZE#*x}
export DISPLAY=${FERRY_DISPLAY:-:95}   # take.sh passes its own
Xvfb "$DISPLAY" -screen 0 "${W}x${H}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill "$APP" "$XVFB" 2>/dev/null || true; rm -rf "$HOME"' EXIT
sleep 2
java -Duser.home="$HOME" -Dferry.appFolder="$APPDIR" ${FERRY_JAVA_OPTS:-} -jar target/ferry.jar >"$HOME/app.log" 2>&1 &
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

shot() { nap "$2"; import -window root "$OUT/$1.png"; echo "$OUT/$1.png"; }
key() { xdotool windowfocus "$WIN" key --delay 120 "$@"; }

key Return                      # Start
nap 1
key Tab                         # from "Choose a file…" to the path field
xdotool type --delay 20 "$DB"
key Return
nap 3
key Return                      # Next
nap 1
key alt+r space                 # rehearse on a private temporary PostgreSQL
key alt+n                       # Next
nap 6
key Return                      # Review → Options
nap 2
key Return                      # Start migration
nap 25
key Return                      # See the results
nap 5
key alt+q                       # Check your app's SQL: the pre-filled folder is checked as the page opens
nap 20
# a lower window (900x600) shows the page from the summary down as the report arrives: no scrolling here
if [ "$SIZE" = 1366x850 ]; then  # where a row of the table is at this size only
    xdotool mousemove 600 470 click 1   # a row of the table, which then takes the arrows
    key Home Down Down Down Down Down   # to src/repo/products.js:16, past the CREATE TABLEs the app keeps for SQLite
fi
shot 08-app-sql 2
