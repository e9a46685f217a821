#!/usr/bin/python3
"""Median milliseconds of one stage-2 training step of the PyTorch prototype at the recipe's size.
Usage: proto_step_time.py PROTOTYPE_DIR THREADS REPEATS. Imports the prototype; copies nothing."""
import statistics, sys, time

sys.path.insert(0, sys.argv[1])
import sta_proto as proto  # noqa: E402
import torch  # noqa: E402

threads, repeats = int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(0)
args = proto.argparse.Namespace(
    D=32, K=3, ch=16, dense=128, hidden=64, field_init=0.01, mlp_fields=False, no_linear=False, infer='sparse',
    infer_grad=1, lam=0.05, tau=0.05, ridge=1.0, spike_bias=0.0, no_empty=1, beta=0.5, seq_balanced=1, sk_eps=0.05,
    sk_norm=1, sk_iters=50, cur_strat=1, enc_detach=0, enc_gscale=1.0, warmup=0.0, w_ae=1.0, w_roll=1.0, w_lat=5.0,
    w_lat1=5.0, lat_sg=0, w_spike=1.0, w_slab=1.0, w_hj=1.0, w_flow=0.0, w_bal=0.0, slab_start=0.5, curriculum=0.3,
    temp0=1.0, temp1=0.05, anneal=0.6, steps=4000)
images = (torch.rand(256, 28, 28) * 255).to(torch.uint8)
model = proto.STA(args)
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
gen = torch.Generator().manual_seed(0)
x, _ = proto.make_batch(images, 16, gen, 'sparse')
step = 3000  # stage 2 (slabs), after the curriculum: the same kind of step as `sta bench`


def one_step():
    tot, _, _ = proto.losses(model, x, step, args)
    opt.zero_grad()
    tot.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 100.0)
    opt.step()


for _ in range(5):
    one_step()
times = []
for _ in range(repeats):
    start = time.perf_counter()
    one_step()
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.2f}")
