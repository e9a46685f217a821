// PNG grids and strips: documented layout (cells enlarged by the scale, gap pixels between
// and around them), frames in their colours, rows of different lengths.
#include "core/export/export_error.h"
#include "core/export/opencv/png_grid.h"
#include "support/error_message.h"
#include "support/temp_dir.h"

#include "support/images.h"
#include <doctest/doctest.h>

#include <opencv2/imgcodecs.hpp>

using sta::exporting::ExportOptions;

TEST_CASE("a PNG strip holds the frames in one row, enlarged, with gaps between and around them") {
  sta::test::TempDir dir;
  const std::string path = dir.file("strip.png");
  std::vector<cv::Mat> frames;
  for (int i = 0; i < 4; ++i) frames.push_back(cv::Mat(10, 12, CV_32FC3, cv::Scalar(i / 4.0, 1.0, 0.0)));
  ExportOptions options;
  options.scale = 2;
  options.gap = 3;
  sta::exporting::write_png_strip(path, sta::test::images(frames), options);

  const cv::Mat bgr = cv::imread(path, cv::IMREAD_UNCHANGED);
  REQUIRE_FALSE(bgr.empty());
  CHECK(bgr.cols == 3 + 4 * (24 + 3));
  CHECK(bgr.rows == 3 + 20 + 3);
  CHECK(bgr.type() == CV_8UC3);
  for (int i = 0; i < 4; ++i) {
    CAPTURE(i);
    // Corners of cell i: red = i/4, green = 1, blue = 0 (imread gives BGR).
    for (const cv::Point corner : {cv::Point(3 + i * 27, 3), cv::Point(3 + i * 27 + 23, 3 + 19)}) {
      const cv::Vec3b pixel = bgr.at<cv::Vec3b>(corner);
      CHECK(pixel == cv::Vec3b(0, 255, cv::saturate_cast<uchar>(i / 4.0 * 255)));
    }
    // Just left of the cell: the gap.
    CHECK(bgr.at<cv::Vec3b>(10, 2 + i * 27) == cv::Vec3b(40, 40, 40));
  }
}

TEST_CASE("a grid is as wide as its longest row, and short rows leave gap colour") {
  const sta::Image white(4, 4, 1.0f);
  ExportOptions options;
  options.gap = 1;
  const cv::Mat grid = sta::exporting::compose_grid({{white, white, white}, {white}}, options);
  CHECK(grid.cols == 1 + 3 * 5);
  CHECK(grid.rows == 1 + 2 * 5);
  CHECK(grid.at<cv::Vec3b>(6, 1) == cv::Vec3b(255, 255, 255));   // row 1, cell 0
  CHECK(grid.at<cv::Vec3b>(6, 11) == cv::Vec3b(40, 40, 40));     // row 1, where cell 2 would be
}

TEST_CASE("PNG writers refuse a missing folder and mismatched frames") {
  const sta::Image frame(4, 4);
  CHECK(sta::test::error_message<sta::exporting::ExportError>(
            [&] { sta::exporting::write_png_strip("/nonexistent-folder/s.png", {frame}); }) ==
        "cannot write '/nonexistent-folder/s.png': folder '/nonexistent-folder' does not exist");
  CHECK(sta::test::error_message<sta::exporting::ExportError>(
            [&] { sta::exporting::compose_grid({{frame}, {sta::Image(5, 4)}}); }) ==
        "frame 1 is 4x5 px but frame 0 is 4x4 px");
  ExportOptions options;
  options.gap = -1;
  CHECK_THROWS_AS(sta::exporting::compose_grid({{frame}}, options), sta::exporting::ExportError);
}
