// The labels of a clip folder (`clips:PATH/labels.csv`): which named factors act at which step
// of which clip. Plain C++; the clip source (core/data/opencv/clips_source) reads it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sta::data {

// The file's layout. Header: clip,step,FACTOR[,FACTOR...]; then one row per labelled step:
// the clip's name in the folder, the step t (1..frames-1: frame t-1 -> frame t) and a 0 or 1
// per factor. Steps no row names have every factor off.
struct ClipLabels {
  std::vector<std::string> factors;
  std::vector<std::vector<std::vector<uint8_t>>> on;  // [clip][step - 1][factor]
};

// Parses `text` (the file's contents, `file` names it in errors) for clips of the given names and
// frame counts; throws DataError with a one-line reason naming the line and the culprit.
ClipLabels parse_clip_labels(const std::string& text, const std::string& file, const std::vector<std::string>& clips,
                             const std::vector<int64_t>& frames);

}  // namespace sta::data
