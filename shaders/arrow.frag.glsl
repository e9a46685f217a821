#version 330 core
// Arrow heads: an isosceles triangle pointing along +x, with a 1-pixel soft edge.
in vec2 local;
flat in vec4 colour;
uniform float arrow_px;
uniform float opacity;
out vec4 fragment;

void main() {
  float half_length = 0.5 * arrow_px, half_width = 0.4 * arrow_px;
  float base = -half_length - local.x;
  vec2 side_normal = normalize(vec2(half_width, 2.0 * half_length));
  float side = dot(vec2(local.x - half_length, abs(local.y)), side_normal);
  float coverage = clamp(0.5 - max(base, side), 0.0, 1.0);
  if (coverage <= 0.0) discard;
  fragment = vec4(colour.rgb, colour.a * coverage * opacity);
}
