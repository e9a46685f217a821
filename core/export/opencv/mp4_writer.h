// MP4 video writing with OpenCV's FFmpeg back end: H.264 ('avc1'), or MPEG-4 part 2 ('mp4v') where the
// OpenCV build has no H.264 encoder.
#pragma once

#include "core/export/export_options.h"

#include "core/util/image.h"

#include <string>
#include <vector>

namespace sta::exporting {

// Frames are enlarged by options.scale and, since the codecs need even sizes, an odd width or height
// gains one repeated edge column or row. Written to a temporary file beside the target and renamed
// over it once complete.
// frames: RGB in [0, 1], all one size. Uses options.scale and fps.
// Throws ExportError naming the culprit.
void write_mp4(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options = {});

}  // namespace sta::exporting
