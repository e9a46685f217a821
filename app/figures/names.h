// The words that name the studio's choices (split, mode, part, slice, ...), one table per enum, shared by
// the script language, the state JSON and the UI's combo boxes.
#pragma once

#include "app/figures/field_settings.h"
#include "core/data/dataset.h"
#include "core/util/enum_names.h"

namespace sta::figures {

using util::choices;
using util::name_of;
using util::NameTable;
using util::parse_name;

// Overloads selected by a value of the enum (its value is ignored); data::Split and
// data::SequenceMode have theirs in core/data/dataset.h.
const NameTable<PartMode>& names(PartMode);
const NameTable<SliceMode>& names(SliceMode);
const NameTable<AnchorMode>& names(AnchorMode);
const NameTable<LineColouring>& names(LineColouring);
const NameTable<HeatMode>& names(HeatMode);
const NameTable<LargeView>& names(LargeView);

}  // namespace sta::figures
