// The status bar along the bottom of the window: the latest error (red, with how many there
// are and a button to dismiss them) or a hint, and the frame-time readout.
#pragma once

#include "app/studio/compute/workspace.h"
#include "app/studio/shell/frame_clock.h"
#include "app/studio/widgets/layout.h"

namespace sta::studio {

void draw_status_bar(const Rect& area, Workspace& ws, const FrameClock& clock);

}  // namespace sta::studio
