// FrameClock: frame-time statistics for the status bar, scripted runs and `state` captures, in bounded memory.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <vector>

namespace sta::studio {

// The time between consecutive frames, for the status bar's readout, the median reported on exit of
// scripted runs, the per-interval statistics a `state` capture records (soak runs), and the process
// CPU time per frame (all threads, the software rasteriser's included), which a busy machine inflates
// less. Memory stays bounded however long the studio runs: intervals go into fixed histograms (0.1 ms
// bins up to 2 s) and a ring of the last 120.
class FrameClock {
 public:
  struct Window {
    int64_t frames = 0;
    double median_ms = 0, p95_ms = 0;
  };

  void tick();                      // once per frame, after it is shown
  double recent_median_ms() const;  // over the last 120 frames
  double median_ms() const;         // over every frame but the first few (start-up)
  double cpu_ms_per_frame() const;  // mean, over the same frames as median_ms()
  int frames() const { return static_cast<int>(intervals_); }
  // Frames since the previous call (or the start), and starts a new window.
  Window take_window();

 private:
  static constexpr int kBins = 20000;  // 0.1 ms each; the last also holds everything longer
  using Histogram = std::vector<uint32_t>;
  static double quantile(const Histogram& histogram, int64_t count, double q);

  Histogram all_ = Histogram(kBins), window_ = Histogram(kBins);
  int64_t counted_ = 0, window_count_ = 0;  // intervals in all_ (after start-up) and in window_
  int64_t intervals_ = 0;                   // every interval, start-up included
  std::array<double, 120> recent_{};
  double cpu_start_ms_ = 0, cpu_last_ms_ = 0;  // process CPU at the end of start-up and now
  std::chrono::steady_clock::time_point last_;
  bool started_ = false;
};

// Milliseconds since this process was started (Linux /proc, 10 ms resolution), for the time
// from launch to the first frame; a negative value when it cannot be read.
double process_age_ms();

}  // namespace sta::studio
