// The Composer panel: what each primitive does to the cursor frame. From the encoded latent
// of the frame at the time cursor, primitive k alone is rolled out for a few steps at its
// speed (a slider per primitive, negative runs it backwards) and every step is decoded, so
// a row of images shows the primitive's effect as a traversal.
#pragma once

#include "app/studio/cached.h"
#include "app/studio/derived.h"
#include "app/studio/layout.h"
#include "render/texture.h"

#include <tuple>
#include <vector>

namespace sta::studio {

class ComposerPanel {
 public:
  static constexpr int kSteps = 5;  // roll-out steps shown after the start frame

  void draw(const Rect& area, Workspace& ws, Derived& derived);

 private:
  using Key = std::tuple<int, int, SequenceChoice, int, std::vector<float>>;
  Cached<Key, std::vector<std::vector<render::Texture2D>>> traversals_;  // [k][step]
};

}  // namespace sta::studio
