// Applies the thread settings described in util/runtime.h.
#include "core/util/runtime.h"

#include <ATen/Parallel.h>
#include <dlfcn.h>
#if STA_WITH_OPENCV
#include <opencv2/core/utility.hpp>
#endif

#include <cstdlib>
#include <thread>

namespace sta {

void configure_runtime(int threads) {
  // OpenBLAS reads the variable when it loads, which may already have happened:
  // set it for child processes and also tell a loaded OpenBLAS directly.
  setenv("OPENBLAS_NUM_THREADS", "1", 1);
  using SetThreads = void (*)(int);
  if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set(1);
  // OpenCV's own pool would fight torch's OpenMP threads; frames are small, so keep it serial.
#if STA_WITH_OPENCV
  cv::setNumThreads(0);
#endif
  if (threads <= 0 && std::getenv("STA_NUM_THREADS")) threads = std::atoi(std::getenv("STA_NUM_THREADS"));
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  at::set_num_threads(threads);
}

}  // namespace sta
