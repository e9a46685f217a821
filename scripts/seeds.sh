#!/usr/bin/env bash
# Seed robustness: trains N seeds of one preset on one source, evaluates each, prints every metric's mean and min.
# Usage: scripts/seeds.sh PRESET DATA N [extra `sta train` options, e.g. --steps 800 --set kl_weight=1]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Seeds run one after another; STA_SEED_JOBS=2 runs two side by side with one torch thread each.
# Output: runs/seeds-PRESET-DATA/seed-S.{sta,log,json}, the run logs seed-S.sta.log.jsonl and
# summary.json (override with STA_SEEDS_DIR).
if [ $# -lt 3 ]; then
  echo "usage: scripts/seeds.sh PRESET DATA N [sta train options...]" >&2
  exit 2
fi
preset=$1 data=$2 count=$3
shift 3
case "$count" in '' | *[!0-9]* | 0) echo "seeds.sh: N must be a positive integer, got '$count'" >&2; exit 2 ;; esac
command -v python3 >/dev/null || { echo "seeds.sh: python3 is needed to summarise the metrics" >&2; exit 2; }
STA="${STA_BUILD_DIR:-build}/app/sta"
[ -x "$STA" ] || { echo "seeds.sh: $STA not found: build first (scripts/setup.sh)" >&2; exit 2; }
dir="${STA_SEEDS_DIR:-runs/seeds-$preset-${data//[:\/]/_}}"
mkdir -p "$dir"
jobs="${STA_SEED_JOBS:-1}"
if [ "$jobs" -gt 1 ]; then export STA_NUM_THREADS=1; fi

run_seed() {
  local seed=$1 start=$SECONDS
  "$STA" train --preset "$preset" --data "$data" --seed "$seed" --out "$dir/seed-$seed.sta" "${@:2}" \
    > "$dir/seed-$seed.log" 2>&1
  echo "train_seconds $((SECONDS - start))" >> "$dir/seed-$seed.log"
  "$STA" eval "$dir/seed-$seed.sta" --sequences 64 --samples 4 --json "$dir/seed-$seed.json" >> "$dir/seed-$seed.log" 2>&1
  echo "seed $seed done in $((SECONDS - start)) s"
}

pids=()
for ((seed = 0; seed < count; seed++)); do
  run_seed "$seed" "$@" &
  pids+=($!)
  if [ "${#pids[@]}" -ge "$jobs" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for pid in "${pids[@]}"; do wait "$pid"; done

python3 - "$dir" "$count" <<'PY'
import json, re, sys
folder, count = sys.argv[1], int(sys.argv[2])
runs = []
for seed in range(count):
    with open(f"{folder}/seed-{seed}.json") as f:
        m = json.load(f)
    with open(f"{folder}/seed-{seed}.log") as f:
        seconds = int(re.findall(r"train_seconds (\d+)", f.read())[-1])
    # The run log (one JSON object per logged step) gives the validation curve.
    with open(f"{folder}/seed-{seed}.sta.log.jsonl") as f:
        validation = [json.loads(line)["validation"]["alignment"] for line in f if '"validation"' in line]
    flat = {"alignment": m["spike_alignment"]["single_accuracy"], "multi_f1": m["spike_alignment"]["multi_f1"],
            "live_primitives": m["primitives"]["live"], "train_minutes": seconds / 60}
    if validation:
        flat["validation.best"] = max(validation)
        flat["validation.final"] = validation[-1]
    for name in m["equivariance_error"]:
        flat[f"alignment.{name}"] = m["spike_alignment"]["single_accuracy_of"][name]
        flat[f"equivariance.{name}"] = m["equivariance_error"][name]
        flat[f"floor.{name}"] = m["autoencoder_floor"][name]
        flat[f"eq/floor.{name}"] = m["equivariance_error"][name] / m["autoencoder_floor"][name]
        flat[f"efficiency.{name}"] = m["transport_efficiency"][name]
    runs.append(flat)
summary = {}
print(f"{'metric':24s} " + " ".join(f"seed {s:<4d}" for s in range(count)) + "      mean       min       max")
for key in runs[0]:
    values = [r[key] for r in runs]
    summary[key] = {"values": values, "mean": sum(values) / len(values), "min": min(values), "max": max(values)}
    print(f"{key:24s} " + " ".join(f"{v:9.3f}" for v in values) +
          f" {summary[key]['mean']:9.3f} {summary[key]['min']:9.3f} {summary[key]['max']:9.3f}")
with open(f"{folder}/summary.json", "w") as f:
    json.dump(summary, f, indent=2)
PY
