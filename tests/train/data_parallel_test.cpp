// DataParallel over a real Gloo process group, ranks as threads on loopback: gradient averaging, the
// per-step agreement and the replica check.
#include "core/train/data_parallel.h"
#include "support/ranks.h"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>

using namespace sta;

namespace {

// Runs `body(rank, parallel)` on `world` ranks (threads) of one group; exceptions are rethrown here.
void run_ranks(int world, int64_t bucket_bytes, const std::function<void(int, train::DataParallel&)>& body) {
  test::run_ranks(world, [&](int rank, std::shared_ptr<dist::ProcessGroup> group) {
    train::DataParallel parallel(std::move(group), bucket_bytes);
    body(rank, parallel);
  });
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
