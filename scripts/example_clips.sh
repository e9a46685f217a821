#!/usr/bin/env bash
# Makes a small example folder for the clips: source from a built-in one: PNG frames per clip and labels.csv.
# Usage: scripts/example_clips.sh OUT [SOURCE (digits)] [CLIPS (24)] [FRAMES (33)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# labels.csv gives the steps each factor acts in. Train on the folder label-free with
#   sta train --data clips:OUT --size 28 --primitives 3 --set curriculum=balanced-steps ...
if [ $# -lt 1 ] || [ $# -gt 4 ]; then
  echo "usage: scripts/example_clips.sh OUT [SOURCE] [CLIPS] [FRAMES]" >&2
  exit 2
fi
STA="${STA_BUILD_DIR:-build}/app/sta"
[ -x "$STA" ] || { echo "example_clips.sh: $STA not found: build first (scripts/setup.sh)" >&2; exit 2; }
exec "$STA" data clips --out "$1" --data "${2:-digits}" --clips "${3:-24}" --frames "${4:-33}"
