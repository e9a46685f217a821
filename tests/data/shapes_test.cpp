// Shapes scenes: each transformation changes its own part of the picture (floor, wall,
// object) and leaves the others alone; all four object shapes occur.
#include "core/data/dataset.h"

#include "core/data/opencv/mat_image.h"

#include <doctest/doctest.h>

#include <opencv2/core.hpp>

#include <set>

using namespace sta::data;

namespace {

// Largest change between the first and last frame inside a region.
double change(const Sequence& s, const cv::Rect& region) {
  return cv::norm(sta::data::to_mat(s.frames.front())(region), sta::data::to_mat(s.frames.back())(region), cv::NORM_INF);
}

}  // namespace

TEST_CASE("each shapes transformation changes its own part of the scene") {
  DataSpec spec;
  spec.source = "shapes";
  const auto dataset = open_dataset(spec);
  const cv::Rect wall(0, 0, 64, 8), floor(0, 56, 64, 8), object(26, 26, 12, 12);
  const cv::Rect far_corner(0, 0, 16, 8);  // never reached by a growing object or its shadow
  // Several items so that no particular object size or position decides the outcome.
  for (int item = 0; item < 8; ++item) {
    CAPTURE(item);
    const auto single = [&](int transformation) {  // index % 4 picks the transformation
      return dataset->sequence(Split::Train, 4 * item + transformation, SequenceMode::Single);
    };
    const Sequence floor_hue = single(0), wall_hue = single(1), object_hue = single(2), scale = single(3);
    REQUIRE(floor_hue.truth->names[0] == "floor-hue");
    CHECK(change(floor_hue, floor) > 0.2);
    CHECK(change(floor_hue, wall) == 0);
    CHECK(change(wall_hue, wall) > 0.2);
    CHECK(change(wall_hue, floor) == 0);
    CHECK(change(object_hue, object) > 0.2);
    CHECK(change(object_hue, wall) == 0);
    CHECK(change(object_hue, floor) == 0);
    CHECK(change(scale, far_corner) == 0);
    CHECK(sta::l1_distance(scale.frames.front(), scale.frames.back()) > 50);
  }
}

TEST_CASE("shapes items cover cube, cylinder, sphere and pill") {
  DataSpec spec;
  spec.source = "shapes";
  spec.steps = 1;
  const auto dataset = open_dataset(spec);
  std::set<std::string> seen;
  for (int k = 0; k < 60; ++k) {
    const std::string label = dataset->sequence(Split::Train, k).label;
    for (const char* shape : {"cube", "cylinder", "sphere", "pill"}) {
      if (label.find(shape) != std::string::npos) seen.insert(shape);
    }
  }
  CHECK(seen.size() == 4);
}
