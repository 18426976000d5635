"""The built-in architectures (``clear``, ``impala``, ``nature``) in PyTorch, weight for weight.

:func:`torch_agent_from_weights` builds the torch network of an agent's metadata and loads the
Keras-named weights of a native checkpoint (``weights.npz``: ``1a/kernel`` ...), so the shipped
demo agent and every native checkpoint run on the torch backend, on CPU or CUDA, where
TensorFlow is not installed at all. Layer names are the Keras ones (``1a``, ``2b``, ``b2_res1``),
so analyses from both backends line up in the store.

Layouts: Keras convolution kernels ``(kh, kw, in, out)`` become ``(out, in, kh, kw)``; dense
kernels ``(in, out)`` become ``(out, in)``; the trunk flattens channel-last, as Keras does.
TensorFlow's ``SAME`` padding is reproduced exactly: stride-1 convolutions pad ``k // 2`` on each
side; IMPALA's 3x3 stride-2 max pool pads one row and column at the end (with -inf);
the clear CNN's L2 pool leaves padding out of the divisor (its sizes are even: no padding).
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .torch_backend import TorchSpec, torch_agent


class ConvReLU(nn.Sequential):
    """A convolution followed by a ReLU: one cut point of kind ``relu``, like a Keras
    ``Conv2D(activation="relu")``."""

    def __init__(self, cin, cout, size, stride=1, padding=None):
        # TF's SAME for odd kernels at stride 1 is size // 2 on each side; explicit padding is
        # also oneDNN's fast path (padding="same" measured 1.5x slower channels-last)
        padding = size // 2 if padding is None else padding
        super().__init__(nn.Conv2d(cin, cout, size, stride, padding=padding), nn.ReLU())


class DenseReLU(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(nn.Linear(cin, cout), nn.ReLU())


class L2Pool(nn.Module):
    """``sqrt(avg_pool(x**2, 2, 2) + 1e-8)`` (the clear CNN's pooling)."""

    def forward(self, x):
        return torch.sqrt(F.avg_pool2d(x * x, 2, 2) + 1e-8)


class SameMaxPool(nn.Module):
    """TensorFlow's ``MaxPooling2D(3, 2, padding="same")`` on even sizes."""

    def forward(self, x):
        return F.max_pool2d(F.pad(x, (0, 1, 0, 1), value=-float("inf")), 3, 2)


class ResidualBlock(nn.Module):
    """IMPALA residual block ``x + conv1(relu(conv0(relu(x))))``."""

    def __init__(self, depth):
        super().__init__()
        self.conv0 = nn.Conv2d(depth, depth, 3, padding=1)
        self.conv1 = nn.Conv2d(depth, depth, 3, padding=1)

    def forward(self, x):
        return x + self.conv1(F.relu(self.conv0(F.relu(x))))


class FlattenLast(nn.Module):
    """Flatten channel-last, as Keras does: ``(B, C, H, W) -> (B, H * W * C)``."""

    def forward(self, x):
        return x.permute(0, 2, 3, 1).reshape(x.shape[0], -1)


class BuiltinNet(nn.Module):
    """``trunk`` (an ordered chain with the Keras layer names) plus ``policy_logits`` and
    ``value`` heads. Input: [0, 1] float ``(B, C, H, W)``."""

    def __init__(self, trunk: OrderedDict, width: int, num_actions: int):
        super().__init__()
        self.trunk = nn.Sequential(trunk)
        self.policy_logits = nn.Linear(width, num_actions)
        self.value = nn.Linear(width, 1)

    def forward(self, x):
        h = self.trunk(x)
        return self.policy_logits(h), self.value(h)


def _clear(shape, _kw):
    c = shape[-1]
    side = shape[0] // 16
    return OrderedDict([
        ("1a", ConvReLU(c, 16, 7)), ("1a_pool", L2Pool()),
        ("2a", ConvReLU(16, 32, 5)), ("2b", ConvReLU(32, 32, 5)), ("2b_pool", L2Pool()),
        ("3a", ConvReLU(32, 32, 5)), ("3a_pool", L2Pool()),
        ("4a", ConvReLU(32, 32, 5)), ("4a_pool", L2Pool()),
        ("flatten", FlattenLast()),
        ("dense", DenseReLU(side * side * 32, 256)), ("dense_1", DenseReLU(256, 512)),
    ]), 512


def _impala(shape, kw):
    depths = tuple(kw.get("depths", (16, 32, 32)))
    emb = int(kw.get("emb_size", 256))
    layers, c, side = OrderedDict(), shape[-1], shape[0]
    for i, depth in enumerate(depths, start=1):
        layers[f"b{i}_conv"] = nn.Conv2d(c, depth, 3, padding=1)
        layers[f"b{i}_pool"] = SameMaxPool()
        layers[f"b{i}_res1"] = ResidualBlock(depth)
        layers[f"b{i}_res2"] = ResidualBlock(depth)
        c, side = depth, (side + 1) // 2
    layers["flatten"] = FlattenLast()
    layers["flatten_relu"] = nn.ReLU()
    layers["dense"] = DenseReLU(side * side * c, emb)
    return layers, emb


def _nature(shape, _kw):
    side = shape[0]
    for size, stride in ((8, 4), (4, 2), (3, 1)):
        side = (side - size) // stride + 1
    return OrderedDict([
        ("c1", ConvReLU(shape[-1], 32, 8, 4, 0)), ("c2", ConvReLU(32, 64, 4, 2, 0)),
        ("c3", ConvReLU(64, 64, 3, 1, 0)), ("flatten", FlattenLast()),
        ("fc1", DenseReLU(side * side * 64, 512)),
    ]), 512


BUILDERS = {"clear": _clear, "impala": _impala, "nature": _nature}


def build_builtin(architecture: str, observation_shape, num_actions: int,
                  arch_kwargs: dict | None = None) -> tuple[BuiltinNet, TorchSpec]:
    """The torch network of a built-in architecture and its spec (cut points named as in
    Keras, with the Keras layer kinds)."""
    if architecture not in BUILDERS:
        raise ValueError(f"no torch port of architecture {architecture!r}; ported: "
                         f"{', '.join(BUILDERS)}")
    trunk, width = BUILDERS[architecture](tuple(observation_shape), dict(arch_kwargs or {}))
    net = BuiltinNet(trunk, width, int(num_actions))
    kinds = {}
    for name, module in trunk.items():
        if isinstance(module, (ConvReLU, nn.ReLU)):
            kinds[name] = "relu" if name != "flatten_relu" else "dense"
        elif isinstance(module, ResidualBlock):
            kinds[name] = "residual"
        elif isinstance(module, nn.Conv2d):
            kinds[name] = "conv"
        elif isinstance(module, (L2Pool, SameMaxPool)):
            kinds[name] = "pool"
        elif isinstance(module, FlattenLast):
            kinds[name] = "flatten"
        else:
            kinds[name] = "dense"
    spec = TorchSpec(outputs=lambda model, x: model(x), channels_first=True,
                     input_scale=1.0 / 255.0, layers={n: f"trunk.{n}" for n in trunk},
                     kinds=kinds)
    return net, spec


def _keras_named_modules(net: BuiltinNet):
    """``(Keras layer name, module)`` of every convolution and dense layer of a torch port
    (``trunk.2b.0`` -> ``2b``, ``trunk.b1_res1.conv0`` -> ``b1_res1/conv0``, ``dense``)."""
    for path, module in net.named_modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            parts = path.split(".")
            if parts[0] == "trunk":
                name = parts[1] + ("" if len(parts) == 2 or parts[2] == "0"
                                   else "/" + parts[2])
            else:
                name = parts[0]
            yield name, module


def load_keras_weights(net: BuiltinNet, weights: dict[str, np.ndarray]) -> None:
    """Assign Keras-named weights (``1a/kernel``, ``dense/bias``, ``b1_res1/conv0/kernel``) to
    the torch port; every weight must be used exactly once with its shape."""
    targets = dict(_keras_named_modules(net))
    used, problems = set(), []
    for name, module in targets.items():
        for kind, param in (("kernel", module.weight), ("bias", module.bias)):
            key = f"{name}/{kind}"
            if key not in weights:
                problems.append(f"  missing: {key}")
                continue
            value = np.asarray(weights[key], np.float32)
            if kind == "kernel":
                value = value.transpose(3, 2, 0, 1) if value.ndim == 4 else value.T
            if tuple(value.shape) != tuple(param.shape):
                problems.append(f"  wrong shape: {key}: got {np.shape(weights[key])}")
                continue
            with torch.no_grad():
                param.copy_(torch.as_tensor(np.ascontiguousarray(value)))
            used.add(key)
    problems += [f"  unexpected: {k}" for k in sorted(set(weights) - used)
                 if not any(p.endswith(k) for p in problems)]
    if problems:
        raise ValueError("weights do not match the torch port:\n" + "\n".join(problems))


def keras_weights_from_torch(net: BuiltinNet) -> dict[str, np.ndarray]:
    """The inverse of :func:`load_keras_weights`: the Keras-named weights (``1a/kernel``,
    ``b1_res1/conv0/bias``) of a torch port, float32, in Keras layouts."""
    out = {}
    for name, module in _keras_named_modules(net):
        kernel = module.weight.detach().cpu().numpy().astype(np.float32)
        kernel = kernel.transpose(2, 3, 1, 0) if kernel.ndim == 4 else kernel.T
        out[f"{name}/kernel"] = np.ascontiguousarray(kernel)
        out[f"{name}/bias"] = module.bias.detach().cpu().numpy().astype(np.float32)
    return out


def torch_agent_from_weights(metadata, weights: dict[str, np.ndarray], device: str = "auto"):
    """An :class:`~.agent.Agent` on the torch backend from a native checkpoint's metadata and
    Keras-named weights."""
    net, spec = build_builtin(metadata.architecture, metadata.observation_shape,
                              metadata.num_actions, metadata.arch_kwargs)
    load_keras_weights(net, weights)
    agent = torch_agent(net, spec, observation_shape=metadata.observation_shape,
                        num_actions=metadata.num_actions, architecture=metadata.architecture,
                        device=device)
    from .agent import Agent

    return Agent(agent.network, metadata)
