// Test helper: the ranks of a real Gloo process group as threads of this process, joined on a
// free loopback port (the collectives of dist/ and the data parallelism of train/).
#pragma once

#include "core/dist/process_group.h"
#include "support/free_port.h"

#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace sta::test {

// Runs `body(rank, group)` on `world` threads joined in one group; a rank leaves the group when
// its body returns. Exceptions are rethrown here.
inline void run_ranks(int world, const std::function<void(int, std::shared_ptr<dist::ProcessGroup>)>& body,
                      std::chrono::seconds timeout = std::chrono::seconds(30)) {
  const int port = free_port();
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
        body(rank, dist::ProcessGroup::join(r));
      } catch (...) {
        errors[rank] = std::current_exception();
      }
    });
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace sta::test
