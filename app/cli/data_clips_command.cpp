// `sta data clips`: writes an example clip folder for the `clips:` source from a generated one:
// a folder of PNG frames per clip (each a long sparse sequence) and labels.csv with its spikes.
#include "app/cli/commands.h"
#include "core/data/dataset.h"
#include "core/util/atomic_file.h"
#if STA_WITH_OPENCV
#include "core/data/opencv/mat_image.h"
#include "core/export/opencv/png_grid.h"
#endif

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace sta::cli {
namespace {

struct ClipOptions {
  std::string source = "digits", transforms, out;
  int clips = 12, frames = 25;
  uint64_t seed = 0;
  bool labels = true;
};

std::string numbered(const std::string& stem, int value, int digits) {
  std::string text = std::to_string(value);
  return stem + std::string(std::max(0, digits - static_cast<int>(text.size())), '0') + text;
}

void write_clips(const ClipOptions& o) {
  for (const char* recording : {"video:", "clips:"})
    if (o.source.rfind(recording, 0) == 0)
      throw std::runtime_error("--data '" + o.source + "' must be a generated source (fashion-mnist, idx:PATH, digits, shapes)");
  data::DataSpec spec;
  spec.source = o.source;
  spec.transforms = data::parse_transform_list(o.transforms);
  spec.steps = o.frames - 1;
  spec.seed = o.seed;
  const auto dataset = data::open_dataset(spec);
#if !STA_WITH_OPENCV
  throw std::runtime_error("sta data clips writes PNG frames, which needs OpenCV; this build leaves it out (-DSTA_OPENCV=OFF)");
#else
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(o.out, ec) && !fs::is_empty(o.out, ec))
    throw std::runtime_error("--out '" + o.out + "' exists and is not empty: name a new folder");
  std::string labels = "clip,step";
  for (const auto& name : dataset->transforms()) labels += "," + name;
  labels += "\n";
  for (int c = 0; c < o.clips; ++c) {
    const auto sequence = dataset->sequence(data::Split::Train, c, data::SequenceMode::Sparse);
    const std::string clip = numbered("clip-", c, 3);
    fs::create_directories(fs::path(o.out) / clip);
    for (size_t f = 0; f < sequence.frames.size(); ++f) {
      cv::Mat rgb8;
      data::to_mat(sequence.frames[f]).convertTo(rgb8, CV_8UC3, 255.0);
      exporting::write_png((fs::path(o.out) / clip / (numbered("frame-", static_cast<int>(f), 3) + ".png")).string(), rgb8);
    }
    for (size_t t = 0; t < sequence.truth->spikes.size(); ++t) {
      labels += clip + "," + std::to_string(t + 1);
      for (auto on : sequence.truth->spikes[t]) labels += on ? ",1" : ",0";
      labels += "\n";
    }
  }
  if (o.labels) write_file_atomically((fs::path(o.out) / "labels.csv").string(), labels);
  std::printf("wrote %s: %d clips of %d frames from %s%s\n", o.out.c_str(), o.clips, o.frames, o.source.c_str(),
              o.labels ? ", with labels.csv" : " (no labels)");
#endif
}

}  // namespace

void add_data_clips_command(CLI::App& data) {
  auto options = std::make_shared<ClipOptions>();
  CLI::App* clips = data.add_subcommand(
      "clips", "Write an example clip folder for clips:PATH (PNG frames per clip, labels.csv) from a generated source");
  clips->add_option("--data", options->source, "Generated source to film")->capture_default_str();
  clips->add_option("--transforms", options->transforms, "Comma-separated transformations (default: the source's)");
  clips->add_option("--clips", options->clips, "Number of clips")->capture_default_str()->check(CLI::Range(2, 10000));
  clips->add_option("--frames", options->frames, "Frames per clip")->capture_default_str()->check(CLI::Range(2, 1001));
  clips->add_option("--seed", options->seed, "Seed of the dynamics")->capture_default_str()->check(CLI::NonNegativeNumber);
  clips->add_flag("!--no-labels", options->labels, "Leave out labels.csv");
  clips->add_option("--out", options->out, "Folder to create")->required();
  clips->callback([options] { write_clips(*options); });
}

}  // namespace sta::cli
