#!/usr/bin/env bash
# Puts into .gpu/ what the headless build needs and a CUDA image usually lacks, for scripts/gpu/check.sh.
# Usage (on any Debian 12 machine with Debian's mirror): scripts/gpu/prepare.sh [TRAIN_IMAGES (30000)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# The repository plus .gpu/ then copy to a GPU node in one go (under 64 MiB together).
#   .gpu/debs/          header-only nlohmann-json, CLI11, doctest; giflib; zlib headers; and
#                       ninja + cmake (used on the node only where it has none of its own)
#   .gpu/fashion-mnist/ a Fashion-MNIST subset (TRAIN_IMAGES of the 60000 training images) as a
#                       train/t10k pair of gzipped IDX files
TRAIN_IMAGES="${1:-30000}"
OUT=.gpu
FASHION=/usr/share/datasets/fashion-mnist
PACKAGES="nlohmann-json3-dev libcli11-dev doctest-dev libgif-dev libgif7 zlib1g-dev ninja-build cmake cmake-data libjsoncpp25 librhash0 libuv1"

[ -f "$FASHION/train-images-idx3-ubyte.gz" ] || { echo "prepare: $FASHION missing; apt-get install dataset-fashion-mnist" >&2; exit 1; }
mkdir -p "$OUT/debs" "$OUT/fashion-mnist"
rm -f "$OUT"/debs/*.deb
download() {  # prints how many packages are there
  (cd "$OUT/debs" && apt-get download $PACKAGES 2>&1 | grep -v "unsandboxed" | grep -v "^Get:\|^Fetched" >&2 || true)
  ls "$OUT/debs" | wc -l
}
if [ "$(download)" -lt "$(echo $PACKAGES | wc -w)" ]; then  # stale package lists: refresh once (as root)
  echo "prepare: refreshing the package lists" && apt-get update -qq
  [ "$(download)" -ge "$(echo $PACKAGES | wc -w)" ] || { echo "prepare: cannot download: $PACKAGES" >&2; exit 1; }
fi
echo "prepare: $(ls "$OUT/debs" | wc -l) packages in $OUT/debs"

# The first TRAIN_IMAGES training images (IDX header rewritten with the new count) and the whole
# test file, gzipped, as the pair `idx:.gpu/fashion-mnist` opens.
python3 - "$FASHION" "$OUT/fashion-mnist" "$TRAIN_IMAGES" <<'PY'
import gzip, struct, sys
source, target, keep = sys.argv[1], sys.argv[2], int(sys.argv[3])
with gzip.open(f"{source}/train-images-idx3-ubyte.gz") as f:
    magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
    keep = min(keep, count)
    pixels = f.read(keep * rows * cols)
with gzip.open(f"{target}/train-images-idx3-ubyte.gz", "wb") as f:
    f.write(struct.pack(">IIII", magic, keep, rows, cols) + pixels)
with open(f"{source}/t10k-images-idx3-ubyte.gz", "rb") as f, open(f"{target}/t10k-images-idx3-ubyte.gz", "wb") as g:
    g.write(f.read())
print(f"prepare: {keep} training images and the 10000 test images in {target}")
PY

bundle=$(( $(du -sb "$OUT/debs" "$OUT/fashion-mnist" | awk '{s += $1} END {print s}') + $(git ls-files -z | xargs -0 du -cb | tail -1 | cut -f1) ))
echo "prepare: tracked files + $OUT = $((bundle / 1048576)) MiB (limit 64)"
[ "$bundle" -lt $((64 * 1048576)) ] || { echo "prepare: over 64 MiB; pass fewer training images" >&2; exit 1; }
