// The spike timeline as SVG (see spike_figure.h).
#include "app/figures/spike_figure.h"

#include "app/figures/palette.h"
#include "app/figures/svg_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace sta::figures {

namespace {

constexpr int kCell = 56, kLabel = 90, kTop = 46;

}  // namespace

std::vector<std::string> truth_labels(const data::Sequence& sequence) {
  std::vector<std::string> labels;
  if (!sequence.truth) return labels;
  for (const auto& step : sequence.truth->spikes) {
    std::string names;
    for (size_t m = 0; m < step.size(); ++m)
      if (step[m]) names += (names.empty() ? "" : "+") + sequence.truth->names[m];
    labels.push_back(names.empty() ? "-" : names);
  }
  return labels;
}

std::string spike_figure_svg(const model::SequenceInference& inference, const std::vector<std::string>& truth,
                             const std::string& caption) {
  const int steps = static_cast<int>(inference.spike_probability.size());
  const int k_count = steps ? static_cast<int>(inference.spike_probability[0].size()) : 0;
  const int width = kLabel + steps * kCell + 16, height = kTop + k_count * kCell + (truth.empty() ? 20 : 44);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << ' ' << height << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"" << svg_colour(kFieldBackground) << "\"/>\n"
      << "<text x=\"8\" y=\"18\" fill=\"#c8ccd4\">" << svg_escape(caption) << "</text>\n";
  for (int t = 0; t < steps; ++t)
    out << "<text x=\"" << kLabel + t * kCell + kCell / 2 << "\" y=\"" << kTop - 2 << "\" fill=\"#c8ccd4\" "
        << "text-anchor=\"middle\">t=" << t + 1 << "</text>\n";
  for (int k = 0; k < k_count; ++k) {
    const std::string colour = svg_colour(primitive_colour(k));
    const int y = kTop + 4 + k * kCell;
    out << "<text x=\"8\" y=\"" << y + kCell / 2 << "\" fill=\"" << colour << "\">primitive " << k << "</text>\n";
    for (int t = 0; t < steps; ++t) {
      const float p = inference.spike_probability[t][k];
      const int x = kLabel + t * kCell;
      out << "<rect class=\"spike\" x=\"" << x + 2 << "\" y=\"" << y + 2 << "\" width=\"" << kCell - 4 << "\" height=\""
          << kCell - 4 << "\" fill=\"" << colour << "\" fill-opacity=\"" << p << "\" stroke=\"#555a66\"/>\n";
      char text[16];
      std::snprintf(text, sizeof text, "%.2f", p);
      out << "<text x=\"" << x + kCell / 2 << "\" y=\"" << y + kCell / 2 + 4 << "\" text-anchor=\"middle\" fill=\""
          << (p > 0.6f ? "#111318" : "#c8ccd4") << "\">" << text << "</text>\n";
    }
  }
  for (int t = 0; t < static_cast<int>(truth.size()) && t < steps; ++t)
    out << "<text x=\"" << kLabel + t * kCell + kCell / 2 << "\" y=\"" << kTop + k_count * kCell + 22
        << "\" text-anchor=\"middle\" font-size=\"9\" fill=\"#8a8f9a\">" << svg_escape(truth[t]) << "</text>\n";
  out << "</svg>\n";
  return out.str();
}

}  // namespace sta::figures
