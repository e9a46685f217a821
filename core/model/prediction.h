// The model's own account of a sequence, written once over ModelBackend for evaluation, validation and the studio.
#pragma once

#include "core/model/backend.h"
#include "core/model/sta_model.h"

namespace sta::model {

struct Prediction {
  torch::Tensor spike_probability;  // [B, T, K]
  torch::Tensor slab;               // [B, T, K] posterior speed (1 before slabs are trained)
  torch::Tensor g;                  // [B, T, K] hard spike x slab, as used in the roll-out
  torch::Tensor z;                  // [B, T+1, D]
  torch::Tensor frames;             // decoded [B, T+1, C, S, S]
};

// Encode x_0, infer the transformation variables (hard spikes, slab speeds), roll z_0 out and decode.
// frames [B, T+1, C, S, S] on the model's device. primitive_mask [K] (optional) multiplies g,
// so a 0 removes that primitive from the roll-out. Runs without gradients.
Prediction predict(ModelBackend& backend, const torch::Tensor& frames, const torch::Tensor& primitive_mask = {});

// Slab speeds the model uses for a posterior: its location once slabs are trained, else 1.
torch::Tensor slab_speeds(const StaModelImpl& model, const SequencePosterior& posterior);

}  // namespace sta::model
