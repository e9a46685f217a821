// open_dataset and the source-string syntax (see dataset.h): validates the spec, resolves the
// transformation set and hands over to the IDX, procedural, video or clip sources.
#include "core/data/dataset.h"

#include "core/data/grey_image_source.h"
#include "core/data/idx_image_source.h"
#include "core/data/sequence_generator.h"
#if STA_WITH_OPENCV
#include "core/data/opencv/clips_source.h"
#include "core/data/opencv/digits_source.h"
#include "core/data/opencv/shapes_source.h"
#include "core/data/opencv/video_source.h"
#endif

#include <algorithm>
#include <utility>

namespace sta::data {

Sequence Dataset::frames_only(Split split, int64_t index, SequenceMode mode) const {
  auto sequence = this->sequence(split, index, mode);
  sequence.truth.reset();
  return sequence;
}

std::optional<WarpPlan> Dataset::frames_only_plan(Split split, int64_t index, SequenceMode mode) const {
  auto plan = warp_plan(split, index, mode);
  if (plan) plan->sequence.truth.reset();
  return plan;
}

namespace {

constexpr int kVideoSize = 64;

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// "idx:PATH" -> {"idx", "PATH"}; "digits" -> {"digits", ""}.
std::pair<std::string, std::string> split_source(const std::string& source) {
  const size_t colon = source.find(':');
  if (colon == std::string::npos) return {source, ""};
  return {source.substr(0, colon), source.substr(colon + 1)};
}

void check_known(const std::string& source) {
  const auto [kind, path] = split_source(source);
  const bool takes_path = kind == "idx" || kind == "video" || kind == "clips";
  const bool plain = kind == "fashion-mnist" || kind == "digits" || kind == "shapes";
  if (takes_path && path.empty()) throw DataError("data source '" + source + "' needs a path: " + kind + ":PATH");
  if (!(takes_path || (plain && source == kind))) {
    throw DataError("unknown data source '" + source + "' (known: " + join(known_sources()) + ")");
  }
  if (!STA_WITH_OPENCV && (kind == "digits" || kind == "shapes" || kind == "video" || kind == "clips")) {
    throw DataError("data source '" + source + "' needs OpenCV, which this build leaves out (-DSTA_OPENCV=OFF)");
  }
}

void check_spec(const DataSpec& spec) {
  if (spec.steps < 1 || spec.steps > 1000) {
    throw DataError("steps must be between 1 and 1000, got " + std::to_string(spec.steps));
  }
  if (spec.image_size != 0 && (spec.image_size < 8 || spec.image_size > 1024)) {
    throw DataError("image size must be between 8 and 1024 (or 0 for the source's own), got " +
                    std::to_string(spec.image_size));
  }
  if (spec.video_stride < 1 || spec.video_stride > 100000)
    throw DataError("the window stride must be between 1 and 100000 frames, got " + std::to_string(spec.video_stride));
}

std::vector<std::string> resolve_transforms(const DataSpec& spec, const std::vector<std::string>& valid) {
  if (spec.transforms.empty()) return valid;
  for (size_t i = 0; i < spec.transforms.size(); ++i) {
    const std::string& name = spec.transforms[i];
    if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
      throw DataError("unknown transformation '" + name + "' for source '" + spec.source + "' (valid: " + join(valid) + ")");
    }
    if (std::find(spec.transforms.begin(), spec.transforms.begin() + i, name) != spec.transforms.begin() + i) {
      throw DataError("transformation '" + name + "' is listed twice");
    }
  }
  return spec.transforms;
}

std::shared_ptr<SceneSource> open_scene_source(const std::string& source) {
  const auto [kind, path] = split_source(source);
  if (kind == "fashion-mnist") return open_fashion_mnist();
  if (kind == "idx") return open_idx_source(path);
#if STA_WITH_OPENCV
  if (kind == "digits") return make_digits_source();
  return make_shapes_source();
#else
  throw std::logic_error("source '" + source + "' passed check_known without OpenCV");
#endif
}

}  // namespace

std::unique_ptr<Dataset> open_dataset(const DataSpec& spec) {
  check_known(spec.source);
  check_spec(spec);
  DataSpec complete = spec;
  const auto [kind, path] = split_source(spec.source);
  if (kind == "video") {
    if (!spec.transforms.empty()) {
      throw DataError("video sources have no transformations (got '" + join(spec.transforms) + "')");
    }
    if (complete.image_size == 0) complete.image_size = kVideoSize;
#if STA_WITH_OPENCV
    return open_video_dataset(path, std::move(complete));
#endif
  }
  if (kind == "clips") {
    if (complete.image_size == 0) complete.image_size = kVideoSize;
#if STA_WITH_OPENCV
    return open_clips_dataset(path, std::move(complete));
#endif
  }
  std::shared_ptr<SceneSource> source = open_scene_source(spec.source);
  complete.transforms = resolve_transforms(spec, source->transforms());
  if (complete.image_size == 0) complete.image_size = source->native_size();
  return make_generated_dataset(std::move(source), std::move(complete));
}

std::vector<std::string> known_sources() {
  return {"fashion-mnist", "idx:PATH", "digits", "shapes", "video:PATH", "clips:PATH"};
}

std::vector<std::string> transforms_for_source(const std::string& source) {
  check_known(source);
  const std::string kind = split_source(source).first;
  if (kind == "video" || kind == "clips") return {};  // clips: their labels name the factors
#if STA_WITH_OPENCV
  if (kind == "shapes") return shapes_transforms();
#endif
  return image_transforms();
}

std::vector<std::string> parse_transform_list(const std::string& text) {
  std::vector<std::string> names;
  if (text.find_first_not_of(" \t") == std::string::npos) return names;
  size_t begin = 0;
  while (true) {
    const size_t end = std::min(text.find(',', begin), text.size());
    std::string name = text.substr(begin, end - begin);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (name.empty()) throw DataError("empty transformation name in '" + text + "'");
    names.push_back(name);
    if (end == text.size()) return names;
    begin = end + 1;
  }
}

}  // namespace sta::data
