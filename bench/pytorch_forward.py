#!/usr/bin/python3
"""Bare forward speed of the papers' networks in PyTorch, for a side-by-side with ArtifactTools.

Builds the same layer stacks as src/ArtifactTools.Core/Networks (random weights: speed does not depend on them) and
times one forward pass on a 1 x 1 x H x W tensor under torch.inference_mode(), the best of --repeats after a warm-up.
Prints one CSV line per network: network,width,height,threads,seconds,mpx_per_s.

Run with Debian's python3-torch (apt-get install python3-torch): /usr/bin/python3 bench/pytorch_forward.py
"""
import argparse
import time

import torch
from torch import nn


class Chain(nn.Module):
    """conv/PReLU chain; 'stride' on the first conv and a closing deconvolution (Fast AR-CNN)."""

    def __init__(self, layers, stride=1, relu=False, residual=False, concat=None):
        super().__init__()
        self.convs = nn.ModuleList()
        self.acts = nn.ModuleList()
        self.concat = concat or {}          # layer index (0-based) -> list of earlier layer indices to append
        self.residual = residual
        channels = 1
        widths = []
        for i, (n, f, deconv) in enumerate(layers):
            if deconv:
                conv = nn.ConvTranspose2d(channels, n, f, stride=stride, padding=(f - 1) // 2, output_padding=stride - 1)
            else:
                conv = nn.Conv2d(channels, n, f, stride=stride if i == 0 else 1, padding=(f - 1) // 2)
            self.convs.append(conv)
            if i < len(layers) - 1:
                self.acts.append(nn.ReLU(inplace=True) if relu else nn.PReLU(n, init=0.25))
            widths.append(n)
            channels = n + sum(widths[k] for k in self.concat.get(i, []))

    def forward(self, x):
        inp = x
        kept = {}
        for i, conv in enumerate(self.convs):
            x = conv(x)
            if i == len(self.convs) - 1:
                break
            x = self.acts[i](x)
            kept[i] = x
            if i in self.concat:
                x = torch.cat([x] + [kept[k] for k in self.concat[i]], 1)
        return x + inp if self.residual else x


NETWORKS = {
    # 64(9)-32(7)-16(1)-1(5), paper 000 Table I
    "arcnn": lambda: Chain([(64, 9, False), (32, 7, False), (16, 1, False), (1, 5, False)]),
    # 64(9)-32(1)-32(7)-64(1)-1[9]-s2, paper 000 Section IV
    "fast-arcnn": lambda: Chain([(64, 9, False), (32, 1, False), (32, 7, False), (64, 1, False), (1, 9, True)], stride=2),
    # 32(11)-64(3)-64(3)-64(3)+1-64(1)-64(5)+1-128(1)-1(5)-relu-r, paper 002 Table 1
    "l8": lambda: Chain([(32, 11, False), (64, 3, False), (64, 3, False), (64, 3, False), (64, 1, False),
                         (64, 5, False), (128, 1, False), (1, 5, False)], relu=True, residual=True, concat={3: [0], 5: [0]}),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--networks", default="arcnn,fast-arcnn,l8")
    parser.add_argument("--size", default="1024x1024", help="WxH")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--header", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    width, height = (int(v) for v in args.size.lower().split("x"))
    if args.header:
        print("network,width,height,threads,seconds,mpx_per_s,torch")
    for name in args.networks.split(","):
        torch.manual_seed(0)
        net = NETWORKS[name]().eval()
        x = torch.rand(1, 1, height, width)
        best = float("inf")
        with torch.inference_mode():
            net(x)  # warm-up: oneDNN picks and builds its kernels
            for _ in range(args.repeats):
                start = time.perf_counter()
                net(x)
                best = min(best, time.perf_counter() - start)
        print(f"{name},{width},{height},{torch.get_num_threads()},{best:.4f},{width * height / best / 1e6:.4f},{torch.__version__}", flush=True)


if __name__ == "__main__":
    main()
