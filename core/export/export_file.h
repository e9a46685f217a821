// One entry point for "save these frames as PATH": the file's extension picks the writer
// (.gif animation, .mp4 video, .png strip of the frames in one row).
#pragma once

#include "core/export/export_options.h"

#include "core/util/image.h"

#include <string>
#include <vector>

namespace sta::exporting {

enum class OutputFormat { Gif, Mp4, Png, Svg };  // Svg: a strip of frames embedded as PNG

// By the extension, case-insensitively. Throws ExportError
// "unsupported output format '.xyz' (use .gif, .mp4 or .png)" (or naming a path with no extension).
OutputFormat output_format(const std::string& path);
// Writes with write_gif, write_mp4 or write_png_strip; throws ExportError. Without OpenCV
// (-DSTA_OPENCV=OFF) only GIF is written: .mp4 and .png are refused with that reason.
void write_frames(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options = {});

}  // namespace sta::exporting
