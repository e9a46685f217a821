// FrameClock: the time between consecutive frames, for the status bar's frame-time readout
// and the median reported on exit of scripted runs.
#pragma once

#include <chrono>
#include <vector>

namespace sta::studio {

class FrameClock {
 public:
  void tick();                          // once per frame, after it is shown
  double recent_median_ms() const;      // over the last 120 frames
  double median_ms() const;             // over every frame but the first few (start-up)
  int frames() const { return static_cast<int>(samples_.size()); }

 private:
  std::vector<double> samples_;  // milliseconds
  std::chrono::steady_clock::time_point last_;
  bool started_ = false;
};

}  // namespace sta::studio
