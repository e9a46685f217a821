// Clip folders (`clips:PATH`): windows within clips, whole clips as the test split, stride, labels.csv,
// and bad folders or labels refused by name.
#include "core/data/clip_labels.h"
#include "core/data/dataset.h"
#include "core/data/opencv/clips_source.h"
#include "support/error_message.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

using namespace sta::data;
using sta::test::error_message;

namespace {

// Clip c: a folder of frames[c] frames, all of grey level 10 + 20 c.
void write_clips(const sta::test::TempDir& dir, const std::vector<int>& frames) {
  for (size_t c = 0; c < frames.size(); ++c) {
    const auto folder = dir.path() / ("clip" + std::to_string(c));
    std::filesystem::create_directories(folder);
    for (int f = 0; f < frames[c]; ++f)
      cv::imwrite((folder / ("f" + std::to_string(f) + ".png")).string(),
                  cv::Mat(16, 16, CV_8UC3, cv::Scalar::all(10 + 20 * static_cast<int>(c))));
  }
}

std::unique_ptr<Dataset> open_clips(const sta::test::TempDir& dir, int steps, int stride = 4) {
  DataSpec spec;
  spec.source = "clips:" + dir.path().string();
  spec.steps = steps;
  spec.image_size = 16;
  spec.video_stride = stride;
  return open_dataset(spec);
}

// The clip a window shows, checking that every frame of it has that clip's colour.
int clip_of(const Sequence& sequence) {
  const int level = static_cast<int>(std::lround(255 * sequence.frames.front().values.front()));
  for (const auto& frame : sequence.frames) {
    const auto [low, high] = std::minmax_element(frame.values.begin(), frame.values.end());
    REQUIRE(std::lround(255 * *low) == level);
    REQUIRE(std::lround(255 * *high) == level);
  }
  return (level - 10) / 20;
}

void write_labels(const sta::test::TempDir& dir, const std::string& text) { std::ofstream(dir.file("labels.csv")) << text; }

std::string labels_error(const std::string& text) {
  return error_message<DataError>([&] { parse_clip_labels(text, "labels.csv", {"a", "b"}, {5, 9}); });
}

}  // namespace

TEST_CASE("clips: no window crosses from one clip into the next, and the test split is whole clips") {
  sta::test::TempDir dir;
  const std::vector<int> frames{12, 9, 15, 10, 13, 9, 11, 20, 9, 14, 10};  // 11 clips: clip 9 is the test clip
  write_clips(dir, frames);
  for (int stride : {1, 3, 4}) {
    CAPTURE(stride);
    const auto clips = open_clips(dir, 5, stride);
    CHECK_FALSE(clips->has_ground_truth());
    CHECK_FALSE(clips->draws_dynamics());
    int64_t expected_train = 0;
    for (size_t c = 0; c < frames.size(); ++c)
      if (!is_test_clip(c, frames.size())) expected_train += static_cast<int64_t>(clip_windows(frames[c], 6, stride).size());
    REQUIRE(clips->count(Split::Train) == expected_train);
    REQUIRE(clips->count(Split::Test) == static_cast<int64_t>(clip_windows(frames[9], 6, stride).size()));
    std::set<int> train_clips;
    for (int64_t i = 0; i < clips->count(Split::Train); ++i) {
      const auto sequence = clips->sequence(Split::Train, i);
      REQUIRE(sequence.frames.size() == 6);
      train_clips.insert(clip_of(sequence));
    }
    CHECK(train_clips == std::set<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 10});
    for (int64_t i = 0; i < clips->count(Split::Test); ++i) CHECK(clip_of(clips->sequence(Split::Test, i)) == 9);
  }
  CHECK(clip_windows(12, 6, 4) == std::vector<int64_t>{0, 4});
  CHECK(clip_windows(12, 6, 1).size() == 7);
  CHECK(is_test_clip(2, 3));
  CHECK_FALSE(is_test_clip(1, 3));
  CHECK(is_test_clip(19, 25));
}

