#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (GUI tests under Xvfb).
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh
BUILD_DIR="${STA_BUILD_DIR:-build}"
xvfb-run -a -s "-screen 0 1280x800x24" \
  ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 900 --parallel "$(nproc)" "$@"
