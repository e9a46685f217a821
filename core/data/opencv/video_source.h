// `video:PATH`: a video file or a folder of frames (any format OpenCV reads), centre-cropped to square
// and resized. No ground truth.
#pragma once

#include "core/data/dataset.h"

#include <opencv2/core.hpp>

#include <memory>
#include <string>
#include <vector>

namespace sta::data {

// Sequences are windows of T+1 consecutive frames every video_stride frames; the last ~10% of the
// video is the test split, separated from the training windows by a gap of T+1 frames so that no
// frame is in both. All frames are decoded once, at open, and kept as 8-bit RGB.
// First frame of every window of each split, for a video of `frames` frames; both lists are
// empty when it is too short for a training window, the gap and a test window (3 windows).
struct VideoWindows {
  std::vector<int64_t> train, test;
};
VideoWindows video_windows(int64_t frames, int window, int stride);

// What the source does with each frame OpenCV decodes (BGR, 8 bits, any size): crops the centre
// square and resizes it to size x size RGB.
cv::Mat square_rgb(const cv::Mat& bgr, int size);
// The dataset over frames already squared (square_rgb); throws DataError when they are too few.
std::unique_ptr<Dataset> video_dataset(DataSpec spec, std::vector<cv::Mat> squared);

// Every frame of a video file or a frame folder (natural file order), squared; throws DataError
// with `culprit` ("video:PATH", a clip's name) in front of the reason.
std::vector<cv::Mat> read_squared_frames(const std::string& path, int size, const std::string& culprit);
// "frame2" before "frame10": runs of digits compare by value.
bool natural_less(const std::string& a, const std::string& b);

// `spec` is complete (image_size filled in, no transforms).
std::unique_ptr<Dataset> open_video_dataset(const std::string& path, DataSpec spec);

}  // namespace sta::data
