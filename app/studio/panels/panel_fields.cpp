// Latent fields panel: controls, legend, large view and minis (the geometry: fields_controller.h).
#include "app/studio/panels/panel_fields.h"

#include "app/figures/palette.h"
#include "app/studio/compute/figure_files.h"
#include "app/studio/widgets/ui.h"
#include "render/colormap.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace sta::studio {

namespace {

constexpr float kControlsWidth = 215.0f;
constexpr double kAnimationHz = 30.0;  // repaints of the large view for its moving patterns

// The large view's rectangle: the grid fitted to the view, then zoomed and panned.
render::View2D view_of(const field::GridSpec& spec, const figures::FieldView& fv, int width, int height) {
  const render::View2D fit = render::View2D::fit(spec.x0, spec.x1, spec.y0, spec.y1, width, height);
  const float hw = 0.5f * (fit.x1 - fit.x0) / fv.zoom, hh = 0.5f * (fit.y1 - fit.y0) / fv.zoom;
  return {fv.centre_x - hw, fv.centre_x + hw, fv.centre_y - hh, fv.centre_y + hh};
}

figures::FieldView field_view_of(const render::View2D& v, const field::GridSpec& spec, int width, int height) {
  const render::View2D fit = render::View2D::fit(spec.x0, spec.x1, spec.y0, spec.y1, width, height);
  return {(fit.x1 - fit.x0) / (v.x1 - v.x0), 0.5f * (v.x0 + v.x1), 0.5f * (v.y0 + v.y1)};
}

// A framebuffer of the given size, made or resized as needed.
render::Framebuffer& target(std::unique_ptr<render::Framebuffer>& fb, int side) {
  if (!fb) {
    fb = std::make_unique<render::Framebuffer>(side, side);
  } else {
    fb->resize(side, side);
  }
  return *fb;
}

void show(const render::Framebuffer& fb, ImVec2 at, float side) {
  ImGui::GetWindowDrawList()->AddImage(texture_id(fb.colour()), at, {at.x + side, at.y + side}, {0, 1}, {1, 0});
}

// A short legend sample of a line in a colour: solid, or dashed.
void line_sample(ImVec2 at, render::Rgba colour, bool dashed) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float y = at.y + 0.5f * ImGui::GetTextLineHeight(), length = px(30.0f);
  if (dashed) {
    for (float x = 0.0f; x < length; x += px(9.0f))
      draw->AddLine({at.x + x, y}, {at.x + std::min(x + px(5.0f), length), y}, to_imgui(colour), 3.0f);
  } else {
    draw->AddLine({at.x, y}, {at.x + length, y}, to_imgui(colour), 3.0f);
  }
}

