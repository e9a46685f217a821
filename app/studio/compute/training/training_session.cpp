// The studio's training worker (see training_session.h). The only studio file that sees
// torch: it is built in its own small library with the shared precompiled header.
#include "app/studio/compute/training/training_session.h"

#include "core/model/device.h"
#include "core/model/sta_model.h"
#include "core/train/model_file.h"
#include "core/train/train_config.h"
#include "core/train/trainer.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace sta::studio {

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxEvents = 64;
constexpr int kWorkerNice = 2;  // the UI thread wins when the cores are busy

// Lowers this thread's priority and sets its torch threads: all cores but one for the UI.
void configure_worker_thread() {
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, tid);
  if (errno == 0) setpriority(PRIO_PROCESS, tid, std::min(19, nice + kWorkerNice));
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  at::set_num_threads(static_cast<int>(std::max(1u, cores - 1)));
}

}  // namespace

const char* phase_name(TrainingPhase phase) {
  switch (phase) {
    case TrainingPhase::Idle: return "idle";
    case TrainingPhase::Starting: return "starting";
    case TrainingPhase::Running: return "running";
    case TrainingPhase::Paused: return "paused";
    case TrainingPhase::Finished: return "finished";
    case TrainingPhase::Stopped: return "stopped";
    case TrainingPhase::Failed: return "failed";
  }
  return "?";
}

bool cuda_available() { return torch::cuda::is_available(); }

struct TrainingSession::State {
  mutable std::mutex mutex;
  std::condition_variable wake;
  std::thread worker;

  // Requests from the UI thread (guarded by mutex).
  bool stop = false, paused = false;
  std::optional<std::string> save_path;

  // Published by the worker (guarded by mutex).
  TrainingView view;
  int runs = 0;
  std::shared_ptr<model::StaModelImpl> snapshot;
  int64_t snapshot_version = 0, snapshot_step = 0;
  data::DataSpec data;

  // UI thread only.
  int64_t adopted_version = 0;
  Clock::time_point adopted_at{};
  int adopted_revision = -1;  // the Workspace's model_revision right after our last adoption
  bool following = true;
  bool error_reported = false;
  int saves_reported = 0;

  void record(const train::StepReport& r);
  void event(const std::string& text) {
    view.events.push_back(text);
    if (view.events.size() > kMaxEvents) view.events.erase(view.events.begin());
  }
  void run(train::TrainConfig config, std::shared_ptr<const data::Dataset> data, torch::Device device);
};

void TrainingSession::State::record(const train::StepReport& r) {
  view.step = r.step;
  view.total = r.total;
  view.stage = r.stage;
  view.loss = r.loss;
  view.steps_per_second = r.steps_per_second;
  view.eta_seconds = r.eta_seconds;
  if (!r.event.empty()) event("step " + std::to_string(r.step) + ": " + r.event);
  view.history.record(r.step, r.total, r.loss, r.terms, r.validation_alignment);
}

void TrainingSession::State::run(train::TrainConfig config, std::shared_ptr<const data::Dataset> data,
                                 torch::Device device) {
  configure_worker_thread();
  try {
    train::Trainer trainer(std::move(config), std::move(data), device);
    int64_t published = -1;
    const auto publish = [&] {
      if (trainer.snapshot_version() == published) return;
      published = trainer.snapshot_version();
      auto copy = trainer.snapshot();
      std::lock_guard<std::mutex> lock(mutex);
      snapshot = std::move(copy);
      ++snapshot_version;
      snapshot_step = trainer.step_count();
    };
    publish();
    {
      std::lock_guard<std::mutex> lock(mutex);
      view.phase = trainer.done() ? TrainingPhase::Finished : paused ? TrainingPhase::Paused : TrainingPhase::Running;
      view.total = trainer.config().total_steps;
    }
    for (;;) {
      std::optional<std::string> save;
      {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [&] { return stop || save_path || (!paused && !trainer.done()); });
        if (stop) break;
        save = std::exchange(save_path, std::nullopt);
      }
      if (save) {
        std::string outcome;
        try {
          trainer.save(*save);
          outcome = "saved " + *save + " (step " + std::to_string(trainer.step_count()) + ")";
        } catch (const std::exception& e) {
          outcome = "cannot save " + *save + ": " + e.what();
        }
        std::lock_guard<std::mutex> lock(mutex);
        view.last_save = outcome;
        ++view.saves;
        event(outcome);
        continue;
      }
      const train::StepReport report = trainer.step();
      publish();
      std::lock_guard<std::mutex> lock(mutex);
      record(report);
      if (trainer.done()) {
        view.phase = TrainingPhase::Finished;
        event("finished " + std::to_string(report.step) + " steps");
      }
    }
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> lock(mutex);
    view.phase = TrainingPhase::Failed;
    view.error = std::string("training failed: ") + e.what();
    if (save_path) {  // answer a save that came too late
      view.last_save = "cannot save " + *save_path + ": training failed";
      ++view.saves;
      save_path.reset();
    }
  }
}

TrainingSession::TrainingSession() : state_(std::make_unique<State>()) {}

TrainingSession::~TrainingSession() { stop(); }

