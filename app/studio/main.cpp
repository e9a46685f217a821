// sta-studio: the STA Studio desktop application. Parses the command line and runs the studio.
#include "app/studio/shell/studio.h"
#include "core/util/runtime.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>

namespace {

// The --screenshot capture as script lines: draw N frames, write the PNG and the state JSON
// beside it (FILE with the extension .json).
sta::studio::Script screenshot_script(const std::string& path, int frames) {
  const std::string state = std::filesystem::path(path).replace_extension(".json").string();
  return sta::studio::Script::parse(
      "frames " + std::to_string(frames) + "\nscreenshot \"" + path + "\"\nstate \"" + state + "\"\n", "--screenshot");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sta-studio - see what an STA model's flow primitives do: sequences, latent fields, spikes"};
  sta::studio::StudioOptions options;
  std::string script_path, screenshot, size = "1280x800";
  int frames = 30, threads = 1;
  app.add_option(
      "--data", options.data,
      "Data source: fashion-mnist, idx:PATH, digits, shapes, video:PATH (default: the model's, else digits)");
  app.add_option("--transforms", options.transforms, "Comma-separated transformations (default: the source's set)");
  auto* model_option = app.add_option("--model", options.model, "Model to open: a checkpoint (.sta) or a TorchScript module (.pt, docs/TORCHSCRIPT.md); default: the shipped demo.sta (PREFIX/share/sta-studio when installed, else assets/)");
  app.add_option("--follow", options.follow,
                 "Model file to follow: reloaded whenever it is replaced (a run elsewhere, synced here)")
      ->excludes(model_option);
  app.add_option("--screenshot", screenshot,
                 "Draw --frames frames, write the window to this PNG and the state to the same name with .json, exit");
  app.add_option("--frames", frames, "Frames to draw before the --screenshot")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--size", size, "Window size WIDTHxHEIGHT")->capture_default_str();
  float ui_scale = 1.0f;
  auto* scale_option = app.add_option("--ui-scale", ui_scale,
                                      "Interface scale for fonts and sizes (default: the monitor's content scale)")
                           ->check(CLI::Range(0.5f, 4.0f));
  app.add_option(
         "--threads", threads,
         "Torch threads for model calls (the studio's small batches run best on one; more when the machine is idle)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--script", script_path, "Run the UI actions in this file, one per line, then exit (0: all passed)");
  app.footer("Script actions:\n" + sta::studio::script_usage());
  try {
    app.parse(argc, argv);
    if (std::sscanf(size.c_str(), "%dx%d", &options.width, &options.height) != 2 || options.width < 1 ||
        options.height < 1)
      throw CLI::ValidationError("--size", "expected WIDTHxHEIGHT, e.g. 1280x800, not '" + size + "'");
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::fprintf(stderr, "sta-studio: error: %s (see --help)\n", e.what());  // one line, like every other error
    return e.get_exit_code();
  }
  if (scale_option->count() > 0) options.ui_scale = ui_scale;
  try {
    if (!script_path.empty()) options.script = sta::studio::Script::load(script_path);
    if (!screenshot.empty()) {
      if (!options.script) options.script = sta::studio::Script{};
      options.script->append(screenshot_script(screenshot, frames));
    }
    sta::configure_runtime(threads);
    sta::studio::Studio studio(std::move(options));
    return studio.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sta-studio: error: %s\n", e.what());
    return 1;
  }
}
