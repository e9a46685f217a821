// The five-panel layout tiles any window: every panel has a positive size, lies inside the
// window, and no two overlap.
#include "app/studio/widgets/layout.h"

#include <doctest/doctest.h>

#include <array>
#include <cmath>

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

TEST_CASE("the layout gives the panels what they ask for") {
  using sta::studio::PanelNeeds;
  const sta::studio::Layout plain = sta::studio::compute_layout(1920, 1080);
  SUBCASE("the Spikes and Composer panels' least heights take room from the top row") {
    PanelNeeds needs;
    needs.spikes_height = 300.0f;
    needs.composer_height = 320.0f;
    const sta::studio::Layout l = sta::studio::compute_layout(1920, 1080, 1.0f, needs);
    CHECK(l.sequence.h < plain.sequence.h);
    CHECK(l.spikes.h >= 300.0f);
    CHECK(l.composer.h >= 320.0f);
  }
  SUBCASE("the top row grows until the frames reach a whole multiple of their size") {
    PanelNeeds needs;
    needs.sequence_frames = PanelNeeds::Frames{200.0f, 100.0f, 6.0f, 28.0f, 3, 9};
    const sta::studio::Layout l = sta::studio::compute_layout(1920, 1080, 1.0f, needs);
    const float side = (l.sequence.h - 200.0f) / 3.0f;
    CHECK(l.sequence.h > plain.sequence.h);
    CHECK(side >= 3.0f * 28.0f);
    CHECK(std::fmod(side, 28.0f) < 1.0f);  // no more than the multiple needs
    CHECK(l.sequence.h <= 0.56f * l.status.y + 1.0f);
  }
  SUBCASE("the Data panel is as wide as its lines, unless the Sequence panel needs the room") {
    PanelNeeds needs;
    needs.data_width = 400.0f;
    CHECK(sta::studio::compute_layout(1920, 1080, 1.0f, needs).data.w == 400.0f);
    needs.data_width = 700.0f;
    CHECK(sta::studio::compute_layout(1920, 1080, 1.0f, needs).data.w == 700.0f);
    needs.sequence_width = 1800.0f;  // then the Data panel keeps 0.3 of the window
    CHECK(sta::studio::compute_layout(1920, 1080, 1.0f, needs).data.w == 576.0f);
  }
}
