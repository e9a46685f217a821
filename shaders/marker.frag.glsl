#version 330 core
// Round markers: a filled disc inside an outline ring, both with soft 1-pixel edges.
in vec2 local;
flat in float radius;
flat in float outline_width;
flat in vec4 fill;
flat in vec4 outline;
out vec4 fragment;

void main() {
  float d = length(local);
  float coverage = clamp(radius + 0.5 - d, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  float inside = clamp(radius - outline_width + 0.5 - d, 0.0, 1.0);
  vec4 c = mix(outline, fill, inside);
  fragment = vec4(c.rgb, c.a * coverage);
}
