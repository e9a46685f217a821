// Writes one of our models as a TorchScript module that meets docs/TORCHSCRIPT.md, for Python
// (torch.jit.load) and the studio's TorchScript back end.
#pragma once

#include "core/model/sta_model.h"

#include <torch/script.h>

#include <string>

namespace sta::model {

// The module's methods are TorchScript source generated for this model's layer sizes, its weights
// are the module's parameters. Supports the recipe's models: linear fields (no MLP parts) with
// sparse-coding spike inference; anything else is refused with the reason.
// The module for `model` (on the CPU, float32). `metadata` is stored as its string attribute
// `metadata` (JSON with the data, step and preset; may be empty). Throws std::invalid_argument
// for a model it cannot express.
torch::jit::Module torchscript_module(StaModelImpl& model, const std::string& metadata);

}  // namespace sta::model
