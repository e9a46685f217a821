// Sequences as tensors and the ground truth as transformation variables (see frames.h).
#include "core/model/frames.h"

#include <stdexcept>

namespace sta::model {

torch::Tensor sequences_to_tensor(const std::vector<data::Sequence>& sequences) {
  if (sequences.empty()) throw std::invalid_argument("no sequences to convert");
  std::vector<Image> all;
  const size_t length = sequences[0].frames.size();
  for (const auto& s : sequences) {
    if (s.frames.size() != length) throw std::invalid_argument("sequences differ in length");
    all.insert(all.end(), s.frames.begin(), s.frames.end());
  }
  auto flat = images_to_tensor(all);
  return flat.view({static_cast<int64_t>(sequences.size()), static_cast<int64_t>(length), flat.size(1),
                    flat.size(2), flat.size(3)});
}

torch::Tensor ground_truth_g(const std::vector<data::Sequence>& sequences, int primitives) {
  const auto& first = sequences.at(0).truth;
  const int64_t steps = first ? static_cast<int64_t>(first->spikes.size()) : 0;
  auto g = torch::zeros({static_cast<int64_t>(sequences.size()), steps, primitives});
  auto a = g.accessor<float, 3>();
  for (size_t b = 0; b < sequences.size(); ++b) {
    if (!sequences[b].truth) throw std::invalid_argument("supervision needs sequences with ground truth");
    const auto& truth = *sequences[b].truth;
    if (static_cast<int64_t>(truth.spikes.size()) != steps) throw std::invalid_argument("sequences differ in length");
    if (static_cast<int>(truth.names.size()) > primitives)
      throw std::invalid_argument("supervision needs at least one primitive per transformation");
    for (int64_t t = 0; t < steps; ++t)
      for (size_t m = 0; m < truth.names.size(); ++m) a[b][t][m] = truth.spikes[t][m] * truth.speeds[t][m];
  }
  return g;
}

}  // namespace sta::model