// A horizontal colour bar of a map with its end values.
void colour_bar(render::ColorMap map, float lo, float hi, const char* caption) {
  ImGui::TextDisabled("%s", caption);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = px(kControlsWidth - 10.0f), height = px(10.0f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  constexpr int kSteps = 24;
  for (int i = 0; i < kSteps; ++i) {
    const float a = static_cast<float>(i) / kSteps, b = static_cast<float>(i + 1) / kSteps;
    draw->AddRectFilledMultiColor({at.x + a * width, at.y}, {at.x + b * width, at.y + height},
                                  to_imgui(render::colormap(map, a)), to_imgui(render::colormap(map, b)),
                                  to_imgui(render::colormap(map, b)), to_imgui(render::colormap(map, a)));
  }
  ImGui::Dummy({width, height});
  ImGui::TextDisabled("%.3g", lo);
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", hi);
  ImGui::SameLine(at.x - ImGui::GetWindowPos().x + width - ImGui::CalcTextSize(text).x);
  ImGui::TextDisabled("%s", text);
}

// Which primitives the large view draws.
std::vector<bool> shown_in_large_view(const Workspace& ws) {
  if (ws.fields().large == figures::LargeView::Enabled) return ws.enabled();
  std::vector<bool> shown(ws.primitives(), false);
  shown[ws.fields().focus] = true;
  return shown;
}

// What the large view is a slice of, over a dark band at its top left.
void caption(const Workspace& ws, ImVec2 at, float width) {
  const figures::FieldSettings& s = ws.fields();
  std::string text = s.slice == figures::SliceMode::Axes ? "axes z" + std::to_string(s.axis_i) + ", z" + std::to_string(s.axis_j)
                     : s.slice == figures::SliceMode::LatentPca ? std::string("PCA of test latents")
                                                       : "PCA of primitive " + std::to_string(s.focus) + " velocities";
  text += s.anchor == figures::AnchorMode::Cursor ? " through frame " + std::to_string(ws.cursor()) : " through the mean";
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  draw->PushClipRect(at, {at.x + width, at.y + size.y + 6.0f}, true);
  draw->AddRectFilled(at, {at.x + size.x + px(12.0f), at.y + size.y + px(6.0f)}, IM_COL32(0, 0, 0, 150));
  draw->AddText({at.x + 6.0f, at.y + 3.0f}, IM_COL32(215, 215, 220, 255), text.c_str());
  draw->PopClipRect();
}

// The small multiples' side and columns for k primitives beside a large view in `room` x
// `height`: the large view takes the full height when it can, and the minis the largest side
// that fits in the width it leaves (or 30% of the room, the large view shrinking for them),
// over the column counts 1..k.
std::pair<float, int> minis_grid(int k, float room, float height) {
  const float gap = ImGui::GetStyle().ItemSpacing.x, label = ImGui::GetFrameHeight() + px(4.0f);
  std::pair<float, int> best{0.0f, 1};
  for (int columns = 1; columns <= std::max(k, 1); ++columns) {
    const int rows = (k + columns - 1) / columns;
    const float by_height = (height - rows * label) / rows;
    const float by_width = std::max((room - height - gap) / columns - gap, 0.3f * room / columns);
    const float side = std::floor(std::max(px(40.0f), std::min(by_height, by_width)));
    if (side > best.first) best = {side, columns};
  }
  return best;
}

}  // namespace

void FieldsPanel::draw(const Rect& area, Workspace& ws, Derived& derived) {
  begin_panel("Latent fields", area, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  fields_.take_result(ws);
  view_rect_ = {};
  mini_rects_.clear();
  if (!ws.model()) {
    ImGui::TextWrapped("Load a model (Data & Training panel, or --model FILE) to see its primitives' latent fields.");
    ImGui::End();
    return;
  }
  const figures::FieldLayers* layers = fields_.update(ws, derived);
  const ImVec2 origin = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  const float controls = px(kControlsWidth);
  ImGui::BeginChild("##field controls", {controls, avail.y});
  draw_controls(ws, derived);
  draw_legend(ws);
  ImGui::EndChild();
  if (layers) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float room = avail.x - controls - gap;
    const auto [mini, columns] = minis_grid(ws.primitives(), room, avail.y);
    const float large = std::floor(std::max(px(60.0f), std::min(avail.y, room - columns * (mini + gap) - gap)));
    ImGui::SetCursorScreenPos({origin.x + controls + gap, origin.y});
    draw_large_view(ws, *layers, large);
    ImGui::SetCursorScreenPos({origin.x + controls + 2.0f * gap + large, origin.y});
    draw_minis(ws, *layers, mini, columns);
  }
  ImGui::End();
}

