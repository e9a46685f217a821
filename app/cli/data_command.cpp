// `sta data preview`: writes a PNG grid of a source's sequences, one sequence per row and T+1
// frames per row, frames enlarged (nearest neighbour) to at least kMinPreviewPixels.
#include "app/cli/commands.h"
#include "app/cli/enum_option.h"
#include "core/data/dataset.h"
#if STA_WITH_OPENCV
#include "core/export/opencv/png_grid.h"
#endif

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace sta::cli {
namespace {

constexpr int kMinPreviewPixels = 84;
constexpr int kGapPixels = 2;

struct PreviewOptions {
  std::string source;
  std::string transforms;
  int count = 6;
  data::Split split = data::Split::Train;
  data::SequenceMode mode = data::SequenceMode::Sparse;
  uint64_t seed = 0;
  int steps = 8, stride = 4;
  std::string out;
};

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void run_preview(const PreviewOptions& options) {
  if (!ends_with(options.out, ".png")) throw std::runtime_error("--out '" + options.out + "' must name a .png file");
  data::DataSpec spec;
  spec.source = options.source;
  spec.transforms = data::parse_transform_list(options.transforms);
  spec.steps = options.steps;
  spec.seed = options.seed;
  spec.video_stride = options.stride;
  const auto dataset = data::open_dataset(spec);
#if !STA_WITH_OPENCV
  throw std::runtime_error("sta data writes a PNG, which needs OpenCV; this build leaves it out (-DSTA_OPENCV=OFF)");
#else
  std::vector<data::Sequence> rows;
  for (int i = 0; i < options.count; ++i) rows.push_back(dataset->sequence(options.split, i, options.mode));
  exporting::FrameRows frames;
  for (const auto& row : rows) frames.push_back(row.frames);
  exporting::ExportOptions layout;
  layout.scale = (kMinPreviewPixels + dataset->image_size() - 1) / dataset->image_size();
  layout.gap = kGapPixels;
  const cv::Mat grid = exporting::compose_grid(frames, layout);
  exporting::write_png(options.out, grid);

  for (size_t r = 0; r < rows.size(); ++r) std::printf("row %zu: %s\n", r, rows[r].label.c_str());
  std::printf("wrote %s (%d x %d px): %zu sequences of %zu frames\n", options.out.c_str(), grid.cols, grid.rows,
              rows.size(), rows.front().frames.size());
#endif
}

}  // namespace

void add_data_command(CLI::App& app) {
  CLI::App* data = app.add_subcommand("data", "Inspect data sources");
  data->require_subcommand(1);

  auto options = std::make_shared<PreviewOptions>();
  std::string sources;
  for (const auto& name : data::known_sources()) sources += (sources.empty() ? "" : ", ") + name;
  CLI::App* preview = data->add_subcommand(
      "preview", "Write a PNG grid of generated sequences: one per row, T+1 frames per row");
  preview->add_option("--data", options->source, "Data source: " + sources)->required();
  preview->add_option("--transforms", options->transforms,
                      "Comma-separated transformations (default: all of the source's; images: rotate,scale,hue; "
                      "shapes: floor-hue,wall-hue,object-hue,scale)");
  preview->add_option("--count", options->count, "Number of sequences (rows)")->capture_default_str()->check(CLI::Range(1, 1000));
  add_enum_option(preview, "--split", options->split, "Split to draw from");
  add_enum_option(preview, "--mode", options->mode, "sparse: spike chains; single: one transformation at speed 1");
  preview->add_option("--seed", options->seed, "Seed of the sequence dynamics")->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  preview->add_option("--steps", options->steps, "Steps T per sequence (T+1 frames)")->capture_default_str()->check(CLI::Range(1, 64));
  preview->add_option("--stride", options->stride, "Frames between consecutive windows of video: and clips: sources")
      ->capture_default_str()->check(CLI::Range(1, 100000));
  preview->add_option("--out", options->out, "Output PNG file")->required();
  preview->callback([options] { run_preview(*options); });
  add_data_clips_command(*data);
}

}  // namespace sta::cli
