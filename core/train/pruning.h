// Label-free pruning of primitives after training, by the sparse-coding fit of held-out frames.
#pragma once

#include "core/model/sta_model.h"

#include <torch/torch.h>

#include <vector>

namespace sta::train {

// A primitive is pruned while taking it away costs the sparse-coding fit of held-out steps (the mean
// energy of each step's best support: relative residual plus lambda per primitive) less than a
// tolerance, i.e. while it explains no step that the others cannot. Frames only: no ground truth is read.
struct Pruning {
  std::vector<int> pruned;          // sorted; includes those pruned before
  std::vector<double> cost;         // [K]: mean energy added by taking primitive k away from the kept set
  double energy = 0;                // mean best-support energy with the kept primitives
};

// From the energies [N, T, S] of every support (rows of `supports` [S, K]) at N x T steps, with
// `pruned` gone already. Greedy: the cheapest primitive goes first, one at a time, while its cost
// is below `tolerance`; at least one primitive stays.
Pruning prune_by_energy(const torch::Tensor& energy, const torch::Tensor& supports, std::vector<int> pruned,
                        double tolerance);
// The same on the model's inference energies of frames [N, T+1, C, S, S].
Pruning prune_primitives(model::StaModelImpl& model, const torch::Tensor& frames, double tolerance);

}  // namespace sta::train
