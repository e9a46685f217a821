// The five-panel layout tiles any window: every panel has a positive size, lies inside the
// window, and no two overlap.
#include "app/studio/widgets/layout.h"

#include <doctest/doctest.h>

#include <array>

using sta::studio::Rect;

namespace {

bool overlap(const Rect& a, const Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace

TEST_CASE("the layout tiles windows of every size without gaps or overlaps") {
  for (const auto& [w, h] : {std::pair{1280, 800}, {640, 480}, {3000, 2000}, {200, 150}, {1920, 600}, {700, 1200}}) {
    CAPTURE(w);
    CAPTURE(h);
    const sta::studio::Layout l = sta::studio::compute_layout(w, h);
    const std::array<Rect, 6> panels{l.data, l.sequence, l.fields, l.spikes, l.composer, l.status};
    double area = 0.0;
    for (size_t i = 0; i < panels.size(); ++i) {
      const Rect& r = panels[i];
      CHECK(r.w > 0.0f);
      CHECK(r.h > 0.0f);
      CHECK(r.x >= 0.0f);
      CHECK(r.y >= 0.0f);
      CHECK(r.x + r.w <= w);
      CHECK(r.y + r.h <= h);
      area += static_cast<double>(r.w) * r.h;
      for (size_t j = 0; j < i; ++j) CHECK_FALSE(overlap(r, panels[j]));
    }
    CHECK(area == doctest::Approx(static_cast<double>(w) * h));
  }
}

TEST_CASE("the field view gets the largest panel of a typical window") {
  const sta::studio::Layout l = sta::studio::compute_layout(1280, 800);
  for (const Rect* other : {&l.data, &l.spikes, &l.composer}) CHECK(l.fields.w * l.fields.h > other->w * other->h);
  CHECK(l.sequence.w > 0.65f * 1280);  // room for nine frames side by side
}