bool TrainingSession::start(std::shared_ptr<const data::Dataset> data, const std::string& preset,
                            const std::string& device_name, int64_t steps, std::string& error) {
  if (!data) {
    error = "open data before training";
    return false;
  }
  train::TrainConfig config;
  std::optional<torch::Device> device;
  try {
    const int transforms = std::max<int>(1, static_cast<int>(data->transforms().size()));
    config = train::make_preset(preset, data->image_size(), transforms, data->spec().steps);
    if (steps > 0) config.total_steps = steps;
    config.checkpoint_every = 0;  // the studio writes checkpoints only when asked
    config.validate();
    device = model::resolve_device(device_name);
  } catch (const std::exception& e) {
    error = std::string("cannot train: ") + e.what();
    return false;
  }
  stop();
  State& s = *state_;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.stop = false;
    s.paused = false;
    s.save_path.reset();
    s.view = TrainingView{};
    s.view.run = ++s.runs;
    s.view.phase = TrainingPhase::Starting;
    s.view.preset = preset;
    s.view.device = device->str();
    s.view.total = config.total_steps;
    s.snapshot.reset();
    s.snapshot_version = 0;
    s.snapshot_step = 0;
    s.data = data->spec();
  }
  s.adopted_version = 0;
  s.adopted_at = {};
  s.adopted_revision = -1;
  s.following = true;
  s.error_reported = false;
  s.saves_reported = 0;
  s.worker = std::thread([&s, config, data, device = *device] { s.run(config, data, device); });
  return true;
}

void TrainingSession::pause() {
  std::lock_guard<std::mutex> lock(state_->mutex);
  state_->paused = true;
  if (state_->view.phase == TrainingPhase::Running) state_->view.phase = TrainingPhase::Paused;
}

void TrainingSession::resume() {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->paused = false;
    if (state_->view.phase == TrainingPhase::Paused) state_->view.phase = TrainingPhase::Running;
  }
  state_->wake.notify_all();
}

void TrainingSession::stop() {
  State& s = *state_;
  if (!s.worker.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.stop = true;
  }
  s.wake.notify_all();
  s.worker.join();
  std::lock_guard<std::mutex> lock(s.mutex);
  const TrainingPhase p = s.view.phase;
  if (p == TrainingPhase::Starting || p == TrainingPhase::Running || p == TrainingPhase::Paused) {
    s.view.phase = TrainingPhase::Stopped;
    s.event("stopped at step " + std::to_string(s.view.step));
  }
  if (s.save_path) {
    s.view.last_save = "cannot save " + *s.save_path + ": training was stopped first";
    ++s.view.saves;
    s.save_path.reset();
  }
}

bool TrainingSession::save(const std::string& path) {
  if (!has_trainer()) return false;
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->save_path = path;
  }
  state_->wake.notify_all();
  return true;
}

void TrainingSession::poll(Workspace& ws) {
  State& s = *state_;
  std::vector<std::string> errors;
  std::shared_ptr<model::StaModelImpl> snapshot;
  int64_t step = 0;
  train::CheckpointSummary summary;
  bool first = false;
  const Clock::time_point now = Clock::now();
  if (s.adopted_revision >= 0 && ws.model_revision() != s.adopted_revision && !(ws.model() && ws.model()->live))
    s.following = false;  // another model was loaded: leave it in view
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (!s.view.error.empty() && !s.error_reported) {
      errors.push_back(s.view.error);
      s.error_reported = true;
    }
    if (s.view.saves != s.saves_reported) {
      s.saves_reported = s.view.saves;
      if (s.view.last_save.rfind("saved ", 0) != 0) errors.push_back(s.view.last_save);
    }
    const bool due = std::chrono::duration<double>(now - s.adopted_at).count() >= kAdoptSeconds;
    if (s.following && s.snapshot && s.snapshot_version != s.adopted_version && due) {
      snapshot = s.snapshot;
      s.adopted_version = s.snapshot_version;
      step = s.snapshot_step;
      summary = {s.data, step, s.view.preset};
      first = s.view.snapshots_adopted == 0;
    }
  }
  for (const std::string& e : errors) ws.report_error(e);
  if (!snapshot) return;
  const int size = snapshot->config().image_size;
  if (!ws.dataset() || ws.dataset()->image_size() != size) return;  // the panel says why
  model::Engine engine(snapshot);
  const double checksum = first ? engine.weights_checksum() : 0.0;
  if (!ws.adopt_model(std::move(engine), "training " + summary.preset + ", step " + std::to_string(step), summary))
    return;
  s.adopted_at = now;
  s.adopted_revision = ws.model_revision();
  std::lock_guard<std::mutex> lock(s.mutex);
  ++s.view.snapshots_adopted;
  s.view.adopted_step = step;
  if (first) s.view.first_checksum = checksum;
}

void TrainingSession::set_following(bool follow) {
  state_->following = follow;
  if (follow) {
    state_->adopted_version = 0;  // show the latest snapshot at the next poll
    state_->adopted_revision = -1;
  }
}

bool TrainingSession::following() const { return state_->following; }

TrainingView TrainingSession::view() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->view;
}

bool TrainingSession::has_trainer() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  const TrainingPhase p = state_->view.phase;
  return state_->worker.joinable() && p != TrainingPhase::Failed && p != TrainingPhase::Stopped;
}

int64_t TrainingSession::steps_done() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->view.step;
}

}  // namespace sta::studio
