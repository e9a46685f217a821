// Frame intervals and their medians.
#include "app/studio/frame_clock.h"

#include <algorithm>

namespace sta::studio {

namespace {

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

constexpr size_t kStartUp = 3;  // frames that load fonts, shaders and first results
constexpr size_t kRecent = 120;

}  // namespace

void FrameClock::tick() {
  const auto now = std::chrono::steady_clock::now();
  if (started_) samples_.push_back(std::chrono::duration<double, std::milli>(now - last_).count());
  started_ = true;
  last_ = now;
}

double FrameClock::recent_median_ms() const {
  const size_t from = samples_.size() > kRecent ? samples_.size() - kRecent : 0;
  return median({samples_.begin() + static_cast<std::ptrdiff_t>(from), samples_.end()});
}

double FrameClock::median_ms() const {
  const size_t skip = samples_.size() > 2 * kStartUp ? kStartUp : 0;
  return median({samples_.begin() + static_cast<std::ptrdiff_t>(skip), samples_.end()});
}

}  // namespace sta::studio
