// The four metrics of spec section 4 on a trained model, and `evaluate`, which runs them all on a
// dataset's held-out test split.
#pragma once

#include "core/data/dataset.h"
#include "core/eval/alignment.h"
#include "core/eval/transport_efficiency.h"
#include "core/model/backend.h"
#include "core/model/sta_model.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace sta::eval {

// sum over t = 1..T of sum_pixels |predicted_t - target_t|, per sequence:
// [B, T+1, C, S, S] x2 -> [B]. Frame 0 (the encoded input) is not counted.
torch::Tensor sequence_l1_error(const torch::Tensor& predicted, const torch::Tensor& target);

// Equivariance error per transformation, an importance-weighted log-likelihood bound, spike alignment
// and field exactness.
// log (1/S) sum_s exp(log_weights[s]) along dim 0, computed stably: [S, B] -> [B].
torch::Tensor importance_weighted_bound(const torch::Tensor& log_weights);

// Per-sequence log importance weights of `samples` posterior samples under the training
// objective's model (z_0, spikes and slabs sampled from q): [samples, B].
torch::Tensor log_importance_weights(model::StaModelImpl& model, const torch::Tensor& frames, int samples);

// Jacobian of a pointwise map f: [N, D] -> [N, D] by autograd, [N, D, D] with
// [n, i, j] = d f_i / d z_j at point n.
torch::Tensor pointwise_jacobian(const std::function<torch::Tensor(const torch::Tensor&)>& f, const torch::Tensor& z);

struct FieldExactness {
  std::vector<double> divergence;  // per primitive: max |div r_k| / |Jacobian of r_k|_F
  std::vector<double> asymmetry;   // per primitive: max |J - J^T|_F / |J|_F for J = d grad u_k / dz
};
// Autograd Jacobians at `points` random latents z ~ N(0, I): in double precision for our own
// models, in the module's precision for a TorchScript module.
FieldExactness field_exactness(model::ModelBackend& backend, int points, uint64_t seed);

// Model's spike probabilities and the ground truth, step by step, for the alignment metric.
std::vector<AlignmentStep> alignment_steps(model::ModelBackend& model, const std::vector<data::Sequence>& sequences);

struct EvalOptions {
  int sequences = 64;            // single-transformation sequences per transformation
  int likelihood_samples = 16;   // importance samples per sequence
  int batch = 32;
};

struct EvalReport {
  std::vector<std::string> transforms;  // aligned with the spikes: the source's, a clip folder's factors
  // Groups of the roll-out errors below: each transformation of a generated source; "all" the
  // test windows of a recording (video, clips), whose steps are not of one transformation each.
  std::vector<std::string> rollout_names;
  bool recording = false;  // a video or clip source: test windows, not generated sequences
  std::vector<double> equivariance;  // per group, mean over sequences
  // Reference levels in the same L1 as the equivariance error, per transformation: decoding
  // the encoder's own mean of every frame (what a perfect flow through this autoencoder could
  // reach), and predicting every frame by decoded frame 0 (no motion at all).
  std::vector<double> autoencoder_floor, no_motion;
  // (no_motion - equivariance) / (no_motion - floor): the share of the possible gain that the
  // flow delivers; near 1 for a good flow; 0 when the floor is not below no motion (the latent
  // space does not encode that transformation). Needs a high alignment too: a weak autoencoder
  // hides a good flow and a strong one hides a bad flow.
  std::vector<double> transport_efficiency;
  std::optional<double> log_likelihood;  // nats per sequence, mean over sequences (our models only)
  AlignmentResult alignment;         // on single + sparse test sequences (a recording: its windows)
  std::string matched_on;            // what the primitive-to-transformation match was fitted on
  FieldExactness exactness;
  EvalOptions options;
  int64_t sequences_evaluated = 0;
  nlohmann::json to_json() const;
};

// The seed of the likelihood bound's importance samples: the same figures on every run.
constexpr uint64_t kLikelihoodSeed = 20261206;

// Runs every metric on the test split. A recording without labels gets no alignment (no
// transformations), only the primitives' usage.
EvalReport evaluate(model::ModelBackend& model, const data::Dataset& data, const EvalOptions& options);

// Consecutive test sequences [first, first + count) in the given mode.
std::vector<data::Sequence> test_sequences(const data::Dataset& data, int64_t first, int64_t count,
                                           data::SequenceMode mode);

}  // namespace sta::eval
