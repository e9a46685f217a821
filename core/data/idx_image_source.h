// Image sources backed by IDX files: `idx:PATH` and `fashion-mnist` (Debian's dataset-fashion-mnist).
#pragma once

#include "core/data/scene_source.h"

#include <memory>
#include <string>

namespace sta::data {

// Where Debian's dataset-fashion-mnist package installs the gzipped IDX files.
constexpr const char* kFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

// PATH is a file, or a folder holding one or a train-images* / t10k-images* pair. A pair splits
// train/test by file; a single file puts every 10th image in the test split.
std::shared_ptr<SceneSource> open_idx_source(const std::string& path);
std::shared_ptr<SceneSource> open_fashion_mnist();

}  // namespace sta::data
