// Deterministic prediction of a sequence over any back end (see prediction.h).
#include "core/model/prediction.h"

namespace sta::model {

torch::Tensor slab_speeds(const StaModelImpl& model, const SequencePosterior& posterior) {
  return model.slabs_trained() ? posterior.slab_loc : torch::ones_like(posterior.slab_loc);
}

Prediction predict(ModelBackend& backend, const torch::Tensor& frames, const torch::Tensor& primitive_mask) {
  torch::NoGradGuard no_grad;
  const int64_t b = frames.size(0), t = frames.size(1) - 1;
  Prediction p;
  auto inferred = backend.infer(frames);
  p.spike_probability = inferred.spike_probability;
  p.slab = inferred.slab;
  p.g = inferred.g;
  if (primitive_mask.defined()) p.g = p.g * primitive_mask.to(p.g.options()).view({1, 1, -1});
  p.z = rollout(backend, backend.encode(frames.select(1, 0)).mean, p.g);
  p.frames = backend.decode(p.z.reshape({b * (t + 1), p.z.size(2)})).view(frames.sizes());
  return p;
}

}  // namespace sta::model
