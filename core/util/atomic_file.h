// Whole-file reads and atomic writes: the bytes go to a temporary file beside the target,
// are flushed to disk, and only then renamed over it, so a crash, a kill or a full disk
// never leaves a half-written file at `path`.
#pragma once

#include <string>

namespace sta {

// Throws std::runtime_error naming the file and the system error.
void write_file_atomically(const std::string& path, const std::string& bytes);
std::string read_file(const std::string& path);

}  // namespace sta
