// ExportOptions: the settings every frame writer (GIF, MP4, PNG) understands, and the checks
// the writers share.
#pragma once

#include <vector>

namespace sta::exporting {

struct ExportOptions {
  int scale = 1;                      // whole-number nearest-neighbour upscale of every frame, 1..64
  double fps = 8;                     // GIF and MP4: frames per second
  std::vector<double> frame_seconds;  // GIF: display time of each frame (one value per frame); empty: 1 / fps
  int loops = 0;                      // GIF: times the animation plays; 0: forever
  int gap = 2;                        // PNG: pixels between and around the frames
};

// Throw ExportError naming the bad value.
void check_scale(int scale);
void check_fps(double fps);

}  // namespace sta::exporting
