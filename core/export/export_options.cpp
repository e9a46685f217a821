// Checks of the writers' shared settings (see export_options.h).
#include "core/export/export_options.h"

#include "core/export/export_error.h"

#include <cmath>
#include <string>

namespace sta::exporting {

namespace {

constexpr int kMaxScale = 64;

}  // namespace

void check_scale(int scale) {
  if (scale < 1 || scale > kMaxScale)
    throw ExportError("scale " + std::to_string(scale) + " is out of range (1.." + std::to_string(kMaxScale) + ")");
}

void check_fps(double fps) {
  if (!(fps > 0 && std::isfinite(fps))) throw ExportError("frame rate " + std::to_string(fps) + " is not a positive number");
}

}  // namespace sta::exporting
