// Glyph quads out of ImGui's draw lists and their overlaps (see text_overlap.h).
#include "app/studio/widgets/text_overlap.h"

#include <imgui.h>

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

namespace sta::studio {

namespace {

// Two glyphs overlap when their common area exceeds this share of the smaller one. Neighbours in
// one string (consecutive quads of one draw list) may touch and are never compared.
constexpr float kCoveredShare = 0.1f;
constexpr size_t kReported = 8;

struct Box {
  float x0, y0, x1, y1;
  int list = 0;              // the draw list it is in
  unsigned first = 0;        // its first vertex there: one string's glyphs are 4 apart
  bool neighbour_of(const Box& o) const {
    return list == o.list && (first + 4 == o.first || o.first + 4 == first);
  }
  float area() const { return std::max(0.0f, x1 - x0) * std::max(0.0f, y1 - y0); }
};

// The top-left texture coordinates of every visible glyph of the atlas's fonts: a quad whose
// first corner has one of them is a glyph (lines and shapes sample the atlas elsewhere).
std::set<std::pair<float, float>> glyph_corners(const ImFontAtlas& atlas) {
  std::set<std::pair<float, float>> corners;
  for (const ImFont* font : atlas.Fonts)
    for (const ImFontGlyph& g : font->Glyphs)
      if (g.Visible) corners.insert({g.U0, g.V0});
  return corners;
}

std::vector<Box> glyph_boxes(const ImDrawData& data) {
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const auto corners = glyph_corners(atlas);
  std::vector<Box> boxes;
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList& list = *data.CmdLists[l];
    std::set<ImDrawIdx> seen;  // a glyph's two triangles share their first corner
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback || cmd.TextureId != atlas.TexID) continue;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawIdx first = list.IdxBuffer[cmd.IdxOffset + i];
        const ImDrawVert& corner = list.VtxBuffer[cmd.VtxOffset + first];
        if (!corners.count({corner.uv.x, corner.uv.y}) || !seen.insert(first).second) continue;
        Box box{corner.pos.x, corner.pos.y, corner.pos.x, corner.pos.y, l, cmd.VtxOffset + first};
        for (unsigned v = 1; v < 3; ++v) {
          const ImVec2 p = list.VtxBuffer[cmd.VtxOffset + list.IdxBuffer[cmd.IdxOffset + i + v]].pos;
          box.x0 = std::min(box.x0, p.x), box.y0 = std::min(box.y0, p.y);
          box.x1 = std::max(box.x1, p.x), box.y1 = std::max(box.y1, p.y);
        }
        box.x0 = std::max(box.x0, cmd.ClipRect.x), box.y0 = std::max(box.y0, cmd.ClipRect.y);
        box.x1 = std::min(box.x1, cmd.ClipRect.z), box.y1 = std::min(box.y1, cmd.ClipRect.w);
        if (box.area() > 0.0f) boxes.push_back(box);
      }
    }
  }
  return boxes;
}

}  // namespace

nlohmann::json text_overlaps(const ImDrawData* data) {
  std::vector<Box> boxes = data ? glyph_boxes(*data) : std::vector<Box>{};
  std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
  size_t count = 0;
  nlohmann::json at = nlohmann::json::array();
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = i + 1; j < boxes.size() && boxes[j].x0 < boxes[i].x1; ++j) {
      const Box common{boxes[j].x0, std::max(boxes[i].y0, boxes[j].y0), std::min(boxes[i].x1, boxes[j].x1),
                       std::min(boxes[i].y1, boxes[j].y1)};
      if (boxes[i].neighbour_of(boxes[j]) ||
          common.area() <= kCoveredShare * std::min(boxes[i].area(), boxes[j].area()))
        continue;
      if (++count <= kReported) at.push_back({boxes[j].x0, boxes[j].y0});
    }
  return {{"glyphs", boxes.size()}, {"count", count}, {"at", at}};
}

}  // namespace sta::studio
