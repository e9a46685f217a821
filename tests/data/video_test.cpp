// Video sources: frame folders (natural file order) and MP4 files written by the test become
// windows of T+1 consecutive frames, train before a gap before test, centre-cropped, no truth.
#include "core/data/dataset.h"
#include "core/data/opencv/video_source.h"
#include "support/error_message.h"
#include "support/temp_dir.h"

#include "core/data/opencv/mat_image.h"

#include <doctest/doctest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace sta::data;
using sta::test::error_message;

namespace {

// Frame i: a centre square of grey level base + step x i between black side bands, so that
// a centre crop shows only the grey level and any other framing shows black.
cv::Mat coded_frame(int i, int base, int step, cv::Size size) {
  cv::Mat frame(size, CV_8UC3, cv::Scalar::all(0));
  const int side = std::min(size.width, size.height);
  frame(cv::Rect((size.width - side) / 2, (size.height - side) / 2, side, side)).setTo(cv::Scalar::all(base + step * i));
  return frame;
}

// The frame index a sequence frame shows, checking that it is uniform (correctly cropped).
int decode(const cv::Mat& frame, int base, int step) {
  double low = 0, high = 0;
  cv::minMaxLoc(frame.reshape(1), &low, &high);
  CHECK(high - low < 6.0 / 255);
  return static_cast<int>(std::lround((255.0 * (low + high) / 2 - base) / step));
}

std::unique_ptr<Dataset> open_video(const std::string& path, int stride = 4) {
  DataSpec spec;
  spec.source = "video:" + path;
  spec.video_stride = stride;
  return open_dataset(spec);
}

// Every window holds T+1 consecutive frames starting where expected; train frames end a full
// window before the first test frame.
void check_windows(const Dataset& video, const std::vector<int>& train_starts, const std::vector<int>& test_starts,
                   int base, int step) {
  REQUIRE(video.count(Split::Train) == static_cast<int64_t>(train_starts.size()));
  REQUIRE(video.count(Split::Test) == static_cast<int64_t>(test_starts.size()));
  int last_train_frame = -1, first_test_frame = 1 << 30;
  for (Split split : {Split::Train, Split::Test}) {
    const auto& starts = split == Split::Train ? train_starts : test_starts;
    for (size_t k = 0; k < starts.size(); ++k) {
      const Sequence s = video.sequence(split, static_cast<int64_t>(k));
      CHECK_FALSE(s.truth.has_value());
      REQUIRE(s.frames.size() == 9);
      CHECK(s.item == starts[k]);
      for (int t = 0; t < 9; ++t) {
        const int shown = decode(sta::data::to_mat(s.frames[t]), base, step);
        CHECK(shown == starts[k] + t);
        if (split == Split::Train) last_train_frame = std::max(last_train_frame, shown);
        if (split == Split::Test) first_test_frame = std::min(first_test_frame, shown);
      }
    }
  }
  CHECK(first_test_frame - last_train_frame > 9);
}

}  // namespace

TEST_CASE("a folder of frames gives windows of consecutive frames in natural file order") {
  sta::test::TempDir dir;
  // 100 frames named frame_0 .. frame_99 (no zero padding: plain string order would be wrong).
  for (int i = 0; i < 100; ++i) {
    REQUIRE(cv::imwrite(dir.file("frame_" + std::to_string(i) + ".png"), coded_frame(i, 20, 2, {80, 60})));
  }
  std::ofstream(dir.file("notes.txt")) << "not a frame";
  const auto video = open_video(dir.path().string());
  CHECK(video->image_size() == 64);
  CHECK(video->transforms().empty());
  CHECK_FALSE(video->has_ground_truth());
  // T = 8 (windows of 9), stride 4. Test: the last 10 frames (90..99) hold one window at 90.
  // Training: frames 0..80 (a 9-frame gap before 90): windows at 0, 4, ..., 72.
  std::vector<int> train;
  for (int s = 0; s <= 72; s += 4) train.push_back(s);
  check_windows(*video, train, {90}, 20, 2);
  CHECK(video->sequence(Split::Test, 0).label.find("frames 90-98") != std::string::npos);
}

TEST_CASE("an MP4 written with cv::VideoWriter gives the expected windows") {
  sta::test::TempDir dir;
  const std::string path = dir.file("clip.mp4");
  {
    cv::VideoWriter writer(path, cv::VideoWriter::fourcc('m', 'p', '4', 'v'), 25, cv::Size(96, 64));
    REQUIRE(writer.isOpened());
    // Grey levels 7 apart: lossy coding moves them by a few levels, never by half a step.
    for (int i = 0; i < 32; ++i) writer.write(coded_frame(i, 12, 7, {96, 64}));
  }
  const auto video = open_video(path, 2);
  // 32 frames, windows of 9, stride 2: test is the last 9 frames (10% is only 3), one window at
  // 23; training frames 0..13: windows at 0, 2, 4.
  check_windows(*video, {0, 2, 4}, {23}, 12, 7);
}

TEST_CASE("window layout follows the split rule for any length") {
  for (int64_t frames : {27, 50, 1000}) {
    CAPTURE(frames);
    const VideoWindows w = video_windows(frames, 9, 5);
    REQUIRE_FALSE(w.train.empty());
    REQUIRE_FALSE(w.test.empty());
    CHECK(w.train.back() + 9 + 9 <= w.test.front());       // a window's gap: no shared frame
    CHECK(w.test.back() + 9 <= frames);
    CHECK(frames - w.test.front() >= std::max<int64_t>(9, frames / 10));
  }
  CHECK(video_windows(26, 9, 1).train.empty());
}

TEST_CASE("unreadable or unsuitable videos are refused with a clear message") {
  sta::test::TempDir dir;
  const std::string fake = dir.file("broken.mp4");
  std::ofstream(fake) << "this is not a video";
  std::string message = error_message<DataError>([&] { open_video(fake); });
  CHECK(message.find(fake) != std::string::npos);
  CHECK(message.find("cannot open or decode") != std::string::npos);

  message = error_message<DataError>([&] { open_video(dir.file("absent.mp4")); });
  CHECK(message.find("no such file") != std::string::npos);

  const std::string empty = dir.file("empty");
  std::filesystem::create_directories(empty);
  CHECK(error_message<DataError>([&] { open_video(empty); }).find("no image files") != std::string::npos);

  const std::string short_clip = dir.file("short");
  std::filesystem::create_directories(short_clip);
  for (int i = 0; i < 20; ++i) cv::imwrite(short_clip + "/" + std::to_string(i) + ".png", coded_frame(i, 0, 1, {8, 8}));
  message = error_message<DataError>([&] { open_video(short_clip); });
  CHECK(message.find("20 frames") != std::string::npos);
  CHECK(message.find("at least 27") != std::string::npos);
}
