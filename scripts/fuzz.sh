#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang-14, ASan + UBSan) and runs one for SECONDS.
# Usage: scripts/fuzz.sh TARGET SECONDS   (TARGET: idx checkpoint script overrides video_frames)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# -DSTA_FUZZ=ON; the normal build is not touched. Starts from the seed corpus
# tests/fuzz/corpus/TARGET and grows a working corpus in build-fuzz/corpus/TARGET. Inputs that
# crash, leak, hang (> 10 s) or use over 2 GiB land in build-fuzz/findings/TARGET/.
TARGETS="idx checkpoint script overrides video_frames"
[ $# -eq 2 ] || { echo "usage: scripts/fuzz.sh TARGET SECONDS (TARGET: $TARGETS)" >&2; exit 2; }
TARGET=$1 DURATION=$2
case " $TARGETS " in *" $TARGET "*) ;; *) echo "fuzz: unknown target '$TARGET' (one of: $TARGETS)" >&2; exit 2 ;; esac
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: SECONDS must be a positive whole number, not '$DURATION'" >&2; exit 2; }
command -v clang++-14 >/dev/null || { echo "fuzz: needs clang-14 and libclang-rt-14-dev (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1; }

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTA_FUZZ=ON >/dev/null
ninja -C build-fuzz "fuzz_$TARGET" | tail -1
mkdir -p "build-fuzz/corpus/$TARGET" "build-fuzz/findings/$TARGET"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"  # third-party lifetime allocations
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
exec "build-fuzz/tests/fuzz/fuzz_$TARGET" "build-fuzz/corpus/$TARGET" "tests/fuzz/corpus/$TARGET" \
  -max_total_time="$DURATION" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="build-fuzz/findings/$TARGET/" -print_final_stats=1
