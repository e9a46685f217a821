// `sta data preview`: writes a PNG grid of generated sequences, one sequence per row and
// T+1 frames per row, frames enlarged (nearest neighbour) to at least kMinFramePixels.
#include "app/cli/commands.h"
#include "core/data/dataset.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace sta::cli {
namespace {

constexpr int kMinFramePixels = 84;
constexpr int kGapPixels = 2;
const cv::Scalar kGapColour(40, 40, 40);

struct PreviewOptions {
  std::string source;
  std::string transforms;
  int count = 6;
  std::string split = "train";
  std::string mode = "sparse";
  uint64_t seed = 0;
  int steps = 8;
  std::string out;
};

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Rows of enlarged frames with kGapPixels between and around them, 8-bit BGR for imwrite.
cv::Mat preview_grid(const std::vector<data::Sequence>& rows, int image_size) {
  const int zoom = (kMinFramePixels + image_size - 1) / image_size;
  const int cell = image_size * zoom;
  const int columns = static_cast<int>(rows.front().frames.size());
  cv::Mat grid(kGapPixels + static_cast<int>(rows.size()) * (cell + kGapPixels), kGapPixels + columns * (cell + kGapPixels),
               CV_8UC3, kGapColour);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (int c = 0; c < columns; ++c) {
      cv::Mat bgr, enlarged;
      rows[r].frames[c].convertTo(bgr, CV_8UC3, 255.0);
      cv::cvtColor(bgr, bgr, cv::COLOR_RGB2BGR);
      cv::resize(bgr, enlarged, cv::Size(cell, cell), 0, 0, cv::INTER_NEAREST);
      const cv::Rect target(kGapPixels + c * (cell + kGapPixels), kGapPixels + static_cast<int>(r) * (cell + kGapPixels),
                            cell, cell);
      enlarged.copyTo(grid(target));
    }
  }
  return grid;
}

void run_preview(const PreviewOptions& options) {
  if (!ends_with(options.out, ".png")) throw std::runtime_error("--out '" + options.out + "' must name a .png file");
  data::DataSpec spec;
  spec.source = options.source;
  spec.transforms = data::parse_transform_list(options.transforms);
  spec.steps = options.steps;
  spec.seed = options.seed;
  const auto dataset = data::open_dataset(spec);
  const data::Split split = options.split == "test" ? data::Split::Test : data::Split::Train;
  const data::SequenceMode mode = options.mode == "single" ? data::SequenceMode::Single : data::SequenceMode::Sparse;

  std::vector<data::Sequence> rows;
  for (int i = 0; i < options.count; ++i) rows.push_back(dataset->sequence(split, i, mode));
  const cv::Mat grid = preview_grid(rows, dataset->image_size());
  bool written = false;
  try {
    written = cv::imwrite(options.out, grid, {cv::IMWRITE_PNG_COMPRESSION, 9});
  } catch (const cv::Exception&) {
  }
  if (!written) throw std::runtime_error("cannot write '" + options.out + "'");

  for (size_t r = 0; r < rows.size(); ++r) std::printf("row %zu: %s\n", r, rows[r].label.c_str());
  std::printf("wrote %s (%d x %d px): %zu sequences of %zu frames\n", options.out.c_str(), grid.cols, grid.rows,
              rows.size(), rows.front().frames.size());
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
  preview->add_option("--split", options->split, "Split to draw from")->capture_default_str()->check(CLI::IsMember({"train", "test"}));
  preview->add_option("--mode", options->mode, "sparse: spike chains; single: one transformation at speed 1")
      ->capture_default_str()
      ->check(CLI::IsMember({"sparse", "single"}));
  preview->add_option("--seed", options->seed, "Seed of the sequence dynamics")->capture_default_str();
  preview->add_option("--steps", options->steps, "Steps T per sequence (T+1 frames)")->capture_default_str()->check(CLI::Range(1, 64));
  preview->add_option("--out", options->out, "Output PNG file")->required();
  preview->callback([options] { run_preview(*options); });
}

}  // namespace sta::cli
