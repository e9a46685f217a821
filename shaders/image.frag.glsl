#version 330 core
// Image renderer: samples the texture; one-channel images are shown as grey.
uniform sampler2D image;
uniform int grey;
in vec2 uv;
out vec4 colour;

void main() {
  vec4 texel = texture(image, uv);
  colour = grey != 0 ? vec4(texel.rrr, 1.0) : texel;
}
