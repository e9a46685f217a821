// The closed sets among the model's settings (spike inference, likelihood, Laplacian trace,
// assignment cost), each with its table of names for JSON and command lines. No torch here.
#pragma once

#include "core/util/enum_names.h"

namespace sta::model {

// Spike inference: which fields explain the latent step (spec section 6), or a conv net on the
// frame pair (spec section 2). "sparse-coding", "pair-network".
enum class Inference { SparseCoding, PairNetwork };
const util::NameTable<Inference>& names(Inference);

// Frame likelihood: BCE, or unit-variance MSE. "bernoulli", "gaussian".
enum class Likelihood { Bernoulli, Gaussian };
const util::NameTable<Likelihood>& names(Likelihood);

// Laplacian of the potentials: none, exact, or Hutchinson's estimate. A setting names only
// "hutchinson" and "exact"; None is for evaluations that need no Laplacian.
enum class Trace { None, Exact, Hutchinson };
const util::NameTable<Trace>& names(Trace);

// What a balanced assignment minimises (see balanced_assignment in sparse_coding.h).
// "direction", "energy".
enum class AssignmentCost { Energy, Direction };
const util::NameTable<AssignmentCost>& names(AssignmentCost);

}  // namespace sta::model
