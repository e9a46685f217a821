// Frame intervals and their medians.
#include "app/studio/shell/frame_clock.h"

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
  cpu_.push_back(1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC);
  started_ = true;
  last_ = now;
}

double FrameClock::recent_median_ms() const {
  const size_t from = samples_.size() > kRecent ? samples_.size() - kRecent : 0;
  return median({samples_.begin() + static_cast<std::ptrdiff_t>(from), samples_.end()});
}

size_t FrameClock::start_up() const { return samples_.size() > 2 * kStartUp ? kStartUp : 0; }

double FrameClock::median_ms() const {
  return median({samples_.begin() + static_cast<std::ptrdiff_t>(start_up()), samples_.end()});
}

double FrameClock::cpu_ms_per_frame() const {
  const size_t first = start_up();  // cpu_[i + 1] is taken at the end of samples_[i]
  if (cpu_.size() < first + 2) return 0.0;
  return (cpu_.back() - cpu_[first]) / static_cast<double>(cpu_.size() - 1 - first);
}

}  // namespace sta::studio
