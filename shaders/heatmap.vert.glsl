#version 330 core
// Heat map: one quad over the grid's rectangle; grid nodes sit at its corners and edges,
// so texture coordinates run from the first texel's centre to the last one's.
uniform vec4 view;
uniform vec4 rect;        // x0, y0, x1, y1 in slice coordinates
uniform vec2 grid_size;   // nodes per axis
out vec2 uv;

void main() {
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
  uv = (0.5 + corner * (grid_size - 1.0)) / grid_size;
  vec2 p = mix(rect.xy, rect.zw, corner);
  gl_Position = vec4(view.xy * p + view.zw, 0.0, 1.0);
}
