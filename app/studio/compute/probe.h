// The field view's latent probe: the latent under the mouse on the current slice, decoded, with the local
// speed |v_k| of every primitive's whole field there.
#pragma once

#include "core/field/slice.h"
#include "core/model/engine.h"
#include "core/util/image.h"

#include <vector>

namespace sta::studio {

struct Probe {
  field::Vec2 at;             // slice coordinates
  model::Latent latent;       // anchor + at.x u + at.y v
  Image decoded;              // the model's decoding of `latent`
  std::vector<float> speeds;  // |v_k(latent, time)| per primitive
};

// One decode and one batched field evaluation per probe; the panel asks for at most one probe per frame.
Probe probe_at(const model::Engine& engine, const field::Slice& slice, field::Vec2 at, double time);

}  // namespace sta::studio
