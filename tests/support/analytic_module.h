// Test helper: a TorchScript module built in C++ (no Python) that meets docs/TORCHSCRIPT.md with known,
// analytic parts.
#pragma once

#include <torch/script.h>

#include <string>

namespace sta::test {

enum class Breakage { None, MissingInfer, WrongFieldShape, MissingAttribute, StringAttribute, ZeroLatentDim };

// K = 2 primitives on D = 4 latents of 28 px colour frames: primitive 0 is a source (curl-free
// v = z / 2, potential |z|^2 / 4), primitive 1 a rotation in the (z0, z1) plane (divergence-free
// v = (-z1, z0, 0, 0)). The encoder and decoder are a fixed linear map and its transpose; infer says
// primitive 0 fires (p 0.9, speed 1). `breakage` makes it break the contract in one named way.
inline torch::jit::Module analytic_module(Breakage breakage = Breakage::None) {
  torch::jit::Module m("AnalyticFlows");
  const int64_t pixels = 3 * 28 * 28, d = 4;
  auto generator = at::detail::createCPUGenerator(5);
  m.register_buffer("projection", torch::randn({pixels, d}, generator, torch::kFloat) / std::sqrt(double(pixels)));
  auto rotation = torch::zeros({d, d});
  rotation[0][1] = 1.0;
  rotation[1][0] = -1.0;
  m.register_buffer("rotation", rotation);
  if (breakage != Breakage::MissingAttribute) m.register_attribute("primitives", c10::IntType::get(), int64_t{2});
  if (breakage == Breakage::StringAttribute)
    m.register_attribute("latent_dim", c10::StringType::get(), std::string("four"));
  else
    m.register_attribute("latent_dim", c10::IntType::get(), int64_t{breakage == Breakage::ZeroLatentDim ? 0 : d});
  m.register_attribute("image_size", c10::IntType::get(), int64_t{28});
  m.register_attribute("channels", c10::IntType::get(), int64_t{3});
  m.register_attribute("steps", c10::IntType::get(), int64_t{8});
  const std::string div_free = breakage == Breakage::WrongFieldShape
                                   ? "[torch.zeros_like(z), torch.mm(z, self.rotation), z]"
                                   : "[torch.zeros_like(z), torch.mm(z, self.rotation)]";
  std::string source = R"(
def encode(self, x: Tensor) -> Tuple[Tensor, Tensor]:
    mu = torch.mm(x.flatten(1) * 2.0 - 1.0, self.projection)
    return mu, torch.zeros_like(mu) - 4.0

def decode(self, z: Tensor) -> Tensor:
    return torch.sigmoid(torch.mm(z, self.projection.t()) * 4.0).view([z.size(0), 3, 28, 28])

def fields(self, z: Tensor, t: float) -> Tuple[Tensor, Tensor]:
    curl_free = torch.stack([0.5 * z, torch.zeros_like(z)])
    div_free = torch.stack()" + div_free + R"()
    return curl_free, div_free

def potential(self, z: Tensor, t: float) -> Tensor:
    return torch.stack([0.25 * z.pow(2).sum(-1), torch.zeros([z.size(0)])])
)";
  if (breakage != Breakage::MissingInfer)
    source += R"(
def infer(self, frames: Tensor) -> Tuple[Tensor, Tensor]:
    b = frames.size(0)
    t = frames.size(1) - 1
    p = torch.zeros([b, t, 2]) + torch.tensor([0.9, 0.1])
    return p, torch.ones([b, t, 2])
)";
  m.define(source);
  return m;
}

}  // namespace sta::test
