// Clip folders: listing, decoding, windowing per clip, the split by clip and the labels (see
// clips_source.h).
#include "core/data/opencv/clips_source.h"

#include "core/data/clip_labels.h"
#include "core/data/opencv/mat_image.h"
#include "core/data/opencv/video_source.h"
#include "core/data/sequence_generator.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;

namespace sta::data {

namespace {

constexpr const char* kLabelsFile = "labels.csv";

struct Window {
  size_t clip;
  int64_t first;  // first frame within the clip
};

// The clips of a folder: its sub-folders and files but the labels and hidden entries, in
// natural name order.
std::vector<fs::path> list_clips(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) throw DataError("clips:" + path + ": no such folder");
  std::vector<fs::path> clips;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == kLabelsFile || name.front() == '.') continue;
    if (entry.is_directory() || entry.is_regular_file()) clips.push_back(entry.path());
  }
  if (ec) throw DataError("clips:" + path + ": cannot list the folder (" + ec.message() + ")");
  std::sort(clips.begin(), clips.end(),
            [](const fs::path& a, const fs::path& b) { return natural_less(a.filename().string(), b.filename().string()); });
  if (clips.size() < 2)
    throw DataError("clips:" + path + ": holds " + std::to_string(clips.size()) +
                    " clips; at least 2 are needed (whole clips form the test split)");
  return clips;
}

// The labels' columns the spec names (all of them when it names none).
std::vector<size_t> chosen_factors(const ClipLabels& labels, const DataSpec& spec) {
  std::vector<size_t> columns;
  if (spec.transforms.empty()) {
    for (size_t f = 0; f < labels.factors.size(); ++f) columns.push_back(f);
    return columns;
  }
  for (const auto& name : spec.transforms) {
    const auto found = std::find(labels.factors.begin(), labels.factors.end(), name);
    if (found == labels.factors.end()) {
      std::string valid;
      for (const auto& f : labels.factors) valid += (valid.empty() ? "" : ", ") + f;
      throw DataError("unknown factor '" + name + "' for " + spec.source + " (its labels.csv names: " + valid + ")");
    }
    columns.push_back(found - labels.factors.begin());
  }
  return columns;
}

class ClipsDataset final : public Dataset {
 public:
  ClipsDataset(DataSpec spec, std::vector<std::string> names, std::vector<std::vector<cv::Mat>> clips,
               std::optional<ClipLabels> labels)
      : spec_(std::move(spec)), names_(std::move(names)), clips_(std::move(clips)), labels_(std::move(labels)) {
    const int window = spec_.steps + 1;
    int64_t offset = 0;
    for (size_t c = 0; c < clips_.size(); ++c) {
      const auto frames = static_cast<int64_t>(clips_[c].size());
      if (frames < window)
        throw DataError(spec_.source + ": clip '" + names_[c] + "' holds " + std::to_string(frames) +
                        " frames, fewer than one window of T+1 = " + std::to_string(window));
      for (int64_t first : clip_windows(frames, window, spec_.video_stride))
        (is_test_clip(c, clips_.size()) ? test_ : train_).push_back({c, first});
      offsets_.push_back(offset);
      offset += frames;
    }
    if (labels_) {
      columns_ = chosen_factors(*labels_, spec_);
      for (size_t f : columns_) factors_.push_back(labels_->factors[f]);
      spec_.transforms = factors_;
    }
  }

  const DataSpec& spec() const override { return spec_; }
  std::vector<std::string> transforms() const override { return factors_; }
  int image_size() const override { return spec_.image_size; }
  bool has_ground_truth() const override { return labels_.has_value(); }
  bool draws_dynamics() const override { return false; }
  int64_t count(Split split) const override { return static_cast<int64_t>(windows(split).size()); }

  Sequence sequence(Split split, int64_t index, SequenceMode) const override {
    if (index < 0) throw DataError("sequence index " + std::to_string(index) + " is negative");
    const Window w = windows(split)[index % count(split)];
    Sequence sequence;
    for (int64_t f = w.first; f <= w.first + spec_.steps; ++f) sequence.frames.push_back(data::to_image(clips_[w.clip][f]));
    sequence.item = offsets_[w.clip] + w.first;
    sequence.label = spec_.source + " " + util::name_of(split) + " #" + std::to_string(index) + ", clip '" + names_[w.clip] +
                     "' frames " + std::to_string(w.first) + "-" + std::to_string(w.first + spec_.steps);
    if (labels_) sequence.truth = truth(w);
    return sequence;
  }

 private:
  const std::vector<Window>& windows(Split split) const { return split == Split::Train ? train_ : test_; }

  // Steps w.first+1 .. w.first+T of the clip; speeds are 1 where a factor acts (labels carry no
  // amounts), parameters their running sums.
  GroundTruth truth(const Window& w) const {
    GroundTruth t;
    t.names = factors_;
    t.params.push_back(std::vector<float>(columns_.size(), 0.0f));
    for (int64_t s = 0; s < spec_.steps; ++s) {
      const auto& row = labels_->on[w.clip][w.first + s];
      std::vector<uint8_t> spikes;
      for (size_t f : columns_) spikes.push_back(row[f]);
      std::vector<float> speeds(spikes.begin(), spikes.end()), params = t.params.back();
      for (size_t m = 0; m < speeds.size(); ++m) params[m] += speeds[m];
      t.spikes.push_back(std::move(spikes));
      t.speeds.push_back(std::move(speeds));
      t.params.push_back(std::move(params));
    }
    return t;
  }

  DataSpec spec_;
  std::vector<std::string> names_;
  std::vector<std::vector<cv::Mat>> clips_;
  std::optional<ClipLabels> labels_;
  std::vector<size_t> columns_;
  std::vector<std::string> factors_;
  std::vector<Window> train_, test_;
  std::vector<int64_t> offsets_;  // the clip's first frame in the folder's count (item ids)
};

}  // namespace

bool is_test_clip(size_t clip, size_t clips) { return clips < 10 ? clip + 1 == clips : (clip + 1) % 10 == 0; }

std::vector<int64_t> clip_windows(int64_t frames, int window, int stride) {
  std::vector<int64_t> starts;
  for (int64_t s = 0; s + window <= frames; s += stride) starts.push_back(s);
  return starts;
}

std::unique_ptr<Dataset> open_clips_dataset(const std::string& path, DataSpec spec) {
  std::vector<std::string> names;
  std::vector<std::vector<cv::Mat>> clips;
  std::vector<int64_t> frames;
  for (const auto& clip : list_clips(path)) {
    names.push_back(clip.filename().string());
    clips.push_back(read_squared_frames(clip.string(), spec.image_size, "clips:" + path + ": clip '" + names.back() + "'"));
    frames.push_back(static_cast<int64_t>(clips.back().size()));
  }
  std::optional<ClipLabels> labels;
  const fs::path labels_file = fs::path(path) / kLabelsFile;
  std::error_code ec;
  if (fs::exists(labels_file, ec)) {
    std::ifstream in(labels_file);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) throw DataError("clips:" + path + ": cannot read " + kLabelsFile);
    labels = parse_clip_labels(text.str(), labels_file.string(), names, frames);
  } else if (!spec.transforms.empty()) {
    throw DataError("clips:" + path + " has no " + kLabelsFile + " to name the factors " + spec.transforms.front() + "...");
  }
  return std::make_unique<ClipsDataset>(std::move(spec), std::move(names), std::move(clips), std::move(labels));
}

}  // namespace sta::data
