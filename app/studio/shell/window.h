// Window: the GLFW window with an OpenGL 3.3 core context and a Dear ImGui context bound to it.
#pragma once

#include "render/gl.h"

#include <GLFW/glfw3.h>
#include <opencv2/core.hpp>

#include <optional>
#include <string>

namespace sta::studio {

// GLFW + OpenGL3 backends, DejaVu Sans when installed. Frames are begun and ended here; the finished
// frame can be read back as an image before it is shown.
class Window {
 public:
  // Throws std::runtime_error when GLFW, the window or the GL 3.3 core context fails. The
  // interface scale (ui.h) is `scale`, or without one the monitor's content scale.
  Window(int width, int height, const std::string& title, std::optional<float> scale);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  bool should_close() const;
  bool minimised() const;  // iconified, or a 0 x 0 framebuffer: nothing to draw
  int width() const;       // framebuffer pixels
  int height() const;
  void set_size(int width, int height);
  void set_vsync(bool on);  // off: frames as fast as they can be drawn (scripted runs)

  void wait_events();                  // sleeps until input arrives
  void poll_events(double timeout_s);  // returns on input or after timeout_s (0: at once)
  // New ImGui frame; without `mouse` the pointer is treated as absent (scripted runs must not
  // depend on where the pointer happens to be).
  void begin_frame(bool mouse = true);
  void end_frame();             // clears the window and draws the ImGui frame
  cv::Mat read_pixels() const;  // the drawn frame, BGR, top row first
  void present();               // swaps buffers

 private:
  GLFWwindow* window_ = nullptr;
};

}  // namespace sta::studio
