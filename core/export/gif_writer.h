// Animated GIF writing with giflib: GIF89a, each frame with its own median-cut palette of up
// to 256 colours (nearest-colour mapping, see palette.h), its own display time, and a
// NETSCAPE2.0 extension so that players loop it. Written atomically.
#pragma once

#include "core/export/export_options.h"

#include "core/util/image.h"

#include <string>
#include <vector>

namespace sta::exporting {

// frames: RGB in [0, 1], all one size. Uses options.scale, fps,
// frame_seconds and loops; display times round to 1/100 s, at least 2/100 s (the shortest
// that browsers honour). Throws ExportError naming the culprit.
void write_gif(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options = {});

}  // namespace sta::exporting
