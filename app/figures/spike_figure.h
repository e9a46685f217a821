// The spike timeline of one sequence as a vector figure (SVG).
#pragma once

#include "core/data/dataset.h"
#include "core/model/engine.h"

#include <string>
#include <vector>

namespace sta::figures {

// The true transformations of each step of a generated sequence, e.g. "rotate+hue" ("-" for
// none); empty without ground truth (video).
std::vector<std::string> truth_labels(const data::Sequence& sequence);

// A row per primitive, a cell per step filled in the primitive's colour with opacity = spike
// probability (as the Spikes panel shows it), the probability written in each cell, and the true
// transformations of each step under the grid when the data has them.
// inference.spike_probability [T][K]; truth[t] lists the transformations of step t+1 (may be empty).
std::string spike_figure_svg(const model::SequenceInference& inference, const std::vector<std::string>& truth,
                             const std::string& caption);

}  // namespace sta::figures
