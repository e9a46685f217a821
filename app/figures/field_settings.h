// How the latent field view slices and draws the primitives' fields, and its zoom: the
// settings the studio's Fields panel edits and `sta export fields` takes from its options.
#pragma once

namespace sta::figures {

enum class PartMode { Whole, CurlFree, DivergenceFree, Both };  // Both: the two parts overlaid
enum class SliceMode { Axes, LatentPca, VelocityPca };
enum class AnchorMode { Cursor, Mean };  // the cursor frame's latent, or the test latents' mean
enum class LineColouring { Primitive, Speed };
enum class HeatMode { None, Potential, Speed, Divergence, Curl };
enum class LargeView { Focus, Enabled };  // the large view shows the focus primitive, or all enabled

// How the latent field view slices and draws the primitives' fields.
struct FieldSettings {
  PartMode part = PartMode::Whole;
  SliceMode slice = SliceMode::LatentPca;
  int axis_i = 0, axis_j = 1;  // latent axes of SliceMode::Axes
  AnchorMode anchor = AnchorMode::Cursor;
  float density = 1.0f;  // streamline density (matplotlib's: 1 = 30 lines across)
  LineColouring colouring = LineColouring::Primitive;
  HeatMode heat = HeatMode::None;
  int focus = 0;  // primitive of the large view, the heat map and SliceMode::VelocityPca
  LargeView large = LargeView::Focus;

  bool operator==(const FieldSettings& o) const;
};

// Zoom and pan of the large field view, relative to the fitted slice rectangle.
struct FieldView {
  float zoom = 1.0f;                       // > 1: closer
  float centre_x = 0.0f, centre_y = 0.0f;  // slice coordinates at the view's centre
};

}  // namespace sta::figures
