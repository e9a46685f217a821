#version 330 core
// Arrow heads along lines: each instance is one head, expanded to a box around it in pixels.
layout(location = 0) in vec4 position_direction;  // slice coordinates; direction of flow
layout(location = 1) in vec4 rgba;
layout(location = 2) in float speed;

uniform vec4 view;
uniform vec2 viewport;
uniform float arrow_px;  // length of a head
uniform float speed_max;
uniform float slow_brightness;

out vec2 local;  // pixels: along the flow from the head's centre, across it
flat out vec4 colour;

void main() {
  vec2 centre = ((view.xy * position_direction.xy + view.zw) * 0.5 + 0.5) * viewport;
  vec2 d = view.xy * position_direction.zw * viewport;
  vec2 dir = length(d) > 0.0 ? normalize(d) : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
  vec2 reach = vec2(0.5 * arrow_px + 1.0, 0.4 * arrow_px + 1.0);
  local = mix(-reach, reach, corner);
  gl_Position = vec4((centre + dir * local.x + normal * local.y) / viewport * 2.0 - 1.0, 0.0, 1.0);
  float brightness = mix(slow_brightness, 1.0, clamp(speed / speed_max, 0.0, 1.0));
  colour = vec4(rgba.rgb * brightness, rgba.a);
}
