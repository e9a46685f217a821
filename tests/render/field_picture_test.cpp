// The whole field view on analytic primitives, as a researcher would see it; every layer reaches the image.
#include "app/figures/palette.h"
#include "core/field/derived.h"
#include "core/field/evenly_spaced.h"
#include "core/field/sampling.h"
#include "gl_context.h"
#include "pixels.h"
#include "render/framebuffer.h"
#include "render/heat_map_renderer.h"
#include "render/line_renderer.h"
#include "render/trajectory_overlay.h"

#include <doctest/doctest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdlib>
#include <functional>

using namespace sta;

namespace {

constexpr int kDim = 8;
constexpr int kPanel = 400;

// A latent field given by its first two components (the rest zero), batched.
field::BatchedField planar(std::function<field::Vec2(float, float)> v) {
  return [v](const std::vector<float>& points, int dim, std::vector<float>& out) {
    out.assign(points.size(), 0.0f);
    for (size_t n = 0; n < points.size() / dim; ++n) {
      const field::Vec2 w = v(points[n * dim], points[n * dim + 1]);
      out[n * dim] = w.x;
      out[n * dim + 1] = w.y;
    }
  };
}

// Gradient of a Gaussian bump of height h and width s at (cx, cy).
field::Vec2 bump_gradient(float x, float y, float cx, float cy, float h, float s) {
  const float g = h * std::exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2.0f * s * s));
  return {-g * (x - cx) / (s * s), -g * (y - cy) / (s * s)};
}

struct Panel {
  field::BatchedField field;
  model::FieldPart part;
  int primitive;
  enum { Curl, Divergence, Speed } heat;
};

std::vector<render::LinePath> paths(const std::vector<field::Streamline>& lines, render::Rgba colour) {
  std::vector<render::LinePath> out;
  for (const field::Streamline& line : lines) {
    render::LinePath path{{}, line.speed, colour};
    for (field::Vec2 p : line.points) path.xy.insert(path.xy.end(), {p.x, p.y});
    out.push_back(std::move(path));
  }
  return out;
}

}  // namespace

