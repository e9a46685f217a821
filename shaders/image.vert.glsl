#version 330 core
// Image renderer: a rectangle given in clip space, texture row 0 at the top.
uniform vec4 rect;  // x0, y0 (bottom-left), x1, y1 (top-right), clip space
out vec2 uv;

void main() {
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);  // triangle strip of 4 vertices
  uv = vec2(corner.x, 1.0 - corner.y);
  gl_Position = vec4(mix(rect.xy, rect.zw, corner), 0.0, 1.0);
}
