// GLFW window, GL context and Dear ImGui set-up, frame begin/end and read-back.
#include "app/studio/shell/window.h"

#include "app/studio/widgets/ui.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

namespace sta::studio {

namespace {

constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr float kFontPx = 15.0f;

void style_imgui(float scale) {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.WindowPadding = {8.0f, 6.0f};
  style.ItemSpacing = {7.0f, 5.0f};
  style.ScaleAllSizes(scale);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is computed, not remembered
  if (std::filesystem::exists(kFont)) {
    io.Fonts->AddFontFromFileTTF(kFont, std::round(kFontPx * scale));
  } else {
    ImFontConfig config;
    config.SizePixels = std::round(13.0f * scale);  // ImGui's own font at its size
    io.Fonts->AddFontDefault(&config);
  }
}

// The monitor's content scale (1 on ordinary screens, 2 on most HiDPI ones).
float content_scale(GLFWwindow* window) {
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window, &x, &y);
  const float scale = std::max(x, y);
  return scale >= 0.5f && scale <= 4.0f ? scale : 1.0f;
}

std::string last_glfw_error;

// Connects to the display. An X server under load (many clients connecting at once, as a test
// suite does under one Xvfb) may refuse a connection that succeeds a moment later, so a refused
// connection is retried with a growing pause, for at most kConnectSeconds in all; a missing
// display fails at once.
void initialise_glfw() {
  constexpr double kConnectSeconds = 10.0;
  glfwSetErrorCallback([](int, const char* description) { last_glfw_error = description; });
  const auto start = std::chrono::steady_clock::now();
  auto pause = std::chrono::milliseconds(20);
  while (glfwInit() != GLFW_TRUE) {
    const bool has_display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!has_display || waited + pause.count() / 1000.0 > kConnectSeconds)
      throw std::runtime_error("cannot initialise GLFW (" + last_glfw_error + "; no display? try xvfb-run)");
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(1000));
  }
}

}  // namespace

Window::Window(int width, int height, const std::string& title, std::optional<float> scale) {
  initialise_glfw();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (window_ == nullptr) {
    glfwTerminate();
    throw std::runtime_error("cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
                             " window with an OpenGL 3.3 core context");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  set_ui_scale(scale.value_or(content_scale(window_)));
  style_imgui(ui_scale());
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::should_close() const { return glfwWindowShouldClose(window_) != 0; }

bool Window::minimised() const {
  return glfwGetWindowAttrib(window_, GLFW_ICONIFIED) != 0 || width() == 0 || height() == 0;
}

int Window::width() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return w;
}

int Window::height() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return h;
}

void Window::set_size(int width, int height) { glfwSetWindowSize(window_, width, height); }

void Window::set_vsync(bool on) { glfwSwapInterval(on ? 1 : 0); }

void Window::wait_events() { glfwWaitEvents(); }

void Window::poll_events(double timeout_s) {
  if (timeout_s > 0.0) {
    glfwWaitEventsTimeout(timeout_s);
  } else {
    glfwPollEvents();
  }
}

void Window::begin_frame(bool mouse) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (!mouse) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    for (bool& down : io.MouseDown) down = false;
    io.MouseWheel = io.MouseWheelH = 0.0f;
  }
  ImGui::NewFrame();
}

void Window::end_frame() {
  ImGui::Render();
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width(), height());
  glClearColor(kPanelBackground[0], kPanelBackground[1], kPanelBackground[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

cv::Mat Window::read_pixels() const {
  cv::Mat rgba(height(), width(), CV_8UC4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, rgba.cols, rgba.rows, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data);
  cv::Mat bgr;
  cv::cvtColor(rgba, bgr, cv::COLOR_RGBA2BGR);
  cv::flip(bgr, bgr, 0);  // GL rows run bottom-up
  return bgr;
}

void Window::present() { glfwSwapBuffers(window_); }

}  // namespace sta::studio
