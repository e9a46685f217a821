#!/usr/bin/env bash
# Shared set-up for scripts/studio.sh and scripts/test.sh: installs the Debian packages that
# are missing (saying which and why), then configures and builds into ./build (Ninja, Release).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# package | why it is needed
PACKAGES="
g++|C++17 compiler
cmake|build system
ninja-build|fast parallel builds
ccache|compiler cache for rebuilds
pkg-config|locates imgui and epoxy
libtorch-dev|the STA model (LibTorch)
libgloo-dev|headers of Gloo, the collectives LibTorch's c10d uses for multi-process training
libopenblas0-pthread|fast BLAS for LibTorch on the CPU
libopencv-dev|images, transformations and video
libimgui-dev|Dear ImGui for the studio
libstb-dev|image helpers needed by Dear ImGui
libglfw3-dev|window and OpenGL context
libepoxy-dev|OpenGL function loading
libgl-dev|OpenGL
libfreetype-dev|font rasterising for Dear ImGui
libcli11-dev|command-line parsing
nlohmann-json3-dev|model configs and metrics as JSON
libgif-dev|GIF export
zlib1g-dev|gzip-compressed IDX files
doctest-dev|test framework
dpkg-dev|dpkg-shlibdeps, with which cpack lists the Debian package's library dependencies
dataset-fashion-mnist|the demo dataset (Fashion-MNIST)
fonts-dejavu-core|the studio's UI font
xvfb|headless display for GUI tests and screenshots
xauth|needed by xvfb-run
python3-torch|PyTorch for tools/torchscript_example.py and the test that loads exported models in Python
"

missing=()
while IFS='|' read -r pkg why; do
  [ -n "$pkg" ] || continue
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
    echo "setup: will install $pkg ($why)"
  fi
done <<< "$PACKAGES"

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all Debian packages present"
fi

BUILD_DIR="${STA_BUILD_DIR:-build}"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$BUILD_DIR"
