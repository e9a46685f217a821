// The field view's worker thread (see field_worker.h).
#include "app/studio/compute/field_worker.h"

#include <chrono>
#include <exception>
#include <utility>

namespace sta::studio {

FieldWorker::FieldWorker() : thread_([this] { loop(); }) {}

FieldWorker::~FieldWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    queued_.reset();
  }
  wake_.notify_all();
  thread_.join();
}

uint64_t FieldWorker::submit(model::Engine engine, figures::FieldRequest request) {
  uint64_t ticket;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (queued_) ++dropped_;
    ticket = ++last_ticket_;
    queued_ = Job{ticket, std::move(engine), std::move(request)};
  }
  wake_.notify_one();
  return ticket;
}

std::optional<FieldResult> FieldWorker::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<FieldResult> out = std::move(finished_);
  finished_.reset();
  return out;
}

void FieldWorker::wait_idle() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [this] { return !queued_ && !running_; });
}

uint64_t FieldWorker::dropped() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return dropped_;
}

void FieldWorker::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || queued_; });
    if (stopping_) return;
    Job job = std::move(*queued_);
    queued_.reset();
    running_ = true;
    lock.unlock();

    FieldResult result;
    result.ticket = job.ticket;
    const auto start = std::chrono::steady_clock::now();
    try {
      result.layers = figures::compute_field_layers(job.engine, job.request);
    } catch (const std::exception& e) {
      result.error = e.what();
    }
    result.compute_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    lock.lock();
    finished_ = std::move(result);
    running_ = false;
    if (!queued_) idle_.notify_all();
  }
}

}  // namespace sta::studio
