// Grid composition and PNG saving (see png_grid.h).
#include "core/export/opencv/png_grid.h"

#include "core/data/opencv/mat_image.h"
#include "core/export/export_error.h"
#include "core/export/output_file.h"
#include "core/export/rgb_frames.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace sta::exporting {

namespace {

const cv::Scalar kGapColour(40, 40, 40);
constexpr int kMaxGap = 64;

}  // namespace

cv::Mat compose_grid(const FrameRows& rows, const ExportOptions& options) {
  if (options.gap < 0 || options.gap > kMaxGap)
    throw ExportError("gap " + std::to_string(options.gap) + " is out of range (0.." + std::to_string(kMaxGap) + " px)");
  std::vector<Image> all;
  size_t columns = 0;
  for (const auto& row : rows) {
    all.insert(all.end(), row.begin(), row.end());
    columns = std::max(columns, row.size());
  }
  const std::vector<Rgb8Image> cells = prepare_frames(all, options.scale);
  const cv::Size cell(cells.front().cols, cells.front().rows);
  const int gap = options.gap;
  cv::Mat grid(gap + static_cast<int>(rows.size()) * (cell.height + gap), gap + static_cast<int>(columns) * (cell.width + gap),
               CV_8UC3, kGapColour);
  size_t next = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const cv::Rect target(gap + static_cast<int>(c) * (cell.width + gap), gap + static_cast<int>(r) * (cell.height + gap),
                            cell.width, cell.height);
      data::to_mat(cells[next++]).copyTo(grid(target));
    }
  }
  return grid;
}

void write_png(const std::string& path, const cv::Mat& rgb8) {
  if (rgb8.empty() || rgb8.type() != CV_8UC3) throw ExportError("cannot write '" + path + "': not a CV_8UC3 RGB image");
  check_output_folder(path);
  cv::Mat bgr;
  cv::cvtColor(rgb8, bgr, cv::COLOR_RGB2BGR);
  std::vector<uchar> png;
  if (!cv::imencode(".png", bgr, png, {cv::IMWRITE_PNG_COMPRESSION, 9}))
    throw ExportError("cannot write '" + path + "': PNG encoding failed");
  save_bytes(path, std::string(png.begin(), png.end()));
}

void write_png_grid(const std::string& path, const FrameRows& rows, const ExportOptions& options) {
  write_png(path, compose_grid(rows, options));
}

void write_png_strip(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options) {
  write_png_grid(path, {frames}, options);
}

}  // namespace sta::exporting
