// The roll-out over any back end, and telling a TorchScript file by its first bytes (see backend.h).
#include "core/model/backend.h"


#include <fstream>

namespace sta::model {

torch::Tensor rollout(ModelBackend& backend, const torch::Tensor& z0, const torch::Tensor& g, int t0) {
  std::vector<torch::Tensor> zs{z0};
  auto z = z0;
  for (int64_t s = 0; s < g.size(1); ++s) {
    auto velocity = backend.fields(z, static_cast<double>(t0 + s + 1)).velocity();  // [K, B, D]
    z = z + torch::einsum("bk,kbd->bd", {g.select(1, s), velocity});
    zs.push_back(z);
  }
  return torch::stack(zs, 1);
}

bool is_torchscript_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

}  // namespace sta::model
