// Output folder check and atomic saving for the writers (see output_file.h).
#include "core/export/output_file.h"

#include "core/export/export_error.h"
#include "core/util/atomic_file.h"

#include <unistd.h>

#include <filesystem>
#include <stdexcept>

namespace sta::exporting {

void check_output_folder(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const std::string folder = parent.empty() ? "." : parent.string();
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error))
    throw ExportError("cannot write '" + path + "': folder '" + folder + "' does not exist");
  if (::access(folder.c_str(), W_OK) != 0)
    throw ExportError("cannot write '" + path + "': folder '" + folder + "' is not writable");
}

void save_bytes(const std::string& path, const std::string& bytes) {
  try {
    write_file_atomically(path, bytes);
  } catch (const std::runtime_error& e) {
    throw ExportError("cannot write '" + path + "': " + e.what());
  }
}

}  // namespace sta::exporting
