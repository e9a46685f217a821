// Median-cut palette and nearest-colour mapping (see palette.h).
#include "core/export/palette.h"

#include "core/export/export_error.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace sta::exporting {

namespace {

using Key = uint32_t;  // 0xRRGGBB

struct Colour {
  Key key;
  int64_t count;  // pixels of this colour
};

int channel_of(Key key, int c) { return static_cast<int>(key >> (16 - 8 * c)) & 0xff; }

// The image's distinct colours with their pixel counts, sorted by key.
std::vector<Colour> histogram(const std::vector<Key>& sorted_keys) {
  std::vector<Colour> colours;
  for (Key key : sorted_keys) {
    if (colours.empty() || colours.back().key != key)
      colours.push_back({key, 1});
    else
      ++colours.back().count;
  }
  return colours;
}

// A run colours[begin, end) and the channel along which its colours spread the most.
struct Box {
  size_t begin, end;
  int channel = 0;
  int range = 0;  // 0: the box holds a single colour
};

Box describe(const std::vector<Colour>& colours, size_t begin, size_t end) {
  std::array<int, 3> low{255, 255, 255}, high{0, 0, 0};
  for (size_t i = begin; i < end; ++i) {
    for (int c = 0; c < 3; ++c) {
      low[c] = std::min(low[c], channel_of(colours[i].key, c));
      high[c] = std::max(high[c], channel_of(colours[i].key, c));
    }
  }
  Box box{begin, end};
  for (int c = 0; c < 3; ++c) {
    if (high[c] - low[c] > box.range) {
      box.range = high[c] - low[c];
      box.channel = c;
    }
  }
  return box;
}

// Splits the box with the widest spread at its pixel-count median until there are
// max_colours boxes or each holds one colour; each box's mean colour is a palette entry.
std::vector<std::array<uint8_t, 3>> median_cut(std::vector<Colour> colours, int max_colours) {
  std::vector<Box> boxes{describe(colours, 0, colours.size())};
  while (static_cast<int>(boxes.size()) < max_colours) {
    auto widest = std::max_element(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.range < b.range; });
    if (widest->range == 0) break;
    const Box box = *widest;
    std::sort(colours.begin() + box.begin, colours.begin() + box.end, [&](const Colour& a, const Colour& b) {
      return channel_of(a.key, box.channel) < channel_of(b.key, box.channel);
    });
    int64_t total = 0;
    for (size_t i = box.begin; i < box.end; ++i) total += colours[i].count;
    size_t split = box.begin;
    for (int64_t below = 0; below * 2 < total; ++split) below += colours[split].count;
    split = std::clamp(split, box.begin + 1, box.end - 1);
    *widest = describe(colours, box.begin, split);
    boxes.push_back(describe(colours, split, box.end));
  }
  std::vector<std::array<uint8_t, 3>> palette;
  for (const Box& box : boxes) {
    std::array<int64_t, 3> sum{0, 0, 0};
    int64_t count = 0;
    for (size_t i = box.begin; i < box.end; ++i) {
      for (int c = 0; c < 3; ++c) sum[c] += channel_of(colours[i].key, c) * colours[i].count;
      count += colours[i].count;
    }
    std::array<uint8_t, 3> mean;
    for (int c = 0; c < 3; ++c) mean[c] = static_cast<uint8_t>((sum[c] + count / 2) / count);
    palette.push_back(mean);
  }
  return palette;
}

uint8_t nearest(const std::vector<std::array<uint8_t, 3>>& palette, Key key) {
  int best = 0, best_distance = std::numeric_limits<int>::max();
  for (size_t i = 0; i < palette.size(); ++i) {
    int distance = 0;
    for (int c = 0; c < 3; ++c) {
      const int d = channel_of(key, c) - palette[i][c];
      distance += d * d;
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = static_cast<int>(i);
    }
  }
  return static_cast<uint8_t>(best);
}

}  // namespace

IndexedImage quantise(const Rgb8Image& rgb8, int max_colours) {
  if (rgb8.empty()) throw ExportError("quantise needs a non-empty RGB image");
  if (max_colours < 1 || max_colours > 256) throw ExportError("a palette holds 1..256 colours, not " + std::to_string(max_colours));
  std::vector<Key> keys;
  keys.reserve(rgb8.values.size() / 3);
  for (size_t i = 0; i < rgb8.values.size(); i += 3)
    keys.push_back(Key{rgb8.values[i]} << 16 | Key{rgb8.values[i + 1]} << 8 | Key{rgb8.values[i + 2]});
  std::vector<Key> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  const std::vector<Colour> colours = histogram(sorted);

  IndexedImage out;
  out.palette = median_cut(colours, max_colours);
  std::vector<uint8_t> index_of(colours.size());
  for (size_t i = 0; i < colours.size(); ++i) index_of[i] = nearest(out.palette, colours[i].key);
  out.indices = GreyImage(rgb8.rows, rgb8.cols);
  auto* index = out.indices.values.data();
  for (Key key : keys) {
    const auto found = std::lower_bound(colours.begin(), colours.end(), key, [](const Colour& c, Key k) { return c.key < k; });
    *index++ = index_of[found - colours.begin()];
  }
  return out;
}

}  // namespace sta::exporting
