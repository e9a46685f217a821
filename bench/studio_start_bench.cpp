// Benchmark of the studio's cold start: time from launch to the first frame, and wall time per run.
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

// Launches sta-studio RUNS times (default 5) with the demo model, each drawing one frame and writing
// its state, and prints the studio's own `first_frame_ms` (measured from the process's start time)
// and the wall time of each whole run, with their medians. Needs a display:
//   xvfb-run -a -s "-screen 0 1280x800x24" build/bench/studio_start_bench build/app/sta-studio [RUNS]
int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s STA_STUDIO [RUNS]\n", argv[0]);
    return 2;
  }
  const int runs = argc == 3 ? std::atoi(argv[2]) : 5;
  if (runs < 1) {
    std::fprintf(stderr, "studio_start_bench: RUNS must be a positive number, not '%s'\n", argv[2]);
    return 2;
  }
  const auto folder = std::filesystem::temp_directory_path() / ("sta-start-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  const std::string script = (folder / "start.txt").string(), state = (folder / "state.json").string();
  std::ofstream(script) << "state \"" << state << "\"\n";
  std::vector<double> first, wall;
  for (int run = 0; run < runs; ++run) {
    std::filesystem::remove(state);
    const auto start = std::chrono::steady_clock::now();
    const std::string command = "\"" + std::string(argv[1]) + "\" --script \"" + script + "\" 2>/dev/null";
    if (std::system(command.c_str()) != 0) {
      std::fprintf(stderr, "studio_start_bench: `%s` failed\n", command.c_str());
      return 1;
    }
    wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    std::ifstream in(state);
    const nlohmann::json j = nlohmann::json::parse(in);
    first.push_back(j.at("first_frame_ms").get<double>());
    std::printf("run %d: first frame %.0f ms after launch, whole run %.0f ms\n", run + 1, first.back(), wall.back());
  }
  std::filesystem::remove_all(folder);
  std::printf("median of %d runs: first frame %.0f ms, whole run %.0f ms\n", runs, median(first), median(wall));
  return 0;
}
