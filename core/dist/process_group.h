// A group of training processes that exchange tensors through PyTorch's c10d (Gloo, or NCCL where built).
// c10d stays inside process_group.cpp.
#pragma once

#include <ATen/core/Tensor.h>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace sta::dist {

class CommunicationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Rendezvous {
  std::string host = "127.0.0.1";
  int port = 0;
  int world_size = 1, rank = 0;
  std::chrono::seconds timeout{300};
  bool nccl = false;  // collectives on CUDA tensors through NCCL (else Gloo on CPU tensors)
  int cuda_device = 0;  // this rank's GPU under NCCL: CPU tensors given to a collective go there and back
};

// "HOST:PORT" -> host and port; throws std::invalid_argument with the reason.
void parse_rendezvous(const std::string& address, Rendezvous& into);
// Whether this build can run NCCL collectives (LibTorch with CUDA and c10d's NCCL group).
bool nccl_available();

// Rank 0 hosts a TCPStore at the rendezvous address, every rank joins it, and the collectives run on
// a Gloo process group (CPU tensors) or, in a LibTorch built with CUDA and NCCL, an NCCL one (one GPU
// per rank). Every call waits at most the group's timeout; a rank that died or stalled makes the
// others throw CommunicationError naming the operation, never hang.
class ProcessGroup {
 public:
  // Blocks until every rank has joined or the timeout passed (CommunicationError).
  static std::shared_ptr<ProcessGroup> join(const Rendezvous& rendezvous);
  ~ProcessGroup();

  int rank() const { return rendezvous_.rank; }
  int size() const { return rendezvous_.world_size; }
  const Rendezvous& rendezvous() const { return rendezvous_; }

  // In place, every rank ends with the sum (bit-identical on every rank). `what` names the
  // operation in errors.
  void all_reduce_sum(std::vector<at::Tensor>& tensors, const std::string& what);
  void broadcast(std::vector<at::Tensor>& tensors, int root, const std::string& what);
  // Every rank's tensor concatenated along dimension 0 in rank order (same shapes on every rank).
  at::Tensor all_gather(const at::Tensor& tensor, const std::string& what);
  // Bytes from `root` to every rank through the store (e.g. a checkpoint to resume from).
  std::string share(const std::string& key, const std::string& bytes_at_root, int root);

 private:
  struct Impl;
  ProcessGroup(Rendezvous rendezvous, std::unique_ptr<Impl> impl);
  void wait(const std::string& what, const std::function<void()>& collective);

  Rendezvous rendezvous_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sta::dist
