// Process-wide runtime settings that must be applied before LibTorch does any work:
// OpenBLAS pinned to one thread (its pool fights torch's) and torch using every core.
#pragma once

namespace sta {

// Call first thing in main(). Idempotent. `threads` <= 0 means all hardware cores.
void configure_runtime(int threads = 0);

}  // namespace sta
