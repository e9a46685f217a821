// Heat-map texture upload, colour-map lookup tables and value ranges.
#include "render/heat_map_renderer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace sta::render {
namespace {

constexpr int kTableSize = 256;

void upload_table(Texture2D& texture, ColorMap map) {
  texture.upload(colormap_table(map, kTableSize).data(), kTableSize, 1, 3);
}

}  // namespace

HeatMapRenderer::HeatMapRenderer()
    : program_(Program::from_embedded("heatmap.vert.glsl", "heatmap.frag.glsl")),
      values_(Filter::Linear),
      diverging_(Filter::Linear),
      sequential_(Filter::Linear) {
  upload_table(diverging_, ColorMap::Diverging);
  upload_table(sequential_, ColorMap::Sequential);
}

void HeatMapRenderer::upload(const std::vector<float>& values, int nx, int ny, float x0, float x1,
                             float y0, float y1) {
  if (nx < 2 || ny < 2 || values.size() != static_cast<size_t>(nx) * static_cast<size_t>(ny))
    throw std::invalid_argument("heat map: " + std::to_string(values.size()) + " values for a " +
                                std::to_string(nx) + "x" + std::to_string(ny) + " grid");
  values_.upload(values.data(), nx, ny, 1);
  rect_[0] = x0;
  rect_[1] = y0;
  rect_[2] = x1;
  rect_[3] = y1;
}

void HeatMapRenderer::draw(const DrawContext& context, ColorMap map, float lo, float hi, float opacity) const {
  if (values_.width() == 0) return;
  enable_blending();
  program_.use();
  set_view_uniforms(program_, context);
  program_.set("rect", rect_[0], rect_[1], rect_[2], rect_[3]);
  program_.set("grid_size", static_cast<float>(values_.width()), static_cast<float>(values_.height()));
  program_.set("range", lo, hi > lo ? hi : lo + 1e-30f);
  program_.set("opacity", opacity);
  program_.set("values", 0);
  program_.set("lut", 1);
  values_.bind(0);
  (map == ColorMap::Diverging ? diverging_ : sequential_).bind(1);
  empty_.bind();
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

std::pair<float, float> value_range(const std::vector<float>& values) {
  float lo = INFINITY, hi = -INFINITY;
  for (float v : values)
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (!(lo <= hi)) return {0.0f, 1.0f};
  return {lo, hi};
}

std::pair<float, float> symmetric_range(const std::vector<float>& values) {
  const auto [lo, hi] = value_range(values);
  const float m = std::max(std::abs(lo), std::abs(hi));
  return {-m, m};
}

}  // namespace sta::render
