// The curves of a training run that the studio plots: a series per loss term and the validation
// alignment, each thinned to at most kMaxPoints so that a long run costs no more to draw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sta::studio {

// One plotted quantity: values[i] was measured at steps[i].
struct TrainingSeries {
  std::string name;
  std::vector<float> steps, values;
};

class LossHistory {
 public:
  static constexpr size_t kMaxPoints = 1024;  // per series; older points are thinned out

  // Step `step` of `total`: the loss and each term every stride-th step (and at the last; the
  // stride doubles whenever the series are thinned), the validation alignment whenever measured.
  void record(int64_t step, int64_t total, double loss, const std::vector<std::pair<std::string, double>>& terms,
              std::optional<double> alignment);

  const std::vector<TrainingSeries>& terms() const { return terms_; }  // "loss" first, then each term
  const TrainingSeries& alignment() const { return alignment_; }

 private:
  std::vector<TrainingSeries> terms_;
  TrainingSeries alignment_{"alignment", {}, {}};
  int64_t stride_ = 1;  // a point every `stride_` steps
};

}  // namespace sta::studio
