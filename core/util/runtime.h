// Process-wide runtime settings that must be applied before LibTorch does any work: freed
// memory kept in the heap, OpenBLAS and OpenCV kept serial, torch using every core.
#pragma once

namespace sta {

// Call first thing in main(). Idempotent. `threads` <= 0 means the STA_NUM_THREADS environment
// variable if set (anything but a whole number from 1 to 1024 throws std::invalid_argument),
// else all hardware cores.
void configure_runtime(int threads = 0);

}  // namespace sta
