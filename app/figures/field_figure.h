// The field view as a vector figure (SVG, for papers), written from the same FieldLayers the Fields panel draws.
#pragma once

#include "app/figures/field_layers.h"

#include <string>
#include <vector>

namespace sta::figures {

struct FieldFigureOptions {
  std::vector<int> primitives;  // which panels, in order (empty: every primitive)
  int panel_size = 320;         // px of each square panel
  int columns = 0;              // 0: all in one row
  std::string caption;          // under the panels (e.g. the slice and the model)
};

// One square panel per primitive shown, each streamline one <path> in the tone the studio draws it in
// (dashed for divergence-free parts, as on screen), an arrow head (<polygon>) at the middle of each
// line, the slice's rectangle as the frame.
std::string field_figure_svg(const FieldLayers& layers, const FieldFigureOptions& options);

// The number of streamlines field_figure_svg draws for these options (one <path> each).
size_t figure_streamlines(const FieldLayers& layers, const FieldFigureOptions& options);

}  // namespace sta::figures
