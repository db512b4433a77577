#!/usr/bin/env bash
# The projector cable pulled and plugged back mid-talk, on the two-monitor stage
# (../shared/tools/stage: DUMMY0 the laptop at 0,0, DUMMY1 the projector at 1920,0).
#
#   scripts/stage-unplug.sh [OUT_DIR]      (build first: cargo build)
#
# Runs a 20 x 2 s talk (`--start --quit-when-done --trace`), turns the projector's output off with
# xrandr 8 s in and on again 3 s later, and checks from outside, by window geometry:
# - before: the projector window is fullscreen on the projector monitor (1920x1080 at 1920,0);
# - off: within a second it is off the laptop's monitor (hidden), and it stays off it, so the
#   presenter view is never covered; the presenter window stays where it was;
# - on: within two seconds it is back, fullscreen at 1920,0;
# - the talk exits 0 by itself and its trace has all 20 slides in order (the ones due while the
#   projector was away have no painted time), and the log says the monitor went and came back.
# Screenshots and the app's log go to OUT_DIR (default: a new temporary folder). It takes about
# 50 s. STAGE_DISPLAY picks the stage's X display as for the stage tool itself; a stage already
# up on it is used and left up, one started here is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

stage=${STAGE:-../shared/tools/stage}
pecha=${PECHA:-target/debug/pecha}
out=${1:-$(mktemp -d -t stage-unplug.XXXXXX)}
mkdir -p "$out"
[ -x "$pecha" ] || { echo "stage-unplug: $pecha not built (cargo build)" >&2; exit 2; }

started_stage=0
display=:${STAGE_DISPLAY:-77}
DISPLAY=$display xdpyinfo >/dev/null 2>&1 || started_stage=1
eval "$("$stage" up)"
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  xrandr --output DUMMY1 --auto --right-of DUMMY0 >/dev/null 2>&1 || true
  if [ "$started_stage" = 1 ]; then "$stage" down >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

fail() { echo "stage-unplug: FAIL: $*" >&2; echo "stage-unplug: log and screenshots in $out" >&2; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# "WIDTHxHEIGHT X Y" of the first top-level window whose class line matches $1, or nothing.
geometry() {
  { "$stage" windows | grep -F "\"$1\")" || true; } | head -n 1 |
    sed -E 's/.*\) +([0-9]+x[0-9]+)\+-?[0-9]+\+-?[0-9]+ +\+?(-?[0-9]+)\+?(-?[0-9]+).*/\1 \2 \3/'
}
projector() { geometry pecha-projector; }
# Whether a window at "WxH X Y" overlaps the laptop's monitor (0,0 to 1920,1080).
on_laptop() {
  local size x y w h
  read -r size x y <<<"$1"
  w=${size%x*} h=${size#*x}
  ((x < 1920 && x + w > 0 && y < 1080 && y + h > 0))
}

xrandr --output DUMMY1 --auto --right-of DUMMY0 >/dev/null
trace="$out/trace.csv"
log="$out/pecha.log"
# Settings of its own: a projector monitor remembered from another run must not steer this one,
# and this one must not change what the user's Pecha remembers.
XDG_DATA_HOME="$out/data" RUST_LOG=${RUST_LOG:-pecha=info,pecha::app::projector=trace} \
  "$pecha" examples/shymkent/deck.ron --format 20x2 --start --quit-when-done --trace "$trace" \
  >"$log" 2>&1 &
pid=$!
launched=$(now_ms)

# Before: the projector fullscreen on the projector monitor.
for _ in $(seq 100); do [ "$(projector)" = "1920x1080 1920 0" ] && break; sleep 0.1; done
[ "$(projector)" = "1920x1080 1920 0" ] || fail "projector window not fullscreen at 1920,0 before the unplug: '$(projector)'"
presenter_before=$(geometry pecha)
echo "before: projector $(projector), presenter $presenter_before"
sleep $((8 - ($(now_ms) - launched) / 1000)) 2>/dev/null || true
"$stage" shot "$out/1-before.png" >/dev/null

# Off: within a second the projector window leaves the laptop's screen, and stays off it.
xrandr --output DUMMY1 --off
off_at=$(now_ms)
covered_until=
gone_after=
while (($(now_ms) - off_at < 3000)); do
  where=$(projector)
  if [ -n "$where" ] && on_laptop "$where"; then
    covered_until=$(($(now_ms) - off_at))
    [ -z "$gone_after" ] || fail "the projector window came back over the laptop's screen: $where"
  elif [ -z "$gone_after" ]; then
    gone_after=$(($(now_ms) - off_at))
  fi
  if [ "$(($(now_ms) - off_at))" -gt 1000 ] && [ -z "$gone_after" ]; then
    fail "1 s after the unplug the projector window still covers the laptop's screen: $where"
  fi
  sleep 0.05
done
[ "$(geometry pecha)" = "$presenter_before" ] || fail "the presenter window moved: $(geometry pecha)"
echo "off: projector window off the laptop's screen ${gone_after} ms after xrandr --off (seen on it until ${covered_until:-never} ms); now '$(projector)'"
"$stage" shot "$out/2-unplugged.png" >/dev/null

# On: within two seconds it is back, fullscreen on the projector monitor.
xrandr --output DUMMY1 --auto --right-of DUMMY0
on_at=$(now_ms)
back_after=
while (($(now_ms) - on_at < 2000)); do
  if [ "$(projector)" = "1920x1080 1920 0" ]; then back_after=$(($(now_ms) - on_at)); break; fi
  sleep 0.05
done
[ -n "$back_after" ] || fail "2 s after the plug the projector window is not fullscreen at 1920,0: '$(projector)'"
echo "on: projector window fullscreen at 1920,0 ${back_after} ms after xrandr --auto"
sleep 1
"$stage" shot "$out/3-plugged-back.png" >/dev/null

# The talk ends by itself; every slide is in its trace.
status=0
wait "$pid" || status=$?
pid=
[ "$status" = 0 ] || fail "pecha exited with $status"
rows=$(($(wc -l <"$trace") - 1))
[ "$rows" = 20 ] || fail "expected 20 slides in the trace, got $rows"
awk -F, 'NR > 1 && $1 != NR - 1 { bad = 1 } END { exit bad }' "$trace" || fail "slides out of order in the trace"
unpainted=$(awk -F, 'NR > 1 && $3 == "" { printf "%s ", $1 }' "$trace")
tail -n 1 "$trace" | grep -qE ',[0-9.]+$' || fail "the last slide was not painted after the projector came back"
grep -q "projector monitor DUMMY1 gone" "$log" || fail "the log does not say the monitor went"
grep -q "projector monitor DUMMY1 back" "$log" || fail "the log does not say the monitor came back"
echo "trace: 20 slides in order; not painted while the projector was away: ${unpainted:-none}"
# When the app acted, from its log's timestamps (UTC, ms), after each xrandr.
logged_ms() { date -d "$(grep -m 1 -F "$1" "$log" | sed -E 's/^\[([^ ]+) .*/\1/')" +%s%3N; }
echo "app: window hidden $(($(logged_ms "projector monitor DUMMY1 gone") - off_at)) ms after xrandr --off," \
  "sent back $(($(logged_ms "projector monitor DUMMY1 back") - on_at)) ms after xrandr --auto"
grep -oE 'monitors listed in [0-9]+ µs' "$log" | grep -oE '[0-9]+' | sort -n |
  awk '{ v[NR] = $1 } END { if (NR) printf "monitor listings: %d, median %d µs, max %d µs\n", NR, v[int((NR + 1) / 2)], v[NR] }'
echo "stage-unplug: ok (log and screenshots in $out)"
