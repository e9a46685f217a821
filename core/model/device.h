// The device a model runs on, named as users type it: "auto", "cpu", "cuda" or "cuda:N".
#pragma once

#include <torch/torch.h>

#include <string>

namespace sta::model {

// Throws std::invalid_argument naming the device when it is unknown or has no usable CUDA.
torch::Device resolve_device(const std::string& name);

}  // namespace sta::model
