// Training batches (train::make_batch): a batch rendered in one call on the model's device gives
// each sequence's frames and ground truth as the dataset gives them one by one, at its size.
#include "core/data/dataset.h"
#include "core/train/sequence_batch.h"

#include <doctest/doctest.h>

TEST_CASE("a batch renders like its sequences one by one, at the dataset's size") {
  for (int size : {28, 20, 40}) {
    CAPTURE(size);
    sta::data::DataSpec spec;
    spec.source = "fashion-mnist";
    spec.image_size = size;
    const auto data = sta::data::open_dataset(spec);
    const auto batch = sta::train::make_batch(*data, sta::data::Split::Train, 5, 3, sta::data::SequenceMode::Sparse, torch::kCPU);
    REQUIRE(batch.frames.sizes() == torch::IntArrayRef({3, 9, 3, size, size}));
    for (int b = 0; b < 3; ++b) {
      const auto one = data->sequence(sta::data::Split::Train, 5 + b);
      CHECK(batch.sequences[b].label == one.label);
      CHECK(batch.sequences[b].truth->speeds == one.truth->speeds);
      for (int f = 0; f < 9; ++f) {
        const auto expected = torch::from_blob(const_cast<float*>(one.frames[f].values.data()), {size, size, 3}).permute({2, 0, 1});
        CHECK((batch.frames[b][f] - expected).abs().max().item<float>() < 1e-5f);
      }
    }
  }
}
