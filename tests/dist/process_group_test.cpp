// The process group's bounded waits, ranks as threads on loopback: a stalled or departed rank makes
// the other's collective fail with a CommunicationError naming the rank, the operation and the timeout.
#include "core/dist/process_group.h"
#include "support/ranks.h"

#include <doctest/doctest.h>
#include <torch/torch.h>

#include <chrono>
#include <future>
#include <string>
#include <vector>

using namespace sta;

TEST_CASE("a rank that stalls makes the other fail after the timeout, and one that leaves at once") {
  for (const bool stall : {true, false}) {
    CAPTURE(stall);
    std::promise<void> failed;
    std::string message;
    double seconds = 0;
    test::run_ranks(2, [&](int rank, std::shared_ptr<dist::ProcessGroup> group) {
      if (rank == 1) {  // never calls the collective: stays connected until rank 0 gave up, or leaves
        if (stall) failed.get_future().wait();
        return;
      }
      std::vector<at::Tensor> tensors{torch::ones({48})};
      const auto start = std::chrono::steady_clock::now();
      try {
        group->all_reduce_sum(tensors, "the all-reduce");
      } catch (const dist::CommunicationError& e) {
        message = e.what();
      }
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      failed.set_value();
    }, std::chrono::seconds(3));
    CAPTURE(message);
    CHECK(message.find("rank 0 of 2: the all-reduce failed - another worker died, stalled for more than 3 s") == 0);
    if (stall) CHECK(seconds >= 2.5);
    CHECK(seconds < 15);
  }
}
