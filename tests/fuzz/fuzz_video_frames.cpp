// Fuzz target: what the frame-folder / video source does after OpenCV hands it frames.
// A DataError (too few frames) is a proper refusal; anything else is a bug.
#include "core/data/opencv/video_source.h"

#include <algorithm>
#include <cstring>

namespace {

struct Cursor {
  const uint8_t* data;
  size_t size, pos = 0;
  uint8_t next() { return pos < size ? data[pos++] : 0; }
};

}  // namespace

// The input describes the frames a decoder could give (count, sizes, pixel bytes: 8-bit BGR as
// VideoCapture and imread give them) and the spec (size, T, stride); the harness squares each frame
// as the source does, builds the dataset and reads every sequence of both splits.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Cursor in{data, size};
  sta::data::DataSpec spec;
  spec.source = "video:fuzz";
  spec.image_size = 8 + in.next() % 57;  // 8..64, the range the options allow up to 64
  spec.steps = 1 + in.next() % 12;
  spec.video_stride = 1 + in.next() % 8;
  const int frames = in.next() % 64;
  std::vector<cv::Mat> squared;
  for (int f = 0; f < frames; ++f) {
    const int rows = 1 + in.next() % 96, cols = 1 + in.next() % 96;
    cv::Mat bgr(rows, cols, CV_8UC3);
    for (size_t i = 0; i < bgr.total() * 3; ++i) bgr.data[i] = in.next();
    squared.push_back(sta::data::square_rgb(bgr, spec.image_size));
  }
  try {
    const auto dataset = sta::data::video_dataset(spec, std::move(squared));
    for (auto split : {sta::data::Split::Train, sta::data::Split::Test})
      for (int64_t i = 0; i < dataset->count(split) + 2; ++i) {
        const auto sequence = dataset->sequence(split, i);
        if (static_cast<int>(sequence.frames.size()) != spec.steps + 1) __builtin_trap();
        for (const auto& frame : sequence.frames)
          if (!frame.same_size(spec.image_size, spec.image_size)) __builtin_trap();
      }
  } catch (const sta::data::DataError&) {
  }
  return 0;
}
