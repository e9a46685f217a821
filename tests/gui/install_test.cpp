// The front door: `cmake --install` gives a studio that opens its installed demo model from any
// working directory, and `cpack` makes a Debian package that names the libraries it needs.
#include "studio_runner.h"
#include "support/text_file.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace sta::test;

TEST_CASE("an installed studio, started from /, opens the demo model installed beside it") {
  TempDir dir;
  const std::filesystem::path prefix = dir.path() / "prefix";
  const auto installed = run_command("cmake --install " + shell_quote(STA_BUILD_DIR) + " --prefix " + shell_quote(prefix.string()));
  CAPTURE(installed.output);
  REQUIRE(installed.exit_code == 0);
  for (const char* file : {"bin/sta", "bin/sta-studio", "share/sta-studio/demo.sta", "share/sta-studio/shapes.sta",
                           "share/applications/sta-studio.desktop", "share/icons/hicolor/scalable/apps/sta-studio.svg"})
    CHECK_MESSAGE(std::filesystem::is_regular_file(prefix / file), file);
  CHECK(read_text((prefix / "share/applications/sta-studio.desktop").string()).find("Exec=sta-studio") != std::string::npos);

  const auto shown = run_studio_exe((prefix / "bin/sta-studio").string(), "--screenshot " + shell_quote(dir.file("s.png")) + " --frames 3", "/");
  CAPTURE(shown.output);
  REQUIRE(shown.exit_code == 0);
  const nlohmann::json state = read_json(dir.file("s.json"));
  CHECK(state["errors"].empty());
  CHECK(state["model"]["path"] == (prefix / "share/sta-studio/demo.sta").string());
  CHECK(state["model"]["step"].get<int>() > 0);
}

TEST_CASE("cpack makes a Debian package whose dependencies include LibTorch, BLAS and the UI font") {
  TempDir dir;
  const auto packed = run_command("cpack -G DEB --config " + shell_quote(std::string(STA_BUILD_DIR) + "/CPackConfig.cmake") +
                                  " -B " + shell_quote(dir.path().string()));
  CAPTURE(packed.output);
  REQUIRE(packed.exit_code == 0);
  std::filesystem::path deb;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    if (entry.path().extension() == ".deb") deb = entry.path();
  REQUIRE_FALSE(deb.empty());
  const auto info = run_command("dpkg-deb -f " + shell_quote(deb.string()) + " Package Depends");
  CAPTURE(info.output);
  REQUIRE(info.exit_code == 0);
  CHECK(info.output.find("Package: sta-studio") != std::string::npos);
  for (const char* dependency : {"libtorch", "libopenblas0-pthread", "fonts-dejavu-core", "libglfw3", "libopencv-core"})
    CHECK_MESSAGE(info.output.find(dependency) != std::string::npos, dependency);
  const auto files = run_command("dpkg-deb -c " + shell_quote(deb.string()));
  CHECK(files.output.find("./usr/bin/sta-studio") != std::string::npos);
  CHECK(files.output.find("./usr/share/sta-studio/demo.sta") != std::string::npos);
}
