// What the Composer panel's buttons and the script's `use-inferred` and `export` commands do,
// without drawing: copying the inferred speeds and saving the composed traversal.
#pragma once

#include "app/studio/compute/derived.h"
#include "app/studio/compute/workspace.h"

#include <string>

namespace sta::studio {

// Sets every primitive's composer speed to the model's inferred g (spike x slab) at the step
// leaving the cursor frame (the last step when the cursor is on the last frame).
void use_inferred_speeds(Workspace& ws, const model::SequencePrediction& prediction);
// Writes the composed traversal to `path` (.gif, .mp4 or .png by extension), frames enlarged
// for viewing; failures become Workspace errors. Returns whether it was written.
bool export_composition(Workspace& ws, Derived& derived, const std::string& path);

}  // namespace sta::studio
