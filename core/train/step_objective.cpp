// The inputs and objective of a training step (see step_objective.h).
#include "core/train/step_objective.h"

#include "core/model/frames.h"
#include "core/model/sparse_objective.h"
#include "core/model/step_parts.h"
#include "core/train/sequence_batch.h"

namespace sta::train {

namespace {

bool labelled_curriculum(const TrainConfig& config, int64_t step) {
  return config.curriculum == Curriculum::Labelled && config.stage(step) > 0 && config.in_curriculum(step) &&
         config.model.inference == model::Inference::SparseCoding;
}

}  // namespace

TrainingBatch training_batch(const data::Dataset& data, const TrainConfig& config, int64_t step, int64_t first,
                             int64_t rows, torch::Device device) {
  RECORD_USER_SCOPE(model::part::kData);
  const auto mode = labelled_curriculum(config, step) ? data::SequenceMode::Curriculum : data::SequenceMode::Sparse;
  TrainingBatch batch;
  if (config.supervised) {
    auto made = make_batch(data, data::Split::Train, first, static_cast<int>(rows), mode, device);
    batch.frames = made.frames;
    batch.known_g = model::ground_truth_g(made.sequences, config.model.primitives).to(device);
  } else {
    batch.frames = make_training_frames(data, data::Split::Train, first, static_cast<int>(rows), mode, device);
  }
  return batch;
}

model::Objective training_objective(model::StaModelImpl& model, const TrainConfig& config, const TrainingBatch& batch,
                                    int64_t step) {
  RECORD_USER_SCOPE(model::part::kLosses);  // what the model's parts inside do not claim
  const auto& frames = batch.frames;
  const int stage = config.stage(step);
  if (stage == 0) return model::autoencoder_objective(model, frames, config.kl_weight);
  if (config.model.inference == model::Inference::SparseCoding) {
    model::SparseObjectiveSettings settings;
    settings.train_slabs = stage == 2;
    if (config.in_curriculum(step) && config.balanced_assignment)
      settings.balanced = config.curriculum == Curriculum::Labelled ? model::AssignmentUnit::Sequence
                                                                     : model::AssignmentUnit::Step;
    settings.assignment_cost = config.assignment_cost;
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
  if (batch.known_g) settings.known_g = *batch.known_g;
  settings.trace = config.model.trace;
  auto objective = model::sta_objective(model, frames, settings);
  if (config.autoencoder_weight > 0) {
    auto frame_terms = model::autoencoder_objective(model, frames, config.kl_weight);
    objective.total = objective.total + config.autoencoder_weight * frame_terms.total;
    objective.terms.emplace_back("autoencoder", frame_terms.total);
  }
  return objective;
}

}  // namespace sta::train
