// The words that name the studio's choices (split, mode, part, slice, ...), one table per enum, shared by
// the script language, the state JSON and the UI's combo boxes.
#pragma once

#include "app/figures/field_settings.h"
#include "core/data/dataset.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sta::figures {

template <class E>
using NameTable = std::vector<std::pair<E, const char*>>;

// Overloads selected by a value of the enum (its value is ignored).
const NameTable<data::Split>& names(data::Split);
const NameTable<data::SequenceMode>& names(data::SequenceMode);
const NameTable<PartMode>& names(PartMode);
const NameTable<SliceMode>& names(SliceMode);
const NameTable<AnchorMode>& names(AnchorMode);
const NameTable<LineColouring>& names(LineColouring);
const NameTable<HeatMode>& names(HeatMode);
const NameTable<LargeView>& names(LargeView);

template <class E>
const char* name_of(E value) {
  for (const auto& [v, n] : names(E{}))
    if (v == value) return n;
  return "?";
}

template <class E>
std::optional<E> parse_name(const std::string& text) {
  for (const auto& [v, n] : names(E{}))
    if (text == n) return v;
  return std::nullopt;
}

// "a|b|c": the accepted words, for error messages.
template <class E>
std::string choices() {
  std::string out;
  for (const auto& [v, n] : names(E{})) out += (out.empty() ? "" : "|") + std::string(n);
  return out;
}

}  // namespace sta::figures
