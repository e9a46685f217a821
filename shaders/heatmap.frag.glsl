#version 330 core
// Heat map: the interpolated value, normalised to [lo, hi], looked up in a colour map;
// non-finite values are left transparent.
in vec2 uv;
uniform sampler2D values;
uniform sampler2D lut;  // colour map, 256 x 1
uniform vec2 range;     // lo, hi
uniform float opacity;
out vec4 fragment;

void main() {
  float v = texture(values, uv).r;
  if (isnan(v) || isinf(v)) discard;
  float t = clamp((v - range.x) / (range.y - range.x), 0.0, 1.0);
  vec3 c = texture(lut, vec2((0.5 + t * 255.0) / 256.0, 0.5)).rgb;
  fragment = vec4(c, opacity);
}
