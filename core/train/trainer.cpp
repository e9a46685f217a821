// The STA trainer (see trainer.h).
#include "core/train/trainer.h"

#include "core/eval/metrics.h"
#include "core/model/clone.h"
#include "core/model/generator_state.h"
#include "core/model/native_backend.h"
#include "core/model/step_parts.h"
#include "core/train/adam_state.h"
#include "core/train/pruning.h"
#include "core/train/sequence_batch.h"
#include "core/train/step_objective.h"

#include <chrono>
#include <utility>
#include <cmath>
#include <sstream>

namespace sta::train {

namespace {
constexpr int64_t kLastGoodEvery = 50;   // steps between copies of known-good weights
constexpr int kMaxFailuresInARow = 8;    // then training is declared diverged
// Candidates for the sparse-coding lambda at inference, tried on labelled validation sequences at
// the end of a run that reads ground truth (the labelled curriculum).
constexpr double kInferenceSparsities[] = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1};

}  // namespace

Trainer::Trainer(TrainConfig config, std::shared_ptr<const data::Dataset> data, torch::Device device,
                 std::string checkpoint_path, std::shared_ptr<DataParallel> parallel)
    : config_(std::move(config)),
      data_(std::move(data)),
      device_(device),
      checkpoint_path_(std::move(checkpoint_path)),
      parallel_(std::move(parallel)) {
  config_.validate();
  torch::manual_seed(config_.seed);
  model_ = model::StaModel(config_.model);
  setup();
}

Trainer::Trainer(const LoadedCheckpoint& checkpoint, std::shared_ptr<const data::Dataset> data, torch::Device device,
                 std::string checkpoint_path, std::shared_ptr<DataParallel> parallel)
    : config_(checkpoint.meta.train),
      data_(std::move(data)),
      device_(device),
      checkpoint_path_(std::move(checkpoint_path)),
      parallel_(std::move(parallel)) {
  torch::manual_seed(config_.seed + static_cast<uint64_t>(checkpoint.meta.step));
  model_ = model::clone_model(*checkpoint.model);
  step_ = checkpoint.meta.step;
  metrics_ = checkpoint.meta.metrics;
  setup();
  if (is_adam_state(checkpoint.optimizer_state)) {
    load_optimizer_state(*optimizer_, checkpoint.optimizer_state, device_);
  } else if (!checkpoint.optimizer_state.empty()) {
    pending_event_ = "the checkpoint's optimiser state is the LibTorch archive of an older version, which is no longer "
                     "read (a crafted one can crash LibTorch): Adam's moments start again from zero";
  }
}

void Trainer::setup() {
  if (data_->image_size() != config_.model.image_size)
    throw std::invalid_argument("the data has " + std::to_string(data_->image_size()) + " px frames but the model expects " +
                                std::to_string(config_.model.image_size) + " px");
  if (data_->spec().steps != config_.model.steps)
    throw std::invalid_argument("the data has T = " + std::to_string(data_->spec().steps) + " but the model expects T = " +
                                std::to_string(config_.model.steps));
  const std::string reader = config_.supervised ? "supervised baseline" : "labelled curriculum (curriculum=labelled)";
  if (config_.reads_ground_truth() && !data_->has_ground_truth())
    throw std::invalid_argument("the " + reader +
                                " reads ground truth, which this source has not: train with curriculum=balanced-steps or none");
  if (config_.reads_ground_truth() && !data_->draws_dynamics())
    throw std::invalid_argument("the " + reader + " needs sequences of one known transformation at a time, which a " +
                                "recording cannot give (its labels only judge): train with curriculum=balanced-steps or none");
  model_->to(device_);
  model_->train();
  if (parallel_) {
    parallel_->local_batch(config_.batch_size);  // throws unless the batch splits evenly
    parallel_->check_same_settings({{"train", config_}, {"data", data_spec_to_json(data_->spec())}, {"step", step_}});
    parallel_->broadcast_parameters(model_->parameters());
  }
  last_good_ = model::clone_model(*model_);
  optimizer_ = std::make_unique<torch::optim::Adam>(model_->parameters(), torch::optim::AdamOptions(config_.learning_rate));
  if (data_->has_ground_truth() && is_rank_zero()) {
    const int half = std::max(1, config_.validation_sequences / 2);
    for (auto mode : {data::SequenceMode::Single, data::SequenceMode::Sparse})
      for (int i = 0; i < half; ++i) validation_.push_back(data_->sequence(data::Split::Train, data::kValidationFirst + i, mode));
  }
  if (config_.model.inference == model::Inference::SparseCoding && config_.prune_tolerance > 0 && is_rank_zero()) {
    const model::GeneratorStateGuard keep_ranks_in_step;
    held_out_frames_ = make_training_frames(*data_, data::Split::Train, data::kValidationFirst,
                                                   config_.validation_sequences, data::SequenceMode::Sparse, device_);
  }
  publish();
}

