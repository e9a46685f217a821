// Saving what the Fields and Spikes panels show as SVG files (app/figures), from the request the
// Fields panel sends its worker; failures are reported through the workspace, never thrown.
#pragma once

#include "app/figures/field_layers.h"
#include "app/studio/compute/derived.h"
#include "app/studio/compute/workspace.h"

#include <string>

namespace sta::studio {

// The field view's request for the current state: settings, time (the step leaving the cursor
// frame), the encoded test latents and the anchor (the cursor frame's latent, or their mean).
figures::FieldRequest field_request(Workspace& ws, Derived& derived);

bool save_fields_figure(Workspace& ws, Derived& derived, const std::string& path);
bool save_spikes_figure(Workspace& ws, Derived& derived, const std::string& path);

}  // namespace sta::studio
