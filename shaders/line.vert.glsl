#version 330 core
// Thick lines: each instance is one segment, expanded here to a quad around it (in pixels)
// that is wide enough for the line, its round caps and a 1-pixel anti-aliased rim.
layout(location = 0) in vec4 ends;       // p0.xy, p1.xy in slice coordinates
layout(location = 1) in vec4 speed_arc;  // speed at p0, p1; arc length at p0, p1 (slice units)
layout(location = 2) in vec4 rgba;

uniform vec4 view;      // slice -> clip: xy scale, zw offset
uniform vec2 viewport;  // pixels
uniform float px_per_unit;
uniform float width_px;
uniform float slow_width;
uniform float speed_max;

out vec2 local;                // pixels: along the segment from p0, across its axis
flat out float segment_length;  // pixels
flat out float half_width;      // pixels
flat out vec4 speeds_arcs;      // s0, s1, arc0, arc1 (arcs in pixels)
flat out vec4 colour;

vec2 to_pixels(vec2 p) { return ((view.xy * p + view.zw) * 0.5 + 0.5) * viewport; }

void main() {
  vec2 a = to_pixels(ends.xy);
  vec2 b = to_pixels(ends.zw);
  float len = length(b - a);
  vec2 dir = len > 1e-6 ? (b - a) / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  float s = clamp(0.5 * (speed_arc.x + speed_arc.y) / speed_max, 0.0, 1.0);
  half_width = 0.5 * width_px * mix(slow_width, 1.0, s);
  float reach = half_width + 1.0;
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);  // triangle strip of 4 vertices
  local = vec2(mix(-reach, len + reach, corner.x), mix(-reach, reach, corner.y));
  vec2 position = a + dir * local.x + normal * local.y;
  gl_Position = vec4(position / viewport * 2.0 - 1.0, 0.0, 1.0);
  segment_length = len;
  speeds_arcs = vec4(speed_arc.xy, speed_arc.zw * px_per_unit);
  colour = rgba;
}
