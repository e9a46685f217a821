// Text drawn over text, found in what Dear ImGui last rendered: the glyphs of every window, and
// each pair of glyphs of which one covers much of the other (the state JSON's text_overlaps).
#pragma once

#include <nlohmann/json.hpp>

struct ImDrawData;

namespace sta::studio {

// {"glyphs": N, "count": overlapping pairs, "at": [[x, y], ...] (the first few, in pixels)}.
// Reads the draw data of the last frame (ImGui::GetDrawData()); null gives no glyphs.
nlohmann::json text_overlaps(const ImDrawData* data);

}  // namespace sta::studio
