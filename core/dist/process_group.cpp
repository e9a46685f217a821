// c10d process groups for data-parallel training (see process_group.h).
#include "core/dist/process_group.h"

#ifdef USE_C10D_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#include <torch/torch.h>

#include <csignal>
#include <cstdlib>
#include <limits>

namespace sta::dist {

namespace {

// c10d's messages carry a C++ backtrace after the first line: keep the reason.
std::string reason_of(const std::exception& e) {
  std::string text = e.what();
  if (const auto* error = dynamic_cast<const c10::Error*>(&e)) text = error->what_without_backtrace();
  const auto end = text.find('\n');
  return end == std::string::npos ? text : text.substr(0, end);
}

std::string timeout_text(const Rendezvous& r) { return std::to_string(r.timeout.count()) + " s"; }

#ifdef USE_C10D_GLOO
// The network device Gloo binds: loopback for a local rendezvous, the interface named by
// GLOO_SOCKET_IFNAME (as in PyTorch) when set, else the address this machine's name resolves to.
std::shared_ptr<::gloo::transport::Device> gloo_device(const std::string& host) {
  if (host == "localhost" || host.rfind("127.", 0) == 0) return c10d::ProcessGroupGloo::createDeviceForHostname(host);
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"))
    return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  return c10d::ProcessGroupGloo::createDefaultDevice();
}
#endif

}  // namespace

void parse_rendezvous(const std::string& address, Rendezvous& into) {
  const auto colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == address.size())
    throw std::invalid_argument("--rendezvous '" + address + "' is not HOST:PORT");
  const std::string port = address.substr(colon + 1);
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 || std::stoi(port) < 1 ||
      std::stoi(port) > std::numeric_limits<uint16_t>::max())
    throw std::invalid_argument("--rendezvous '" + address + "': the port must be a number in 1..65535");
  into.host = address.substr(0, colon);
  into.port = std::stoi(port);
}

bool nccl_available() {
#ifdef USE_C10D_NCCL
  return torch::cuda::is_available();
#else
  return false;
#endif
}

// The collectives of the concrete group. LibTorch 1.x derives the Gloo and NCCL groups from
// c10d::ProcessGroup, 2.x from c10d::Backend; both have these methods, so they are bound here.
struct ProcessGroup::Impl {
  c10::intrusive_ptr<c10d::Store> store;
  std::function<c10::intrusive_ptr<c10d::Work>(std::vector<at::Tensor>&)> allreduce;
  std::function<c10::intrusive_ptr<c10d::Work>(std::vector<at::Tensor>&, int)> broadcast;
  std::function<c10::intrusive_ptr<c10d::Work>(std::vector<std::vector<at::Tensor>>&, std::vector<at::Tensor>&)> allgather;

  template <class Group>
  void bind(c10::intrusive_ptr<Group> group) {
    allreduce = [group](std::vector<at::Tensor>& tensors) { return group->allreduce(tensors); };
    broadcast = [group](std::vector<at::Tensor>& tensors, int root) {
      c10d::BroadcastOptions options;
      options.rootRank = root;
      return group->broadcast(tensors, options);
    };
    allgather = [group](std::vector<std::vector<at::Tensor>>& out, std::vector<at::Tensor>& in) {
      return group->allgather(out, in);
    };
  }
};

ProcessGroup::ProcessGroup(Rendezvous rendezvous, std::unique_ptr<Impl> impl)
    : rendezvous_(std::move(rendezvous)), impl_(std::move(impl)) {}

ProcessGroup::~ProcessGroup() = default;

