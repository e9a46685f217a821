// The Workspace as JSON: what the `state` script action writes (with the panels' geometry
// added by the studio) and what `assert` looks values up in. Enum values use names.h words.
#pragma once

#include "app/studio/compute/training/training_session.h"
#include "app/studio/compute/workspace.h"

#include <nlohmann/json.hpp>

namespace sta::studio {

nlohmann::json workspace_json(const Workspace& ws);
// The training session: phase, progress, latest values, adopted snapshots (not the curves).
nlohmann::json training_json(const TrainingView& view, bool following);

}  // namespace sta::studio
