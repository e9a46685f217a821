// The torch warp renderer (see warp_renderer.h and warped_frames.h).
#include "core/synth/warp_renderer.h"

#include "core/synth/warped_frames.h"
#include "core/util/image_tensor.h"

#include <cmath>

namespace sta::synth {

namespace F = torch::nn::functional;

torch::Tensor warp_tensor(const std::vector<std::vector<FrameWarp>>& warps) {
  const int64_t frames = warps.empty() ? 0 : static_cast<int64_t>(warps.front().size());
  auto out = torch::empty({static_cast<int64_t>(warps.size()), frames, 3});
  auto a = out.accessor<float, 3>();
  for (size_t b = 0; b < warps.size(); ++b) {
    if (static_cast<int64_t>(warps[b].size()) != frames) throw std::invalid_argument("sequences differ in length");
    for (int64_t f = 0; f < frames; ++f) {
      a[b][f][0] = warps[b][f].degrees;
      a[b][f][1] = warps[b][f].scale;
      a[b][f][2] = warps[b][f].hue_degrees;
    }
  }
  return out;
}

torch::Tensor hue_rotations(const torch::Tensor& degrees) {
  // Rodrigues' formula about n = (1, 1, 1) / sqrt(3): c I + s [n]x + (1 - c) n n^T.
  const auto radians = degrees * (M_PI / 180.0);
  const auto c = radians.cos(), s = radians.sin() / std::sqrt(3.0);
  const auto diagonal = c + (1 - c) / 3, off = (1 - c) / 3;
  return torch::stack({torch::stack({diagonal, off - s, off + s}, -1),  //
                       torch::stack({off + s, diagonal, off - s}, -1),  //
                       torch::stack({off - s, off + s, diagonal}, -1)},
                      -2);
}

torch::Tensor render_warps(const torch::Tensor& base, const torch::Tensor& warps, int64_t size) {
  TORCH_CHECK(base.dim() == 4 && base.size(1) == 3 && base.size(2) == base.size(3), "base must be [B, 3, N, N]");
  TORCH_CHECK(warps.dim() == 3 && warps.size(0) == base.size(0) && warps.size(2) == 3, "warps must be [B, F, 3]");
  const int64_t b = base.size(0), f = warps.size(1), n = base.size(2);
  const auto w = warps.to(base.options()).reshape({b * f, 3});

  // The sampling grid maps each output pixel (normalised, centre 0) to where it samples the
  // input: the inverse of "rotate by degrees counter-clockwise on screen, scale by scale".
  const auto radians = w.select(1, 0) * (M_PI / 180.0), shrink = w.select(1, 1).reciprocal();
  const auto c = radians.cos() * shrink, s = radians.sin() * shrink;
  // Pixel centres in normalised coordinates (align_corners = false: (2i + 1) / n - 1); the grid
  // is built by broadcasting, which is several times faster than affine_grid's batched matmul
  // for small images.
  const auto centres = torch::arange(n, base.options()).mul(2.0 / n).add(1.0 / n - 1.0);
  const auto x = centres.view({1, 1, n}), y = centres.view({1, n, 1});
  const auto cs = c.view({-1, 1, 1}), sn = s.view({-1, 1, 1});
  const auto grid = torch::stack({cs * x - sn * y, sn * x + cs * y}, -1);  // [B F, n, n, 2]
  const auto images = base.unsqueeze(1).expand({b, f, 3, n, n}).reshape({b * f, 3, n, n});
  auto frames = F::grid_sample(images, grid,
                               F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(false));

  // out[c] = sum_j R[c][j] in[j], as three broadcast multiply-adds (cheaper than 3x3 bmm).
  const auto rotation = hue_rotations(w.select(1, 2)).view({b * f, 3, 3, 1, 1});
  frames = rotation.select(2, 0) * frames.narrow(1, 0, 1) + rotation.select(2, 1) * frames.narrow(1, 1, 1) +
           rotation.select(2, 2) * frames.narrow(1, 2, 1);
  frames = frames.clamp(0.0, 1.0);
  if (size != n) {
    auto options = F::InterpolateFuncOptions().size(std::vector<int64_t>{size, size});
    frames = size < n ? F::interpolate(frames, options.mode(torch::kArea))
                      : F::interpolate(frames, options.mode(torch::kBilinear).align_corners(false));
  }
  return frames.reshape({b, f, 3, size, size});
}

std::vector<Image> render_warped(const Image& base, const std::vector<FrameWarp>& warps, int size) {
  torch::NoGradGuard no_grad;
  const auto frames = render_warps(images_to_tensor({base}), warp_tensor({warps}), size);
  std::vector<Image> out;
  out.reserve(warps.size());
  for (int64_t i = 0; i < frames.size(1); ++i) out.push_back(tensor_to_image(frames[0][i]));
  return out;
}

}  // namespace sta::synth
