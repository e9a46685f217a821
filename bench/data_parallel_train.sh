#!/usr/bin/env bash
# Data-parallel training speed: `sta train --preset demo` with --nproc 1 and --nproc 2, steps/s and all-reduce share.
# Usage (from the repository root, after building): [STEPS=60] [ROUNDS=3] bench/data_parallel_train.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# STEPS steps (global batch 16), the cores split between the workers, ROUNDS times each. Prints each
# run's steps/s (as `sta train` reports it: steps over the seconds the steps took, start-up
# excluded; validation kept to 2 sequences) and the share of a step spent in the gradient
# all-reduce, then the medians.
steps="${STEPS:-60}" rounds="${ROUNDS:-3}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for nproc in 1 2; do
  rates=() shares=()
  for round in $(seq "$rounds"); do
    log="$work/run-$nproc-$round.log"
    build/app/sta train --preset demo --steps "$steps" --nproc "$nproc" --set validate_every=0 --set validation_sequences=2 \
      --out "$work/m.sta" 2>"$log"
    rate=$(sed -n 's/.*this run: \([0-9.]*\) steps\/s.*/\1/p' "$log")
    share=$(sed -n 's/.*all-reduce took \([0-9.]*\)% of the step time.*/\1/p' "$log")
    rates+=("$rate") shares+=("${share:-0}")
    echo "nproc $nproc, round $round: $rate steps/s, all-reduce ${share:-0}% of a step"
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
  echo "nproc $nproc: median $(median "${rates[@]}") steps/s, all-reduce $(median "${shares[@]}")% of a step"
done
