#!/usr/bin/env bash
# Prints the N slowest tests of a build folder's last ctest run (from Testing/Temporary/CTestCostData.txt).
# Usage: scripts/slowest_tests.sh BUILD_DIR [N (8)]
set -euo pipefail
costs="$1/Testing/Temporary/CTestCostData.txt"
[ -f "$costs" ] || { echo "slowest_tests.sh: no ctest timings in $1" >&2; exit 2; }
echo "slowest tests in $1 (seconds):"
# Lines are "NAME RUNS SECONDS"; the list ends at a line "---".
awk '$0 == "---" { exit } { seconds = $NF; $NF = ""; $(NF - 1) = ""; printf "%9.1f  %s\n", seconds, $0 }' "$costs" |
  sort -rn | awk -v n="${2:-8}" 'NR <= n'
