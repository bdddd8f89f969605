#!/usr/bin/python3
"""The lecture's MNIST model in PyTorch, as a peer for nnlab's engine benchmark.

784 -> 128 ReLU -> 64 ReLU -> 10, Adam 1e-3, batch 32, inputs scaled to [0, 1], one CPU thread,
denormals flushed. Prints name=value lines like nnlab's benchmark.
Debian's python3-torch calls whatever libblas.so.3 the system provides: install libopenblas0-pthread,
or it runs on the reference BLAS, about four times slower.
Usage: bench/pytorch_mnist.py [mnist-dir] [epochs]
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before torch loads the BLAS

import gzip
import sys
import time

import numpy as np
import torch


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "src", "main", "resources", "datasets", "mnist")
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    torch.set_num_threads(1)
    torch.set_flush_denormal(True)
    torch.manual_seed(42)
    x_train = torch.tensor(idx(os.path.join(root, "train-images-idx3-ubyte.gz")).reshape(-1, 784), dtype=torch.float32) / 255
    y_train = torch.tensor(idx(os.path.join(root, "train-labels-idx1-ubyte.gz")), dtype=torch.long)
    x_test = torch.tensor(idx(os.path.join(root, "t10k-images-idx3-ubyte.gz")).reshape(-1, 784), dtype=torch.float32) / 255
    y_test = torch.tensor(idx(os.path.join(root, "t10k-labels-idx1-ubyte.gz")), dtype=torch.long)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64),
                                torch.nn.ReLU(), torch.nn.Linear(64, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        perm = torch.randperm(len(x_train))
        xs, ys = x_train[perm], y_train[perm]
        for i in range(0, len(x_train), 32):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xs[i:i + 32]), ys[i:i + 32])
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - start)
    with torch.no_grad():
        acc = (model(x_test).argmax(1) == y_test).float().mean().item()
    print(f"pytorch_mnist_epoch_seconds={min(times):.3f}")
    print(f"pytorch_mnist_epoch_seconds_mean={sum(times) / len(times):.3f}")
    print(f"pytorch_mnist_test_accuracy={acc:.4f}")


if __name__ == "__main__":
    main()
