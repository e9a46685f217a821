// Image <-> tensor copies (see image_tensor.h).
#include "core/util/image_tensor.h"

#include <cstring>
#include <stdexcept>

namespace sta {

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

Image tensor_to_image(const torch::Tensor& chw) {
  auto hwc = chw.detach().to(torch::kCPU, torch::kFloat).clamp(0, 1).permute({1, 2, 0}).contiguous();
  if (hwc.size(2) == 1) hwc = hwc.expand({hwc.size(0), hwc.size(1), 3}).contiguous();
  Image out(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)));
  std::memcpy(out.values.data(), hwc.data_ptr<float>(), out.values.size() * sizeof(float));
  return out;
}

}  // namespace sta