TEST_CASE("clips: labels.csv gives each window the factors of its steps") {
  sta::test::TempDir dir;
  write_clips(dir, {10, 10, 10});
  write_labels(dir, "clip,step,turn,grow\nclip0,1,1,0\nclip0,2,1,1\nclip0,9,0,1\nclip1,3,1,0\n");
  const auto clips = open_clips(dir, 4, 5);  // windows at frames 0 and 5 of each clip
  REQUIRE(clips->has_ground_truth());
  CHECK(clips->transforms() == std::vector<std::string>{"turn", "grow"});
  const auto first = clips->sequence(Split::Train, 0);  // clip0, frames 0-4: steps 1..4
  REQUIRE(first.truth);
  CHECK(first.truth->names == std::vector<std::string>{"turn", "grow"});
  CHECK(first.truth->spikes == std::vector<std::vector<uint8_t>>{{1, 0}, {1, 1}, {0, 0}, {0, 0}});
  CHECK(first.truth->params.back() == std::vector<float>{2, 1});
  const auto second = clips->sequence(Split::Train, 1);  // clip0, frames 5-9: steps 6..9
  CHECK(second.truth->spikes == std::vector<std::vector<uint8_t>>{{0, 0}, {0, 0}, {0, 0}, {0, 1}});
  CHECK(clips->sequence(Split::Train, 2).truth->spikes[2] == std::vector<uint8_t>{1, 0});  // clip1 step 3
  // A subset of the factors, in the order asked.
  DataSpec spec = clips->spec();
  spec.transforms = {"grow"};
  CHECK(open_dataset(spec)->sequence(Split::Train, 0).truth->spikes[1] == std::vector<uint8_t>{1});
  spec.transforms = {"spin"};
  CHECK(error_message<DataError>([&] { open_dataset(spec); }).find("unknown factor 'spin'") != std::string::npos);
}

TEST_CASE("clips: a bad labels file is refused with its line and the culprit") {
  CHECK(labels_error("clip,step,turn\nc,1,1\n") == "labels.csv line 2: unknown clip 'c' (not in the folder)");
  CHECK(labels_error("clip,step,turn\na,5,1\n") ==
        "labels.csv line 2: step '5' is out of range for clip 'a' of 5 frames (1..4: step t moves frame t-1 to frame t)");
  CHECK(labels_error("clip,step,turn\nb,0,1\n").find("step '0' is out of range") != std::string::npos);
  CHECK(labels_error("clip,step,turn\na,x,1\n").find("step 'x' is out of range") != std::string::npos);
  CHECK(labels_error("clip,step,turn,grow\na,1,1\n") == "labels.csv line 2: 3 columns where the header has 4");
  CHECK(labels_error("clip,step,turn\na,1,1,0\n") == "labels.csv line 2: 4 columns where the header has 3");
  CHECK(labels_error("clip,step,turn\na,1,2\n") == "labels.csv line 2: '2' for factor 'turn' must be 0 or 1");
  CHECK(labels_error("clip,step,turn\na,1,1\na,1,0\n") == "labels.csv line 3: step 1 of clip 'a' is labelled twice");
  CHECK(labels_error("name,step,turn\n").find("line 1: the header must be clip,step,FACTOR") != std::string::npos);
  CHECK(labels_error("clip,step\n").find("the header must be") != std::string::npos);
  CHECK(labels_error("clip,step,turn,turn\n").find("'turn' is named twice") != std::string::npos);
  CHECK(labels_error("").find("no header") != std::string::npos);
  const auto ok = parse_clip_labels("clip,step,turn\r\n\nb, 8 ,1\r\n", "labels.csv", {"a", "b"}, {5, 9});
  CHECK(ok.on[1][7] == std::vector<uint8_t>{1});
  CHECK(ok.on[0].size() == 4);
}

TEST_CASE("clips: folders that cannot give windows are refused by name") {
  auto open_error = [](const sta::test::TempDir& dir, int steps) {
    return error_message<DataError>([&] { open_clips(dir, steps); });
  };
  {
    sta::test::TempDir dir;
    write_clips(dir, {10, 4});
    CHECK(open_error(dir, 5).find("clip 'clip1' holds 4 frames, fewer than one window of T+1 = 6") != std::string::npos);
  }
  {
    sta::test::TempDir dir;
    write_clips(dir, {10, 10});
    std::filesystem::create_directories(dir.path() / "empty");
    CHECK(open_error(dir, 5).find("clip 'empty': folder holds no image files") != std::string::npos);
  }
  {
    sta::test::TempDir dir;
    write_clips(dir, {10});
    CHECK(open_error(dir, 5).find("holds 1 clips; at least 2 are needed") != std::string::npos);
  }
  {
    sta::test::TempDir dir;
    write_clips(dir, {10, 10});
    write_labels(dir, "clip,step,turn\nclip7,1,1\n");
    CHECK(open_error(dir, 5).find("line 2: unknown clip 'clip7'") != std::string::npos);
  }
  sta::test::TempDir none;
  CHECK(error_message<DataError>([&] {
          DataSpec spec;
          spec.source = "clips:" + none.file("missing");
          open_dataset(spec);
        }).find("no such folder") != std::string::npos);
}
