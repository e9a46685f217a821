// The sequence generator (spec section 1): a sequence's ground-truth dynamics from its seed, and a
// SceneSource turned into a Dataset.
#pragma once

#include "core/data/dataset.h"
#include "core/data/random.h"
#include "core/data/scene_source.h"

#include <memory>

namespace sta::data {

uint64_t sequence_seed(uint64_t seed, Split split, int64_t index, SequenceMode mode);

// Sparse spike chains with slab speeds, or one transformation at speed 1, drawn from a seed that is a
// pure function of (seed, split, index, mode).
// Spikes, speeds and accumulated parameters of `steps` steps over transformations `names`.
// Single and Curriculum modes switch transformation index % M on at every step, Single with
// speed exactly 1, Curriculum with |Laplace(1, 0.1)| speeds.
GroundTruth draw_ground_truth(const std::vector<std::string>& names, int steps, SequenceMode mode,
                              int64_t index, Random& rng);

// `spec` is complete (transforms resolved and valid for the source, sizes filled in).
std::unique_ptr<Dataset> make_generated_dataset(std::shared_ptr<const SceneSource> source, DataSpec spec);

}  // namespace sta::data
