// DataParallel over a real Gloo process group, ranks as threads on loopback: gradient averaging, the
// per-step agreement, the replica check and a rank that never shows up.
#include "core/train/data_parallel.h"
#include "support/free_port.h"

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <future>
#include <thread>

using namespace sta;

namespace {


// Runs `body(rank, group)` on `world` threads joined in one group; exceptions are rethrown here.
void run_ranks(int world, int64_t bucket_bytes, const std::function<void(int, train::DataParallel&)>& body,
               std::chrono::seconds timeout = std::chrono::seconds(30)) {
  const int port = test::free_port();
  std::vector<std::exception_ptr> errors(world);
  std::vector<std::thread> threads;
  for (int rank = 0; rank < world; ++rank)
    threads.emplace_back([&, rank] {
      try {
        dist::Rendezvous r;
        r.port = port;
        r.world_size = world;
        r.rank = rank;
        r.timeout = timeout;
        train::DataParallel parallel(dist::ProcessGroup::join(r), bucket_bytes);
        body(rank, parallel);
      } catch (...) {
        errors[rank] = std::current_exception();
      }
    });
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// Parameters of 3, 40 and 5 floats; the second has no gradient when `with_unused`.
std::vector<torch::Tensor> parameters_of_rank(int rank, bool with_unused) {
  std::vector<torch::Tensor> out;
  for (int64_t n : {3, 40, 5}) {
    auto p = torch::zeros({n}).requires_grad_(true);
    if (!(with_unused && n == 40)) p.mutable_grad() = torch::arange(n, torch::kFloat) * (rank + 1) + 0.1f * rank;
    out.push_back(p);
  }
  return out;
}

}  // namespace

TEST_CASE("gradients are averaged in buckets, bit-identical on every rank") {
  std::vector<std::vector<torch::Tensor>> results(3);
  // 64-byte buckets: the 3 and 5 floats share none with the 40 floats, which fill one alone.
  run_ranks(3, 64, [&](int rank, train::DataParallel& parallel) {
    auto parameters = parameters_of_rank(rank, false);
    CHECK(parallel.buckets(parameters) == 3);
    CHECK(parallel.bytes_per_step(parameters) == 48 * 4);
    parallel.average_gradients(parameters);
    for (const auto& p : parameters) results[rank].push_back(p.grad().clone());
  });
  for (size_t i = 0; i < results[0].size(); ++i) {
    const auto n = results[0][i].numel();
    const auto mean = torch::arange(n, torch::kFloat) * 2 + 0.1f;  // ranks 1, 2, 3 times, plus 0, 0.1, 0.2
    CHECK(torch::allclose(results[0][i], mean, 1e-6, 1e-6));
    CHECK(torch::equal(results[1][i], results[0][i]));
    CHECK(torch::equal(results[2][i], results[0][i]));
  }
}

TEST_CASE("a parameter without a gradient keeps none, and the others still average") {
  run_ranks(2, train::DataParallel::kDefaultBucketBytes, [&](int rank, train::DataParallel& parallel) {
    auto parameters = parameters_of_rank(rank, true);
    CHECK(parallel.buckets(parameters) == 1);
    parallel.average_gradients(parameters);
    CHECK_FALSE(parameters[1].grad().defined());
    CHECK(torch::allclose(parameters[2].grad(), torch::arange(5, torch::kFloat) * 1.5 + 0.05, 1e-6, 1e-6));
  });
}

TEST_CASE("the ranks agree on the loss, a non-finite loss anywhere and a stop request anywhere") {
  run_ranks(2, 64, [&](int rank, train::DataParallel& parallel) {
    auto agreed = parallel.agree(rank == 0 ? 2.0 : 4.0, {1.0, rank * 2.0}, false);
    CHECK(agreed.finite);
    CHECK_FALSE(agreed.stop);
    CHECK(agreed.loss == 3.0);
    CHECK(agreed.terms == std::vector<double>{1.0, 1.0});
    agreed = parallel.agree(rank == 1 ? std::nan("") : 2.0, {0.0}, rank == 0);
    CHECK_FALSE(agreed.finite);
    CHECK(agreed.stop);
  });
}

TEST_CASE("rank 0's weights are broadcast, and differing replicas are caught") {
  run_ranks(2, 64, [&](int rank, train::DataParallel& parallel) {
    auto parameters = parameters_of_rank(rank, false);
    for (auto& p : parameters) p.data().fill_(static_cast<float>(rank + 7));
    parallel.broadcast_parameters(parameters);
    for (const auto& p : parameters) CHECK(torch::all(p == 7).item<bool>());
    CHECK_NOTHROW(parallel.check_identical(parameters));
    if (rank == 1) parameters[2].data()[4] = std::nextafter(7.0f, 8.0f);  // one bit of one weight
    CHECK_THROWS_WITH_AS(parallel.check_identical(parameters),
                         "the weights of rank(s) 1 differ from rank 0's: the replicas diverged", std::runtime_error);
  });
}

TEST_CASE("a rank that stalls makes the other fail after the timeout, and one that leaves at once") {
  for (const bool stall : {true, false}) {
    CAPTURE(stall);
    std::promise<void> failed;
    std::string message;
    double seconds = 0;
    run_ranks(2, 64, [&](int rank, train::DataParallel& parallel) {
      if (rank == 1) {  // never calls the collective: stays connected until rank 0 gave up, or leaves
        if (stall) failed.get_future().wait();
        return;
      }
      auto parameters = parameters_of_rank(rank, false);
      const auto start = std::chrono::steady_clock::now();
      try {
        parallel.average_gradients(parameters);
      } catch (const dist::CommunicationError& e) {
        message = e.what();
      }
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      failed.set_value();
    }, std::chrono::seconds(3));
    CAPTURE(message);
    CHECK(message.find("rank 0 of 2: the gradient all-reduce failed - another worker died, stalled for more than 3 s") ==
          0);
    if (stall) CHECK(seconds >= 2.5);
    CHECK(seconds < 15);
  }
}
