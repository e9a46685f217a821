// The Composer's actions that draw nothing (see composer_actions.h).
#include "app/studio/compute/composer_actions.h"

#include "core/export/export_file.h"

#include <algorithm>
#include <exception>

namespace sta::studio {

namespace {

constexpr int kExportScale = 4;  // exported frames are enlarged for viewing
constexpr double kExportFps = 4;

}  // namespace

void use_inferred_speeds(Workspace& ws, const model::SequencePrediction& prediction) {
  const auto& g = prediction.inference.g;
  if (g.empty()) return;
  const auto& step = g[std::min<size_t>(ws.cursor(), g.size() - 1)];
  for (int k = 0; k < static_cast<int>(step.size()); ++k) ws.set_speed(k, step[k]);
}

bool export_composition(Workspace& ws, Derived& derived, const std::string& path) {
  const Composition* composition = derived.composition(ws);
  if (!composition) {
    ws.report_error("export: no composed traversal (load a model first)");
    return false;
  }
  try {
    exporting::ExportOptions options;
    options.scale = kExportScale;
    options.fps = kExportFps;
    exporting::write_frames(path, composition->frames, options);
    return true;
  } catch (const std::exception& e) {
    ws.report_error(std::string("export: ") + e.what());
    return false;
  }
}

}  // namespace sta::studio
