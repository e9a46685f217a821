// Images to tensors and back: [N, C, S, S] with the pixels in place, and values clamped to [0, 1]
// on the way back.
#include "core/util/image_tensor.h"

#include <doctest/doctest.h>
#include <torch/torch.h>

TEST_CASE("images become [N, 3, S, S] tensors and come back unchanged, clamped to [0, 1]") {
  std::vector<sta::Image> images(2, sta::Image(4, 5));
  for (size_t n = 0; n < images.size(); ++n)
    for (size_t i = 0; i < images[n].values.size(); ++i) images[n].values[i] = static_cast<float>((i + 3 * n) % 11) / 10.0f;
  const torch::Tensor t = sta::images_to_tensor(images);
  CHECK(t.sizes() == torch::IntArrayRef{2, 3, 4, 5});
  // Pixel (y 2, x 3), channel 1 of the second image.
  CHECK(t[1][1][2][3].item<float>() == doctest::Approx(images[1].pixel(2, 3)[1]));
  const sta::Image back = sta::tensor_to_image(t[1]);
  CHECK(back.rows == 4);
  CHECK(back.cols == 5);
  CHECK(back.values == images[1].values);
  const sta::Image clamped = sta::tensor_to_image(torch::full({3, 2, 2}, 1.7f) - torch::eye(2).unsqueeze(0) * 2.0f);
  CHECK(clamped.pixel(0, 0)[0] == 0.0f);
  CHECK(clamped.pixel(0, 1)[2] == 1.0f);
}
