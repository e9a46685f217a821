// open_dataset and the source syntax: known sources open with their defaults, bad sources,
// transformations and settings are refused with messages that name them.
#include "core/data/dataset.h"
#include "support/error_message.h"

#include <doctest/doctest.h>

using namespace sta::data;
using sta::test::error_message;

namespace {

std::string open_error(const DataSpec& spec) {
  return error_message<DataError>([&] { open_dataset(spec); });
}

DataSpec spec_for(const std::string& source, std::vector<std::string> transforms = {}) {
  DataSpec spec;
  spec.source = source;
  spec.transforms = std::move(transforms);
  return spec;
}

}  // namespace

TEST_CASE("sources open with their default transformations and sizes") {
  const auto digits = open_dataset(spec_for("digits"));
  CHECK(digits->transforms() == std::vector<std::string>{"rotate", "scale", "hue"});
  CHECK(digits->image_size() == 28);
  CHECK(digits->has_ground_truth());
  CHECK(digits->spec().transforms == digits->transforms());

  const auto shapes = open_dataset(spec_for("shapes"));
  CHECK(shapes->transforms() == std::vector<std::string>{"floor-hue", "wall-hue", "object-hue", "scale"});
  CHECK(shapes->image_size() == 64);

  const auto fashion = open_dataset(spec_for("fashion-mnist", {"hue", "rotate"}));
  CHECK(fashion->transforms() == std::vector<std::string>{"hue", "rotate"});
  CHECK(fashion->count(Split::Train) == 60000);
  CHECK(fashion->count(Split::Test) == 10000);
  CHECK(fashion->image_size() == 28);

  DataSpec resized = spec_for("digits");
  resized.image_size = 40;
  const auto sequence = open_dataset(resized)->sequence(Split::Train, 0);
  CHECK(sequence.frames.front().same_size(40, 40));
}

TEST_CASE("unknown sources are refused with the list of known ones") {
  const std::string message = open_error(spec_for("mnist-3d"));
  CHECK(message.find("unknown data source 'mnist-3d'") != std::string::npos);
  for (const auto& known : known_sources()) CHECK(message.find(known) != std::string::npos);
  CHECK(open_error(spec_for("digits:extra")).find("unknown data source") != std::string::npos);
  CHECK(open_error(spec_for("idx:")).find("needs a path") != std::string::npos);
}

TEST_CASE("transformations a source does not know are refused with the valid ones") {
  std::string message = open_error(spec_for("digits", {"rotate", "floor-hue"}));
  CHECK(message.find("unknown transformation 'floor-hue'") != std::string::npos);
  CHECK(message.find("rotate, scale, hue") != std::string::npos);

  message = open_error(spec_for("shapes", {"rotate"}));
  CHECK(message.find("floor-hue, wall-hue, object-hue, scale") != std::string::npos);

  CHECK(open_error(spec_for("digits", {"hue", "hue"})).find("listed twice") != std::string::npos);
  CHECK(open_error(spec_for("video:/tmp", {"rotate"})).find("no transformations") != std::string::npos);
}

TEST_CASE("out-of-range settings are refused") {
  DataSpec spec = spec_for("digits");
  spec.steps = 0;
  CHECK(open_error(spec).find("steps") != std::string::npos);
  spec = spec_for("digits");
  spec.image_size = 3;
  CHECK(open_error(spec).find("image size") != std::string::npos);
  spec = spec_for("digits");
  spec.video_stride = 0;
  CHECK(open_error(spec).find("stride") != std::string::npos);
  const auto dataset = open_dataset(spec_for("digits"));
  CHECK(error_message<DataError>([&] { dataset->sequence(Split::Train, -1); }).find("negative") != std::string::npos);
}

TEST_CASE("transformation lists and per-source transformations") {
  CHECK(parse_transform_list("rotate, scale,hue") == std::vector<std::string>{"rotate", "scale", "hue"});
  CHECK(parse_transform_list("").empty());
  CHECK(error_message<DataError>([] { parse_transform_list("rotate,,hue"); }).find("empty") != std::string::npos);
  CHECK(transforms_for_source("idx:/some/file") == std::vector<std::string>{"rotate", "scale", "hue"});
  CHECK(transforms_for_source("shapes").size() == 4);
  CHECK(transforms_for_source("video:clip.mp4").empty());
  CHECK(error_message<DataError>([] { transforms_for_source("nope"); }).find("unknown data source") != std::string::npos);
}
