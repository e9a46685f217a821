#!/usr/bin/env bash
# Builds an IDX image file this project has never trained on, from the UCI optical digits in python3-sklearn.
# Usage: scripts/make_optdigits_idx.sh OUT.idx3-ubyte.gz      then: sta train --data idx:OUT...
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/make_optdigits_idx.sh OUT.idx3-ubyte.gz" >&2; exit 2; }
# To check that the same training command works on unseen data: the 1797 digits (8 x 8, 17 grey
# levels) shipped inside Debian's python3-sklearn package, upsampled to 20 x 20 (bilinear) and
# centred in 28 x 28 as MNIST is. Downloads the package with apt-get (no install needed).
out=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download python3-sklearn >/dev/null && dpkg -x python3-sklearn_*.deb root)
csv=$(find "$work/root" -name digits.csv.gz | head -1)
[ -n "$csv" ] || { echo "make_optdigits_idx: digits.csv.gz not found in python3-sklearn" >&2; exit 1; }
/usr/bin/python3 - "$csv" "$out" <<'PY'
import gzip, struct, sys
import numpy as np, torch, torch.nn.functional as F
rows = np.loadtxt(sys.argv[1], delimiter=',', dtype=np.float32)
small = torch.from_numpy(rows[:, :64].reshape(-1, 1, 8, 8) / 16.0)
big = F.interpolate(small, size=(20, 20), mode='bilinear', align_corners=False).clamp(0, 1)
images = torch.zeros(big.shape[0], 28, 28)
images[:, 4:24, 4:24] = big[:, 0]
data = (images * 255).round().to(torch.uint8).numpy()
with gzip.open(sys.argv[2], 'wb') as f:
    f.write(struct.pack('>IIII', 0x803, data.shape[0], 28, 28) + data.tobytes())
print(f'{sys.argv[2]}: {data.shape[0]} images, 28 x 28')
PY