std::shared_ptr<ProcessGroup> ProcessGroup::join(const Rendezvous& r) {
  if (r.world_size < 1 || r.rank < 0 || r.rank >= r.world_size)
    throw std::invalid_argument("rank " + std::to_string(r.rank) + " is not in 0.." + std::to_string(r.world_size - 1));
  // A peer that leaves closes its sockets: writing to them must fail as an error (EPIPE, which
  // becomes a CommunicationError), never kill this process with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  auto impl = std::make_unique<Impl>();
  const std::string where = r.host + ":" + std::to_string(r.port);
  try {
    c10d::TCPStoreOptions options;
    options.port = static_cast<uint16_t>(r.port);
    options.isServer = r.rank == 0;
    options.numWorkers = r.world_size;
    options.waitWorkers = true;
    options.timeout = r.timeout;
    impl->store = c10::make_intrusive<c10d::TCPStore>(r.host, options);
  } catch (const std::exception& e) {
    throw CommunicationError("rank " + std::to_string(r.rank) + " of " + std::to_string(r.world_size) +
                             ": no rendezvous at " + where + " within " + timeout_text(r) + " (" + reason_of(e) +
                             (r.rank == 0 ? "): is the port free, and did every rank start?"
                                          : "): is rank 0 running there, and is the address reachable?"));
  }
  try {
    if (r.nccl) {
#ifdef USE_C10D_NCCL
      auto options = c10d::ProcessGroupNCCL::Options::create();
      options->timeout = r.timeout;
      impl->bind(c10::make_intrusive<c10d::ProcessGroupNCCL>(impl->store, r.rank, r.world_size, options));
#else
      throw std::invalid_argument("this LibTorch has no NCCL process group (a CUDA build is needed)");
#endif
    } else {
#ifdef USE_C10D_GLOO
      auto options = c10d::ProcessGroupGloo::Options::create();
      options->timeout = r.timeout;
      options->devices.push_back(gloo_device(r.host));
      impl->bind(c10::make_intrusive<c10d::ProcessGroupGloo>(impl->store, r.rank, r.world_size, options));
#else
      throw std::invalid_argument("this sta was built without Gloo's headers (libgloo-dev): no multi-process "
                                  "training on the CPU");
#endif
    }
  } catch (const std::invalid_argument&) {
    throw;
  } catch (const std::exception& e) {
    throw CommunicationError("rank " + std::to_string(r.rank) + " of " + std::to_string(r.world_size) +
                             ": the process group did not form through " + where + " (" + reason_of(e) + ")");
  }
  return std::shared_ptr<ProcessGroup>(new ProcessGroup(r, std::move(impl)));
}

void ProcessGroup::wait(const std::string& what, const std::function<void()>& collective) {
  try {
    collective();
  } catch (const std::exception& e) {
    throw CommunicationError("rank " + std::to_string(rank()) + " of " + std::to_string(size()) + ": " + what +
                             " failed - another worker died, stalled for more than " + timeout_text(rendezvous_) +
                             " or cannot be reached (" + reason_of(e) + ")");
  }
}

namespace {

// NCCL reduces CUDA tensors only: small CPU tensors (flags, digests) make the trip to the GPU.
void on_device(std::vector<at::Tensor>& tensors, const Rendezvous& r, const std::function<void(std::vector<at::Tensor>&)>& run) {
  if (!r.nccl || tensors.front().is_cuda()) return run(tensors);
  std::vector<at::Tensor> moved;
  for (const auto& t : tensors) moved.push_back(t.to(torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(r.cuda_device))));
  run(moved);
  for (size_t i = 0; i < tensors.size(); ++i) tensors[i].copy_(moved[i]);
}

}  // namespace

void ProcessGroup::all_reduce_sum(std::vector<at::Tensor>& tensors, const std::string& what) {
  wait(what, [&] { on_device(tensors, rendezvous_, [&](auto& on) { impl_->allreduce(on)->wait(); }); });
}

void ProcessGroup::broadcast(std::vector<at::Tensor>& tensors, int root, const std::string& what) {
  wait(what, [&] { on_device(tensors, rendezvous_, [&](auto& on) { impl_->broadcast(on, root)->wait(); }); });
}

at::Tensor ProcessGroup::all_gather(const at::Tensor& tensor, const std::string& what) {
  if (rendezvous_.nccl && !tensor.is_cuda())  // NCCL gathers CUDA tensors only
    return all_gather(tensor.to(torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(rendezvous_.cuda_device))), what)
        .to(tensor.device());
  std::vector<at::Tensor> input{tensor.contiguous()};
  std::vector<std::vector<at::Tensor>> output(1);
  for (int r = 0; r < size(); ++r) output[0].push_back(torch::empty_like(input[0]));
  wait(what, [&] { impl_->allgather(output, input)->wait(); });
  return torch::cat(output[0], 0);
}

std::string ProcessGroup::share(const std::string& key, const std::string& bytes_at_root, int root) {
  std::string out;
  wait("sharing '" + key + "' from rank " + std::to_string(root), [&] {
    if (rank() == root) {
      impl_->store->set(key, std::vector<uint8_t>(bytes_at_root.begin(), bytes_at_root.end()));
      out = bytes_at_root;
    } else {
      const auto bytes = impl_->store->get(key);
      out.assign(bytes.begin(), bytes.end());
    }
  });
  return out;
}

}  // namespace sta::dist
