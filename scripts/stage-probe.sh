#!/usr/bin/env bash
# When the audience really sees each slide, timed from outside the app on the two-monitor stage
# (../shared/tools/stage: DUMMY0 the laptop at 0,0, DUMMY1 the projector at 1920,0), and how that
# compares with the talk's schedule and with the app's own --trace.
#
#   scripts/stage-probe.sh [start|space] [OUT_DIR]      (build first: cargo build)
#
# Makes a probe deck of 20 solid grey 1920 x 1080 slides (slide N is grey 12 x N), runs it as a
# 20 x 2 s talk (`--format 20x2 --quit-when-done --trace`) and reads the projector's pixel at
# 1960,40 every 2 ms with ../shared/tools/pixel-probe, which says when each slide reached the
# screen. `start` (the default) starts the talk with `--start`; `space` opens it, waits until the
# projector window is up, and presses Space there with xdotool.
#
# It prints, in ms:
# - slide 1's time on screen (from the probe's slide 1 to its slide 2), which must be 2000;
# - every later slide's time on screen (slide 20's until the end card): mean, min and max error;
# - where the talk's clock started against when slide 1 reached the screen;
# - for every slide, the screen's time minus the trace's presented_ms: how close the trace is to
#   the screen (the app's clock is lined up with the probe's wall clock by the "clock origin"
#   line of the app's log). The probe reads every 2 ms, so it sees a change 0-2 ms late, plus
#   the time one reading takes.
# The probe's log, the trace, the app's log and the per-slide table go to OUT_DIR (default: a new
# temporary folder). It takes about 50 s. STAGE_DISPLAY picks the stage's X display as for the
# stage tool itself; a stage already up on it is used and left up, one started here is stopped
# at the end. Not in .ci/run: it needs the stage's Xorg, and its figures are measurements, not
# pass or fail (it fails only when a slide never reached the screen).
set -euo pipefail
cd "$(dirname "$0")/.."

how=${1:-start}
case "$how" in start | space) ;; *) echo "usage: $0 [start|space] [OUT_DIR]" >&2; exit 2 ;; esac
stage=${STAGE:-../shared/tools/stage}
probe=${PIXEL_PROBE:-../shared/tools/pixel-probe}
pecha=${PECHA:-target/debug/pecha}
out=${2:-$(mktemp -d -t stage-probe.XXXXXX)}
mkdir -p "$out"
[ -x "$pecha" ] || { echo "stage-probe: $pecha not built (cargo build)" >&2; exit 2; }

started_stage=0
display=:${STAGE_DISPLAY:-77}
DISPLAY=$display xdpyinfo >/dev/null 2>&1 || started_stage=1
eval "$("$stage" up)"
pid=
probe_pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$probe_pid" ] && kill "$probe_pid" 2>/dev/null || true
  if [ "$started_stage" = 1 ]; then "$stage" down >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
fail() { echo "stage-probe: FAIL: $*" >&2; echo "stage-probe: logs in $out" >&2; exit 1; }

# The probe deck: a folder of 20 PNGs, each one solid grey.
deck="$out/deck"
mkdir -p "$deck"
python3 - "$deck" <<'EOF'
import struct, sys, zlib
def png(path, grey, width=1920, height=1080):
    row = b"\x00" + bytes([grey]) * width * 3
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                   + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))
for slide in range(1, 21):
    png(f"{sys.argv[1]}/{slide:02}.png", 12 * slide)
EOF

# The projector's output on, right of the laptop's. Only when it is not already: even on an
# output that is on, `xrandr --auto` makes the monitor list go through a moment with one monitor,
# and a Pecha launched then would find no projector.
if ! xrandr | grep -q '^DUMMY1 connected 1920x1080+1920+0'; then
  xrandr --output DUMMY1 --mode 1920x1080 --right-of DUMMY0 >/dev/null
  sleep 1
fi
trace="$out/trace.csv"
log="$out/pecha.log"
probed="$out/probe.log"
"$probe" 60 1960 40 >"$probed" &
probe_pid=$!
sleep 0.5
start_flag=--start
[ "$how" = space ] && start_flag=
# Settings of its own: a projector monitor or a lead-in remembered from another run must not
# steer this one, and this one must not change what the user's Pecha remembers.
XDG_DATA_HOME="$out/data" XDG_CONFIG_HOME="$out/config" RUST_LOG=${RUST_LOG:-pecha=info} \
  "$pecha" "$deck" --format 20x2 $start_flag --quit-when-done --trace "$trace" >"$log" 2>&1 &
