// The Data & Training panel: what data is open (source, transformations, frame size, items
// per split) and which model is loaded (load another by path; its size, training steps and
// the data it was trained on, which can be opened with one click).
#pragma once

#include "app/studio/layout.h"
#include "app/studio/workspace.h"

#include <string>

namespace sta::studio {

class DataPanel {
 public:
  void draw(const Rect& area, Workspace& ws);

 private:
  std::string model_path_;  // the text field
  int shown_revision_ = -1;
};

}  // namespace sta::studio
