// The objective of a training step (see step_objective.h).
#include "core/train/step_objective.h"

#include "core/model/frames.h"
#include "core/model/sparse_objective.h"

namespace sta::train {

model::Objective training_objective(model::StaModelImpl& model, const TrainConfig& config, const torch::Tensor& frames,
                                    int64_t step, const std::vector<data::Sequence>& batch, bool curriculum) {
  const int stage = config.stage(step);
  if (stage == 0) return model::autoencoder_objective(model, frames, config.kl_weight);
  if (config.model.inference == "sparse-coding") {
    model::SparseObjectiveSettings settings;
    settings.train_slabs = stage == 2;
    settings.balanced = curriculum && config.balanced_assignment;
    settings.assignment_cost =
        config.assignment_cost == "energy" ? model::AssignmentCost::Energy : model::AssignmentCost::Direction;
    settings.sinkhorn_epsilon = config.sinkhorn_epsilon;
    settings.sinkhorn_iterations = config.sinkhorn_iterations;
    settings.frame_weight = config.autoencoder_weight;
    settings.kl_weight = config.kl_weight;
    settings.latent_weight = config.latent_weight;
    settings.one_step_weight = config.one_step_weight;
    settings.spike_kl_weight = config.spike_kl_weight(step);
    return model::sparse_coding_objective(model, frames, settings);
  }
  model::ObjectiveSettings settings;
  settings.temperature = config.temperature(step);
  settings.train_slabs = stage == 2;
  settings.spike_kl_weight = config.spike_kl_weight(step);
  if (config.supervised) settings.known_g = model::ground_truth_g(batch, config.model.primitives).to(frames.device());
  settings.trace = config.model.trace == "exact" ? model::Trace::Exact : model::Trace::Hutchinson;
  auto objective = model::sta_objective(model, frames, settings);
  if (config.autoencoder_weight > 0) {
    auto frame_terms = model::autoencoder_objective(model, frames, config.kl_weight);
    objective.total = objective.total + config.autoencoder_weight * frame_terms.total;
    objective.terms.emplace_back("autoencoder", frame_terms.total);
  }
  return objective;
}

}  // namespace sta::train
