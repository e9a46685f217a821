// write_frames: the extension picks the writer (case-insensitively); anything else is refused
// with a message naming the extension.
#include "core/export/export_error.h"
#include "core/export/export_file.h"
#include "support/gif_reader.h"
#include "support/error_message.h"
#include "support/temp_dir.h"

#include "support/images.h"
#include <doctest/doctest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <filesystem>

using sta::exporting::ExportError;
using sta::exporting::OutputFormat;
using sta::exporting::output_format;

TEST_CASE("the output format follows the extension, in any case") {
  CHECK(output_format("a/b.gif") == OutputFormat::Gif);
  CHECK(output_format("B.GIF") == OutputFormat::Gif);
  CHECK(output_format("/tmp/x.y.mp4") == OutputFormat::Mp4);
  CHECK(output_format("strip.Png") == OutputFormat::Png);
  CHECK(output_format("figure.svg") == OutputFormat::Svg);
  CHECK(sta::test::error_message<ExportError>([] { output_format("clip.xyz"); }) ==
        "unsupported output format '.xyz' (use .gif, .mp4, .png or .svg)");
  CHECK(sta::test::error_message<ExportError>([] { output_format("frames.jpg"); }) ==
        "unsupported output format '.jpg' (use .gif, .mp4, .png or .svg)");
  CHECK(sta::test::error_message<ExportError>([] { output_format("folder/clip"); }) ==
        "output 'folder/clip' has no extension (use .gif, .mp4, .png or .svg)");
}

TEST_CASE("write_frames writes a GIF, an MP4 or a PNG strip by the extension") {
  sta::test::TempDir dir;
  const std::vector<sta::Image> frames = sta::test::images(std::vector<cv::Mat>(3, cv::Mat(6, 8, CV_8UC3, cv::Scalar(10, 200, 30))));
  sta::exporting::ExportOptions options;
  options.scale = 2;
  options.gap = 1;

  sta::exporting::write_frames(dir.file("a.gif"), frames, options);
  CHECK(sta::test::read_gif(dir.file("a.gif")).frames.size() == 3);

  sta::exporting::write_frames(dir.file("a.mp4"), frames, options);
  cv::VideoCapture video(dir.file("a.mp4"), cv::CAP_FFMPEG);
  cv::Mat first;
  REQUIRE(video.read(first));
  CHECK(first.size() == cv::Size(16, 12));

  sta::exporting::write_frames(dir.file("a.png"), frames, options);
  CHECK(cv::imread(dir.file("a.png")).size() == cv::Size(1 + 3 * 17, 1 + 13));

  CHECK_THROWS_AS(sta::exporting::write_frames(dir.file("a.webm"), frames, options), ExportError);
  CHECK_FALSE(std::filesystem::exists(dir.file("a.webm")));
}
