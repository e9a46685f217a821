#!/usr/bin/env bash
# Frame times of the studio while a script drags the field view's slice (demo model), median and p95.
# Usage: bench/studio_slice_drag_bench.sh [STA_STUDIO] [RUNS (3)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# 240 changes, one per frame, alternating the slice's axes, its anchor (the time cursor) and the
# drawn part. Prints the frames drawn and their median and 95th percentile (the state capture's
# frame_window), RUNS times.
studio="${1:-build/app/sta-studio}"
runs="${2:-3}"
[ -x "$studio" ] || { echo "studio_slice_drag_bench: $studio not found: build first" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
  echo "frames 20"
  echo "state \"$dir/warm.json\""
  for ((i = 0; i < 240; i++)); do
    axis=$((i % 7))
    echo "slice axes $axis $((axis + 1))"
    echo "cursor $((i % 9))"
    if ((i % 40 == 20)); then echo "part both"; elif ((i % 40 == 0)); then echo "part whole"; fi
    echo "frames 1"
  done
  echo "state \"$dir/drag.json\""
} > "$dir/drag.txt"
for ((run = 1; run <= runs; run++)); do
  xvfb-run -a -s "-screen 0 1280x800x24" "$studio" --script "$dir/drag.txt" 2>/dev/null
  python3 - "$dir/drag.json" "$run" <<'PY'
import json, sys
state = json.load(open(sys.argv[1]))
w = state["frame_window"]
print(f"run {sys.argv[2]}: {w['frames']} frames while dragging, median {w['median_ms']:.1f} ms, "
      f"p95 {w['p95_ms']:.1f} ms; last recomputation {state['panels']['fields']['recompute_ms']:.1f} ms, "
      f"{state['panels']['fields'].get('dropped', 'n/a')} requests dropped")
PY
done
