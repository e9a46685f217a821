// Whole-file reads and atomic writes (temporary file beside the target, flushed, then renamed over it).
#pragma once

#include <string>

namespace sta {

// A crash, a kill or a full disk never leaves a half-written file at `path`.
// Throws std::runtime_error naming the file and the system error.
void write_file_atomically(const std::string& path, const std::string& bytes);
std::string read_file(const std::string& path);

}  // namespace sta
