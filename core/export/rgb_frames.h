// Checks and converts the frames handed to the writers: RGB images of one size, either
// CV_8UC3 or CV_32FC3 with values in [0, 1] (the data layer's and the decoder's format),
// become CV_8UC3 RGB enlarged by a whole factor with nearest-neighbour sampling.
#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace sta::exporting {

// Throws ExportError naming the offending frame (empty list, wrong type, size mismatch, bad scale).
std::vector<cv::Mat> prepare_frames(const std::vector<cv::Mat>& frames, int scale);

}  // namespace sta::exporting
