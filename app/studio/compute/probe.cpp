// The field view's latent probe (see probe.h).
#include "app/studio/compute/probe.h"

#include <cmath>

namespace sta::studio {

Probe probe_at(const model::Engine& engine, const field::Slice& slice, field::Vec2 at, double time) {
  Probe probe;
  probe.at = at;
  probe.latent = slice.latent(at);
  probe.decoded = engine.decode({probe.latent}).front();
  std::vector<std::vector<float>> velocities;
  engine.fields(model::FieldPart::Whole, time, probe.latent, velocities);
  for (const std::vector<float>& v : velocities) {
    double sum = 0.0;
    for (float x : v) sum += double(x) * x;
    probe.speeds.push_back(static_cast<float>(std::sqrt(sum)));
  }
  return probe;
}

}  // namespace sta::studio
