#!/usr/bin/env bash
# Checks that every #include points down, installs what is missing, builds, and runs every test in stages.
# Usage: scripts/test.sh [ctest arguments for stage 1]; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Stages:
#   1. the default build: every suite, GUI tests under Xvfb (arguments go to this ctest);
#   2. the headless build of a GPU node (-DSTA_STUDIO=OFF -DSTA_OPENCV=OFF, build-headless/):
#      its dist, field, synth, model, eval, train, export and figures suites and the headless CLI checks;
#   3. the GPU check's dry run on the CPU (scripts/gpu/check.sh --device cpu --budget tiny);
#   4. the non-GUI suites built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/),
#      less the files marked "Not under sanitizers" (long trainings, scripts: tests/CMakeLists.txt);
#   5. the threaded parts (training worker, field worker, field layers) with ThreadSanitizer (build-tsan/).
# Prints each stage's time and its slowest tests (scripts/slowest_tests.sh).
started=$(date +%s)
stage_start=$started
stage_done() {
  local now
  now=$(date +%s)
  echo "test.sh: $1 took $((now - stage_start)) s"
  stage_start=$now
}

python3 scripts/check_includes.py  # no #include runs back up between the rooms (docs/ARCHITECTURE.md)
scripts/setup.sh
stage_done "set-up and build"
BUILD_DIR="${STA_BUILD_DIR:-build}"
xvfb-run -a -s "-screen 0 1280x800x24" \
  ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 900 --parallel "$(nproc)" "$@"
scripts/slowest_tests.sh "$BUILD_DIR"
stage_done "stage 1 (every suite)"

cmake -S . -B build-headless -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTA_STUDIO=OFF -DSTA_OPENCV=OFF >/dev/null
ninja -C build-headless tests/all | tail -1  # the suites and sta (no benches)
ctest --test-dir build-headless --output-on-failure --timeout 900 --parallel "$(nproc)" -R '^(util|dist|field|synth|model|eval|train|export|figures):|headless'
scripts/slowest_tests.sh build-headless
stage_done "stage 2 (headless build and suites)"

scripts/gpu/prepare.sh
scripts/gpu/check.sh --device cpu --budget tiny --build build-headless --out build-headless/gpu-check
stage_done "stage 3 (GPU check, CPU dry run)"
SANITIZERS="$PWD/tests/sanitizers"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTA_STUDIO=OFF -DSTA_SANITIZE=address,undefined >/dev/null
ninja -C build-asan tests/all | tail -1
ASAN_OPTIONS="detect_leaks=1:exitcode=23" \
LSAN_OPTIONS="suppressions=$SANITIZERS/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  ctest --test-dir build-asan --output-on-failure --timeout 1800 --parallel "$(nproc)"
scripts/slowest_tests.sh build-asan
stage_done "stage 4 (ASan + UBSan, non-GUI suites)"

cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTA_SANITIZE=thread >/dev/null
ninja -C build-tsan test_threads | tail -1
STA_NUM_THREADS=1 OMP_NUM_THREADS=1 TSAN_OPTIONS="halt_on_error=1:suppressions=$SANITIZERS/tsan.supp" \
  xvfb-run -a -s "-screen 0 1280x800x24" ctest --test-dir build-tsan --output-on-failure --timeout 1800
scripts/slowest_tests.sh build-tsan 4
stage_done "stage 5 (TSan, threaded parts)"
echo "test.sh: all stages passed in $(( $(date +%s) - started )) s"