void Trainer::publish() {
  auto copy = model::clone_model(*model_);
  copy->eval();
  {
    std::lock_guard<std::mutex> lock(snapshot_mutex_);
    snapshot_ = copy.ptr();
  }
  ++snapshot_version_;
}

std::shared_ptr<model::StaModelImpl> Trainer::snapshot() const {
  std::lock_guard<std::mutex> lock(snapshot_mutex_);
  return snapshot_;
}

void Trainer::validate(StepReport& report) {
  const model::GeneratorStateGuard keep_ranks_in_step;  // rank 0 alone validates
  model_->eval();
  model::NativeBackend backend(model_.ptr());
  const auto alignment = eval::spike_alignment(eval::alignment_steps(backend, validation_));
  model_->train();
  report.validation_alignment = alignment.single_accuracy;
  report.validation_f1 = alignment.multi_f1;
  metrics_["validation_alignment"] = alignment.single_accuracy;
}

std::string Trainer::choose_inference_sparsity() {
  const model::GeneratorStateGuard keep_ranks_in_step;  // rank 0 alone validates
  model_->eval();
  model::NativeBackend backend(model_.ptr());
  double best_f1 = -1, best = config_.model.sparsity;
  for (double lambda : kInferenceSparsities) {
    model_->set_inference_sparsity(lambda);
    const double f1 = eval::spike_alignment(eval::alignment_steps(backend, validation_)).multi_f1;
    if (f1 > best_f1) best_f1 = f1, best = lambda;
  }
  model_->train();
  model_->set_inference_sparsity(best);
  config_.model.inference_sparsity = best;
  metrics_["inference_sparsity"] = best;
  std::ostringstream event;
  event << "inference lambda " << best << " chosen on validation sequences (multi-transformation F1 " << best_f1 << ")";
  return event.str();
}

std::string Trainer::prune() {
  const model::GeneratorStateGuard keep_ranks_in_step;  // rank 0 alone prunes
  model_->eval();
  const auto result = prune_primitives(*model_, held_out_frames_, config_.prune_tolerance);
  model_->train();
  model_->set_pruned(result.pruned);
  config_.model.pruned = result.pruned;
  metrics_["pruned"] = result.pruned;
  std::ostringstream event;
  event << "pruning (label-free, tolerance " << config_.prune_tolerance << ", mean step energy " << result.energy
        << "): cost of taking each primitive away";
  const char* separator = " ";
  for (size_t k = 0; k < result.cost.size(); ++k)
    if (std::isfinite(result.cost[k])) event << std::exchange(separator, ", ") << k << ": " << result.cost[k];
  event << "; " << config_.model.primitives - static_cast<int>(result.pruned.size()) << " of " << config_.model.primitives
        << " primitives live";
  if (!result.pruned.empty()) {
    event << ", pruned";
    for (int k : result.pruned) event << " " << k;
  }
  return event.str();
}

StepReport Trainer::recover(StepReport report, const std::string& reason) {
  if (++failures_in_a_row_ > kMaxFailuresInARow)
    throw std::runtime_error("training diverged: " + std::to_string(failures_in_a_row_) +
                             " non-finite steps in a row (last at step " + std::to_string(step_) + ")");
  model::copy_parameters(*last_good_, *model_);
  lr_scale_ *= 0.5;
  std::ostringstream event;
  event << reason << " at step " << step_ << ": restored the last good weights and lowered the learning rate to "
        << config_.learning_rate_at(step_) * lr_scale_;
  report.event = event.str();
  return report;
}

