// MP4 encoding through cv::VideoWriter into a temporary file, then a rename (see mp4_writer.h).
#include "core/export/opencv/mp4_writer.h"

#include "core/data/opencv/mat_image.h"
#include "core/export/export_error.h"
#include "core/export/output_file.h"
#include "core/export/rgb_frames.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

namespace sta::exporting {

namespace {

const int kCodecs[] = {cv::VideoWriter::fourcc('a', 'v', 'c', '1'), cv::VideoWriter::fourcc('m', 'p', '4', 'v')};

// RGB frame -> BGR with even width and height (edge repeated), as the encoders need.
cv::Mat even_bgr(const cv::Mat& rgb8) {
  cv::Mat padded, bgr;
  cv::copyMakeBorder(rgb8, padded, 0, rgb8.rows % 2, 0, rgb8.cols % 2, cv::BORDER_REPLICATE);
  cv::cvtColor(padded, bgr, cv::COLOR_RGB2BGR);
  return bgr;
}

void encode(const std::string& file, const std::vector<cv::Mat>& rgb8, double fps) {
  const cv::Mat first = even_bgr(rgb8.front());
  cv::VideoWriter writer;
  for (int codec : kCodecs) {
    if (writer.open(file, cv::CAP_FFMPEG, codec, fps, first.size())) break;
  }
  if (!writer.isOpened()) throw std::runtime_error("no MP4 encoder (avc1 or mp4v) would open it");
  for (const cv::Mat& frame : rgb8) writer.write(even_bgr(frame));
  writer.release();
}

void flush_to_disk(const std::string& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot flush the encoded video to disk");
  }
  ::close(fd);
}

}  // namespace

void write_mp4(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options) {
  std::vector<cv::Mat> rgb8;
  for (const Rgb8Image& frame : prepare_frames(frames, options.scale)) rgb8.push_back(data::to_mat(frame));
  check_fps(options.fps);
  check_output_folder(path);

  // The temporary name keeps the .mp4 ending: FFmpeg picks the container by it.
  const std::string temp = path + ".tmp-" + std::to_string(::getpid()) + ".mp4";
  try {
    encode(temp, rgb8, options.fps);
    std::error_code error;
    if (std::filesystem::file_size(temp, error) == 0 || error) throw std::runtime_error("the encoder wrote nothing");
    flush_to_disk(temp);
    std::filesystem::rename(temp, path);
  } catch (const std::exception& e) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw ExportError("cannot write '" + path + "': " + e.what());
  }
}

}  // namespace sta::exporting
