// GIF writer, read back with giflib: frames, sizes, loop, display times, colours, and bad input refused.
#include "core/export/export_error.h"
#include "core/export/gif_writer.h"
#include "support/gif_reader.h"
#include "support/error_message.h"
#include "support/temp_dir.h"

#include "support/images.h"
#include <doctest/doctest.h>

#include <opencv2/imgproc.hpp>

#include <filesystem>

using sta::exporting::ExportError;
using sta::exporting::ExportOptions;
using sta::exporting::write_gif;

namespace {

// 16x16 frame with 256 distinct colours, shifted by `seed` so that frames differ.
cv::Mat distinct_colours(int seed) {
  cv::Mat frame(16, 16, CV_8UC3);
  for (int y = 0; y < 16; ++y)
    for (int x = 0; x < 16; ++x) frame.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 17, y * 17, (x * 16 + y + seed) % 256);
  return frame;
}

int max_channel_difference(const cv::Mat& a, const cv::Mat& b) {
  double high = 0;
  cv::Mat difference;
  cv::absdiff(a, b, difference);
  cv::minMaxLoc(difference.reshape(1), nullptr, &high);
  return static_cast<int>(high);
}

size_t files_in(const std::filesystem::path& folder) {
  return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(folder), {}));
}

}  // namespace

TEST_CASE("a GIF reads back with its frames, size, loop extension and display times") {
  sta::test::TempDir dir;
  const std::string path = dir.file("frames.gif");
  const std::vector<cv::Mat> frames = {cv::Mat(16, 16, CV_8UC3, cv::Scalar(255, 0, 0)), distinct_colours(0),
                                       distinct_colours(7), cv::Mat(16, 16, CV_8UC3, cv::Scalar(0, 128, 255))};
  ExportOptions options;
  options.fps = 5;
  write_gif(path, sta::test::images(frames), options);

  const auto gif = sta::test::read_gif(path);
  CHECK(gif.width == 16);
  CHECK(gif.height == 16);
  REQUIRE(gif.frames.size() == frames.size());
  CHECK(gif.loops == 0);  // forever
  for (size_t i = 0; i < frames.size(); ++i) {
    CAPTURE(i);
    CHECK(gif.delays[i] == 20);  // 1/5 s
    // At most 256 colours per frame: the palette holds each exactly.
    CHECK(max_channel_difference(gif.frames[i], frames[i]) == 0);
  }
}

TEST_CASE("GIF frames may be float RGB in [0, 1], enlarged by a whole factor, with their own display times") {
  sta::test::TempDir dir;
  const std::string path = dir.file("float.gif");
  cv::Mat small(5, 7, CV_32FC3);
  cv::randu(small, 0.0f, 1.0f);
  const std::vector<cv::Mat> frames = {small, 1.0f - small, small * 0.5f};
  ExportOptions options;
  options.scale = 3;
  options.frame_seconds = {0.5, 0.001, 1.0};
  options.loops = 2;
  write_gif(path, sta::test::images(frames), options);

  const auto gif = sta::test::read_gif(path);
  CHECK(gif.width == 21);
  CHECK(gif.height == 15);
  CHECK(gif.loops == 2);
  CHECK(gif.delays == std::vector<int>{50, 2, 100});  // rounded to 1/100 s, at least 2/100 s
  REQUIRE(gif.frames.size() == 3);
  for (size_t i = 0; i < frames.size(); ++i) {
    cv::Mat expected8, expected;
    frames[i].convertTo(expected8, CV_8UC3, 255.0);
    cv::resize(expected8, expected, expected8.size() * 3, 0, 0, cv::INTER_NEAREST);
    CHECK(max_channel_difference(gif.frames[i], expected) == 0);  // 35 colours: kept exactly
  }
}

TEST_CASE("a GIF frame with thousands of colours keeps them close") {
  // 4096 colours on a 64x64 ramp (red along x, green along y, 4 levels apart). The ideal
  // palette, 16 x 16 boxes of 4 x 4 ramp colours, is off by at most 6 and on average 4 in red
  // and green; the bounds leave room for uneven boxes, while a crude palette (a 6x7x6 cube:
  // errors up to 25) would fail them.
  sta::test::TempDir dir;
  cv::Mat ramp(64, 64, CV_8UC3);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) ramp.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 4, y * 4, 100);
  write_gif(dir.file("ramp.gif"), sta::test::images({ramp}));
  const auto gif = sta::test::read_gif(dir.file("ramp.gif"));
  REQUIRE(gif.frames.size() == 1);
  CHECK(max_channel_difference(gif.frames[0], ramp) <= 8);
  cv::Mat difference;
  cv::absdiff(gif.frames[0], ramp, difference);
  CHECK(cv::mean(difference)[0] <= 5);
  CHECK(cv::mean(difference)[1] <= 5);
  CHECK(cv::mean(difference)[2] == 0);  // blue is constant, so exact
}

TEST_CASE("writing a GIF over an existing file replaces it and leaves no temporary file") {
  sta::test::TempDir dir;
  const std::string path = dir.file("replace.gif");
  write_gif(path, sta::test::images(std::vector<cv::Mat>(2, distinct_colours(1))));
  write_gif(path, sta::test::images(std::vector<cv::Mat>(5, distinct_colours(2))));
  CHECK(sta::test::read_gif(path).frames.size() == 5);
  CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("the GIF writer refuses bad input with a reason naming the culprit") {
  sta::test::TempDir dir;
  const std::string path = dir.file("bad.gif");
  const cv::Mat frame(8, 8, CV_8UC3, cv::Scalar::all(9));
  const auto message = [&](const std::vector<cv::Mat>& frames, const ExportOptions& options, const std::string& to) {
    return sta::test::error_message<ExportError>([&] { write_gif(to, sta::test::images(frames), options); });
  };
  ExportOptions options;
  CHECK(message({}, options, path) == "no frames to write");
  CHECK(message({frame, cv::Mat(8, 9, CV_8UC3)}, options, path).find("frame 1 is 9x8 px but frame 0 is 8x8 px") !=
        std::string::npos);
  CHECK(message({frame, cv::Mat()}, options, path) == "frame 1 is empty");
  CHECK(message({frame}, options, "/nonexistent-folder/out.gif") ==
        "cannot write '/nonexistent-folder/out.gif': folder '/nonexistent-folder' does not exist");
  options.scale = 0;
  CHECK(message({frame}, options, path).find("scale 0 is out of range") != std::string::npos);
  options = {};
  options.fps = 0;
  CHECK(message({frame}, options, path).find("frame rate 0") != std::string::npos);
  options = {};
  options.frame_seconds = {0.1, 0.2};
  CHECK(message({frame}, options, path) == "2 frame display times given for 1 frames");
  options = {};
  options.loops = 70000;
  CHECK(message({frame}, options, path).find("loop count 70000") != std::string::npos);
  CHECK(files_in(dir.path()) == 0);
}
