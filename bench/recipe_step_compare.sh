#!/usr/bin/env bash
# The C++ training step against the PyTorch prototype's at the recipe's size, same machine and threads.
# Usage (from the repository root, after building; needs python3-torch): bench/recipe_step_compare.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The prototype is ../shared/reference/recipe/sta_proto.py (STA_RECIPE_DIR). Size: batch 16, T = 8,
# 3 x 28 x 28, D = 32, K = 3, conv 16/32, dense 128, no full-size decoder head (the prototype has
# none; the demo preset has one since 2026-12-06); thread count BENCH_THREADS (default 1). Each
# side: median milliseconds of a full stage-2 step (objective forward + backward + clip + Adam) over
# REPEATS steps after a warm-up, measured in three rounds (medians of each round are printed).
threads="${BENCH_THREADS:-1}" repeats="${REPEATS:-30}"
proto="${STA_RECIPE_DIR:-../shared/reference/recipe}"
[ -f "$proto/sta_proto.py" ] || { echo "recipe_step_compare: no prototype at $proto" >&2; exit 2; }
export OPENBLAS_NUM_THREADS=1 STA_NUM_THREADS="$threads"
for round in 1 2 3; do
  cpp=$(build/app/sta bench --preset demo --set model.decoder_head_channels=0 --repeats "$repeats" | awk '/training step/ {print $(NF-1)}')
  py=$(/usr/bin/python3 bench/proto_step_time.py "$proto" "$threads" "$repeats")
  awk -v r="$round" -v c="$cpp" -v p="$py" -v t="$threads" \
    'BEGIN { printf "round %d, %d thread(s): C++ %.1f ms, prototype %.1f ms, ratio C++/prototype %.2f\n", r, t, c, p, c / p }'
done
