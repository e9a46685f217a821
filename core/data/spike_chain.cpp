// Markov spike chains and slab speeds (see spike_chain.h).
#include "core/data/spike_chain.h"

#include <algorithm>
#include <cmath>

namespace sta::data {

std::vector<std::vector<uint8_t>> draw_spike_chain(int steps, int transforms, Random& rng,
                                                   const SpikeChainOptions& options) {
  std::vector<std::vector<uint8_t>> spikes(steps, std::vector<uint8_t>(transforms, 0));
  for (int t = 0; t < steps; ++t) {
    auto& row = spikes[t];
    do {  // a step with every transformation off is drawn again
      for (int m = 0; m < transforms; ++m) {
        const double p = t == 0                ? options.p_first
                         : spikes[t - 1][m] != 0 ? options.p_on_given_on
                                                 : options.p_on_given_off;
        row[m] = rng.bernoulli(p) ? 1 : 0;
      }
    } while (transforms > 0 && std::none_of(row.begin(), row.end(), [](uint8_t s) { return s != 0; }));
  }
  return spikes;
}

float draw_speed(Random& rng) { return static_cast<float>(std::fabs(rng.laplace(1.0, 0.1))); }

}  // namespace sta::data
