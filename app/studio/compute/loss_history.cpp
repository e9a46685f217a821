// Recording and thinning the training curves (see loss_history.h).
#include "app/studio/compute/loss_history.h"

namespace sta::studio {

namespace {

void push_point(TrainingSeries& s, float step, float value) {
  s.steps.push_back(step);
  s.values.push_back(value);
}

// Keeps every other point (the newest always stays).
void thin(TrainingSeries& s) {
  std::vector<float> steps, values;
  const size_t n = s.steps.size();
  for (size_t i = n % 2 == 0 ? 1 : 0; i < n; i += 2) {
    steps.push_back(s.steps[i]);
    values.push_back(s.values[i]);
  }
  s.steps = std::move(steps);
  s.values = std::move(values);
}

}  // namespace

void LossHistory::record(int64_t step, int64_t total, double loss,
                         const std::vector<std::pair<std::string, double>>& terms, std::optional<double> alignment) {
  const auto at = static_cast<float>(step);
  if (alignment) push_point(alignment_, at, static_cast<float>(*alignment));
  if (alignment_.steps.size() >= kMaxPoints) thin(alignment_);
  if (step % stride_ != 0 && step != total) return;
  if (terms_.empty()) {
    terms_.push_back({"loss", {}, {}});
    for (const auto& [name, value] : terms) terms_.push_back({name, {}, {}});
  }
  for (TrainingSeries& s : terms_) {
    double value = loss;
    for (const auto& [name, v] : terms)
      if (name == s.name) value = v;
    push_point(s, at, static_cast<float>(value));
  }
  if (terms_.front().steps.size() >= kMaxPoints) {
    for (TrainingSeries& s : terms_) thin(s);
    stride_ *= 2;
  }
}

}  // namespace sta::studio
