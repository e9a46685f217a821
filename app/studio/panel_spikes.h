// The Spikes panel: a timeline of the transformation variables, one column per step
// (step t maps frame t-1 to frame t). Rows above: the model's spike probability for each
// primitive (cell opacity) with the speed g it used; rows below: the ground truth's
// transformations and speeds. The column of the step leaving the cursor frame is outlined;
// clicking a column moves the cursor.
#pragma once

#include "app/studio/derived.h"
#include "app/studio/layout.h"

namespace sta::studio {

class SpikesPanel {
 public:
  void draw(const Rect& area, Workspace& ws, Derived& derived);
};

}  // namespace sta::studio
