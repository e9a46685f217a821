// Still pictures of frames: rows of frames enlarged and separated by dark grey gaps, as an image or a PNG file.
#pragma once

#include "core/export/export_options.h"

#include "core/util/image.h"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace sta::exporting {

// Frames are enlarged by options.scale, with options.gap pixels of dark grey between and around them;
// files are saved atomically. A strip is a grid of one row.
using FrameRows = std::vector<std::vector<Image>>;

// rows: RGB frames in [0, 1], all of one size; rows may differ in
// length (the grid is as wide as the longest). Returns CV_8UC3 RGB. Throws ExportError.
cv::Mat compose_grid(const FrameRows& rows, const ExportOptions& options = {});
// Saves a CV_8UC3 RGB image as PNG.
void write_png(const std::string& path, const cv::Mat& rgb8);
void write_png_grid(const std::string& path, const FrameRows& rows, const ExportOptions& options = {});
void write_png_strip(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options = {});

}  // namespace sta::exporting
