// Video and frame-folder reading and windowing (see video_source.h).
#include "core/data/opencv/video_source.h"

#include "core/data/opencv/mat_image.h"
#include "core/data/sequence_generator.h"

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace sta::data {
namespace {

// Test split: the last kTestFraction of the frames (at least one window).
constexpr double kTestFraction = 0.1;

const char* const kImageExtensions[] = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".ppm", ".pgm", ".pnm"};

bool is_image_file(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(std::begin(kImageExtensions), std::end(kImageExtensions), ext) != std::end(kImageExtensions);
}

}  // namespace

bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t i_end = i, j_end = j;
      while (i_end < a.size() && std::isdigit(static_cast<unsigned char>(a[i_end]))) ++i_end;
      while (j_end < b.size() && std::isdigit(static_cast<unsigned char>(b[j_end]))) ++j_end;
      std::string x = a.substr(i, i_end - i), y = b.substr(j, j_end - j);
      x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
      y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i_end;
      j = j_end;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

namespace {

std::vector<cv::Mat> read_frame_folder(const std::string& path, int size, const std::string& culprit) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.is_regular_file() && is_image_file(entry.path())) files.push_back(entry.path());
  }
  if (ec) throw DataError(culprit + ": cannot list the folder (" + ec.message() + ")");
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return natural_less(a.filename().string(), b.filename().string());
  });
  if (files.empty()) throw DataError(culprit + ": folder holds no image files (png, jpg, ...)");
  std::vector<cv::Mat> frames;
  for (const auto& file : files) {
    const cv::Mat image = cv::imread(file.string(), cv::IMREAD_COLOR);
    if (image.empty()) throw DataError(culprit + ": cannot read frame '" + file.filename().string() + "'");
    frames.push_back(square_rgb(image, size));
  }
  return frames;
}

// FFmpeg reads nearly every video format; other backends are tried only when it cannot.
// Library chatter about a file that fails to open is silenced: the DataError says it once.
cv::VideoCapture open_capture(const std::string& path) {
  setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);  // AV_LOG_QUIET unless the user asked for more
  cv::VideoCapture capture(path, cv::CAP_FFMPEG);
  if (capture.isOpened()) return capture;
  // Then the other back ends that read files; never CAP_ANY, which would also probe cameras
  // (gPhoto2 enumerates USB devices for any name, and leaks doing so).
  const auto previous = cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
  for (int api : {cv::CAP_GSTREAMER, cv::CAP_IMAGES})
    if (!capture.isOpened()) capture.open(path, api);
  cv::utils::logging::setLogLevel(previous);
  return capture;
}

std::vector<cv::Mat> read_video_file(const std::string& path, int size, const std::string& culprit) {
  cv::VideoCapture capture = open_capture(path);
  std::vector<cv::Mat> frames;
  cv::Mat image;
  while (capture.isOpened() && capture.read(image) && !image.empty()) frames.push_back(square_rgb(image, size));
  if (frames.empty()) throw DataError(culprit + ": cannot open or decode it as a video");
  return frames;
}

class VideoDataset final : public Dataset {
 public:
  VideoDataset(DataSpec spec, std::vector<cv::Mat> frames)
      : spec_(std::move(spec)),
        frames_(std::move(frames)),
        windows_(video_windows(static_cast<int64_t>(frames_.size()), spec_.steps + 1, spec_.video_stride)) {
    if (windows_.train.empty()) {
      const int window = spec_.steps + 1;
      throw DataError(spec_.source + ": holds " + std::to_string(frames_.size()) + " frames; at least " +
                      std::to_string(3 * window) + " are needed for a training window, a gap and a test window of " +
                      std::to_string(window) + " frames");
    }
  }

  const DataSpec& spec() const override { return spec_; }
  std::vector<std::string> transforms() const override { return {}; }
  int image_size() const override { return spec_.image_size; }
  bool has_ground_truth() const override { return false; }
  bool draws_dynamics() const override { return false; }
  int64_t count(Split split) const override { return static_cast<int64_t>(starts(split).size()); }

  Sequence sequence(Split split, int64_t index, SequenceMode) const override {
    if (index < 0) throw DataError("sequence index " + std::to_string(index) + " is negative");
    const int64_t first = starts(split)[index % count(split)];
    Sequence sequence;
    for (int64_t f = first; f <= first + spec_.steps; ++f) {
      sequence.frames.push_back(data::to_image(frames_[f]));
    }
    sequence.item = first;
    sequence.label = spec_.source + " " + util::name_of(split) + " #" + std::to_string(index) + ", frames " +
                     std::to_string(first) + "-" + std::to_string(first + spec_.steps);
    return sequence;
  }

 private:
  const std::vector<int64_t>& starts(Split split) const { return split == Split::Train ? windows_.train : windows_.test; }

  DataSpec spec_;
  std::vector<cv::Mat> frames_;
  VideoWindows windows_;
};

}  // namespace

cv::Mat square_rgb(const cv::Mat& bgr, int size) {
  const int side = std::min(bgr.cols, bgr.rows);
  const cv::Mat crop = bgr(cv::Rect((bgr.cols - side) / 2, (bgr.rows - side) / 2, side, side));
  cv::Mat resized, rgb;
  cv::resize(crop, resized, cv::Size(size, size), 0, 0, side > size ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::cvtColor(resized, rgb, resized.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
  return rgb;
}

std::unique_ptr<Dataset> video_dataset(DataSpec spec, std::vector<cv::Mat> squared) {
  return std::make_unique<VideoDataset>(std::move(spec), std::move(squared));
}

VideoWindows video_windows(int64_t frames, int window, int stride) {
  const int64_t test_frames = std::max<int64_t>(window, static_cast<int64_t>(kTestFraction * frames + 0.5));
  const int64_t test_begin = frames - test_frames;
  const int64_t train_end = test_begin - window;  // a gap of one window between the splits
  VideoWindows windows;
  if (train_end < window) return windows;
  for (int64_t s = 0; s + window <= train_end; s += stride) windows.train.push_back(s);
  for (int64_t s = test_begin; s + window <= frames; s += stride) windows.test.push_back(s);
  return windows;
}

std::vector<cv::Mat> read_squared_frames(const std::string& path, int size, const std::string& culprit) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw DataError(culprit + ": no such file or folder");
  return fs::is_directory(path, ec) ? read_frame_folder(path, size, culprit) : read_video_file(path, size, culprit);
}

std::unique_ptr<Dataset> open_video_dataset(const std::string& path, DataSpec spec) {
  auto frames = read_squared_frames(path, spec.image_size, "video:" + path);
  return video_dataset(std::move(spec), std::move(frames));
}

}  // namespace sta::data
