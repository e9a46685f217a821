// `clips:PATH`: a folder of clips, each a video file or a folder of frames, squared like `video:`.
#pragma once

#include "core/data/dataset.h"

#include <memory>
#include <string>
#include <vector>

namespace sta::data {

// The clips' test split: every tenth clip (the 10th, 20th, ...), or the last of fewer than ten.
bool is_test_clip(size_t clip, size_t clips);
// First frames of the windows of one clip of `frames` frames.
std::vector<int64_t> clip_windows(int64_t frames, int window, int stride);

// Windows of T+1 frames every video_stride frames, never across two clips; the test split is whole
// clips. An optional PATH/labels.csv (core/data/clip_labels.h) gives ground truth.
// `spec` is complete but for transforms (a subset of the labels' factors, or empty: all of them).
std::unique_ptr<Dataset> open_clips_dataset(const std::string& path, DataSpec spec);

}  // namespace sta::data
