#version 330 core
// Round markers: each instance is one disc, expanded to a square in pixels.
layout(location = 0) in vec4 centre_radius;  // slice x, y; radius and outline width in pixels
layout(location = 1) in vec4 fill_rgba;
layout(location = 2) in vec4 outline_rgba;

uniform vec4 view;
uniform vec2 viewport;

out vec2 local;  // pixels from the centre
flat out float radius;
flat out float outline_width;
flat out vec4 fill;
flat out vec4 outline;

void main() {
  vec2 centre = ((view.xy * centre_radius.xy + view.zw) * 0.5 + 0.5) * viewport;
  radius = centre_radius.z;
  outline_width = centre_radius.w;
  fill = fill_rgba;
  outline = outline_rgba;
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
  local = mix(vec2(-radius - 1.0), vec2(radius + 1.0), corner);
  gl_Position = vec4((centre + local) / viewport * 2.0 - 1.0, 0.0, 1.0);
}
