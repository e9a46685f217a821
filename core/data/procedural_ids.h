// Train/test item ids of the procedural sources (digits, shapes): items are a pure function
// of their id, and the two splits use disjoint id ranges.
#pragma once

#include "core/data/dataset.h"

#include <cstdint>

namespace sta::data {

constexpr int64_t kProceduralTrainItems = 60000;  // ids 0 .. 59999
constexpr int64_t kProceduralTestItems = 10000;   // ids 60000 .. 69999

inline int64_t procedural_count(Split split) {
  return split == Split::Train ? kProceduralTrainItems : kProceduralTestItems;
}

inline int64_t procedural_item_id(Split split, int64_t k) {
  return split == Split::Train ? k : kProceduralTrainItems + k;
}

}  // namespace sta::data
