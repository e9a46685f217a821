// The trainer: runs are deterministic for a seed on the CPU, the NaN guard restores good
// weights, and pause/cancel work from another thread (the runs that learn: learning_test.cpp).
#include "core/model/clone.h"
#include "core/train/trainer.h"
#include "support/model_fixture.h"

#include <doctest/doctest.h>

#include <future>
#include <thread>

using namespace sta;

namespace {

bool same_weights(model::StaModelImpl& a, model::StaModelImpl& b) {
  auto pa = a.parameters(), pb = b.parameters();
  for (size_t i = 0; i < pa.size(); ++i)
    if (!torch::equal(pa[i], pb[i])) return false;
  return true;
}

}  // namespace

TEST_CASE("training is deterministic for a fixed seed on the CPU") {
  auto data = test::digits_data();
  struct Run {
    std::vector<double> losses;
    model::StaModel model{nullptr};
  };
  auto run = [&](uint64_t seed) {
    train::Trainer trainer(test::tiny_config(100, seed), data, torch::kCPU);
    Run r;
    for (int i = 0; i < 6; ++i) r.losses.push_back(trainer.step().loss);
    r.model = model::clone_model(trainer.model());
    return r;
  };
  auto a = run(7), b = run(7), c = run(8);
  CHECK(a.losses == b.losses);
  CHECK(same_weights(*a.model, *b.model));
  CHECK(a.losses != c.losses);
  CHECK_FALSE(same_weights(*a.model, *c.model));
}

TEST_CASE("a non-finite step restores the last good weights and lowers the learning rate") {
  train::Trainer trainer(test::tiny_config(100), test::digits_data(), torch::kCPU);
  for (int i = 0; i < 50; ++i) trainer.step();  // the last good copy is taken at step 50
  auto good = model::clone_model(trainer.model());
  const double lr_before = trainer.step().learning_rate;
  {
    torch::NoGradGuard no_grad;
    trainer.model().named_parameters()["encoder.head.weight"].fill_(std::numeric_limits<float>::quiet_NaN());
  }
  auto report = trainer.step();
  CHECK(report.event.find("non-finite") != std::string::npos);
  CHECK(report.event.find("restored") != std::string::npos);
  for (const auto& p : trainer.model().parameters()) CHECK(torch::isfinite(p).all().item<bool>());
  CHECK(same_weights(trainer.model(), *good));
  auto next = trainer.step();
  CHECK(std::isfinite(next.loss));
  CHECK(next.learning_rate < 0.6 * lr_before);
}

TEST_CASE("pause and cancel from another thread stop the run, and snapshots are published") {
  train::Trainer trainer(test::tiny_config(100000), test::digits_data(), torch::kCPU);
  const auto first_version = trainer.snapshot_version();
  REQUIRE(trainer.snapshot() != nullptr);

  SUBCASE("a pause holds the run until it is cancelled") {
    std::promise<void> paused;
    std::thread worker([&] {
      trainer.run([&](const train::StepReport& r) {
        if (r.step == 3) trainer.set_paused(true), paused.set_value();
      });
    });
    paused.get_future().wait();
    trainer.cancel();
    worker.join();
    CHECK(trainer.cancelled());
    CHECK(trainer.step_count() == 3);  // no step was taken while paused
  }
  SUBCASE("resuming lets steps through") {
    std::promise<void> paused;
    std::thread worker([&] {
      trainer.run([&](const train::StepReport& r) {
        if (r.step == 3) trainer.set_paused(true), paused.set_value();
        if (r.step == 12) trainer.cancel();
      });
    });
    paused.get_future().wait();
    trainer.set_paused(false);
    worker.join();
    CHECK(trainer.step_count() == 12);
    CHECK(trainer.snapshot_version() > first_version);  // published every 5 steps
  }
  // A snapshot is an independent copy: changing the training model leaves it alone.
  auto snapshot = trainer.snapshot();
  auto before = snapshot->parameters().front().clone();
  {
    torch::NoGradGuard no_grad;
    trainer.model().parameters().front().add_(1.0);
  }
  CHECK(torch::equal(snapshot->parameters().front(), before));
}
