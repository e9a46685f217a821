// Where the writers put their bytes: a check, made before any encoding work, that the
// output's folder exists and is writable, and atomic saving (a temporary file beside the
// target, renamed over it once complete), with every failure an ExportError naming the output.
#pragma once

#include <string>

namespace sta::exporting {

// Throws ExportError "cannot write 'PATH': folder 'DIR' does not exist" (or is not writable).
void check_output_folder(const std::string& path);
// Writes `bytes` to `path` atomically; a failure leaves any earlier file at `path` untouched.
void save_bytes(const std::string& path, const std::string& bytes);

}  // namespace sta::exporting
