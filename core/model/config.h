// ModelConfig: every architectural setting of an STA model, serialisable as JSON so that a
// checkpoint can rebuild exactly the model that wrote it. No torch here.
#pragma once

#include "core/model/settings.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sta::model {

struct ModelConfig {
  int image_size = 28;       // square frames, image_size^2 x channels
  int channels = 3;
  int steps = 8;             // T: transitions per sequence (T+1 frames)
  int latent_dim = 32;       // D
  int primitives = 3;        // K flow primitives
  int base_channels = 32;    // conv width of the first stage; doubles per stage up to 4x
  int smallest_map = 4;      // stride-2 conv stages halve the frame until it is at most this
  int encoder_kernel = 3;    // kernel of the encoder's stride-2 convolutions (3 or 4; padding 1)
  int decoder_head_channels = 0;  // width of an extra full-size 3x3 conv before the decoder's output (0: none)
  int dense = 256;           // fully connected width behind the convolutions
  int potential_hidden = 64; // hidden width of the potential and stream-function MLPs
  int time_embedding = 8;    // sinusoidal features of t fed to the potentials (even)
  Likelihood likelihood = Likelihood::Bernoulli;  // "bernoulli" (BCE) or "gaussian" (unit-variance MSE)
  Trace trace = Trace::Hutchinson;                // Laplacian in training: "hutchinson" or "exact"
  // Spike prior: Markov chain over each primitive's on/off state (spec sections 1 and 2).
  double spike_initial = 0.1;  // p(y_1 = 1)
  double spike_on_on = 0.9;    // p(y_t = 1 | y_{t-1} = 1)
  double spike_off_on = 0.1;   // p(y_t = 1 | y_{t-1} = 0)
  // Slab prior Laplace(loc, scale) on speeds.
  double slab_prior_loc = 1.0;
  double slab_prior_scale = 0.1;
  double hj_weight = 1.0;      // weight of the Hamilton-Jacobi PINN terms
  // Flow primitives (spec section 6): a linear (Lie-algebra) base u = z'Pz/2 + b.z - t|b|^2/2,
  // r = S z, and/or MLP parts (potential and stream function). With both, the MLP parts sit
  // behind learned gates that start at 0. Checkpoints without these keys are MLP-only.
  bool linear_fields = true;
  bool mlp_fields = false;
  // Spike inference: "sparse-coding" (which fields explain the latent step, spec section 6) or
  // "pair-network" (a conv net on the frame pair, spec section 2).
  Inference inference = Inference::SparseCoding;
  double sparsity = 0.02;            // lambda per active primitive in the sparse-coding energy (training)
  double inference_sparsity = 0.05;  // lambda when the model infers without sampling (evaluation, studio)
  double support_temperature = 0.05; // tau: spike posterior softmax(-energy / tau) over supports
  double slab_ridge = 1.0;           // ridge towards speed 1 of the stage-2 least-squares slabs
  // Primitives pruned after training (explaining no step that the others cannot): no support
  // holding one is ever chosen, so their spikes stay off. Sorted, fewer than `primitives`.
  std::vector<int> pruned;

  // Spatial sizes of the conv stages: image_size, then stride-2 reductions down to <= smallest_map.
  std::vector<int> stage_sizes() const;
  // Output channels of conv stage i (0-based).
  int stage_channels(int i) const;
  // Throws std::invalid_argument naming the first bad field.
  void validate() const;
};

// The settings that are closed sets are written and read as their names (settings.h); a name
// outside the set is refused with the same message as validate() gives.
void to_json(nlohmann::json& j, const ModelConfig& c);
void from_json(const nlohmann::json& j, ModelConfig& c);

}  // namespace sta::model
