// Process-wide runtime settings that must be applied before LibTorch does any work:
// OpenBLAS and OpenCV kept serial (their pools fight torch's OpenMP threads) and torch
// using every core.
#pragma once

namespace sta {

// Call first thing in main(). Idempotent. `threads` <= 0 means the STA_NUM_THREADS environment
// variable if set, else all hardware cores.
void configure_runtime(int threads = 0);

}  // namespace sta
