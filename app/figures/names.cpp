// The name tables.
#include "app/figures/names.h"

namespace sta::figures {

const NameTable<PartMode>& names(PartMode) {
  static const NameTable<PartMode> table{{PartMode::Whole, "whole"},
                                         {PartMode::CurlFree, "curl-free"},
                                         {PartMode::DivergenceFree, "divergence-free"},
                                         {PartMode::Both, "both"}};
  return table;
}

const NameTable<SliceMode>& names(SliceMode) {
  static const NameTable<SliceMode> table{
      {SliceMode::Axes, "axes"}, {SliceMode::LatentPca, "pca"}, {SliceMode::VelocityPca, "velocity-pca"}};
  return table;
}

const NameTable<AnchorMode>& names(AnchorMode) {
  static const NameTable<AnchorMode> table{{AnchorMode::Cursor, "cursor"}, {AnchorMode::Mean, "mean"}};
  return table;
}

const NameTable<LineColouring>& names(LineColouring) {
  static const NameTable<LineColouring> table{{LineColouring::Primitive, "primitive"}, {LineColouring::Speed, "speed"}};
  return table;
}

const NameTable<HeatMode>& names(HeatMode) {
  static const NameTable<HeatMode> table{{HeatMode::None, "none"},
                                         {HeatMode::Potential, "potential"},
                                         {HeatMode::Speed, "speed"},
                                         {HeatMode::Divergence, "divergence"},
                                         {HeatMode::Curl, "curl"}};
  return table;
}

const NameTable<LargeView>& names(LargeView) {
  static const NameTable<LargeView> table{{LargeView::Focus, "focus"}, {LargeView::Enabled, "enabled"}};
  return table;
}

}  // namespace sta::figures