void FieldsPanel::draw_controls(Workspace& ws, Derived& derived) {
  figures::FieldSettings s = ws.fields();
  const float width = px(kControlsWidth - 78.0f);
  bool changed = enum_combo("part", s.part, width);
  changed |= enum_combo("slice", s.slice, width);
  if (s.slice == figures::SliceMode::Axes) {
    const int dims = ws.model()->engine.latent_dim();
    ImGui::SetNextItemWidth(0.5f * width - 2.0f);
    changed |= ImGui::SliderInt("##axis i", &s.axis_i, 0, dims - 1, "z%d");
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::SetNextItemWidth(0.5f * width - 2.0f);
    changed |= ImGui::SliderInt("axes##j", &s.axis_j, 0, dims - 1, "z%d");
  }
  changed |= enum_combo("anchor", s.anchor, width);
  changed |= enum_combo("view", s.large, width);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("large view: the focus primitive, or every enabled one overlaid");
  changed |= enum_combo("heat", s.heat, width);
  changed |= enum_combo("colour", s.colouring, width);
  ImGui::SetNextItemWidth(width);
  changed |= ImGui::SliderFloat("density", &s.density, Workspace::kDensityMin, Workspace::kDensityMax, "%.2f");
  if (changed) ws.set_field_settings(s);
  if (ImGui::Button("Reset view")) ws.set_field_view({});
  ImGui::SameLine();
  ImGui::SetNextItemWidth(px(90.0f));
  ImGui::InputText("##figure", &figure_path_);
  ImGui::SameLine();
  if (ImGui::Button("SVG")) save_fields_figure(ws, derived, figure_path_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("save every primitive's streamlines (one path each) as this SVG file");
  ImGui::SameLine();
  ImGui::TextDisabled("t = %.0f, %.0f ms", fields_.time(), fields_.recompute_ms());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("fields at time t (the step leaving the cursor frame); last recomputation took %.1f ms",
                      fields_.recompute_ms());
}

void FieldsPanel::draw_legend(const Workspace& ws) {
  ImGui::Separator();
  const figures::FieldSettings& s = ws.fields();
  const std::vector<model::FieldPart> parts = figures::parts_of(s.part);
  const std::vector<bool> shown = shown_in_large_view(ws);
  for (int k = 0; k < ws.primitives(); ++k) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    for (size_t p = 0; p < parts.size(); ++p) {
      const model::FieldPart part = parts[p];
      const render::Rgba colour = s.colouring == figures::LineColouring::Speed
                                      ? render::colormap(render::ColorMap::Sequential, 0.8f)
                                      : figures::primitive_colour(k, part);
      line_sample({at.x + p * px(36.0f), at.y}, colour, figures::part_pattern(part) == render::LinePattern::Dashed);
    }
    ImGui::Dummy({parts.size() * px(36.0f), ImGui::GetTextLineHeight()});
    ImGui::SameLine();
    const char* note = !ws.enabled()[k] ? " (off)" : k == s.focus ? " (focus)" : "";
    if (shown[k]) {
      ImGui::Text("primitive %d%s", k, note);
    } else {
      ImGui::TextDisabled("primitive %d%s", k, note);
    }
  }
  if (s.part == figures::PartMode::Both) ImGui::TextDisabled("solid light: curl-free\ndashed deep: divergence-free");
  if (s.colouring == figures::LineColouring::Speed)
    colour_bar(render::ColorMap::Sequential, 0.0f, 1.0f, "line speed / 95th percentile");
  if (s.heat != figures::HeatMode::None && fields_.painter() && s.focus < static_cast<int>(fields_.painter()->heat_scales().size())) {
    const HeatScale& scale = fields_.painter()->heat_scales()[s.focus];
    const std::string caption = std::string(figures::name_of(s.heat)) + " of primitive " + std::to_string(s.focus);
    colour_bar(scale.map, scale.lo, scale.hi, caption.c_str());
  }
}

void FieldsPanel::draw_large_view(Workspace& ws, const figures::FieldLayers& layers, float side) {
  const int pixels = static_cast<int>(side);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##large view", {side, side});
  const bool hovered = ImGui::IsItemHovered();
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemHovered() && io.MouseWheel != 0.0f) {
    const render::Point2 mouse{io.MousePos.x - at.x, io.MousePos.y - at.y};
    const render::View2D zoomed =
        view_of(layers.spec, ws.field_view(), pixels, pixels).zoomed(std::pow(1.15f, io.MouseWheel), mouse, pixels, pixels);
    ws.set_field_view(field_view_of(zoomed, layers.spec, pixels, pixels));
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
    const render::View2D panned =
        view_of(layers.spec, ws.field_view(), pixels, pixels).panned(io.MouseDelta.x, io.MouseDelta.y, pixels, pixels);
    ws.set_field_view(field_view_of(panned, layers.spec, pixels, pixels));
  }
  if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ws.set_field_view({});
  const render::View2D view = view_of(layers.spec, ws.field_view(), pixels, pixels);
  FieldPainter::Options options;
  options.shown = shown_in_large_view(ws);
  options.heat_primitive = ws.fields().heat == figures::HeatMode::None ? -1 : ws.fields().focus;
  options.cursor = ws.cursor();
  // Painted again when what it shows changes, and kAnimationHz times a second for the
  // moving patterns: a software rasteriser then has time left for the rest of the window.
  const bool changed = large_changed_(
      {fields_.uploads(), pixels, options.shown, options.heat_primitive, options.cursor, view.x0, view.x1, view.y0, view.y1});
  const double now = ImGui::GetTime();
  if (changed || now - painted_at_ >= 1.0 / kAnimationHz) {
    fields_.painter()->paint(target(large_, pixels), view, static_cast<float>(now), options);
    painted_at_ = now;
  }
  show(*large_, at, side);
  probe_.draw(ws, layers, view, at, side, hovered);
  view_rect_ = {at.x, at.y, side, side};
  caption(ws, at, side);
}

