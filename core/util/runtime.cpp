// Applies the thread settings described in util/runtime.h.
#include "core/util/runtime.h"

#include <ATen/Parallel.h>
#include <dlfcn.h>
#include <malloc.h>
#if STA_WITH_OPENCV
#include <opencv2/core/utility.hpp>
#endif

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

namespace sta {

namespace {

// A whole number from 1 to 1024, or an error naming the variable: "abc" never means every core.
int threads_from_environment(const std::string& text) {
  size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value < 1 || value > 1024)
    throw std::invalid_argument("STA_NUM_THREADS must be a whole number of threads from 1 to 1024, not '" + text + "'");
  return value;
}

}  // namespace

void configure_runtime(int threads) {
  // glibc hands blocks above its mmap threshold back to the kernel on free and trims the heap
  // top: a training step frees and re-allocates the same large tensors hundreds of times, and
  // every new page then faults in again (docs/PERFORMANCE.md). Keep freed memory in the heap.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  // OpenBLAS reads the variable when it loads, which may already have happened:
  // set it for child processes and also tell a loaded OpenBLAS directly.
  setenv("OPENBLAS_NUM_THREADS", "1", 1);
  using SetThreads = void (*)(int);
  if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set(1);
  // OpenCV's own pool would fight torch's OpenMP threads; frames are small, so keep it serial.
#if STA_WITH_OPENCV
  cv::setNumThreads(0);
#endif
  if (threads <= 0 && std::getenv("STA_NUM_THREADS")) threads = threads_from_environment(std::getenv("STA_NUM_THREADS"));
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  at::set_num_threads(threads);
}

}  // namespace sta
