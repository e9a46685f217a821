// The field view's geometry computed off the UI thread by one persistent worker, newest request first.
#pragma once

#include "app/figures/field_layers.h"

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace sta::studio {

struct FieldResult {
  uint64_t ticket = 0;                // the submit() it answers
  std::optional<figures::FieldLayers> layers;  // empty when the computation failed
  std::string error;                  // why it failed
  double compute_ms = 0.0;
};

// The worker takes the newest request, computes its FieldLayers and hands them back; the UI keeps
// drawing the last complete layers meanwhile and never waits. A request still queued when a newer
// one arrives is dropped unstarted, so a dragged slice control costs at most one recomputation in
// flight plus the newest.
class FieldWorker {
 public:
  FieldWorker();
  ~FieldWorker();  // finishes the running computation, drops a queued one
  FieldWorker(const FieldWorker&) = delete;
  FieldWorker& operator=(const FieldWorker&) = delete;

  // Queues the layers of `request` on `engine` (the copy keeps its model alive), replacing a
  // queued request that has not started. Returns the request's ticket (1, 2, ...).
  uint64_t submit(model::Engine engine, figures::FieldRequest request);
  // The newest result finished since the last call, once; nullopt when there is none.
  std::optional<FieldResult> take();
  // Blocks until nothing is queued or running (tests and benchmarks; never the UI).
  void wait_idle();
  // Requests replaced while queued, never computed.
  uint64_t dropped() const;

 private:
  struct Job {
    uint64_t ticket;
    model::Engine engine;
    figures::FieldRequest request;
  };

  void loop();

  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<Job> queued_;
  std::optional<FieldResult> finished_;
  bool running_ = false, stopping_ = false;
  uint64_t last_ticket_ = 0, dropped_ = 0;
  std::thread thread_;  // declared last: it starts once the members above exist
};

}  // namespace sta::studio
