// Animated GIF writing with giflib: GIF89a, a median-cut palette and display time per frame, looping.
#pragma once

#include "core/export/export_options.h"

#include "core/util/image.h"

#include <string>
#include <vector>

namespace sta::exporting {

// Each frame has its own palette of up to 256 colours (nearest-colour mapping, see palette.h); a
// NETSCAPE2.0 extension makes players loop it. Written atomically.
// frames: RGB in [0, 1], all one size. Uses options.scale, fps,
// frame_seconds and loops; display times round to 1/100 s, at least 2/100 s (the shortest
// that browsers honour). Throws ExportError naming the culprit.
void write_gif(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options = {});

}  // namespace sta::exporting
