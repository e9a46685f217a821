// Frame checking and conversion for the writers (see rgb_frames.h).
#include "core/export/rgb_frames.h"

#include "core/export/export_error.h"
#include "core/export/export_options.h"

#include <opencv2/core/check.hpp>
#include <opencv2/imgproc.hpp>

#include <string>

namespace sta::exporting {

namespace {

std::string size_text(const cv::Mat& m) { return std::to_string(m.cols) + "x" + std::to_string(m.rows); }

}  // namespace

std::vector<cv::Mat> prepare_frames(const std::vector<cv::Mat>& frames, int scale) {
  if (frames.empty()) throw ExportError("no frames to write");
  check_scale(scale);
  std::vector<cv::Mat> out;
  for (size_t i = 0; i < frames.size(); ++i) {
    const cv::Mat& frame = frames[i];
    const std::string name = "frame " + std::to_string(i);
    if (frame.empty()) throw ExportError(name + " is empty");
    if (frame.type() != CV_8UC3 && frame.type() != CV_32FC3)
      throw ExportError(name + " is " + cv::typeToString(frame.type()) + "; expected CV_8UC3 or CV_32FC3 RGB");
    if (frame.size() != frames.front().size())
      throw ExportError(name + " is " + size_text(frame) + " px but frame 0 is " + size_text(frames.front()) + " px");
    cv::Mat rgb8;
    if (frame.type() == CV_32FC3)
      frame.convertTo(rgb8, CV_8UC3, 255.0);
    else
      rgb8 = frame;
    cv::Mat enlarged;
    cv::resize(rgb8, enlarged, frame.size() * scale, 0, 0, cv::INTER_NEAREST);
    out.push_back(enlarged);
  }
  return out;
}

}  // namespace sta::exporting
