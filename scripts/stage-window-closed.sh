#!/usr/bin/env bash
# The projector window destroyed from outside mid-talk (another X client: `xdotool windowclose`)
# must not take Pecha down: the process survives, exits 0 at the talk's end, and the trace has all
# 20 slides (those shown after the window was gone with an empty presented_ms).
#
# Runs on the two-monitor stage (../shared/tools/stage); STAGE_DISPLAY picks its display (default
# 78, so as not to meet a stage someone else has up on :77). Usage, from the repository:
#   scripts/stage-window-closed.sh            (builds target/debug/pecha first)
set -euo pipefail
cd "$(dirname "$0")/.."
stage=${STAGE:-../shared/tools/stage}
[ -x "$stage" ] || stage=/work/shared/tools/stage
export STAGE_DISPLAY=${STAGE_DISPLAY:-78}
eval "$("$stage" up)"
cargo build --quiet
work=$(mktemp -d)
trap 'kill "${pecha:-}" "${watchdog:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data"
trace="$work/trace.csv"
RUST_BACKTRACE=1 target/debug/pecha examples/shymkent/deck.ron --format 20x2 \
    --start --quit-when-done --trace "$trace" >"$work/pecha.log" 2>&1 &
pecha=$!
# A 40 s talk: if it has not ended in 2 minutes, something is wrong.
( sleep 120; kill "$pecha" 2>/dev/null ) &
watchdog=$!
# Wait for the projector window, then let the talk run a few slides.
for _ in $(seq 100); do
    window=$(xdotool search --all --pid "$pecha" --name 'projector$' 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || { echo "FAIL: no projector window"; cat "$work/pecha.log"; exit 1; }
sleep 9
echo "destroying the projector window $window mid-talk"
xdotool windowclose "$window"
sleep 2
if ! kill -0 "$pecha" 2>/dev/null; then
    wait "$pecha" || true
    echo "FAIL: Pecha died when its projector window was destroyed"; cat "$work/pecha.log"; exit 1
fi
if xdotool search --all --pid "$pecha" --name 'projector$' >/dev/null 2>&1; then
    echo "FAIL: this Pecha still lists a projector window"; exit 1
fi
status=0
wait "$pecha" || status=$?
grep -v '^ALSA lib' "$work/pecha.log" || true
[ "$status" -eq 0 ] || { echo "FAIL: exit status $status (want 0)"; exit 1; }
rows=$(tail -n +2 "$trace" | wc -l)
painted=$(tail -n +2 "$trace" | awk -F, '$3 != ""' | wc -l)
slides=$(tail -n +2 "$trace" | cut -d, -f1 | sort -un | wc -l)
echo "trace: $rows rows, $slides distinct slides, $painted painted on the projector"
[ "$slides" -eq 20 ] || { echo "FAIL: the trace has $slides slides (want 20)"; cat "$trace"; exit 1; }
echo "PASS: Pecha survived its projector window being destroyed, exit 0, all 20 slides traced"
