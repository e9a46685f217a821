// Uploading field layers to line batches and heat grids, and painting them.
#include "app/studio/panels/field_painter.h"

#include "app/figures/palette.h"
#include "render/colormap.h"

#include <algorithm>
#include <numeric>

namespace sta::studio {

namespace {

constexpr float kHeatOpacity = 0.45f;  // dim enough that dark (divergence-free) lines stay readable

// Indices of the points of a polyline that keep it within `tolerance` of the original
// (greedy: each kept segment reaches as far as its skipped points stay that close, up to
// kMaxSpan points).
// Streamlines are traced in steps of a quarter cell; drawing them that finely would cost
// a software rasteriser far more than it shows.
std::vector<size_t> simplified(const std::vector<field::Vec2>& points, float tolerance) {
  std::vector<size_t> kept;
  if (points.empty()) return kept;
  kept.push_back(0);
  size_t from = 0;
  constexpr size_t kMaxSpan = 32;  // bounds the work per point (and the segment length)
  for (size_t to = 2; to < points.size(); ++to) {
    bool close = to - from <= kMaxSpan;
    for (size_t i = from + 1; close && i < to; ++i)
      close = field::distance_to_segment(points[i], points[from], points[to]) <= tolerance;
    if (!close) {
      from = to - 1;
      kept.push_back(from);
    }
  }
  if (points.size() > 1) kept.push_back(points.size() - 1);
  return kept;
}

// Streamlines as LinePaths in one colour, simplified to `tolerance` slice units.
void add_paths(const std::vector<field::Streamline>& lines, render::Rgba colour, float tolerance,
               std::vector<render::LinePath>& out) {
  for (const field::Streamline& line : lines) {
    render::LinePath path{{}, {}, colour};
    for (size_t i : simplified(line.points, tolerance)) {
      path.xy.insert(path.xy.end(), {line.points[i].x, line.points[i].y});
      path.speed.push_back(line.speed[i]);
    }
    out.push_back(std::move(path));
  }
}

// Streamlines cut into pieces about `piece` slice units long, each coloured by its mean
// speed and simplified; each piece carries one arrow head, so arrows stay evenly spaced.
void add_speed_paths(const std::vector<field::Streamline>& lines, float speed_max, float piece, float tolerance,
                     std::vector<render::LinePath>& out) {
  for (const field::Streamline& line : lines) {
    size_t start = 0;
    for (size_t i = 1; i < line.points.size(); ++i) {
      if (line.arc[i] - line.arc[start] < piece && i + 1 < line.points.size()) continue;
      const std::vector<field::Vec2> points(line.points.begin() + start, line.points.begin() + i + 1);
      const float mean = std::accumulate(line.speed.begin() + start, line.speed.begin() + i + 1, 0.0f) /
                         static_cast<float>(i - start + 1);
      const float t = std::min(1.0f, mean / speed_max);
      render::LinePath path{{}, {}, render::colormap(render::ColorMap::Sequential, 0.3f + 0.7f * t)};
      for (size_t j : simplified(points, tolerance)) {
        path.xy.insert(path.xy.end(), {points[j].x, points[j].y});
        path.speed.push_back(line.speed[start + j]);
      }
      out.push_back(std::move(path));
      start = i;
    }
  }
}

// The speed that gets the top of the colour map: the 95th percentile over every grid node,
// so that a few fast spots do not leave the rest of the picture dark.
float full_speed(const figures::FieldLayers& layers) {
  std::vector<float> speeds;
  for (const auto& parts : layers.primitives)
    for (const figures::PartLayer& layer : parts)
      for (field::Vec2 v : layer.grid.values) speeds.push_back(field::length(v));
  if (speeds.empty()) return 1.0f;
  const auto at = speeds.begin() + static_cast<std::ptrdiff_t>(speeds.size() * 95 / 100);
  std::nth_element(speeds.begin(), at, speeds.end());
  return std::max(*at, 1e-12f);
}

}  // namespace

HeatScale heat_scale(figures::HeatMode mode, const std::vector<float>& values) {
  if (values.empty()) return {};
  if (mode == figures::HeatMode::Speed) {
    const auto [lo, hi] = render::value_range(values);
    return {render::ColorMap::Sequential, lo, hi};
  }
  const auto [lo, hi] = render::symmetric_range(values);
  return {render::ColorMap::Diverging, lo, hi};
}

FieldPainter::FieldPainter() = default;

void FieldPainter::set_lines(const figures::FieldLayers& layers, figures::LineColouring colouring, float arrow_spacing,
                             float sketch_arrow_spacing) {
  const float top = full_speed(layers);
  colouring_ = colouring;
  const float tolerance = 0.05f * std::min(layers.spec.cell_x(), layers.spec.cell_y());
  auto batch_of = [&](const std::vector<field::Streamline>& lines, render::Rgba colour, float spacing) {
    std::vector<render::LinePath> paths;
    if (colouring == figures::LineColouring::Speed) {
      add_speed_paths(lines, top, spacing, tolerance, paths);
    } else {
      add_paths(lines, colour, tolerance, paths);
    }
    auto batch = std::make_unique<render::LineBatch>();
    batch->set(paths, spacing);
    return batch;
  };
  batches_.clear();
  batches_.resize(layers.primitives.size());
  for (size_t k = 0; k < layers.primitives.size(); ++k)
    for (const figures::PartLayer& layer : layers.primitives[k]) {
      const render::Rgba colour = figures::primitive_colour(static_cast<int>(k), layer.part);
      batches_[k].push_back({layer.part, batch_of(layer.lines, colour, arrow_spacing),
                             batch_of(layer.sketch, colour, sketch_arrow_spacing)});
    }
}

void FieldPainter::set_heat(std::vector<field::ScalarGrid> grids, figures::HeatMode mode) {
  heat_ = std::move(grids);
  scales_.clear();
  for (const field::ScalarGrid& grid : heat_) scales_.push_back(heat_scale(mode, grid.values));
}

void FieldPainter::set_trajectory(const std::vector<float>& xy) {
  has_trajectory_ = xy.size() >= 2;
  if (has_trajectory_) trajectory_.set(xy, figures::kTrajectoryColour);
}

void FieldPainter::set_composed(const std::vector<float>& xy) {
  has_composed_ = xy.size() >= 2;
  if (has_composed_) composed_.set(xy, figures::kComposedColour);
}

void FieldPainter::paint(const render::Framebuffer& target, const render::View2D& view, float time,
                         const Options& options) {
  const render::Rgba bg = figures::kFieldBackground;
  target.clear(bg.r, bg.g, bg.b, bg.a);
  const render::DrawContext context{view, target.width(), target.height(), time};
  const int h = options.heat_primitive;
  if (h >= 0 && h < static_cast<int>(heat_.size()) && !heat_[h].values.empty()) {
    const field::GridSpec& s = heat_[h].spec;
    heat_renderer_.upload(heat_[h].values, s.nx, s.ny, s.x0, s.x1, s.y0, s.y1);
    heat_renderer_.draw(context, scales_[h].map, scales_[h].lo, scales_[h].hi, kHeatOpacity);
  }
  // Part by part (curl-free before divergence-free), so dashed lines stay visible on top.
  for (size_t p = 0; p < 2; ++p)
    for (size_t k = 0; k < batches_.size(); ++k) {
      if (k >= options.shown.size() || !options.shown[k] || p >= batches_[k].size()) continue;
      const Batch& batch = batches_[k][p];
      render::LineStyle style;
      style.width_px = options.line_width;
      style.arrow_px = options.arrow_px;
      style.pattern = figures::part_pattern(batch.part);
      if (colouring_ == figures::LineColouring::Speed) style.slow_brightness = 1.0f;  // the colour already tells speed
      renderer_.draw(options.sketch ? *batch.sketch : *batch.lines, context, style);
    }
  if (has_trajectory_) trajectory_.draw(context, options.cursor);
  if (has_composed_) composed_.draw(context, 0);
}

}  // namespace sta::studio