// (a) a divergence-free primitive (two opposite vortices) over its curl, (b) a curl-free one (a
// source and a sink) over its divergence, (c) a spiral over its speed with an encoded trajectory.
// Writes the PNG to $STA_FIELD_PICTURE when it is set (docs/images/field-analytic.png).
TEST_CASE("the field view of analytic primitives shows lines, arrows, heat maps and a trajectory") {
  sta::test::require_gl_context();
  // (a) S grad(phi) with S a rotation by 90 degrees: two vortices of opposite spin.
  auto vortices = [](float x, float y) {
    const field::Vec2 g = bump_gradient(x, y, -1.1f, 0.0f, 1.0f, 0.9f) + bump_gradient(x, y, 1.1f, 0.0f, -1.0f, 0.9f);
    return field::Vec2{-g.y, g.x};
  };
  // (b) grad(u) with u a bump (a sink at its top) minus a bump (a source at its bottom).
  auto source_sink = [](float x, float y) {
    return bump_gradient(x, y, 1.1f, 0.4f, 1.0f, 0.9f) + bump_gradient(x, y, -1.1f, -0.4f, -1.0f, 0.9f);
  };
  // (c) a slow outward spiral.
  auto spiral = [](float x, float y) { return field::Vec2{-y + 0.15f * x, x + 0.15f * y}; };
  const std::vector<Panel> panels = {
      {planar(vortices), model::FieldPart::DivergenceFree, 0, Panel::Curl},
      {planar(source_sink), model::FieldPart::CurlFree, 1, Panel::Divergence},
      {planar(spiral), model::FieldPart::Whole, 2, Panel::Speed},
  };

  const field::Slice slice = field::Slice::from_axes(std::vector<float>(kDim, 0.0f), 0, 1);
  const field::GridSpec spec{64, 64, -3.0f, 3.0f, -3.0f, 3.0f};
  render::LineRenderer lines;
  render::HeatMapRenderer heat;
  render::TrajectoryOverlay trajectory;
  std::vector<cv::Mat> images;
  for (const Panel& panel : panels) {
    const field::VectorGrid grid = field::sample_field(slice, spec, panel.field);
    render::Framebuffer target(kPanel, kPanel);
    const render::Rgba bg = figures::kFieldBackground;
    target.clear(bg.r, bg.g, bg.b, bg.a);
    render::DrawContext context{render::View2D::fit(spec.x0, spec.x1, spec.y0, spec.y1, kPanel, kPanel),
                                kPanel, kPanel, 0.0f};

    const field::ScalarGrid scalar = panel.heat == Panel::Curl         ? field::curl(grid)
                                     : panel.heat == Panel::Divergence ? field::divergence(grid)
                                                                       : field::speed(grid);
    heat.upload(scalar.values, spec.nx, spec.ny, spec.x0, spec.x1, spec.y0, spec.y1);
    const auto [lo, hi] = panel.heat == Panel::Speed ? render::value_range(scalar.values)
                                                     : render::symmetric_range(scalar.values);
    heat.draw(context, panel.heat == Panel::Speed ? render::ColorMap::Sequential : render::ColorMap::Diverging,
              lo, hi, 0.55f);

    const std::vector<std::uint8_t> heat_only = target.read_rgba8();

    const std::vector<field::Streamline> placed = field::evenly_spaced_streamlines(grid);
    REQUIRE(placed.size() > 10);
    render::LineBatch batch;
    const render::Rgba colour = figures::primitive_colour(panel.primitive, panel.part);
    batch.set(paths(placed, colour), 1.2f);
    CHECK(batch.arrows() >= static_cast<int>(placed.size()));
    render::LineStyle style;
    style.pattern = figures::part_pattern(panel.part);
    lines.draw(batch, context, style);

    if (panel.heat == Panel::Speed) {
      std::vector<float> steps;
      for (int t = 0; t <= 8; ++t) {
        const float angle = 0.35f * t, radius = 0.8f * std::exp(0.15f * 0.35f * t);
        steps.insert(steps.end(), {radius * std::cos(angle) - 0.6f, radius * std::sin(angle) + 0.3f});
      }
      trajectory.set(steps, figures::kTrajectoryColour);
      trajectory.draw(context, 5);
    }

    const sta::test::Image image{target.read_rgba8(), kPanel, kPanel};
    const sta::test::Image under{heat_only, kPanel, kPanel};
    int background_pixels = 0, line_pixels = 0;
    for (int y = 0; y < kPanel; ++y)
      for (int x = 0; x < kPanel; ++x) {
        background_pixels += sta::test::near(under.at(x, y), bg, 2) ? 1 : 0;
        line_pixels += sta::test::near(image.at(x, y), render::Rgba{under.at(x, y)[0] / 255.0f, under.at(x, y)[1] / 255.0f,
                                                                 under.at(x, y)[2] / 255.0f, 1.0f}, 6) ? 0 : 1;
      }
    CHECK(background_pixels < kPanel);              // the heat map covers the view
    CHECK(line_pixels > kPanel * kPanel / 20);      // streamlines cover a good part of it
    CHECK(line_pixels < kPanel * kPanel / 2);       // but leave most of the heat map visible
    cv::Mat rgba(kPanel, kPanel, CV_8UC4, const_cast<std::uint8_t*>(image.rgba.data()));
    cv::Mat bgr;
    cv::cvtColor(rgba, bgr, cv::COLOR_RGBA2BGR);
    images.push_back(bgr);
  }
  cv::Mat picture;
  cv::hconcat(images, picture);
  const char* captions[] = {"divergence-free: two vortices, over curl", "curl-free: source and sink, over divergence",
                            "whole field: spiral, over speed, with a trajectory"};
  for (int k = 0; k < 3; ++k)
    cv::putText(picture, captions[k], {k * kPanel + 12, kPanel - 14}, cv::FONT_HERSHEY_SIMPLEX, 0.45,
                {235, 235, 235}, 1, cv::LINE_AA);
  if (const char* path = std::getenv("STA_FIELD_PICTURE"))
    CHECK(cv::imwrite(path, picture, {cv::IMWRITE_PNG_COMPRESSION, 9}));
}
