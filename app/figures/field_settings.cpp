// Field view settings (see field_settings.h).
#include "app/figures/field_settings.h"

namespace sta::figures {

bool FieldSettings::operator==(const FieldSettings& o) const {
  return part == o.part && slice == o.slice && axis_i == o.axis_i && axis_j == o.axis_j && anchor == o.anchor &&
         density == o.density && colouring == o.colouring && heat == o.heat && focus == o.focus && large == o.large;
}

}  // namespace sta::figures