pid=$!
pressed=
# "WIDTHxHEIGHT X Y" of the projector's window, or nothing (as in stage-unplug.sh).
projector() {
  { "$stage" windows | grep -F '"pecha-projector")' || true; } | head -n 1 |
    sed -E 's/.*\) +([0-9]+x[0-9]+)\+-?[0-9]+\+-?[0-9]+ +\+?(-?[0-9]+)\+?(-?[0-9]+).*/\1 \2 \3/'
}
if [ "$how" = space ]; then
  # The projector window fullscreen on its monitor, then a moment for it to settle.
  for _ in $(seq 100); do [ "$(projector)" = "1920x1080 1920 0" ] && break; sleep 0.1; done
  [ "$(projector)" = "1920x1080 1920 0" ] || fail "projector window not fullscreen at 1920,0: '$(projector)'"
  sleep 2
  pressed=$(date +%s.%N)
  xdotool key space
fi
status=0
wait "$pid" || status=$?
pid=
[ "$status" = 0 ] || fail "pecha exited with $status"
sleep 0.3
kill "$probe_pid" 2>/dev/null || true
wait "$probe_pid" 2>/dev/null || true
probe_pid=

python3 - "$probed" "$trace" "$log" "$out/slides.txt" "$pressed" <<'EOF' || fail "see above"
import re, sys
probed, trace, log, table, pressed = sys.argv[1:6]
length = 2000.0
# When each slide's grey first reached the screen, and when slide 20 left it.
seen, left = {}, None
for line in open(probed):
    stamp, grey = line.split()[:2]
    stamp, grey = float(stamp) * 1000, int(grey)
    if grey % 12 == 0 and 1 <= grey // 12 <= 20 and grey // 12 not in seen:
        seen[grey // 12] = stamp
    elif 20 in seen and left is None and grey != 240:
        left = stamp
missing = [slide for slide in range(1, 21) if slide not in seen]
if missing:
    sys.exit(f"slides never seen on the projector: {missing}")
text = open(log).read()
origin = float(re.search(r"clock origin: unix ([0-9.]+) s", text).group(1)) * 1000
start = origin + float(re.search(r"talk started at ([0-9.]+) ms after launch", text).group(1))
painted = {}
for row in open(trace).read().splitlines()[1:]:
    slide, _, at = row.split(",")
    if at:
        painted[int(slide)] = start + float(at)
first = seen[2] - seen[1]
later = [seen[slide + 1] - seen[slide] - length for slide in range(2, 20)]
if left is not None:
    later.append(left - seen[20] - length)
print(f"slide 1 on screen for {first:.1f} ms (error {first - length:+.1f} ms)")
print(f"later slides ({len(later)}): error mean {sum(later) / len(later):+.1f} ms, "
      f"min {min(later):+.1f} ms, max {max(later):+.1f} ms")
late = [seen[slide] - (start + (slide - 1) * length) for slide in range(1, 21)]
print(f"talk's clock started {seen[1] - start:.1f} ms before slide 1 reached the screen; "
      f"each slide on screen after its deadline: slide 1 {late[0]:+.1f} ms, "
      f"slides 2-20 mean {sum(late[1:]) / 19:+.1f} ms, max {max(late[1:]):+.1f} ms")
if pressed:
    print(f"Space pressed {seen[1] - float(pressed) * 1000:.1f} ms before slide 1 reached the screen")
offsets = [seen[slide] - painted[slide] for slide in painted]
if offsets:
    print(f"screen minus trace: slide 1 {offsets[0]:+.1f} ms; all {len(offsets)} slides: "
          f"mean {sum(offsets) / len(offsets):+.1f} ms, min {min(offsets):+.1f} ms, "
          f"max {max(offsets):+.1f} ms")
with open(table, "w") as file:
    file.write("slide,deadline_unix_ms,trace_unix_ms,screen_unix_ms,screen_minus_deadline_ms,screen_minus_trace_ms\n")
    for slide in range(1, 21):
        deadline = start + (slide - 1) * length
        at = painted.get(slide)
        file.write(f"{slide},{deadline:.1f},{'' if at is None else f'{at:.1f}'},{seen[slide]:.1f},"
                   f"{seen[slide] - deadline:.1f},{'' if at is None else f'{seen[slide] - at:.1f}'}\n")
EOF
echo "stage-probe: per-slide table in $out/slides.txt (logs, trace and probe in $out)"
