#!/usr/bin/env bash
# The GPU check in one command (docs/GPU.md): build, model/eval/synth/train tests, bench, demo training and eval.
# Usage: scripts/gpu/check.sh [--device cuda|cpu] [--budget full|tiny] [--build DIR] [--out DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# Run on the GPU machine from a copy of the repository that holds .gpu/ from scripts/gpu/prepare.sh.
# It unpacks .gpu/debs into a prefix, configures the headless build (-DSTA_STUDIO=OFF
# -DSTA_OPENCV=OFF) against that machine's LibTorch, builds `sta` and the model tests with Ninja on
# all cores, runs the model tests with STA_TEST_DEVICE set to the device, times `sta bench` for
# tiny, demo and paper, trains the demo preset and evaluates it. Figures go to OUT/figures.json,
# everything printed to OUT/check.log.
# --device cpu is the dry run of the same path on any machine; --budget tiny (CI) keeps each part
# small: 2 bench repeats, the parity and renderer tests only, 20 training steps.
# LibTorch: $TORCH_PREFIX if set, else the CMake prefix of python3's torch.
ROOT=$PWD
DEVICE=cuda BUDGET=full BUILD=.gpu/build OUT=.gpu/out
while [ $# -gt 0 ]; do
  case "$1" in
    --device) DEVICE="$2"; shift 2 ;;
    --budget) BUDGET="$2"; shift 2 ;;
    --build) BUILD="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "check: unknown argument '$1' (see the top of $0)" >&2; exit 2 ;;
  esac
done
case "$DEVICE" in cuda|cuda:*|cpu) ;; *) echo "check: --device must be cuda or cpu, not '$DEVICE'" >&2; exit 2 ;; esac
case "$BUDGET" in full|tiny) ;; *) echo "check: --budget must be full or tiny, not '$BUDGET'" >&2; exit 2 ;; esac
[ -d .gpu/debs ] && [ -d .gpu/fashion-mnist ] || { echo "check: no .gpu/; run scripts/gpu/prepare.sh first" >&2; exit 1; }
mkdir -p "$OUT"
exec > >(tee "$OUT/check.log") 2>&1
started=$(date +%s)
stage() { echo "== $(( $(date +%s) - started )) s: $*"; }

stage "unpacking $(ls .gpu/debs/*.deb | wc -l) packages into .gpu/prefix"
PREFIX=$ROOT/.gpu/prefix
for deb in .gpu/debs/*.deb; do dpkg-deb -x "$deb" "$PREFIX"; done
LIBDIR=$(dirname "$(find "$PREFIX/usr/lib" -name 'libgif.so.7*' | head -1)")
export LD_LIBRARY_PATH="$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
command -v ninja >/dev/null || export PATH="$PATH:$PREFIX/usr/bin"
command -v cmake >/dev/null || export PATH="$PATH:$PREFIX/usr/bin"
extra=()
[ -f /usr/include/zlib.h ] || extra+=(-DZLIB_INCLUDE_DIR="$PREFIX/usr/include"
  -DZLIB_LIBRARY="$(ldconfig -p | awk '/libz\.so\.1 .*x86-64/ {print $NF; exit}')")

TORCH_PREFIX="${TORCH_PREFIX:-$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)' 2>/dev/null || true)}"
[ -n "$TORCH_PREFIX" ] || echo "check: python3 has no torch; using the LibTorch CMake finds by itself (set TORCH_PREFIX to choose)"
stage "configuring $BUILD against LibTorch ${TORCH_PREFIX:-of the system}"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTA_STUDIO=OFF -DSTA_OPENCV=OFF \
  -DCMAKE_PREFIX_PATH="$TORCH_PREFIX;$PREFIX/usr" -DTORCH_CUDA_ARCH_LIST="${TORCH_CUDA_ARCH_LIST:-9.0}" "${extra[@]}" >/dev/null
suites=(test_model test_eval test_synth test_train)  # the model tests: model, eval, synth (warp renderer), train
stage "building sta and ${suites[*]} on $(nproc) cores"
ninja -C "$BUILD" -j "$(nproc)" sta "${suites[@]}" | tail -1
STA="$BUILD/app/sta"
if ldd "$STA" | grep -iE 'libopencv|libglfw|libGL|libEGL|libepoxy'; then
  echo "check: note: the lines above are in sta's ldd listing (Debian's LibTorch brings OpenCV; a wheel's does not)"
  LDD_CLEAN=false
else
  LDD_CLEAN=true
fi
DATA="idx:$ROOT/.gpu/fashion-mnist"

stage "model tests, STA_TEST_DEVICE=$DEVICE"
filter=()
[ "$BUDGET" = tiny ] && filter=(--test-case='*device*,*renderer*,*batch renders*')
for suite in "${suites[@]}"; do STA_TEST_DEVICE="$DEVICE" "$BUILD/tests/$suite" "${filter[@]}"; done

repeats=10 steps=""
[ "$BUDGET" = tiny ] && repeats=2 steps="--steps 20"
for preset in tiny demo paper; do
  stage "sta bench --preset $preset --device $DEVICE"
  "$STA" bench --preset "$preset" --data "$DATA" --device "$DEVICE" --repeats "$repeats" --json "$OUT/bench-$preset.json"
  [ "$DEVICE" = cpu ] || "$STA" bench --preset "$preset" --data "$DATA" --device cpu --repeats 3 --json "$OUT/bench-$preset-cpu.json"
done

stage "training the demo preset on $DEVICE"
train_start=$(date +%s)
# shellcheck disable=SC2086
"$STA" train --preset demo --data "$DATA" --device "$DEVICE" --seed 0 $steps --out "$OUT/demo.sta"
train_seconds=$(( $(date +%s) - train_start ))
stage "evaluating it"
"$STA" eval "$OUT/demo.sta" --device "$DEVICE" --json "$OUT/eval-demo.json"

python3 - "$OUT" "$DEVICE" "$BUDGET" "$train_seconds" "$(( $(date +%s) - started ))" "$LDD_CLEAN" <<'PY'
import glob, json, os, sys
out, device, budget, train_seconds, total = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
figures = {"device": device, "budget": budget, "train_seconds": train_seconds, "total_seconds": total,
           "ldd_without_opencv_or_gl": sys.argv[6] == "true", "bench": {}}
for path in sorted(glob.glob(f"{out}/bench-*.json")):
    figures["bench"][os.path.basename(path)[6:-5]] = json.load(open(path))
figures["eval_demo"] = json.load(open(f"{out}/eval-demo.json"))
json.dump(figures, open(f"{out}/figures.json", "w"), indent=2)
print(f"check: figures in {out}/figures.json")
PY
stage "done"
