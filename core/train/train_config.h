// TrainConfig: the optimisation settings of a training run and its named presets. No torch here.
#pragma once

#include "core/model/config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sta::train {

enum class Curriculum { None, BalancedSteps, Labelled };
const util::NameTable<Curriculum>& names(Curriculum);  // "none", "balanced-steps", "labelled"

// Presets: `tiny` (tests), `demo` (the CPU default) and `paper` (the paper's scale, GPU).
// Serialised to JSON inside checkpoints.
struct TrainConfig {
  std::string preset = "demo";
  model::ModelConfig model;
  int batch_size = 32;
  int64_t total_steps = 5000;
  double warmup_fraction = 0.0;       // stage 0: frames autoencoded independently (no flows)
  double autoencoder_weight = 1.0;    // stages 1-2: weight of the per-frame autoencoder term
  double kl_weight = 0.5;             // beta on the per-frame KL terms
  // Curriculum (sparse-coding inference), for curriculum_fraction of the steps after the warm-up:
  //  - BalancedSteps (label-free): the training sequences as they come, every step given one
  //    primitive by a balanced Sinkhorn plan over the batch's steps (epsilon, iterations);
  //  - Labelled (weak supervision): single-transformation sequences asked of the generator
  //    (stratified by type, so it reads ground truth), one primitive per sequence by the plan;
  //  - None: the posterior's draw from the first step.
  // Without balanced_assignment a curriculum draws from the posterior too.
  Curriculum curriculum = Curriculum::Labelled;
  double curriculum_fraction = 0.3;
  bool balanced_assignment = true;
  model::AssignmentCost assignment_cost = model::AssignmentCost::Direction;  // what the plan minimises (sparse_coding.h)
  double sinkhorn_epsilon = 0.05;
  int sinkhorn_iterations = 50;
  double latent_weight = 5.0;         // roll-out pulled to the encoder means (sparse coding)
  double one_step_weight = 5.0;       // one-step prediction pulled to the encoder means (sparse coding)
  bool supervised = false;            // roll out with the ground-truth transformations (baseline)
  double slab_stage_fraction = 0.5;   // stage 2 (slabs trained) starts after this fraction of steps
  // After the last step (sparse coding), primitives are pruned while taking one away raises the
  // mean best-support energy of held-out steps by less than this (train/pruning.h); 0: never.
  double prune_tolerance = 0.02;
  double learning_rate = 1e-3;        // Adam, cosine-decayed to lr_final_fraction of itself
  double lr_final_fraction = 0.1;
  double lr_warmup_fraction = 0.0;    // the learning rate ramps linearly from 0 over this fraction of the steps
  double grad_clip = 100.0;           // global gradient-norm clip
  double temperature_start = 1.0;     // Gumbel-sigmoid temperature, annealed exponentially
  double temperature_end = 0.05;      // ... from the end of the warm-up to anneal_fraction of the steps
  double anneal_fraction = 0.6;
  double spike_kl_warmup_fraction = 0.0;  // spike KL weight ramps 0 -> spike_kl_scale over this fraction
  double spike_kl_scale = 1.0;            // final weight of the spike KL (1: the plain ELBO)
  uint64_t seed = 0;
  int64_t checkpoint_every = 500;     // steps between periodic checkpoints (0: never)
  int64_t validate_every = 100;       // steps between validation spike-alignment measurements
  int validation_sequences = 48;
  int64_t publish_every = 10;         // steps between snapshots published to viewers

  int stage(int64_t step) const;  // 0 (autoencoder warm-up), 1 (spikes only), 2 (spikes and slabs)
  bool in_curriculum(int64_t step) const;   // a curriculum other than None, at this step
  // Whether training reads ground truth: the labelled curriculum, or the supervised baseline.
  bool reads_ground_truth() const;
  double temperature(int64_t step) const;
  double spike_kl_weight(int64_t step) const;
  double learning_rate_at(int64_t step) const;
  void validate() const;                    // throws std::invalid_argument
};

// Names accepted by make_preset.
std::vector<std::string> preset_names();
// A preset sized for frames of image_size pixels, `primitives` primitives and T = steps.
TrainConfig make_preset(const std::string& name, int image_size, int primitives, int steps);

// Applies "key=value" overrides (keys as in the JSON form, dotted for the model config, e.g.
// "model.latent_dim=16", "learning_rate=2e-3"); values are JSON. Throws std::invalid_argument,
// also for a setting that the chosen spike inference never reads (e.g. the Gumbel temperature
// under sparse coding, the curriculum under the pair network).
TrainConfig with_overrides(const TrainConfig& config, const std::vector<std::string>& assignments);

// The closed sets (curriculum, assignment cost, the model's) are written and read as their names.
void to_json(nlohmann::json& j, const TrainConfig& c);
void from_json(const nlohmann::json& j, TrainConfig& c);

}  // namespace sta::train
