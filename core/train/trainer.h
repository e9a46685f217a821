// The step-wise STA trainer: curriculum, two-stage schedule (spikes, then slabs), validation, checkpoints
// and weight snapshots for viewers; alone or as one rank of a data-parallel run.
#pragma once

#include "core/data/dataset.h"
#include "core/model/sta_model.h"
#include "core/train/checkpoint.h"
#include "core/train/data_parallel.h"
#include "core/train/train_config.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace sta::train {

struct StepReport {
  int64_t step = 0, total = 0;  // steps done after this one, and planned
  int stage = 1;
  double loss = 0;
  std::vector<std::pair<std::string, double>> terms;  // every objective term (see objective.h)
  double temperature = 1, learning_rate = 0, grad_norm = 0;
  double steps_per_second = 0, eta_seconds = 0;
  double allreduce_seconds = 0;  // spent averaging gradients over the ranks (data-parallel)
  std::optional<double> validation_alignment;  // measured at this step (single-step accuracy)
  std::optional<double> validation_f1;         // ... and multi-transformation F1
  std::string event;                           // e.g. a recovered non-finite step or a stage switch
  // Sparse-coding diagnostics (see model::Objective): curriculum batch, the balanced plan's
  // sequences per primitive, each primitive's share of steps, the best support's residual.
  bool curriculum = false;
  std::vector<int64_t> assignment;
  std::vector<double> usage;
  double best_residual = -1;
  double step_length = -1;
};

// The curriculum trains on single-transformation sequences (sparse-coding inference); then stage 1
// (spikes only) and stage 2 (slabs). Adam with a cosine learning rate, gradient clipping, Gumbel
// temperature annealing; a NaN/Inf guard restores the last good weights and halves the learning rate.
// Periodic validation of spike alignment, periodic checkpoints, snapshots published for viewers.
// pause/cancel may be called from any thread; everything else belongs to the training thread.
// Randomness comes from torch's global generator, seeded at construction: runs are reproducible on
// the CPU as long as no other thread draws from it meanwhile.
// Data-parallel (given a DataParallel): every rank constructs a Trainer with the same config and
// calls step() in lockstep; each trains on its shard of the global batch with averaged gradients,
// and only rank 0 validates and writes checkpoints. A stop request on any rank stops every rank
// after the same step.
class Trainer {
 public:
  // A fresh model. `checkpoint_path` (may be empty) receives periodic checkpoints.
  // `parallel`: this process is one rank of a data-parallel run (rank 0's weights are taken).
  Trainer(TrainConfig config, std::shared_ptr<const data::Dataset> data, torch::Device device,
          std::string checkpoint_path = "", std::shared_ptr<DataParallel> parallel = nullptr);
  // Continues a run from a checkpoint: weights, optimiser state and step count (with any world size).
  Trainer(const LoadedCheckpoint& checkpoint, std::shared_ptr<const data::Dataset> data, torch::Device device,
          std::string checkpoint_path = "", std::shared_ptr<DataParallel> parallel = nullptr);

  StepReport step();  // one optimisation step
  bool done() const { return step_ >= config_.total_steps; }
  // Steps until done or cancelled, waiting while paused; progress is called after each step.
  void run(const std::function<void(const StepReport&)>& progress);

  void set_paused(bool paused);  // any thread
  // Any thread; run() returns after the current step (data-parallel: after the step at which
  // every rank has heard of it).
  void cancel();
  bool paused() const { return paused_; }
  bool cancelled() const { return cancelled_; }
  // A failed periodic checkpoint (full disk, file-size limit) throws out of step() by default;
  // with true, step() reports it in StepReport::event and training goes on. The file on disk
  // is then the previous checkpoint, intact.
  void keep_training_when_save_fails(bool keep) { keep_training_when_save_fails_ = keep; }

  // The latest published copy of the weights, in eval mode; thread-safe. Published at
  // construction and every config.publish_every steps.
  std::shared_ptr<model::StaModelImpl> snapshot() const;
  int64_t snapshot_version() const { return snapshot_version_; }

  void save(const std::string& path) const;  // weights, optimiser state, step, metrics
  // Data-parallel: throws unless every rank holds bit-identical weights (a collective: every
  // rank calls it). Nothing to check in a single process.
  void check_replicas();
  bool is_rank_zero() const { return !parallel_ || parallel_->rank() == 0; }
  // Steps this object ran, the seconds they took and those of their gradient all-reduces.
  int64_t steps_run() const { return steps_run_; }
  double step_seconds() const { return total_step_seconds_; }
  double allreduce_seconds() const { return total_allreduce_seconds_; }
  CheckpointMeta meta() const;
  const TrainConfig& config() const { return config_; }
  int64_t step_count() const { return step_; }
  model::StaModelImpl& model() { return *model_; }

 private:
  void setup();
  void publish();
  void validate(StepReport& report);
  std::string choose_inference_sparsity();
  std::string prune();
  StepReport recover(StepReport report, const std::string& reason);
  void agree_across_ranks(StepReport& report);

  TrainConfig config_;
  std::shared_ptr<const data::Dataset> data_;
  torch::Device device_;
  std::string checkpoint_path_;
  std::shared_ptr<DataParallel> parallel_;
  model::StaModel model_{nullptr};
  model::StaModel last_good_{nullptr};
  std::unique_ptr<torch::optim::Adam> optimizer_;
  int64_t step_ = 0;
  double lr_scale_ = 1.0;       // halved by each non-finite recovery
  int failures_in_a_row_ = 0;
  double seconds_per_step_ = 0;  // moving average
  int64_t steps_run_ = 0;
  double total_step_seconds_ = 0, total_allreduce_seconds_ = 0;
  std::vector<data::Sequence> validation_;
  torch::Tensor held_out_frames_;  // frames only, of the validation indices: for pruning
  nlohmann::json metrics_ = nlohmann::json::object();

  std::atomic<bool> paused_{false}, cancelled_{false}, cancel_requested_{false};
  bool keep_training_when_save_fails_ = false;
  std::string pending_event_;  // reported with the next step (e.g. an optimiser state not restored)
  std::mutex pause_mutex_;
  std::condition_variable pause_changed_;
  mutable std::mutex snapshot_mutex_;
  std::shared_ptr<model::StaModelImpl> snapshot_;
  std::atomic<int64_t> snapshot_version_{0};
};

}  // namespace sta::train
