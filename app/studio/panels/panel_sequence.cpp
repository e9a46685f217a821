// Sequence panel: source controls, frame strips, ground-truth chips and the scrubber.
#include "app/studio/panels/panel_sequence.h"

#include "app/studio/widgets/ui.h"
#include "core/eval/transport_efficiency.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sta::studio {

namespace {

constexpr float kGap = 6.0f;      // between frames
constexpr float kMinSide = 20.0f;  // the smallest frames, however little room there is

// An image that reacts to clicks: returns true when clicked.
bool clickable_image(const char* id, const render::Texture2D& texture, ImVec2 at, float side) {
  ImGui::SetCursorScreenPos(at);
  const bool clicked = ImGui::InvisibleButton(id, {side, side});
  ImGui::GetWindowDrawList()->AddImage(texture_id(texture), at, {at.x + side, at.y + side});
  return clicked;
}

// Width of the label column: the longest row name, within limits.
float label_width(const data::Sequence& sequence) {
  float widest = ImGui::CalcTextSize("model").x;
  if (sequence.truth)
    for (const std::string& name : sequence.truth->names)
      widest = std::max(widest, ImGui::CalcTextSize(name.c_str()).x);
  return std::min(widest, px(110.0f)) + px(10.0f);
}

// A row name in the label column, vertically centred on a row of the given height and
// clipped to the column.
void row_label(const char* text, ImVec2 at, float height, float width) {
  const float line = ImGui::GetTextLineHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(at, {at.x + width - 6.0f, at.y + height}, true);
  draw->AddText({at.x, at.y + 0.5f * (height - line)}, ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
  draw->PopClipRect();
}

}  // namespace

SequencePanel::ModelRow SequencePanel::model_row_of(const std::vector<Image>& images,
                                                     const std::vector<Image>& inputs) {
  ModelRow row;
  for (size_t t = 0; t < images.size() && t < inputs.size(); ++t) {
    row.frames.push_back(image_texture(images[t], render::Filter::Nearest));
    row.l1.push_back(static_cast<float>(l1_distance(images[t], inputs[t])));
  }
  return row;
}

SequencePanel::ModelRows SequencePanel::model_rows_of(const std::vector<Image>& recons,
                                                       const std::vector<Image>& predicted,
                                                       const std::vector<Image>& inputs) {
  ModelRows rows{model_row_of(recons, inputs), model_row_of(predicted, inputs), {}};
  Diagnosis& d = rows.diagnosis;
  for (size_t t = 1; t < rows.recon.l1.size() && t < rows.predicted.l1.size(); ++t) {
    d.floor += rows.recon.l1[t];
    d.rollout += rows.predicted.l1[t];
    d.no_motion += l1_distance(recons.front(), inputs[t]);
  }
  d.efficiency = eval::transport_efficiency(d.no_motion, d.floor, d.rollout);
  return rows;
}

void SequencePanel::draw(const Rect& area, Workspace& ws, Derived& derived) {
  const data::Sequence* sequence = derived.sequence(ws);
  const std::string title = (sequence ? "Sequence - " + sequence->label : std::string("Sequence")) + "###Sequence";
  begin_panel(title.c_str(), area, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  draw_controls(ws);
  input_rects_.clear();
  predicted_rects_.clear();
  wanted_width_.reset();
  frames_need_.reset();
  predicted_l1_.clear();
  diagnosis_.reset();
  if (sequence) {
    draw_frames(ws, *sequence, derived.prediction(ws), derived.reconstructions(ws));
  } else {
    ImGui::TextDisabled("No sequence to show: open a data source above.");
  }
  ImGui::End();
}

void SequencePanel::draw_controls(Workspace& ws) {
  if (shown_revision_ != ws.data_revision()) {
    source_ = ws.data_source();
    transforms_ = ws.data_transforms();
    shown_revision_ = ws.data_revision();
  }
  ImGui::SetNextItemWidth(px(150.0f));
  bool open = ImGui::InputTextWithHint("##source", "source", &source_, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine(0.0f, px(2.0f));
  if (ImGui::BeginCombo("##sources", nullptr, ImGuiComboFlags_NoPreview)) {
    for (const std::string& name : data::known_sources()) {
      const auto colon = name.find(':');
      if (ImGui::Selectable(name.c_str())) {
        source_ = colon == std::string::npos ? name : name.substr(0, colon + 1);
        open = colon == std::string::npos;  // a path still has to be typed after "idx:" / "video:"
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("fashion-mnist, idx:PATH, digits, shapes, video:PATH");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(px(130.0f));
  open |= ImGui::InputTextWithHint("##transforms", "default transforms", &transforms_,
                                   ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemHovered()) {
    const auto known = data::transforms_for_source(source_.substr(0, source_.find(':')));
    std::string list;
    for (const std::string& t : known) list += (list.empty() ? "" : ",") + t;
    ImGui::SetTooltip("comma-separated, e.g. %s", list.empty() ? "rotate,scale,hue" : list.c_str());
  }
  ImGui::SameLine();
  if (ImGui::Button("Open") || open) ws.open_data(source_, transforms_);
  const float source_right = ImGui::GetItemRectMax().x;

  // Browsing controls on the same row when they fit, else on the next.
  ImGui::SameLine(0.0f, px(18.0f));
  if (ImGui::GetContentRegionAvail().x < px(480.0f)) ImGui::NewLine();
  const float browse_left = ImGui::GetCursorScreenPos().x;
  for (const auto& [split, name] : data::names(data::Split{})) {
    if (ImGui::RadioButton(name, ws.sequence().split == split)) ws.choose_split(split);
    ImGui::SameLine();
  }
  ImGui::SameLine(0.0f, px(14.0f));
  for (const auto& [mode, name] : data::names(data::SequenceMode{})) {
    if (ImGui::RadioButton(name, ws.sequence().mode == mode)) ws.choose_mode(mode);
    ImGui::SameLine();
  }
  ImGui::SameLine(0.0f, px(14.0f));
  int64_t index = ws.sequence().index;
  const int64_t one = 1;
  ImGui::SetNextItemWidth(px(120.0f));
  if (ImGui::InputScalar("##index", ImGuiDataType_S64, &index, &one, nullptr, "%lld")) ws.choose_index(index);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("sequence index (-/+: previous / next)");
  ImGui::SameLine();
  if (ImGui::Button("Random")) ws.choose_random_index();
  // Their width on one row, wrapped or not: what the layout should leave the panel.
  controls_width_ = source_right - ImGui::GetWindowPos().x - ImGui::GetStyle().WindowPadding.x + px(18.0f) +
                    ImGui::GetItemRectMax().x - browse_left;
}

void SequencePanel::draw_frames(Workspace& ws, const data::Sequence& sequence,
                                const model::SequencePrediction* prediction, const std::vector<Image>* recons) {
  const int frames = static_cast<int>(sequence.frames.size());
  const float size = static_cast<float>(sequence.frames.front().cols);
  const float line = ImGui::GetTextLineHeight();
  const int transforms = sequence.truth ? static_cast<int>(sequence.truth->names.size()) : 0;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float labels = label_width(sequence);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  // Frames take the largest size at which the rows fit the panel's width and height: its
  // height holds the rows of frames (input, recon, model) and text lines. In a short panel
  // the recon row gives way rather than the frames shrinking below kMinSide.
  const float gap = px(kGap);
  const float by_width = (avail.x - labels) / frames - gap;
  // The height of everything but the frames, with `model_rows` rows of model frames.
  auto text_with = [&](int model_rows) {
    return transforms * (line + 2.0f) + model_rows * (line + spacing) + (prediction ? line + spacing : 0.0f) +
           ImGui::GetFrameHeight() + 4.0f * spacing + 6.0f;
  };
  auto by_height_with = [&](int model_rows) { return (avail.y - text_with(model_rows)) / (1 + model_rows); };
  show_recon_ = prediction && by_height_with(2) >= px(kMinSide);
  const float by_height = by_height_with(prediction ? (show_recon_ ? 2 : 1) : 0);
  // Frames of at least twice their size are drawn at a whole multiple of it, so that every
  // source pixel becomes the same square of screen pixels.
  auto side_for = [&](float room) {
    const float side = std::max(px(kMinSide), std::floor(room));
    return side >= 2.0f * size ? std::floor(side / size) * size : side;
  };
  scale_ = side_for(std::min(by_width, by_height)) / size;
  wanted_width_ = std::max(labels + frames * (side_for(by_height) + gap), controls_width_) +
                  2.0f * ImGui::GetStyle().WindowPadding.x;
  const int all_rows = prediction ? 2 : 0;
  frames_need_ = PanelNeeds::Frames{ImGui::GetWindowHeight() - avail.y + text_with(all_rows),
                                    ImGui::GetWindowWidth() - avail.x + labels, gap, size, 1 + all_rows, frames};
  const float side = std::round(scale_ * size), pitch = side + gap;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float x0 = origin.x + labels;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 highlight = to_imgui(kCursorColour);

  const auto& inputs = input_.get({ws.data_revision(), ws.sequence()}, [&] {
    std::vector<render::Texture2D> textures;
    for (const Image& frame : sequence.frames) textures.push_back(image_texture(frame, render::Filter::Nearest));
    return textures;
  });
  row_label("input", origin, side, labels);
  for (int t = 0; t < frames; ++t) {
    const ImVec2 at{x0 + t * pitch, origin.y};
    if (clickable_image(("##input" + std::to_string(t)).c_str(), inputs[t], at, side)) ws.set_cursor(t);
    input_rects_.push_back({at.x, at.y, side, side});
  }
  float y = origin.y + side + spacing;
  if (sequence.truth) {
    for (int m = 0; m < transforms; ++m)
      row_label(sequence.truth->names[m].c_str(), {origin.x, y + m * (line + 2.0f)}, line, labels);
    draw_truth(*sequence.truth, x0, y, pitch, side);
    y += transforms * (line + 2.0f) + spacing;
  }
  // A row of model frames with the L1 error to the input under each; clicking moves the cursor.
  auto model_row = [&](const char* name, const ModelRow& row, std::vector<Rect>* rects) {
    row_label(name, {origin.x, y}, side, labels);
    for (int t = 0; t < frames && t < static_cast<int>(row.frames.size()); ++t) {
      const ImVec2 at{x0 + t * pitch, y};
      if (clickable_image(("##" + std::string(name) + std::to_string(t)).c_str(), row.frames[t], at, side))
        ws.set_cursor(t);
      if (rects) rects->push_back({at.x, at.y, side, side});
      char text[32];
      std::snprintf(text, sizeof text, "L1 %.0f", row.l1[t]);
      if (ImGui::CalcTextSize(text).x > side) std::snprintf(text, sizeof text, "%.0f", row.l1[t]);
      const float w = ImGui::CalcTextSize(text).x;
      draw->AddText({at.x + 0.5f * (side - w), at.y + side + 1.0f}, ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
    }
    y += side + line + spacing;
  };
  if (prediction && recons) {
    const auto key = std::make_tuple(ws.data_revision(), ws.model_revision(), ws.sequence(), ws.enabled());
    const ModelRows& rows =
        model_rows_.get(key, [&] { return model_rows_of(*recons, prediction->frames, sequence.frames); });
    if (show_recon_) model_row("recon", rows.recon, nullptr);
    model_row("model", rows.predicted, &predicted_rects_);
    predicted_l1_ = rows.predicted.l1;
    diagnosis_ = rows.diagnosis;
    const Diagnosis& d = rows.diagnosis;
    char text[160];
    std::snprintf(text, sizeof text, "t = 1..%d: model L1 %.0f = %.2fx the recon floor %.0f; no motion %.0f; efficiency %.2f",
                  frames - 1, d.rollout, d.floor > 0 ? d.rollout / d.floor : 0.0, d.floor, d.no_motion, d.efficiency);
    draw->AddText({x0, y}, ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
    ImGui::SetCursorScreenPos({x0, y});
    ImGui::Dummy({ImGui::CalcTextSize(text).x, line});
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("This sequence in the L1 of `sta eval`, summed over t = 1..T:\n"
                        "model: the roll-out from x_0; recon floor: every frame encoded and decoded\n"
                        "(the best a flow through this autoencoder can do); no motion: the decoded\n"
                        "frame 0 for every frame. Efficiency = (no motion - model) / (no motion - floor).");
    y += line + spacing;
  }
  for (const std::vector<Rect>* rects : {&input_rects_, &predicted_rects_})
    if (ws.cursor() < static_cast<int>(rects->size())) {
      const Rect& r = (*rects)[ws.cursor()];
      draw->AddRect({r.x - 3.0f, r.y - 3.0f}, {r.x + r.w + 3.0f, r.y + r.h + 3.0f}, highlight, 0.0f, 0, 3.0f);
    }

  ImGui::SetCursorScreenPos({origin.x, y + 2.0f});
  if (ImGui::Button(ws.playing() ? "Pause" : "Play", {labels - 8.0f, 0.0f})) ws.set_playing(!ws.playing());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("animate the time cursor (Space)");
  ImGui::SetCursorScreenPos({x0, y + 2.0f});
  int cursor = ws.cursor();
  ImGui::SetNextItemWidth(frames * pitch - gap);
  if (ImGui::SliderInt("##cursor", &cursor, 0, frames - 1, "time cursor t = %d")) ws.set_cursor(cursor);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("drag, click a frame, or press Left / Right");
}

void SequencePanel::draw_truth(const data::GroundTruth& truth, float x0, float top, float pitch, float width) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  for (size_t m = 0; m < truth.names.size(); ++m) {
    const float y = top + m * (line + 2.0f);
    for (size_t step = 0; step < truth.spikes.size(); ++step) {
      if (!truth.spikes[step][m]) continue;
      // Step t = step + 1 maps frame t-1 to frame t: the chip sits under the gap between them.
      const float centre = x0 + step * pitch + 0.5f * (width + pitch);
      const ImVec2 lo{centre - 0.5f * width, y}, hi{centre + 0.5f * width, y + line};
      draw->AddRectFilled(lo, hi, to_imgui(truth_colour(static_cast<int>(m))), 3.0f);
      char text[32];
      std::snprintf(text, sizeof text, "%.2f", truth.speeds[step][m]);
      if (ImGui::CalcTextSize(text).x > width - 4.0f) std::snprintf(text, sizeof text, "%.1f", truth.speeds[step][m]);
      const float w = ImGui::CalcTextSize(text).x;
      draw->PushClipRect(lo, hi, true);
      draw->AddText({centre - 0.5f * w, y}, IM_COL32(20, 20, 24, 255), text);
      draw->PopClipRect();
    }
  }
}

nlohmann::json SequencePanel::describe() const {
  nlohmann::json out{
      {"frame_scale", scale_}, {"frames", nlohmann::json::array()}, {"predicted", nlohmann::json::array()}};
  for (const Rect& r : input_rects_) out["frames"].push_back(to_json(r));
  for (const Rect& r : predicted_rects_) out["predicted"].push_back(to_json(r));
  out["predicted_l1"] = predicted_l1_;
  if (diagnosis_)
    out["diagnosis"] = {{"rollout", diagnosis_->rollout},
                        {"autoencoder_floor", diagnosis_->floor},
                        {"no_motion", diagnosis_->no_motion},
                        {"transport_efficiency", diagnosis_->efficiency}};
  return out;
}

}  // namespace sta::studio
