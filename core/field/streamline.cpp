// RK4 streamline tracing with termination reasons, closed-loop detection and optional
// proximity tests against an occupancy grid.
#include "core/field/streamline.h"

#include "core/field/field_error.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>

namespace sta::field {
namespace {

struct Proximity {
  Occupancy* occupancy;
  int line;
  float d_test;
};

class Tracer {
 public:
  Tracer(const VectorGrid& field, const StreamlineParams& params, float max_speed, std::optional<Proximity> proximity)
      : field_(field), proximity_(proximity) {
    if (!(params.step_cells > 0.0f) || !(params.max_length > 0.0f) || !(params.min_speed >= 0.0f))
      throw FieldError("streamline: step_cells and max_length must be positive, min_speed non-negative");
    const GridSpec& s = field.spec;
    step_ = params.step_cells * std::min(s.cell_x(), s.cell_y());
    max_length_ = params.max_length * std::max(s.x1 - s.x0, s.y1 - s.y0);
    min_speed_ = std::max(params.min_speed * max_speed, 1e-30f);
    // Tolerance for meeting the seed again: well below a step, far above RK4's drift on a true orbit.
    close_tolerance_ = 0.5f * step_;
  }

  Streamline trace(Vec2 seed) {
    Streamline line;
    if (!field_.spec.contains(seed) || length(field_.sample(seed)) < min_speed_) return line;
    if (proximity_ && too_close(seed, 0.0f)) return line;
    points_.assign(1, {seed, 0.0f});
    accept(seed, 0.0f);
    line.forward_end = run(+1.0f, seed);
    if (line.forward_end == Termination::ClosedLoop) {
      line.backward_end = Termination::ClosedLoop;
    } else {
      line.backward_end = run(-1.0f, seed);
    }
    const float start = points_.front().arc;
    for (const Point& p : points_) {
      line.points.push_back(p.position);
      line.speed.push_back(length(field_.sample(p.position)));
      line.arc.push_back(p.arc - start);
    }
    return line;
  }

 private:
  struct Point {
    Vec2 position;
    float arc;  // signed: positive ahead of the seed, negative behind it
  };

  // Unit direction of the field at p; nullopt outside the rectangle or where too slow.
  std::optional<Vec2> direction(Vec2 p, Termination& why) const {
    if (!field_.spec.contains(p)) {
      why = Termination::LeftSlice;
      return std::nullopt;
    }
    const Vec2 v = field_.sample(p);
    const float speed = length(v);
    if (speed < min_speed_) {
      why = Termination::TooSlow;
      return std::nullopt;
    }
    return (1.0f / speed) * v;
  }

  // One half of the line: sign +1 follows the flow, -1 goes against it.
  Termination run(float sign, Vec2 seed) {
    Vec2 p = seed;
    float arc = 0.0f;
    const float h = sign * step_;
    Termination why = Termination::TooSlow;
    auto k1 = direction(p, why);
    if (!k1) return why;
    for (;;) {
      if (total_length() + step_ > max_length_) return Termination::TooLong;
      const auto k2 = direction(p + (0.5f * h) * *k1, why);
      if (!k2) return why;
      const auto k3 = direction(p + (0.5f * h) * *k2, why);
      if (!k3) return why;
      const auto k4 = direction(p + h * *k3, why);
      if (!k4) return why;
      const Vec2 next = p + (h / 6.0f) * (*k1 + 2.0f * *k2 + 2.0f * *k3 + *k4);
      const auto k_next = direction(next, why);  // the next step's k1
      if (!k_next) return why;
      // The direction reversed within the step: the line has reached a curve that flow
      // converges onto (or a singularity). Stopping here also bounds the number of steps.
      if (distance(p, next) < 0.5f * step_) return Termination::TooSlow;
      const float next_arc = arc + sign * distance(p, next);
      // Only a line that has gone a few steps away can come back to its seed.
      if (sign > 0.0f && arc > 4.0f * step_) {
        if (auto meeting = passes_by(seed, p, next)) {
          append(*meeting, sign, arc + distance(p, *meeting));
          return Termination::ClosedLoop;
        }
      }
      if (proximity_ && too_close(next, next_arc)) return Termination::TooClose;
      append(next, sign, next_arc);
      p = next;
      arc = next_arc;
      k1 = k_next;
    }
  }

  // The point of segment [a, b] beside q, if q's foot falls on the segment within tolerance.
  std::optional<Vec2> passes_by(Vec2 q, Vec2 a, Vec2 b) const {
    const Vec2 ab = b - a;
    const float len2 = dot(ab, ab);
    if (!(len2 > 0.0f)) return std::nullopt;
    const float t = dot(q - a, ab) / len2;
    if (t < 0.0f || t > 1.0f) return std::nullopt;
    const Vec2 foot = a + t * ab;
    if (distance(foot, q) >= close_tolerance_) return std::nullopt;
    return foot;
  }

  void append(Vec2 p, float sign, float arc) {
    if (sign > 0.0f) {
      points_.push_back({p, arc});
    } else {
      points_.push_front({p, arc});
    }
    accept(p, arc);
  }

  void accept(Vec2 p, float arc) {
    if (proximity_) proximity_->occupancy->add({p, proximity_->line, arc});
  }

  float total_length() const { return points_.back().arc - points_.front().arc; }

  // Within d_test of another line, or of a part of this line that is more than 2 d_test away
  // along it and not the neighbourhood of the seed (which a closing loop approaches).
  bool too_close(Vec2 p, float arc) const {
    const float d = proximity_->d_test;
    const int self = proximity_->line;
    const float seed_zone = d + step_;
    return proximity_->occupancy->any_within(p, d, [&](const Occupancy::Entry& e) {
      if (e.line != self) return true;
      return std::abs(e.arc - arc) > 2.0f * d && std::abs(e.arc) > seed_zone;
    });
  }

  const VectorGrid& field_;
  std::optional<Proximity> proximity_;
  float step_, max_length_, min_speed_, close_tolerance_;
  std::deque<Point> points_;
};

}  // namespace

const char* to_string(Termination reason) {
  switch (reason) {
    case Termination::LeftSlice: return "left the slice";
    case Termination::TooSlow: return "too slow";
    case Termination::TooLong: return "too long";
    case Termination::ClosedLoop: return "closed loop";
    case Termination::TooClose: return "too close to another line";
  }
  return "unknown";
}

Streamline trace_streamline(const VectorGrid& field, Vec2 seed, const StreamlineParams& params) {
  return Tracer(field, params, field.max_speed(), std::nullopt).trace(seed);
}

Streamline trace_streamline(const VectorGrid& field, Vec2 seed, const StreamlineParams& params,
                            Occupancy& occupancy, int line, float d_test, float max_speed) {
  return Tracer(field, params, max_speed, Proximity{&occupancy, line, d_test}).trace(seed);
}

}  // namespace sta::field
