// Frame <-> tensor conversion (see frames.h).
#include "core/model/frames.h"

#include <cstring>
#include <stdexcept>

namespace sta::model {

torch::Tensor images_to_tensor(const std::vector<Image>& images) {
  if (images.empty()) throw std::invalid_argument("no images to convert");
  const int rows = images[0].rows, cols = images[0].cols;
  auto hwc = torch::empty({static_cast<int64_t>(images.size()), rows, cols, 3});
  float* dst = hwc.data_ptr<float>();
  const size_t frame_floats = static_cast<size_t>(rows) * cols * 3;
  for (size_t i = 0; i < images.size(); ++i) {
    if (!images[i].same_size(rows, cols)) throw std::invalid_argument("frames must all be images of the same size");
    std::memcpy(dst + i * frame_floats, images[i].values.data(), frame_floats * sizeof(float));
  }
  return hwc.permute({0, 3, 1, 2}).contiguous();
}

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

Image tensor_to_image(const torch::Tensor& chw) {
  auto hwc = chw.detach().to(torch::kCPU, torch::kFloat).clamp(0, 1).permute({1, 2, 0}).contiguous();
  if (hwc.size(2) == 1) hwc = hwc.expand({hwc.size(0), hwc.size(1), 3}).contiguous();
  Image out(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)));
  std::memcpy(out.values.data(), hwc.data_ptr<float>(), out.values.size() * sizeof(float));
  return out;
}

}  // namespace sta::model
