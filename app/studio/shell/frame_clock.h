// FrameClock: the time between consecutive frames, for the status bar's frame-time readout
// and the median reported on exit of scripted runs, and the process CPU time per frame (all
// threads, the software rasteriser's included), which a busy machine inflates less.
#pragma once

#include <chrono>
#include <ctime>
#include <vector>

namespace sta::studio {

class FrameClock {
 public:
  void tick();                      // once per frame, after it is shown
  double recent_median_ms() const;  // over the last 120 frames
  double median_ms() const;         // over every frame but the first few (start-up)
  double cpu_ms_per_frame() const;  // mean, over the same frames as median_ms()
  int frames() const { return static_cast<int>(samples_.size()); }

 private:
  std::vector<double> samples_;  // milliseconds
  std::vector<double> cpu_;      // process CPU milliseconds at each tick
  size_t start_up() const;       // samples skipped as start-up
  std::chrono::steady_clock::time_point last_;
  bool started_ = false;
};

}  // namespace sta::studio
