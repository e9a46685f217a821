// Parsing and checking a clip folder's labels.csv (see clip_labels.h).
#include "core/data/clip_labels.h"

#include "core/data/dataset.h"

#include <algorithm>
#include <sstream>

namespace sta::data {

namespace {

std::vector<std::string> split_row(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) {
    cell.erase(0, cell.find_first_not_of(" \t"));
    cell.erase(cell.find_last_not_of(" \t\r") + 1);
    cells.push_back(cell);
  }
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

bool whole_number(const std::string& text, int64_t& value) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  value = std::stoll(text);
  return true;
}

}  // namespace

ClipLabels parse_clip_labels(const std::string& text, const std::string& file, const std::vector<std::string>& clips,
                             const std::vector<int64_t>& frames) {
  std::istringstream in(text);
  std::string line;
  int64_t number = 0;
  auto fail = [&](const std::string& why) { return DataError(file + " line " + std::to_string(number) + ": " + why); };
  ClipLabels labels;
  std::vector<std::vector<uint8_t>> seen;  // [clip][step - 1]: a row named it
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto cells = split_row(line);
    if (labels.factors.empty()) {
      if (cells.size() < 3 || cells[0] != "clip" || cells[1] != "step")
        throw fail("the header must be clip,step,FACTOR[,FACTOR...], not '" + line + "'");
      labels.factors.assign(cells.begin() + 2, cells.end());
      for (size_t f = 0; f < labels.factors.size(); ++f) {
        const auto& name = labels.factors[f];
        if (name.empty()) throw fail("factor " + std::to_string(f + 1) + " has no name");
        if (std::find(labels.factors.begin(), labels.factors.begin() + f, name) != labels.factors.begin() + f)
          throw fail("factor '" + name + "' is named twice");
      }
      labels.on.resize(clips.size());
      seen.resize(clips.size());
      for (size_t c = 0; c < clips.size(); ++c) {
        labels.on[c].assign(std::max<int64_t>(0, frames[c] - 1), std::vector<uint8_t>(labels.factors.size(), 0));
        seen[c].assign(labels.on[c].size(), 0);
      }
      continue;
    }
    if (cells.size() != labels.factors.size() + 2)
      throw fail(std::to_string(cells.size()) + " columns where the header has " + std::to_string(labels.factors.size() + 2));
    const auto clip = std::find(clips.begin(), clips.end(), cells[0]);
    if (clip == clips.end()) throw fail("unknown clip '" + cells[0] + "' (not in the folder)");
    const size_t c = clip - clips.begin();
    int64_t step = 0;
    if (!whole_number(cells[1], step) || step < 1 || step > frames[c] - 1)
      throw fail("step '" + cells[1] + "' is out of range for clip '" + cells[0] + "' of " + std::to_string(frames[c]) +
                 " frames (1.." + std::to_string(frames[c] - 1) + ": step t moves frame t-1 to frame t)");
    if (seen[c][step - 1]) throw fail("step " + cells[1] + " of clip '" + cells[0] + "' is labelled twice");
    seen[c][step - 1] = 1;
    auto& row = labels.on[c][step - 1];
    for (size_t f = 0; f < labels.factors.size(); ++f) {
      const auto& value = cells[f + 2];
      if (value != "0" && value != "1")
        throw fail("'" + value + "' for factor '" + labels.factors[f] + "' must be 0 or 1");
      row[f] = value == "1";
    }
  }
  if (labels.factors.empty()) throw DataError(file + ": no header (clip,step,FACTOR[,FACTOR...])");
  return labels;
}

}  // namespace sta::data
