// A row of frames as SVG (see svg_strip.h).
#include "core/export/opencv/svg_strip.h"

#include "core/data/opencv/mat_image.h"
#include "core/export/export_error.h"
#include "core/export/output_file.h"
#include "core/export/rgb_frames.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <sstream>

namespace sta::exporting {

namespace {

std::string base64(const std::vector<uchar>& bytes) {
  static const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const uint32_t n = (uint32_t{bytes[i]} << 16) | (i + 1 < bytes.size() ? uint32_t{bytes[i + 1]} << 8 : 0) |
                       (i + 2 < bytes.size() ? uint32_t{bytes[i + 2]} : 0);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

}  // namespace

void write_svg_strip(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options) {
  if (frames.empty()) throw ExportError("cannot write '" + path + "': no frames");
  check_output_folder(path);
  const std::vector<Rgb8Image> cells = prepare_frames(frames, 1);
  const int scale = options.scale, gap = options.gap;
  const int w = cells.front().cols * scale, h = cells.front().rows * scale;
  const int width = gap + static_cast<int>(cells.size()) * (w + gap), height = h + 2 * gap;
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << ' ' << height << "\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#282828\"/>\n";
  for (size_t i = 0; i < cells.size(); ++i) {
    cv::Mat bgr;
    cv::cvtColor(data::to_mat(cells[i]), bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> png;
    if (!cv::imencode(".png", bgr, png)) throw ExportError("cannot write '" + path + "': PNG encoding failed");
    out << "<image x=\"" << gap + static_cast<int>(i) * (w + gap) << "\" y=\"" << gap << "\" width=\"" << w
        << "\" height=\"" << h << "\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64," << base64(png)
        << "\"/>\n";
  }
  out << "</svg>\n";
  save_bytes(path, out.str());
}

}  // namespace sta::exporting
