// One frame's warp of a coloured base image: the rotation, scale and hue turn the renderer applies.
#pragma once

namespace sta::synth {

struct FrameWarp {
  float degrees = 0.0f, scale = 1.0f, hue_degrees = 0.0f;
};

}  // namespace sta::synth
