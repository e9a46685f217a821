// TrainingSession: trains a model on a worker thread while the UI keeps drawing, and shows its
// newest snapshot in every view (docs/ARCHITECTURE.md, "Training in the studio"). No torch here.
#pragma once

#include "app/studio/compute/loss_history.h"
#include "app/studio/compute/workspace.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sta::studio {

enum class TrainingPhase { Idle, Starting, Running, Paused, Finished, Stopped, Failed };
const char* phase_name(TrainingPhase phase);  // "idle", "starting", ...
bool cuda_available();                        // whether this LibTorch build sees a CUDA device

// What the panel and the state JSON show: a copy taken under the session's lock.
struct TrainingView {
  TrainingPhase phase = TrainingPhase::Idle;
  int run = 0;  // counts start() calls
  std::string preset, device;
  int64_t step = 0, total = 0;  // steps done, and planned
  int stage = 0;
  double loss = 0, steps_per_second = 0, eta_seconds = 0;
  LossHistory history;                // the loss terms and the validation alignment
  std::vector<std::string> events;    // NaN recoveries, stage switches, saves; newest last
  std::string error;                  // why training failed
  std::string last_save;              // "saved PATH (step N)" or why it failed
  int saves = 0;                      // save requests answered
  int snapshots_adopted = 0;          // snapshots shown in the views
  int64_t adopted_step = -1;          // training step of the model the views show (-1: none)
  double first_checksum = 0;          // weights fingerprint of the first snapshot shown
};

class TrainingSession {
 public:
  static constexpr double kAdoptSeconds = 0.5;  // the most often a new snapshot is shown

  TrainingSession();
  ~TrainingSession();  // stops (after the current step) and joins; writes nothing
  TrainingSession(const TrainingSession&) = delete;
  TrainingSession& operator=(const TrainingSession&) = delete;

  // Trains a fresh model of `preset` (tiny, demo, paper) sized for `data` on `device` (auto,
  // cpu, cuda) for `steps` steps (<= 0: the preset's). A previous run is stopped first. The
  // trainer is built on the worker; false with `error` for invalid arguments.
  bool start(std::shared_ptr<const data::Dataset> data, const std::string& preset, const std::string& device,
             int64_t steps, std::string& error);
  void pause();   // after the current step
  void resume();
  void stop();    // cancels after the current step and joins the worker; the trainer is gone
  // Asks the worker to write a checkpoint between steps; the answer comes as view().saves and
  // last_save (and a Workspace error when it failed). False when there is no trainer.
  bool save(const std::string& path);

  // UI thread, once per frame: shows a newer snapshot in the Workspace (at most every
  // kAdoptSeconds while following) and reports worker failures as Workspace errors.
  void poll(Workspace& ws);
  // While following (the default), views show the training model; loading another model
  // stops following.
  void set_following(bool follow);
  bool following() const;

  TrainingView view() const;
  bool has_trainer() const;  // starting, running, paused or finished (a worker holds a trainer)
  int64_t steps_done() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sta::studio
