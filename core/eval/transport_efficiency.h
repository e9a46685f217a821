// Transport efficiency: how much of the gain from "no motion" down to the autoencoder floor a roll-out
// delivers. No torch here (the studio uses it).
#pragma once

namespace sta::eval {

// No motion: every frame predicted by decoded frame 0; floor: every frame encoded and decoded; all in
// the same error. Near 1 for a good flow.
// (no_motion - rollout) / (no_motion - floor), or 0 when the floor is not below no motion: the
// latent space then does not encode the transformation and no flow can transport it.
inline double transport_efficiency(double no_motion, double autoencoder_floor, double rollout) {
  const double possible = no_motion - autoencoder_floor;
  return possible > 1e-6 * no_motion ? (no_motion - rollout) / possible : 0.0;
}

}  // namespace sta::eval