void FieldsPanel::draw_minis(Workspace& ws, const figures::FieldLayers& layers, float side, int columns) {
  const int pixels = static_cast<int>(side);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float gap = ImGui::GetStyle().ItemSpacing.x, label = ImGui::GetFrameHeight();
  minis_.resize(ws.primitives());
  // Minis are still pictures: painted again only when what they show has changed.
  const bool repaint = minis_changed_({fields_.uploads(), ws.cursor(), pixels});
  for (int k = 0; k < ws.primitives(); ++k) {
    const ImVec2 at{origin.x + (k % columns) * (side + gap), origin.y + (k / columns) * (side + label + px(4.0f))};
    ImGui::SetCursorScreenPos(at);
    ImGui::PushID(k);
    bool on = ws.enabled()[k];
    if (ImGui::Checkbox("##on", &on)) ws.set_enabled(k, on);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "primitive %d on or off in the model's roll-out (and in the large view when it shows the enabled)", k);
    ImGui::SameLine(0.0f, px(4.0f));
    // The caption fits the mini's width: "primitive k", or just "k" beside small minis.
    const std::string caption = "primitive " + std::to_string(k);
    const bool fits = label + px(4.0f) + ImGui::CalcTextSize(caption.c_str()).x <= side;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(to_imgui(figures::primitive_colour(k))), "%s",
                       fits ? caption.c_str() : std::to_string(k).c_str());
    const ImVec2 image{at.x, at.y + label};
    ImGui::SetCursorScreenPos(image);
    if (ImGui::InvisibleButton("##mini", {side, side})) {
      figures::FieldSettings s = ws.fields();
      s.focus = k;
      ws.set_field_settings(s);
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("click: focus on primitive %d (large view, heat map, velocity slice)", k);
    ImGui::PopID();
    if (repaint || !minis_[k]) {
      FieldPainter::Options options;
      options.shown.assign(ws.primitives(), false);
      options.shown[k] = true;
      options.heat_primitive = ws.fields().heat == figures::HeatMode::None ? -1 : k;
      options.cursor = ws.cursor();
      options.line_width = 1.5f;
      options.arrow_px = 7.0f;
      options.sketch = true;
      fields_.painter()->paint(target(minis_[k], pixels), view_of(layers.spec, {}, pixels, pixels), 0.0f, options);
    }
    show(*minis_[k], image, side);
    if (k == ws.fields().focus)
      ImGui::GetWindowDrawList()->AddRect({image.x - 1.0f, image.y - 1.0f},
                                          {image.x + side + 1.0f, image.y + side + 1.0f},
                                          to_imgui(figures::primitive_colour(k)), 0.0f, 0, 2.0f);
    mini_rects_.push_back({image.x, image.y, side, side});
  }
}

nlohmann::json FieldsPanel::describe() const {
  nlohmann::json out{{"view", to_json(view_rect_)},
                     {"minis", nlohmann::json::array()},
                     {"time", fields_.time()},
                     {"recompute_ms", fields_.recompute_ms()},
                     {"lines", nlohmann::json::array()}};
  for (const Rect& r : mini_rects_) out["minis"].push_back(to_json(r));
  out["settled"] = fields_.settled();
  out["dropped"] = fields_.dropped();
  out["probe"] = probe_.describe();
  if (const figures::FieldLayers* layers = fields_.layers())
    for (const auto& parts : layers->primitives) {
      size_t count = 0;
      for (const figures::PartLayer& layer : parts) count += layer.lines.size();
      out["lines"].push_back(count);
    }
  return out;
}

}  // namespace sta::studio
