// Where the writers put their bytes: an early check of the output's folder, and atomic saving.
#pragma once

#include <string>

namespace sta::exporting {

// Made before any encoding work; every failure is an ExportError naming the output.
// Throws ExportError "cannot write 'PATH': folder 'DIR' does not exist" (or is not writable).
void check_output_folder(const std::string& path);
// Writes `bytes` to `path` atomically; a failure leaves any earlier file at `path` untouched.
void save_bytes(const std::string& path, const std::string& bytes);

}  // namespace sta::exporting
