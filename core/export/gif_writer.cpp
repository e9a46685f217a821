// Animated GIF encoding into memory with giflib, then an atomic save (see gif_writer.h).
#include "core/export/gif_writer.h"

#include "core/export/export_error.h"
#include "core/export/output_file.h"
#include "core/export/palette.h"
#include "core/export/rgb_frames.h"

#include <gif_lib.h>

#include <array>
#include <cmath>
#include <memory>

namespace sta::exporting {

namespace {

constexpr int kMinDelayCentiseconds = 2;
constexpr int kMaxLoops = 65535;
constexpr int kMaxSide = 65535;  // GIF stores sizes in 16 bits

// Display time of each frame in 1/100 s.
std::vector<int> delays_of(const ExportOptions& options, size_t frames) {
  if (!options.frame_seconds.empty() && options.frame_seconds.size() != frames)
    throw ExportError(std::to_string(options.frame_seconds.size()) + " frame display times given for " +
                      std::to_string(frames) + " frames");
  if (options.frame_seconds.empty()) check_fps(options.fps);
  std::vector<int> delays;
  for (size_t i = 0; i < frames; ++i) {
    const double seconds = options.frame_seconds.empty() ? 1.0 / options.fps : options.frame_seconds[i];
    if (!(seconds > 0 && seconds < 600))
      throw ExportError("display time of frame " + std::to_string(i) + " (" + std::to_string(seconds) +
                        " s) is not between 0 and 600 s");
    delays.push_back(std::max(kMinDelayCentiseconds, static_cast<int>(std::lround(seconds * 100))));
  }
  return delays;
}

int append_to_string(GifFileType* gif, const GifByteType* bytes, int length) {
  static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(bytes), length);
  return length;
}

// Owns an encoder writing into a string; turns giflib's error codes into ExportError.
class GifEncoder {
 public:
  explicit GifEncoder(std::string& bytes) {
    int error = 0;
    gif_ = EGifOpen(&bytes, append_to_string, &error);
    if (!gif_) throw ExportError(std::string("GIF encoder: ") + GifErrorString(error));
    EGifSetGifVersion(gif_, true);
  }
  ~GifEncoder() {
    int ignored = 0;
    if (gif_) EGifCloseFile(gif_, &ignored);
  }
  GifEncoder(const GifEncoder&) = delete;
  GifEncoder& operator=(const GifEncoder&) = delete;

  GifFileType* get() const { return gif_; }
  void check(int status) const {
    if (status == GIF_ERROR) throw ExportError(std::string("GIF encoder: ") + GifErrorString(gif_->Error));
  }
  void close() {
    int error = 0;
    const int status = EGifCloseFile(gif_, &error);
    gif_ = nullptr;
    if (status == GIF_ERROR) throw ExportError(std::string("GIF encoder: ") + GifErrorString(error));
  }

 private:
  GifFileType* gif_ = nullptr;
};

// NETSCAPE2.0 application extension: play the animation `loops` times (0: forever).
void put_loop_extension(GifEncoder& encoder, int loops) {
  GifByteType identifier[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
  GifByteType count[] = {1, static_cast<GifByteType>(loops & 0xff), static_cast<GifByteType>(loops >> 8)};
  encoder.check(EGifPutExtensionLeader(encoder.get(), APPLICATION_EXT_FUNC_CODE));
  encoder.check(EGifPutExtensionBlock(encoder.get(), sizeof identifier, identifier));
  encoder.check(EGifPutExtensionBlock(encoder.get(), sizeof count, count));
  encoder.check(EGifPutExtensionTrailer(encoder.get()));
}

// Quantises at the frame's own size and enlarges the palette indices, which gives the same
// picture as quantising the enlarged frame (every colour's count grows alike) at less cost.
void put_frame(GifEncoder& encoder, const Rgb8Image& rgb8, int scale, int delay) {
  GraphicsControlBlock control{DISPOSE_DO_NOT, false, delay, NO_TRANSPARENT_COLOR};
  GifByteType extension[4];
  const size_t length = EGifGCBToExtension(&control, extension);
  encoder.check(EGifPutExtension(encoder.get(), GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension));

  const IndexedImage indexed = quantise(rgb8);
  const int palette_size = static_cast<int>(indexed.palette.size());
  std::unique_ptr<ColorMapObject, decltype(&GifFreeMapObject)> map(
      GifMakeMapObject(1 << GifBitSize(palette_size), nullptr), GifFreeMapObject);
  if (!map) throw ExportError("GIF encoder: out of memory for a colour map");
  for (int i = 0; i < map->ColorCount; ++i) {
    const std::array<uint8_t, 3> colour = i < palette_size ? indexed.palette[i] : std::array<uint8_t, 3>{};
    map->Colors[i] = GifColorType{colour[0], colour[1], colour[2]};
  }
  GreyImage indices = enlarge(indexed.indices, scale);
  encoder.check(EGifPutImageDesc(encoder.get(), 0, 0, indices.cols, indices.rows, false, map.get()));
  for (int y = 0; y < indices.rows; ++y) encoder.check(EGifPutLine(encoder.get(), indices.pixel(y, 0), indices.cols));
}

}  // namespace

void write_gif(const std::string& path, const std::vector<Image>& frames, const ExportOptions& options) {
  const std::vector<Rgb8Image> rgb8 = prepare_frames(frames, 1);
  const std::vector<int> delays = delays_of(options, frames.size());
  if (options.loops < 0 || options.loops > kMaxLoops)
    throw ExportError("GIF loop count " + std::to_string(options.loops) + " is out of range (0..65535, 0: forever)");
  check_scale(options.scale);
  const int width = rgb8.front().cols * options.scale, height = rgb8.front().rows * options.scale;
  if (width > kMaxSide || height > kMaxSide)
    throw ExportError("frames of " + std::to_string(width) + "x" + std::to_string(height) +
                      " px are too large for GIF (at most 65535 px a side)");
  check_output_folder(path);

  std::string bytes;
  GifEncoder encoder(bytes);
  encoder.check(EGifPutScreenDesc(encoder.get(), width, height, 8, 0, nullptr));
  put_loop_extension(encoder, options.loops);
  for (size_t i = 0; i < rgb8.size(); ++i) put_frame(encoder, rgb8[i], options.scale, delays[i]);
  encoder.close();
  save_bytes(path, bytes);
}

}  // namespace sta::exporting
