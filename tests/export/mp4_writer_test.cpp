// MP4 writer: the video reads back with cv::VideoCapture with every frame, at the enlarged
// (and evened) size, in the right colours; bad output paths are refused.
#include "core/export/export_error.h"
#include "core/export/opencv/mp4_writer.h"
#include "support/error_message.h"
#include "support/temp_dir.h"

#include "support/images.h"
#include <doctest/doctest.h>

#include <opencv2/videoio.hpp>

#include <filesystem>

using sta::exporting::ExportOptions;
using sta::exporting::write_mp4;

namespace {

std::vector<cv::Mat> read_video(const std::string& path) {
  cv::VideoCapture capture(path, cv::CAP_FFMPEG);
  std::vector<cv::Mat> frames;
  for (cv::Mat frame; capture.read(frame);) frames.push_back(frame.clone());
  return frames;
}

}  // namespace

TEST_CASE("an MP4 reads back with every frame, enlarged, in its colours") {
  sta::test::TempDir dir;
  const std::string path = dir.file("colours.mp4");
  // Solid float RGB frames: red, green, blue, repeated. BGR and RGB mixed up would be off by 255.
  const std::vector<cv::Vec3f> colours = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  std::vector<cv::Mat> frames;
  for (int i = 0; i < 9; ++i) frames.push_back(cv::Mat(28, 28, CV_32FC3, cv::Scalar(colours[i % 3])));
  ExportOptions options;
  options.scale = 3;
  options.fps = 8;
  write_mp4(path, sta::test::images(frames), options);

  const auto video = read_video(path);
  REQUIRE(video.size() == frames.size());
  for (size_t i = 0; i < video.size(); ++i) {
    CAPTURE(i);
    CHECK(video[i].cols == 84);
    CHECK(video[i].rows == 84);
    // Lossy 4:2:0 coding of a flat colour: within 16 of 255 or 0 in every channel.
    const cv::Scalar bgr = cv::mean(video[i]);
    const cv::Vec3f& rgb = colours[i % 3];
    for (int c = 0; c < 3; ++c) CHECK(std::abs(bgr[2 - c] - 255.0 * rgb[c]) < 16);
  }
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);  // no temporary file left
}

TEST_CASE("an MP4 of odd-sized frames gets one more column and row, since the codecs need even sizes") {
  sta::test::TempDir dir;
  const std::string path = dir.file("odd.mp4");
  write_mp4(path, sta::test::images(std::vector<cv::Mat>(4, cv::Mat(9, 15, CV_8UC3, cv::Scalar(200, 100, 50)))));
  const auto video = read_video(path);
  REQUIRE(video.size() == 4);
  CHECK(video[0].cols == 16);
  CHECK(video[0].rows == 10);
}

TEST_CASE("the MP4 writer refuses a missing folder and bad frames") {
  const std::vector<sta::Image> frames(2, sta::Image(8, 8));
  CHECK(sta::test::error_message<sta::exporting::ExportError>([&] { write_mp4("/nonexistent-folder/a.mp4", frames); }) ==
        "cannot write '/nonexistent-folder/a.mp4': folder '/nonexistent-folder' does not exist");
  sta::test::TempDir dir;
  CHECK_THROWS_AS(write_mp4(dir.file("a.mp4"), {}), sta::exporting::ExportError);
  ExportOptions options;
  options.fps = -1;
  CHECK_THROWS_AS(write_mp4(dir.file("a.mp4"), frames, options), sta::exporting::ExportError);
  CHECK_FALSE(std::filesystem::exists(dir.file("a.mp4")));
}
