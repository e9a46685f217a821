// Adam's per-parameter state (step count, first and second moments) in the checkpoint's own format.
#pragma once

#include <torch/torch.h>

#include <string>

namespace sta::train {

// A magic, a JSON index and raw floats, read with bounds checks only. It replaces LibTorch's serialize
// archive, whose unpickler fuzzing crashed (a segfault in its type parser) with a crafted optimiser
// block behind valid CRCs.
// The state of every parameter of `adam`, in its parameter groups' order.
std::string adam_state_bytes(const torch::optim::Adam& adam);

// True when `bytes` are in this format (older checkpoints hold a LibTorch archive instead).
bool is_adam_state(const std::string& bytes);

// Restores the state onto `adam`'s parameters (on `device`). Throws CheckpointError when the
// bytes are not in this format, are damaged, or do not fit the parameters' count and shapes.
void load_adam_state(torch::optim::Adam& adam, const std::string& bytes, const torch::Device& device);

}  // namespace sta::train