StepReport Trainer::step() {
  const auto start = std::chrono::steady_clock::now();
  StepReport report;
  report.total = config_.total_steps;
  report.stage = config_.stage(step_);
  report.temperature = config_.temperature(step_);
  report.learning_rate = config_.learning_rate_at(step_) * lr_scale_;
  if (report.stage == 2 && !model_->slabs_trained()) {
    model_->set_slabs_trained(true);
    report.event = "stage 2: slabs are now trained";
  }
  for (auto& group : optimizer_->param_groups())
    static_cast<torch::optim::AdamOptions&>(group.options()).lr(report.learning_rate);

  // Rank r of N takes rows [r B/N, (r+1) B/N) of the step's global batch.
  const int64_t rows = parallel_ ? parallel_->local_batch(config_.batch_size) : config_.batch_size;
  const int64_t first = step_ * config_.batch_size + (parallel_ ? parallel_->rank() * rows : 0);
  const auto batch = training_batch(*data_, config_, step_, first, rows, device_);

  std::optional<model::BatchShardScope> shard;
  if (parallel_) shard.emplace(parallel_->shard(config_.batch_size));
  auto objective = training_objective(*model_, config_, batch, step_);
  shard.reset();
  report.curriculum = report.stage > 0 && config_.in_curriculum(step_) && config_.model.inference == model::Inference::SparseCoding;
  report.assignment = objective.assignment;
  report.usage = objective.usage;
  report.best_residual = objective.best_residual;
  report.step_length = objective.step_length;
  report.loss = objective.total.item<double>();
  for (const auto& [name, value] : objective.terms) report.terms.emplace_back(name, value.item<double>());
  if (parallel_) agree_across_ranks(report);

  optimizer_->zero_grad();
  if (!std::isfinite(report.loss)) {
    report = recover(report, "non-finite loss");
  } else {
    objective.total.backward();
    // Averaged gradients are bit-identical on every rank: so are the norm, the guard's decision
    // and the optimiser step.
    if (parallel_) report.allreduce_seconds = parallel_->average_gradients(model_->parameters());
    RECORD_USER_SCOPE(model::part::kOptimiser);  // clip and Adam (or the recovery)
    report.grad_norm = torch::nn::utils::clip_grad_norm_(model_->parameters(), config_.grad_clip);
    if (!std::isfinite(report.grad_norm)) {
      report = recover(report, "non-finite gradient");
    } else {
      optimizer_->step();
      failures_in_a_row_ = 0;
    }
  }
  ++step_;
  report.step = step_;
  if (step_ % kLastGoodEvery == 0 && failures_in_a_row_ == 0) model::copy_parameters(*model_, *last_good_);
  if (done() && held_out_frames_.defined())  // before the last validation, which sees it
    report.event += (report.event.empty() ? "" : "\n") + prune();
  if (config_.validate_every > 0 && !validation_.empty() && (step_ % config_.validate_every == 0 || done())) {
    validate(report);
  }
  // Choosing by labels is for runs that read them anyway (the labelled curriculum).
  if (done() && config_.model.inference == model::Inference::SparseCoding && config_.reads_ground_truth() && !validation_.empty())
    report.event += (report.event.empty() ? "" : "\n") + choose_inference_sparsity();
  if (report.event.empty()) report.event = std::exchange(pending_event_, std::string());
  metrics_["loss"] = report.loss;
  // Every rank publishes, though only rank 0's snapshots are ever shown: the copy draws from the
  // generator, whose stream the ranks must keep in step.
  if (step_ % config_.publish_every == 0 || done()) publish();
  if (config_.checkpoint_every > 0 && step_ % config_.checkpoint_every == 0) check_replicas();
  if (is_rank_zero() && !checkpoint_path_.empty() && config_.checkpoint_every > 0 &&
      step_ % config_.checkpoint_every == 0) {
    try {
      save(checkpoint_path_);
    } catch (const std::exception& e) {  // the previous checkpoint is intact (atomic save)
      if (!keep_training_when_save_fails_) throw;
      report.event = std::string("checkpoint not saved, training goes on: ") + e.what();
    }
  }

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  seconds_per_step_ = seconds_per_step_ == 0 ? seconds : 0.9 * seconds_per_step_ + 0.1 * seconds;
  ++steps_run_;
  total_step_seconds_ += seconds;
  total_allreduce_seconds_ += report.allreduce_seconds;
  report.steps_per_second = 1.0 / seconds_per_step_;
  report.eta_seconds = seconds_per_step_ * static_cast<double>(config_.total_steps - step_);
  return report;
}

void Trainer::run(const std::function<void(const StepReport&)>& progress) {
  while (!done() && !cancelled_) {
    {
      std::unique_lock<std::mutex> lock(pause_mutex_);
      pause_changed_.wait(lock, [&] { return !paused_ || cancelled_; });
    }
    if (cancelled_) break;
    auto report = step();
    if (progress) progress(report);
  }
}

void Trainer::set_paused(bool paused) {
  {
    std::lock_guard<std::mutex> lock(pause_mutex_);
    paused_ = paused;
  }
  pause_changed_.notify_all();
}

void Trainer::cancel() {
  {
    std::lock_guard<std::mutex> lock(pause_mutex_);
    cancel_requested_ = true;
    if (!parallel_) cancelled_ = true;  // ranks stop together, at the step that agrees on it
  }
  pause_changed_.notify_all();
}

CheckpointMeta Trainer::meta() const {
  CheckpointMeta m;
  m.train = config_;
  m.data = data_->spec();
  m.step = step_;
  m.metrics = metrics_;
  m.world_size = parallel_ ? parallel_->size() : 1;
  return m;
}

void Trainer::agree_across_ranks(StepReport& report) {
  std::vector<double> terms;
  for (const auto& term : report.terms) terms.push_back(term.second);
  const auto agreed = parallel_->agree(report.loss, terms, cancel_requested_);
  report.loss = agreed.loss;
  for (size_t i = 0; i < terms.size(); ++i) report.terms[i].second = agreed.terms[i];
  if (agreed.stop) cancelled_ = true;
}

void Trainer::check_replicas() {
  if (parallel_) parallel_->check_identical(model_->parameters());
}

void Trainer::save(const std::string& path) const { save_checkpoint(path, *model_, meta(), optimizer_.get()); }

}  // namespace sta::train
