// Frame intervals, their histograms and quantiles (see frame_clock.h).
#include "app/studio/shell/frame_clock.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace sta::studio {

namespace {

constexpr int64_t kStartUp = 3;  // frames that load fonts, shaders and first results
constexpr double kBinMs = 0.1;

double process_cpu_ms() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

void FrameClock::tick() {
  const auto now = std::chrono::steady_clock::now();
  cpu_last_ms_ = process_cpu_ms();
  if (started_) {
    const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    recent_[intervals_ % recent_.size()] = ms;
    ++intervals_;
    if (intervals_ == kStartUp) cpu_start_ms_ = cpu_last_ms_;
    if (intervals_ > kStartUp) {
      const int bin = std::min(kBins - 1, static_cast<int>(ms / kBinMs));
      ++all_[bin];
      ++window_[bin];
      ++counted_;
      ++window_count_;
    }
  }
  started_ = true;
  last_ = now;
}

double FrameClock::quantile(const Histogram& histogram, int64_t count, double q) {
  if (count == 0) return 0.0;
  const int64_t rank = std::min(count - 1, static_cast<int64_t>(q * static_cast<double>(count)));
  int64_t seen = 0;
  for (int bin = 0; bin < kBins; ++bin) {
    seen += histogram[bin];
    if (seen > rank) return (bin + 0.5) * kBinMs;
  }
  return kBins * kBinMs;
}

double FrameClock::recent_median_ms() const {
  const size_t n = std::min<size_t>(recent_.size(), static_cast<size_t>(intervals_));
  if (n == 0) return 0.0;
  std::array<double, 120> values = recent_;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(values.begin(), middle, values.begin() + static_cast<std::ptrdiff_t>(n));
  return *middle;
}

double FrameClock::median_ms() const { return quantile(all_, counted_, 0.5); }

double FrameClock::cpu_ms_per_frame() const {
  return counted_ > 0 ? (cpu_last_ms_ - cpu_start_ms_) / static_cast<double>(counted_) : 0.0;
}

FrameClock::Window FrameClock::take_window() {
  Window window{window_count_, quantile(window_, window_count_, 0.5), quantile(window_, window_count_, 0.95)};
  std::fill(window_.begin(), window_.end(), 0u);
  window_count_ = 0;
  return window;
}

double process_age_ms() {
  std::ifstream stat("/proc/self/stat"), uptime("/proc/uptime");
  std::string line;
  double since_boot_s = 0.0;
  if (!std::getline(stat, line) || !(uptime >> since_boot_s)) return -1.0;
  // Fields after the command name (which may hold spaces) start at field 3; starttime is field 22.
  std::istringstream fields(line.substr(line.rfind(')') + 2));
  std::string field;
  for (int i = 3; i < 22 && fields >> field;) ++i;
  unsigned long long start_ticks = 0;
  if (!(fields >> start_ticks)) return -1.0;
  return 1000.0 * (since_boot_s - static_cast<double>(start_ticks) / static_cast<double>(sysconf(_SC_CLK_TCK)));
}

}  // namespace sta::studio
