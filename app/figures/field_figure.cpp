// The field view as SVG (see field_figure.h).
#include "app/figures/field_figure.h"

#include "app/figures/palette.h"
#include "app/figures/svg_text.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace sta::figures {

namespace {

constexpr int kMargin = 24, kCaptionHeight = 28;

std::vector<int> shown(const FieldLayers& layers, const FieldFigureOptions& options) {
  if (!options.primitives.empty()) return options.primitives;
  std::vector<int> all;
  for (size_t k = 0; k < layers.primitives.size(); ++k) all.push_back(static_cast<int>(k));
  return all;
}

// Maps slice coordinates into a panel whose top-left corner is (left, top); y points up.
struct PanelMap {
  const field::GridSpec& spec;
  float left, top, size;
  float x(float u) const { return left + (u - spec.x0) / (spec.x1 - spec.x0) * size; }
  float y(float v) const { return top + (spec.y1 - v) / (spec.y1 - spec.y0) * size; }
};

// An arrow head at the point of `line` half way along its arc, pointing along the flow.
void arrow_head(std::ostringstream& out, const field::Streamline& line, const PanelMap& map, const std::string& colour) {
  if (line.points.size() < 2 || line.arc.empty()) return;
  const float half = 0.5f * line.arc.back();
  size_t i = 1;
  while (i + 1 < line.points.size() && line.arc[i] < half) ++i;
  const float x0 = map.x(line.points[i - 1].x), y0 = map.y(line.points[i - 1].y);
  const float x1 = map.x(line.points[i].x), y1 = map.y(line.points[i].y);
  const float length = std::hypot(x1 - x0, y1 - y0);
  if (length <= 0.0f) return;
  const float dx = (x1 - x0) / length, dy = (y1 - y0) / length, size = 5.0f;
  out << "<polygon fill=\"" << colour << "\" points=\"" << x1 << ',' << y1 << ' ' << x1 - size * dx - 0.5f * size * dy
      << ',' << y1 - size * dy + 0.5f * size * dx << ' ' << x1 - size * dx + 0.5f * size * dy << ','
      << y1 - size * dy - 0.5f * size * dx << "\"/>\n";
}

}  // namespace

size_t figure_streamlines(const FieldLayers& layers, const FieldFigureOptions& options) {
  size_t count = 0;
  for (int k : shown(layers, options))
    for (const PartLayer& part : layers.primitives.at(k)) count += part.lines.size();
  return count;
}

std::string field_figure_svg(const FieldLayers& layers, const FieldFigureOptions& options) {
  const std::vector<int> panels = shown(layers, options);
  const int count = static_cast<int>(panels.size());
  const int columns = options.columns > 0 ? std::min(options.columns, count) : count;
  const int rows = (count + columns - 1) / columns;
  const int size = options.panel_size;
  const int width = columns * (size + kMargin) + kMargin, height = rows * (size + kMargin) + kMargin + kCaptionHeight;
  std::ostringstream out;
  out.precision(5);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << ' ' << height << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"" << svg_colour(kFieldBackground) << "\"/>\n";
  for (int p = 0; p < count; ++p) {
    const int k = panels[p];
    const PanelMap map{layers.spec, static_cast<float>(kMargin + (p % columns) * (size + kMargin)),
                       static_cast<float>(kMargin + (p / columns) * (size + kMargin)), static_cast<float>(size)};
    out << "<g id=\"primitive-" << k << "\">\n"
        << "<rect x=\"" << map.left << "\" y=\"" << map.top << "\" width=\"" << size << "\" height=\"" << size
        << "\" fill=\"none\" stroke=\"#555a66\"/>\n"
        << "<text x=\"" << map.left << "\" y=\"" << map.top - 6 << "\" fill=\"" << svg_colour(primitive_colour(k))
        << "\">primitive " << k << "</text>\n";
    for (const PartLayer& part : layers.primitives.at(k)) {
      const model::FieldPart tone = part.part;
      const std::string colour = svg_colour(primitive_colour(k, tone));
      const char* dash = part_pattern(tone) == render::LinePattern::Dashed ? " stroke-dasharray=\"5 3\"" : "";
      for (const field::Streamline& line : part.lines) {
        out << "<path fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"1.2\"" << dash << " d=\"";
        for (size_t i = 0; i < line.points.size(); ++i)
          out << (i ? " L" : "M") << map.x(line.points[i].x) << ' ' << map.y(line.points[i].y);
        out << "\"/>\n";
        arrow_head(out, line, map, colour);
      }
    }
    out << "</g>\n";
  }
  out << "<text x=\"" << kMargin << "\" y=\"" << height - 10 << "\" fill=\"#c8ccd4\">" << svg_escape(options.caption)
      << "</text>\n</svg>\n";
  return out.str();
}

}  // namespace sta::figures
