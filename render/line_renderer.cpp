// Segment and arrow-head instance data, and the two draw calls.
#include "render/line_renderer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace sta::render {
namespace {

struct SegmentInstance {
  float x0, y0, x1, y1;
  float speed0, speed1, arc0, arc1;
  Rgba colour;
};

struct ArrowInstance {
  float x, y, dx, dy;
  Rgba colour;
  float speed;
};

void check_path(const LinePath& path, size_t index) {
  if (path.xy.size() % 2 != 0)
    throw std::invalid_argument("line path " + std::to_string(index) + ": odd number of coordinates (" +
                                std::to_string(path.xy.size()) + ")");
  if (!path.speed.empty() && path.speed.size() != path.xy.size() / 2)
    throw std::invalid_argument("line path " + std::to_string(index) + ": " + std::to_string(path.speed.size()) +
                                " speeds for " + std::to_string(path.xy.size() / 2) + " points");
}

}  // namespace

LineBatch::LineBatch() {
  constexpr size_t s = sizeof(SegmentInstance);
  segment_array_.float_attribute(0, segment_buffer_, 4, s, offsetof(SegmentInstance, x0), 1);
  segment_array_.float_attribute(1, segment_buffer_, 4, s, offsetof(SegmentInstance, speed0), 1);
  segment_array_.float_attribute(2, segment_buffer_, 4, s, offsetof(SegmentInstance, colour), 1);
  constexpr size_t a = sizeof(ArrowInstance);
  arrow_array_.float_attribute(0, arrow_buffer_, 4, a, offsetof(ArrowInstance, x), 1);
  arrow_array_.float_attribute(1, arrow_buffer_, 4, a, offsetof(ArrowInstance, colour), 1);
  arrow_array_.float_attribute(2, arrow_buffer_, 1, a, offsetof(ArrowInstance, speed), 1);
}

void LineBatch::set(const std::vector<LinePath>& paths, float arrow_spacing) {
  std::vector<SegmentInstance> segments;
  std::vector<ArrowInstance> arrows;
  speed_max_ = 0.0f;
  for (size_t p = 0; p < paths.size(); ++p) {
    const LinePath& path = paths[p];
    check_path(path, p);
    const size_t n = path.xy.size() / 2;
    auto speed = [&](size_t k) { return path.speed.empty() ? 1.0f : path.speed[k]; };
    std::vector<float> arc(n, 0.0f);
    for (size_t k = 0; k < n; ++k) {
      speed_max_ = std::max(speed_max_, speed(k));
      if (k == 0) continue;
      arc[k] = arc[k - 1] + std::hypot(path.xy[2 * k] - path.xy[2 * k - 2], path.xy[2 * k + 1] - path.xy[2 * k - 1]);
      segments.push_back({path.xy[2 * k - 2], path.xy[2 * k - 1], path.xy[2 * k], path.xy[2 * k + 1],
                          speed(k - 1), speed(k), arc[k - 1], arc[k], path.colour});
    }
    if (arrow_spacing <= 0.0f || n < 2 || arc.back() <= 0.0f) continue;
    const int count = std::max(1, static_cast<int>(std::lround(arc.back() / arrow_spacing)));
    size_t k = 1;
    for (int m = 0; m < count; ++m) {
      const float at = (static_cast<float>(m) + 0.5f) * arc.back() / static_cast<float>(count);
      while (k + 1 < n && arc[k] < at) ++k;
      const float length = arc[k] - arc[k - 1];
      const float t = length > 0.0f ? (at - arc[k - 1]) / length : 0.0f;
      const float x0 = path.xy[2 * k - 2], y0 = path.xy[2 * k - 1];
      const float dx = path.xy[2 * k] - x0, dy = path.xy[2 * k + 1] - y0;
      arrows.push_back({x0 + t * dx, y0 + t * dy, dx, dy, path.colour,
                        speed(k - 1) + t * (speed(k) - speed(k - 1))});
    }
  }
  segment_buffer_.upload(segments);
  arrow_buffer_.upload(arrows);
  segments_ = static_cast<int>(segments.size());
  arrows_ = static_cast<int>(arrows.size());
}

LineRenderer::LineRenderer()
    : lines_(Program::from_embedded("line.vert.glsl", "line.frag.glsl")),
      arrows_(Program::from_embedded("arrow.vert.glsl", "arrow.frag.glsl")) {}

void LineRenderer::draw(const LineBatch& batch, const DrawContext& context, const LineStyle& style) const {
  const float speed_max = std::max(style.speed_max > 0.0f ? style.speed_max : batch.speed_max(), 1e-30f);
  enable_blending();
  if (batch.segments() > 0) {
    lines_.use();
    set_view_uniforms(lines_, context);
    const View2D& v = context.view;
    lines_.set("px_per_unit", 0.25f * (v.scale_x() * context.width + v.scale_y() * context.height));
    lines_.set("width_px", style.width_px);
    lines_.set("slow_width", style.slow_width);
    lines_.set("speed_max", speed_max);
    lines_.set("slow_brightness", style.slow_brightness);
    lines_.set("dashed", style.pattern == LinePattern::Dashed ? 1 : 0);
    lines_.set("pattern_px", style.pattern_px);
    lines_.set("flow_px_per_s", style.flow_px_per_s);
    lines_.set("time", context.time);
    lines_.set("pulse", style.pulse);
    lines_.set("opacity", style.opacity);
    batch.segment_array_.bind();
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, batch.segments());
  }
  if (batch.arrows() > 0 && style.arrow_px > 0.0f) {
    arrows_.use();
    set_view_uniforms(arrows_, context);
    arrows_.set("arrow_px", style.arrow_px);
    arrows_.set("speed_max", speed_max);
    arrows_.set("slow_brightness", style.slow_brightness);
    arrows_.set("opacity", style.opacity);
    batch.arrow_array_.bind();
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, batch.arrows());
  }
}

}  // namespace sta::render
