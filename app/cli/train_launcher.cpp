// `sta train --nproc N`: starts N local worker processes of this executable, like `torchrun --nproc-per-node N`.
#include "app/cli/train_args.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace sta::cli {

namespace {

constexpr int kMaxWorkers = 64;
volatile sig_atomic_t worker_count = 0;
pid_t workers[kMaxWorkers];

void forward_signal(int signal) {
  for (int i = 0; i < worker_count; ++i)
    if (workers[i] > 0) kill(workers[i], signal);
}

// A port no one listens on now (the kernel's pick for port 0), for rank 0's store.
int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error(std::string("no socket for the rendezvous: ") + std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const std::string reason = std::strerror(errno);
    close(fd);
    throw std::runtime_error("no free port on 127.0.0.1 for the rendezvous: " + reason);
  }
  close(fd);
  return ntohs(address.sin_port);
}

int threads_per_worker(int workers) {
  const char* set = std::getenv("STA_NUM_THREADS");
  const int cores = set && std::atoi(set) > 0 ? std::atoi(set) : static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, cores / workers);
}

pid_t start_worker(const TrainArgs& args, int rank, int port, int threads) {
  auto arguments = worker_arguments(args, rank, port);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("cannot start a worker process: ") + std::strerror(errno));
  if (pid > 0) return pid;
  setenv("STA_NUM_THREADS", std::to_string(threads).c_str(), 1);
  setenv("STA_LOCAL_RANK", std::to_string(rank).c_str(), 1);
  std::vector<char*> argv{const_cast<char*>("sta")};
  for (auto& a : arguments) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv("/proc/self/exe", argv.data());
  std::fprintf(stderr, "sta train: cannot run worker %d: %s\n", rank, std::strerror(errno));
  _exit(127);
}

int exit_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

const util::NameTable<OnSaveError>& names(OnSaveError) {
  static const util::NameTable<OnSaveError> table{{OnSaveError::Stop, "stop"}, {OnSaveError::Continue, "continue"}};
  return table;
}

std::vector<std::string> worker_arguments(const TrainArgs& a, int rank, int port) {
  std::vector<std::string> out{"train", "--preset", a.preset, "--data", a.source, "--device", a.device,
                               "--seed", std::to_string(a.seed), "--length", std::to_string(a.length),
                               "--out", a.out, "--on-save-error", util::name_of(a.on_save_error),
                               "--world-size", std::to_string(a.nproc), "--rank", std::to_string(rank),
                               "--rendezvous", "127.0.0.1:" + std::to_string(port),
                               "--timeout", std::to_string(a.timeout)};
  const auto add = [&](const char* name, const std::string& value) { out.insert(out.end(), {name, value}); };
  if (!a.transforms.empty()) add("--transforms", a.transforms);
  if (a.steps > 0) add("--steps", std::to_string(a.steps));
  if (a.batch > 0) add("--batch", std::to_string(a.batch));
  if (a.primitives > 0) add("--primitives", std::to_string(a.primitives));
  if (a.size > 0) add("--size", std::to_string(a.size));
  add("--stride", std::to_string(a.stride));
  for (const auto& o : a.overrides) add("--set", o);
  if (a.resume) out.push_back("--resume");
  return out;
}

// Ranks 0..N-1 meet at a free port on 127.0.0.1. The machine's cores are divided among them
// (STA_NUM_THREADS), each knows its local rank (STA_LOCAL_RANK, its GPU under --device cuda).
// Ctrl-C or SIGTERM is passed on to every worker, which stop at the same step while rank 0 saves
// once; when a worker fails, the others are stopped and its status returned.
int launch_local_workers(const TrainArgs& args) {
  if (args.nproc > kMaxWorkers) throw std::invalid_argument("--nproc is at most " + std::to_string(kMaxWorkers));
  const int port = free_loopback_port(), threads = threads_per_worker(args.nproc);
  std::fprintf(stderr, "starting %d workers on 127.0.0.1:%d, %d thread%s each\n", args.nproc, port, threads,
               threads == 1 ? "" : "s");
  struct sigaction action {};
  action.sa_handler = forward_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  for (int rank = 0; rank < args.nproc; ++rank) {
    workers[rank] = start_worker(args, rank, port, threads);
    worker_count = rank + 1;
  }
  int running = args.nproc, result = 0;
  while (running > 0) {
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    int rank = 0;
    while (rank < args.nproc && workers[rank] != pid) ++rank;
    if (rank == args.nproc) continue;
    workers[rank] = 0;
    --running;
    const int code = exit_status(status);
    if (code == 0 || code == 130) {  // 130: stopped by a stop request, which every rank heard
      if (code == 130 && result == 0) result = 130;
      continue;
    }
    if (result == 0 || result == 130) {
      result = code;
      std::fprintf(stderr, "sta train: worker %d exited with status %d; stopping the others\n", rank, code);
      for (int other = 0; other < args.nproc; ++other)
        if (workers[other] > 0) kill(workers[other], SIGKILL);
    }
  }
  return result;
}

}  // namespace sta::cli
