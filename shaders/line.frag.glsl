#version 330 core
// Thick lines: distance to the segment gives a smooth 1-pixel edge and round caps; speed sets brightness.
// A pattern moving along the flow shows direction: dashes, or on solid lines a brightness ramp whose bright end leads.
in vec2 local;
flat in float segment_length;
flat in float half_width;
flat in vec4 speeds_arcs;
flat in vec4 colour;

uniform float speed_max;
uniform float slow_brightness;
uniform int dashed;
uniform float pattern_px;  // period of dashes and of the brightness ramp
uniform float flow_px_per_s;
uniform float time;
uniform float pulse;       // depth of the brightness ramp on solid lines
uniform float opacity;

out vec4 fragment;

void main() {
  float beyond = local.x < 0.0 ? local.x : max(local.x - segment_length, 0.0);  // into a cap
  float t = segment_length > 0.0 ? clamp(local.x / segment_length, 0.0, 1.0) : 0.0;
  float coverage = clamp(half_width + 0.5 - length(vec2(beyond, local.y)), 0.0, 1.0);

  float arc = mix(speeds_arcs.z, speeds_arcs.w, t) + beyond;
  float phase = fract((arc - time * flow_px_per_s) / pattern_px);
  float brightness = mix(slow_brightness, 1.0, clamp(mix(speeds_arcs.x, speeds_arcs.y, t) / speed_max, 0.0, 1.0));
  if (dashed != 0) {
    // Round-ended dashes over the first 60% of each period.
    float x = phase * pattern_px;
    float core_end = max(0.6 * pattern_px - 2.0 * half_width, 0.0);
    float outside = x < half_width ? half_width - x : max(x - half_width - core_end, 0.0);
    outside = min(outside, pattern_px - x + half_width);
    coverage = min(coverage, clamp(half_width + 0.5 - length(vec2(outside, local.y)), 0.0, 1.0));
  } else {
    brightness *= 1.0 - pulse * (1.0 - phase);
  }
  if (coverage <= 0.0) discard;
  fragment = vec4(colour.rgb * brightness, colour.a * coverage * opacity);
}
