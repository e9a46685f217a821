#!/usr/bin/env bash
# Soak run: the studio, under Xvfb, trains the demo preset while a script works every panel in a loop.
# Usage: scripts/soak.sh [MINUTES] [OUT]   (default 30, runs/soak)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The script scrubs sequences, moves the cursor, toggles primitives, drags composer sliders and
# changes field slices and parts. Every minute the studio's resident memory is sampled; every loop
# writes a state capture with the frame times since the previous one. At the end OUT/soak.md holds
# the minute-by-minute table (memory, frames, frame-time median and p95).
MINUTES="${1:-30}" OUT="${2:-runs/soak}"
BUILD_DIR="${STA_BUILD_DIR:-build}"
mkdir -p "$OUT/states"
rm -f "$OUT"/states/*.json
script="$OUT/soak.script"
{
  echo "train start demo 1000000"
  states=(off on) parts=(curl-free whole)
  for ((i = 0; i < 20000; ++i)); do  # far more loops than MINUTES allow; the run is stopped on time
    echo "sequence next"
    echo "cursor $((i % 9))"
    echo "toggle $((i % 3)) ${states[i / 3 % 2]}"
    echo "speed $((i % 3)) $(( (i % 5) - 2 )).5"
    case $((i % 4)) in
      0) echo "slice axes $((i % 7)) $(( (i % 7) + 1 ))" ;;
      1) echo "slice pca" ;;
      2) echo "slice velocity-pca" ;;
      3) echo "part ${parts[i / 4 % 2]}" ;;
    esac
    echo "frames 20"
    echo "state $OUT/states/$i.json"
  done
} > "$script"

xvfb-run -a -s "-screen 0 1280x800x24" "$BUILD_DIR/app/sta-studio" --script "$script" > "$OUT/studio.log" 2>&1 &
runner=$!
studio_pid() { pgrep -n -f "^$BUILD_DIR/app/sta-studio --script $script" || true; }  # not xvfb-run's shell
until [ -n "$(studio_pid)" ] && [ -n "$(ls "$OUT/states")" ]; do  # until its first loop is done
  kill -0 "$runner" 2>/dev/null || { echo "soak: the studio did not start (see $OUT/studio.log)" >&2; exit 1; }
  sleep 1
done
echo "minute,rss_mb" > "$OUT/rss.csv"
for ((minute = 0; minute <= MINUTES; ++minute)); do
  pid=$(studio_pid)
  [ -n "$pid" ] || { echo "soak: the studio is not running (see $OUT/studio.log)" >&2; exit 1; }
  rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  echo "$minute,$((rss_kb / 1024))" >> "$OUT/rss.csv"
  echo "soak: minute $minute, resident $((rss_kb / 1024)) MB"
  [ "$minute" -eq "$MINUTES" ] || sleep 60
done
kill "$(studio_pid)" 2>/dev/null || true
wait "$runner" 2>/dev/null || true

python3 - "$OUT" <<'PY'
import csv, glob, json, os, statistics, sys
out = sys.argv[1]
rss = [(int(r["minute"]), int(r["rss_mb"])) for r in csv.DictReader(open(f"{out}/rss.csv"))]
states = sorted(glob.glob(f"{out}/states/*.json"), key=os.path.getmtime)
start = os.path.getmtime(f"{out}/soak.script")
by_minute = {}
for path in states:
    window = json.load(open(path)).get("frame_window", {})
    if window.get("frames", 0) > 0:
        by_minute.setdefault(int((os.path.getmtime(path) - start) // 60), []).append(window)
lines = ["| minute | resident MB | frames | frame median ms | frame p95 ms |", "|---|---|---|---|---|"]
for minute, mb in rss:
    windows = by_minute.get(minute - 1, []) if minute > 0 else []
    frames = sum(w["frames"] for w in windows)
    median = statistics.median(w["median_ms"] for w in windows) if windows else float("nan")
    p95 = statistics.median(w["p95_ms"] for w in windows) if windows else float("nan")
    lines.append(f"| {minute} | {mb} | {frames} | {median:.1f} | {p95:.1f} |")
warm = [mb for minute, mb in rss if minute >= 5]
lines.append("")
lines.append(f"Resident memory: start {rss[0][1]} MB, after warm-up (minute 5) {warm[0] if warm else 'n/a'} MB, "
             f"end {rss[-1][1]} MB, peak {max(mb for _, mb in rss)} MB; growth after warm-up "
             f"{(rss[-1][1] - warm[0]) if warm else 'n/a'} MB.")
open(f"{out}/soak.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
