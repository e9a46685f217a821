// Spike-and-slab dynamics of the data generator (spec section 1).
#pragma once

#include "core/data/random.h"

#include <cstdint>
#include <vector>

namespace sta::data {

// One Markov spike chain per transformation, redrawn at any step where every transformation would be
// off, and |Laplace(1, 0.1)| speeds for the transformations that are on.
struct SpikeChainOptions {
  double p_first = 0.1;         // P(y_1[m] = 1)
  double p_on_given_on = 0.9;   // P(y_t[m] = 1 | y_{t-1}[m] = 1)
  double p_on_given_off = 0.1;  // P(y_t[m] = 1 | y_{t-1}[m] = 0)
};

// spikes[t][m] for t = 0..steps-1 and m = 0..transforms-1; no row is all zeros.
std::vector<std::vector<uint8_t>> draw_spike_chain(int steps, int transforms, Random& rng,
                                                   const SpikeChainOptions& options = {});

// One slab speed: |Laplace(mu = 1, b = 0.1)|.
float draw_speed(Random& rng);

}  // namespace sta::data
