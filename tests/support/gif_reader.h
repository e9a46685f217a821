// Test helper: reads a GIF back with giflib's DGifSlurp into what the export tests check:
// canvas size, frames as RGB images, display times and the NETSCAPE2.0 loop count.
#pragma once

#include <gif_lib.h>

#include <opencv2/core.hpp>

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace sta::test {

struct GifContents {
  int width = 0, height = 0;
  std::vector<cv::Mat> frames;  // CV_8UC3 RGB, canvas-sized
  std::vector<int> delays;      // 1/100 s per frame
  int loops = -1;               // NETSCAPE2.0 loop count (0: forever); -1 when absent
};

inline GifContents read_gif(const std::string& path) {
  int error = 0;
  GifFileType* gif = DGifOpenFileName(path.c_str(), &error);
  if (!gif) throw std::runtime_error("cannot open GIF '" + path + "': " + GifErrorString(error));
  if (DGifSlurp(gif) != GIF_OK) {
    const std::string reason = GifErrorString(gif->Error);
    DGifCloseFile(gif, &error);
    throw std::runtime_error("cannot decode GIF '" + path + "': " + reason);
  }
  GifContents out;
  out.width = gif->SWidth;
  out.height = gif->SHeight;
  for (int i = 0; i < gif->ImageCount; ++i) {
    const SavedImage& image = gif->SavedImages[i];
    const GifImageDesc& desc = image.ImageDesc;
    const ColorMapObject* map = desc.ColorMap ? desc.ColorMap : gif->SColorMap;
    cv::Mat frame(gif->SHeight, gif->SWidth, CV_8UC3, cv::Scalar::all(0));
    for (int y = 0; y < desc.Height; ++y) {
      for (int x = 0; x < desc.Width; ++x) {
        const GifColorType c = map->Colors[image.RasterBits[y * desc.Width + x]];
        frame.at<cv::Vec3b>(desc.Top + y, desc.Left + x) = cv::Vec3b(c.Red, c.Green, c.Blue);
      }
    }
    out.frames.push_back(frame);
    GraphicsControlBlock control{};
    out.delays.push_back(DGifSavedExtensionToGCB(gif, i, &control) == GIF_OK ? control.DelayTime : -1);
    for (int b = 0; b + 1 < image.ExtensionBlockCount; ++b) {
      const ExtensionBlock& block = image.ExtensionBlocks[b];
      const ExtensionBlock& next = image.ExtensionBlocks[b + 1];
      if (block.Function == APPLICATION_EXT_FUNC_CODE && block.ByteCount == 11 &&
          std::memcmp(block.Bytes, "NETSCAPE2.0", 11) == 0 && next.ByteCount == 3 && next.Bytes[0] == 1)
        out.loops = next.Bytes[1] | next.Bytes[2] << 8;
    }
  }
  DGifCloseFile(gif, &error);
  return out;
}

}  // namespace sta::test
