// A row of frames as an SVG figure (a traversal strip for papers).
#pragma once

#include "core/export/export_options.h"
#include "core/util/image.h"

#include <string>
#include <vector>

namespace sta::exporting {

// Each frame one <image>, embedded as a PNG (base64 data URI) at its exported scale with crisp pixels,
// on the same grey gaps as the PNG strip.
void write_svg_strip(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options = {});

}  // namespace sta::exporting
