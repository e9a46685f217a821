// A profile of one training step from LibTorch's autograd profiler: time and matrix-product FLOPs of
// each operator, grouped by the model part (profiler scope) whose forward pass ran it.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace sta::cli {

struct OperatorProfile {
  std::string name;    // forward: the outermost aten operator; backward: the autograd node
  bool backward = false;
  int calls = 0;
  double ms = 0;       // inclusive time of the outermost ranges
  double flops = 0;    // of the matrix products run inside them, from their recorded shapes
};

struct PartProfile {
  std::string part;    // a model::part scope, or "other" for work outside every scope
  double forward_ms = 0, backward_ms = 0, flops = 0;
  std::vector<OperatorProfile> operators;  // most time first
};

struct StepProfile {
  double wall_ms = 0;   // of the profiled call, profiler overhead included
  double flops = 0;     // every part's matrix products, forward and backward
  std::vector<PartProfile> parts;  // most time first
};

// Runs `step` once under the profiler (CPU) and sorts its events. Backward work is charged to the
// part that ran the forward operator it differentiates (matched by autograd sequence number).
StepProfile profile_step(const std::function<void()>& step);

}  // namespace sta::cli
