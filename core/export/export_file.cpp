// Output format by extension and the matching writer (see export_file.h).
#include "core/export/export_file.h"

#include "core/export/export_error.h"
#include "core/export/gif_writer.h"
#if STA_WITH_OPENCV
#include "core/export/opencv/mp4_writer.h"
#include "core/export/opencv/png_grid.h"
#include "core/export/opencv/svg_strip.h"
#endif

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
  if (extension == ".svg") return OutputFormat::Svg;
  if (extension.empty()) throw ExportError("output '" + path + "' has no extension (use .gif, .mp4, .png or .svg)");
  throw ExportError("unsupported output format '" + extension + "' (use .gif, .mp4, .png or .svg)");
}

void write_frames(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options) {
  const OutputFormat format = output_format(path);
  if (format == OutputFormat::Gif) return write_gif(path, frames, options);
#if STA_WITH_OPENCV
  if (format == OutputFormat::Mp4) return write_mp4(path, frames, options);
  if (format == OutputFormat::Svg) return write_svg_strip(path, frames, options);
  return write_png_strip(path, frames, options);
#else
  throw ExportError(std::string(format == OutputFormat::Mp4 ? "MP4" : format == OutputFormat::Svg ? "SVG" : "PNG") +
                    " export needs OpenCV, which this build leaves out (-DSTA_OPENCV=OFF); use .gif");
#endif
}

}  // namespace sta::exporting
