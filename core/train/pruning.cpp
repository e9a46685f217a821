// Label-free pruning of primitives (see pruning.h).
#include "core/train/pruning.h"

#include "core/model/sparse_coding.h"

#include <algorithm>
#include <limits>

namespace sta::train {

namespace {

// Mean over steps of the lowest energy among supports that avoid `removed`, from energies [N, T, S].
double best_energy(const torch::Tensor& energy, const torch::Tensor& supports, const std::vector<int>& removed) {
  auto penalised = energy + model::kPrunedEnergy * model::pruned_supports(supports, removed);
  return std::get<0>(penalised.min(-1)).mean().item<double>();
}

}  // namespace

Pruning prune_by_energy(const torch::Tensor& energy, const torch::Tensor& supports, std::vector<int> pruned,
                        double tolerance) {
  const int primitives = static_cast<int>(supports.size(1));
  Pruning out;
  out.pruned = std::move(pruned);
  while (true) {
    out.energy = best_energy(energy, supports, out.pruned);
    out.cost.assign(primitives, std::numeric_limits<double>::infinity());
    int cheapest = -1;
    for (int k = 0; k < primitives; ++k) {
      if (std::find(out.pruned.begin(), out.pruned.end(), k) != out.pruned.end()) continue;
      auto without = out.pruned;
      without.push_back(k);
      out.cost[k] = best_energy(energy, supports, without) - out.energy;
      if (cheapest < 0 || out.cost[k] < out.cost[cheapest]) cheapest = k;
    }
    const bool last_one = static_cast<int>(out.pruned.size()) + 1 >= primitives;
    if (last_one || out.cost[cheapest] >= tolerance) break;
    out.pruned.push_back(cheapest);
    std::sort(out.pruned.begin(), out.pruned.end());
  }
  return out;
}

Pruning prune_primitives(model::StaModelImpl& model, const torch::Tensor& frames, double tolerance) {
  torch::NoGradGuard no_grad;
  const auto& c = model.config();
  const int64_t b = frames.size(0), t = frames.size(1) - 1;
  auto means = model.encode(frames.flatten(0, 1)).mean.view({b, t + 1, -1});
  auto fit = model::fit_supports(*model.flow(), means, model.slabs_trained(), c.inference_sparsity, c.support_temperature,
                                 c.slab_ridge);
  return prune_by_energy(-fit.logits * c.support_temperature, fit.supports, c.pruned, tolerance);
}

}  // namespace sta::train
