#!/usr/bin/env bash
# Installs what is missing, builds, and launches STA Studio on the shipped demo model.
# Extra arguments go to sta-studio (e.g. --data digits).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh
BUILD_DIR="${STA_BUILD_DIR:-build}"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<MSG
studio.sh: no display found (DISPLAY is not set), so the studio window cannot open.
  Run it under a virtual display:
    xvfb-run -a -s "-screen 0 1280x800x24" $BUILD_DIR/app/sta-studio
  or render a screenshot and exit:
    xvfb-run -a -s "-screen 0 1280x800x24" $BUILD_DIR/app/sta-studio --screenshot studio.png --frames 30
MSG
  exit 2
fi
exec "$BUILD_DIR/app/sta-studio" "$@"
