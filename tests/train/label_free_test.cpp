// Label-free training is structural: the trainer trains on a source that can only give frames
// (asking it for ground truth throws), and the labelled curriculum, which does ask, is refused.
#include "core/train/trainer.h"
#include "support/model_fixture.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta;

namespace {

// The digits, but every call that would carry ground truth throws: only frames_only and
// frames_only_plan of sparse sequences (what any video gives) answer.
class FramesOnlySource : public data::Dataset {
 public:
  explicit FramesOnlySource(std::shared_ptr<const data::Dataset> inner) : inner_(std::move(inner)) {}
  const data::DataSpec& spec() const override { return inner_->spec(); }
  std::vector<std::string> transforms() const override { return inner_->transforms(); }
  int image_size() const override { return inner_->image_size(); }
  bool has_ground_truth() const override { return false; }
  int64_t count(data::Split split) const override { return inner_->count(split); }
  data::Sequence sequence(data::Split, int64_t, data::SequenceMode) const override { throw read(); }
  std::optional<data::WarpPlan> warp_plan(data::Split, int64_t, data::SequenceMode) const override { throw read(); }
  data::Sequence frames_only(data::Split split, int64_t index, data::SequenceMode mode) const override {
    require_sparse(mode);
    return inner_->frames_only(split, index, mode);
  }
  std::optional<data::WarpPlan> frames_only_plan(data::Split split, int64_t index, data::SequenceMode mode) const override {
    require_sparse(mode);
    return inner_->frames_only_plan(split, index, mode);
  }

 private:
  static std::logic_error read() { return std::logic_error("training read the ground truth"); }
  static void require_sparse(data::SequenceMode mode) {
    if (mode != data::SequenceMode::Sparse) throw std::logic_error("training asked for labelled sequences");
  }
  std::shared_ptr<const data::Dataset> inner_;
};

}  // namespace

TEST_CASE("label-free training (curriculum=balanced-steps) reads frames only, and says so") {
  auto config = train::with_overrides(test::tiny_config(8), {"curriculum=balanced-steps"});
  CHECK_FALSE(config.reads_ground_truth());
  auto source = std::make_shared<FramesOnlySource>(test::digits_data());
  train::Trainer trainer(config, source, torch::kCPU);
  std::vector<train::StepReport> reports;
  trainer.run([&](const train::StepReport& r) { reports.push_back(r); });
  REQUIRE(reports.size() == 8);
  CHECK(std::isfinite(reports.back().loss));
  // The label-free curriculum: every step of its batches is given a primitive by the plan.
  const auto& first = reports.front();
  REQUIRE(first.curriculum);
  REQUIRE(first.assignment.size() == 3);
  int64_t steps = 0;
  for (auto n : first.assignment) {
    steps += n;
    CHECK(n > 0);  // balanced: no primitive is left without steps
  }
  CHECK(steps == config.batch_size * config.model.steps);
}

TEST_CASE("training that reads ground truth is refused on a source without it, naming the setting") {
  auto source = std::make_shared<FramesOnlySource>(test::digits_data());
  auto labelled = train::with_overrides(test::tiny_config(10), {"curriculum=labelled"});
  CHECK(labelled.reads_ground_truth());
  CHECK_THROWS_WITH_AS(train::Trainer(labelled, source, torch::kCPU), doctest::Contains("curriculum=labelled"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(train::with_overrides(test::tiny_config(10), {"curriculum=labels"}),
                       doctest::Contains("none, balanced-steps or labelled"), std::invalid_argument);
}
