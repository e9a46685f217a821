// The field view's latent probe (see probe_overlay.h).
#include "app/studio/panels/probe_overlay.h"

#include "app/figures/palette.h"
#include "app/studio/widgets/ui.h"

#include <cstdio>
#include <numeric>

namespace sta::studio {

void ProbeOverlay::draw(Workspace& ws, const figures::FieldLayers& layers, const render::View2D& view, ImVec2 at, float side,
                        bool hovered) {
  const int pixels = static_cast<int>(side);
  const ImGuiIO& io = ImGui::GetIO();
  if (hovered) {
    const render::Point2 p = view.to_slice({io.MousePos.x - at.x, io.MousePos.y - at.y}, pixels, pixels);
    ws.set_probe(field::Vec2{p.x, p.y});
    // A click that did not drag (dragging pans the view) pins the latent under the mouse.
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 9.0f)
      ws.request_pin();
  } else if (hovering_) {
    ws.set_probe(std::nullopt);  // the mouse left the view
  }
  hovering_ = hovered;
  if (!ws.probe() || !ws.model()) return;
  const field::Vec2 point = *ws.probe();
  const auto key = std::make_tuple(ws.model_revision(), layers.slice.u, layers.slice.v, point.x, point.y);
  if (!probe_ || key != key_) {  // one probe per frame at most: this is the only call
    try {
      probe_ = probe_at(ws.model()->engine, layers.slice, point, layers.time);
      if (!texture_) texture_.emplace(render::Filter::Nearest);
      texture_->upload(probe_->decoded.values.data(), probe_->decoded.cols, probe_->decoded.rows, 3);
      key_ = key;
    } catch (const std::exception& e) {
      ws.report_error(std::string("probe: ") + e.what());
      ws.set_probe(std::nullopt);
      probe_.reset();
      return;
    }
  }
  if (ws.take_pin_request()) ws.pin_latent(probe_->latent);
  // The box sits beside the probed point, inside the view.
  const float image = px(84.0f), line = ImGui::GetTextLineHeightWithSpacing();
  const float box_w = image + px(96.0f), box_h = std::max(image, line * (1 + probe_->speeds.size())) + px(8.0f);
  const float sx = at.x + (point.x - view.x0) / (view.x1 - view.x0) * side;
  const float sy = at.y + (view.y1 - point.y) / (view.y1 - view.y0) * side;
  ImVec2 box{sx + px(14.0f), sy + px(14.0f)};
  if (box.x + box_w > at.x + side) box.x = sx - px(14.0f) - box_w;
  if (box.y + box_h > at.y + side) box.y = sy - px(14.0f) - box_h;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircle({sx, sy}, px(5.0f), IM_COL32(255, 255, 255, 230), 0, 1.5f);
  draw->AddRectFilled(box, {box.x + box_w, box.y + box_h}, IM_COL32(20, 21, 26, 235), 4.0f);
  draw->AddImage(texture_id(*texture_), {box.x + px(4.0f), box.y + px(4.0f)},
                 {box.x + px(4.0f) + image, box.y + px(4.0f) + image});
  const float text_x = box.x + image + px(10.0f);
  draw->AddText({text_x, box.y + px(4.0f)}, ImGui::GetColorU32(ImGuiCol_TextDisabled), "speed |v|");
  for (size_t k = 0; k < probe_->speeds.size(); ++k) {
    char text[32];
    std::snprintf(text, sizeof text, "%zu: %.3g", k, probe_->speeds[k]);
    draw->AddText({text_x, box.y + px(4.0f) + line * (k + 1)}, to_imgui(figures::primitive_colour(static_cast<int>(k))), text);
  }
}

nlohmann::json ProbeOverlay::describe() const {
  if (!probe_) return nullptr;
  const std::vector<float>& values = probe_->decoded.values;
  const double mean = values.empty() ? 0.0 : std::accumulate(values.begin(), values.end(), 0.0) / values.size();
  return {{"at", {probe_->at.x, probe_->at.y}}, {"latent", probe_->latent}, {"speeds", probe_->speeds},
          {"decoded_mean", mean}};
}

}  // namespace sta::studio
