#!/usr/bin/env bash
# Takes the README's tour pictures with the studio itself on the shipped demo model (needs a build and Xvfb).
# Usage: [TOUR_SPEEDS="K G K G"] scripts/tour.sh [OUT_DIR (docs/images)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The whole window, each panel, the field view once per part, an animated GIF of a composed
# traversal (two primitives at once), and last the Training tab while a tiny model trains.
# TOUR_SPEEDS picks the composed primitives and speeds (default "2 1 0 1": hue and rotation of the
# demo model).
OUT="$(realpath -m "${1:-docs/images}")"
BUILD_DIR="${STA_BUILD_DIR:-build}"
read -r -a SPEEDS <<< "${TOUR_SPEEDS:-2 1 0 1}"
mkdir -p "$OUT"
script="$(mktemp)"
trap 'rm -f "$script"' EXIT
{
  echo "sequence 5"
  echo "cursor 2"
  echo "heat potential"
  for ((i = 0; i < ${#SPEEDS[@]}; i += 2)); do echo "speed ${SPEEDS[i]} ${SPEEDS[i+1]}"; done
  echo "assert errors.size == 0"
  echo "frames 10"
  echo "screenshot \"$OUT/studio-window.png\""
  for panel in data sequence spikes composer; do echo "screenshot \"$OUT/studio-$panel.png\" $panel"; done
  echo "view enabled"
  echo "heat none"
  for part in whole curl-free divergence-free; do
    echo "part $part"
    echo "screenshot \"$OUT/studio-fields-$part.png\" fields"
  done
  echo "steps 12"
  echo "export \"$OUT/composed-traversal.gif\""
  echo "train start tiny 60"
  echo "train wait 40"
  echo "screenshot \"$OUT/studio-training.png\" data"
  echo "train stop"
} > "$script"
xvfb-run -a -s "-screen 0 1280x800x24" "$BUILD_DIR/app/sta-studio" --script "$script"
echo "tour: pictures in $OUT"
