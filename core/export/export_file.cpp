// Output format by extension and the matching writer (see export_file.h).
#include "core/export/export_file.h"

#include "core/export/export_error.h"
#include "core/export/gif_writer.h"
#include "core/export/mp4_writer.h"
#include "core/export/png_grid.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace sta::exporting {

OutputFormat output_format(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".gif") return OutputFormat::Gif;
  if (extension == ".mp4") return OutputFormat::Mp4;
  if (extension == ".png") return OutputFormat::Png;
  if (extension.empty()) throw ExportError("output '" + path + "' has no extension (use .gif, .mp4 or .png)");
  throw ExportError("unsupported output format '" + extension + "' (use .gif, .mp4 or .png)");
}

void write_frames(const std::string& path, const std::vector<cv::Mat>& frames, const ExportOptions& options) {
  switch (output_format(path)) {
    case OutputFormat::Gif: return write_gif(path, frames, options);
    case OutputFormat::Mp4: return write_mp4(path, frames, options);
    case OutputFormat::Png: return write_png_strip(path, frames, options);
  }
}

}  // namespace sta::exporting
