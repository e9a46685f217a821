#!/usr/bin/env python3
"""STA Studio <-> PyTorch through TorchScript (the contract is docs/TORCHSCRIPT.md).

For Debian's python3-torch. Three commands:

  torchscript_example.py write flows.pt
      defines a small latent-flow model in PyTorch that meets the contract, scripts it and
      saves it: `sta-studio --model flows.pt` opens it (untrained: train it first in practice).
  torchscript_example.py run model.pt
      loads a model exported with `sta export torchscript model.sta --out model.pt` and runs
      encode, fields, a roll-out and decode on it.
  torchscript_example.py check model.pt reference.json
      compares encode, decode and fields with values the C++ side wrote (the project's tests);
      exits 1 when any differs beyond float tolerance.
"""
import json
import sys
from typing import Tuple

import torch
from torch import Tensor, nn


class LatentFlows(nn.Module):
    """A VAE on S x S colour frames whose latent moves along K linear flow primitives:
    v_k(z) = (P_k z + b_k) + S_k z with P_k symmetric (curl-free) and S_k skew (divergence-free)."""

    def __init__(self, primitives: int = 3, latent_dim: int = 8, image_size: int = 28, steps: int = 8):
        super().__init__()
        self.primitives, self.latent_dim, self.image_size, self.channels, self.steps = (
            primitives, latent_dim, image_size, 3, steps)
        pixels = 3 * image_size * image_size
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(pixels, 128), nn.ReLU(), nn.Linear(128, 2 * latent_dim))
        self.decoder = nn.Sequential(nn.Linear(latent_dim, 128), nn.ReLU(), nn.Linear(128, pixels))
        self.raw_symmetric = nn.Parameter(0.05 * torch.randn(primitives, latent_dim, latent_dim))
        self.raw_skew = nn.Parameter(0.05 * torch.randn(primitives, latent_dim, latent_dim))
        self.drift = nn.Parameter(0.05 * torch.randn(primitives, latent_dim))

    @torch.jit.export
    def encode(self, x: Tensor) -> Tuple[Tensor, Tensor]:
        mu, log_var = self.encoder(x * 2 - 1).chunk(2, -1)
        return mu, log_var

    @torch.jit.export
    def decode(self, z: Tensor) -> Tensor:
        return torch.sigmoid(self.decoder(z)).view(z.size(0), self.channels, self.image_size, self.image_size)

    @torch.jit.export
    def fields(self, z: Tensor, t: float) -> Tuple[Tensor, Tensor]:
        symmetric = 0.5 * (self.raw_symmetric + self.raw_symmetric.transpose(1, 2))
        skew = self.raw_skew - self.raw_skew.transpose(1, 2)
        zk = z.unsqueeze(0).expand(self.primitives, z.size(0), self.latent_dim)
        curl_free = torch.bmm(zk, symmetric) + self.drift.unsqueeze(1)
        div_free = torch.bmm(zk, skew.transpose(1, 2))
        return curl_free, div_free

    @torch.jit.export
    def infer(self, frames: Tensor) -> Tuple[Tensor, Tensor]:
        """Which field points along each encoded step: p_k = cos^2(v_k, step), speed by projection."""
        b, t = frames.size(0), frames.size(1) - 1
        mu = self.encode(frames.flatten(0, 1))[0].view(b, t + 1, -1)
        step = (mu[:, 1:] - mu[:, :-1]).reshape(b * t, -1)
        curl_free, div_free = self.fields(mu[:, :-1].reshape(b * t, -1), 1.0)
        v = curl_free + div_free  # [K, B*T, D]
        along = (v * step).sum(-1)
        length = v.pow(2).sum(-1).clamp_min(1e-12)
        cos2 = along.clamp_min(0).pow(2) / (length * step.pow(2).sum(-1).clamp_min(1e-12))
        speed = (along / length).clamp_min(0)
        return cos2.t().reshape(b, t, -1), speed.t().reshape(b, t, -1)

    def forward(self, x: Tensor) -> Tensor:
        return self.decode(self.encode(x)[0])


def write(path: str) -> None:
    torch.manual_seed(0)
    scripted = torch.jit.script(LatentFlows())
    scripted.save(path)
    print(f"wrote {path}: K {scripted.primitives}, D {scripted.latent_dim}; open it with sta-studio --model {path}")


def run(path: str) -> None:
    model = torch.jit.load(path)
    print(f"{path}: K {model.primitives}, D {model.latent_dim}, {model.image_size} px, T {model.steps}")
    x = torch.rand(4, model.channels, model.image_size, model.image_size)
    mu, log_var = model.encode(x)
    curl_free, div_free = model.fields(mu, 1.0)
    z = mu + (curl_free[0] + div_free[0])  # one step along primitive 0 at speed 1
    frames = model.decode(torch.cat([mu, z]))
    print(f"encode -> mu {tuple(mu.shape)}; fields -> {tuple(curl_free.shape)} x2; decode -> {tuple(frames.shape)}")


def check(path: str, reference_path: str) -> int:
    model = torch.jit.load(path)
    with open(reference_path) as f:
        ref = json.load(f)

    def tensor(name: str) -> Tensor:
        return torch.tensor(ref[name]["values"], dtype=torch.float32).view(ref[name]["shape"])

    with torch.no_grad():
        mu, log_var = model.encode(tensor("input"))
        curl_free, div_free = model.fields(tensor("latents"), float(ref["t"]))
        got = {"mu": mu, "log_var": log_var, "decoded": model.decode(tensor("latents")),
               "curl_free": curl_free, "div_free": div_free}
    failures = 0
    for name, value in got.items():
        expected = tensor(name)
        worst = (value - expected).abs().max().item() if value.shape == expected.shape else float("inf")
        ok = worst <= 1e-4 + 1e-4 * expected.abs().max().item()
        failures += not ok
        print(f"{name:10s} {'matches' if ok else 'DIFFERS'} (largest difference {worst:.3g})")
    return 1 if failures else 0


def main(argv) -> int:
    if len(argv) == 3 and argv[1] == "write":
        write(argv[2])
    elif len(argv) == 3 and argv[1] == "run":
        run(argv[2])
    elif len(argv) == 4 and argv[1] == "check":
        return check(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
