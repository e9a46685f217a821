// Deep copies of modules: published training snapshots for viewers, double-precision
// copies for exactness checks, restoring last-good weights after a non-finite step.
#pragma once

#include "core/model/sta_model.h"

namespace sta::model {

// Copies every parameter and buffer value (same names and shapes required) without grad.
void copy_parameters(const torch::nn::Module& from, torch::nn::Module& to);
// A new, independent model with the same config and weights, on the same device. Building it
// draws its (overwritten) initial weights from torch's generator.
StaModel clone_model(const StaModelImpl& model);

}  // namespace sta::model
