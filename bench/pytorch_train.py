#!/usr/bin/python3
"""AR-CNN training speed in PyTorch, for a side-by-side with Start-ArtifactTraining's log.

The loop Start-ArtifactTraining runs with its default (fast) recipe: AR-CNN 64(9)-32(7)-16(1)-1(5) with PReLU, Adam
(lr 1e-3), MSE, batch 16 of 48x48 single-channel patches. Patches are random (speed does not depend on the data;
ArtifactTools samples its prepared pairs, which costs little next to a step). Prints one CSV line:
network,batch,patch,threads,iterations,seconds_per_iteration,steps_per_s,torch
seconds_per_iteration is the median over the timed iterations after --warmup untimed ones.

Run with Debian's python3-torch (apt-get install python3-torch): /usr/bin/python3 bench/pytorch_train.py
"""
import argparse
import statistics
import time

import torch
from torch import nn

from pytorch_forward import NETWORKS


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--network", default="arcnn")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--patch", type=int, default=48)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--header", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net = NETWORKS[args.network]().train()
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()
    times = []
    for i in range(args.warmup + args.iterations):
        degraded = torch.rand(args.batch, 1, args.patch, args.patch)
        clean = torch.rand(args.batch, 1, args.patch, args.patch)
        start = time.perf_counter()
        optimizer.zero_grad()
        loss = loss_fn(net(degraded), clean)
        loss.backward()
        optimizer.step()
        loss.item()
        if i >= args.warmup:
            times.append(time.perf_counter() - start)
    per_iteration = statistics.median(times)
    if args.header:
        print("network,batch,patch,threads,iterations,seconds_per_iteration,steps_per_s,torch")
    print(f"{args.network},{args.batch},{args.patch},{torch.get_num_threads()},{args.iterations},{per_iteration:.4f},{1 / per_iteration:.3f},{torch.__version__}", flush=True)


if __name__ == "__main__":
    main()
