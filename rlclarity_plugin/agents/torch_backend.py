"""The PyTorch backend of the agent interface (:mod:`.interface`): any ``nn.Module`` policy.

A :class:`TorchSpec` says how to run the module as a policy/value network: a function from the
model's input to ``(logits (B, A), value (B,) or (B, 1))``, the observation layout and scaling,
and which submodules are cut points. :class:`TorchNetwork` then gives the interface:

* **Cut points** are submodules called exactly once per forward pass whose output is one tensor
  (rank 2 or 4). Their activations are given channel-last ``(B, h, w, c)`` like every backend's.
* **Exact cuts by hooks.** The trunk (observation -> activations at module ``M``) runs the model
  with a forward hook on ``M`` that records the output and stops the pass. The head (activations
  -> outputs) runs the model with a hook on ``M`` that *replaces* its output by the given
  activations; everything before ``M`` runs on one dummy frame only, so the head costs what the
  layers after ``M`` cost. A cut is checked when first used: on a few frames,
  ``head(trunk(x))`` must equal the model's outputs (1e-5 relative); if some path from the input
  to an output bypasses ``M`` (a skip connection around it, or a separate value trunk), that
  output is refused at ``M``, saying why.
* **Integrated gradients** with ``torch.autograd``: all frames of a chunk and all path points in
  one forward pass over ``n * B`` scaled copies, one backward pass per output, no Python loop
  over frames or points; the same quadrature and chunking as every backend
  (:mod:`rlclarity_plugin.analysis.attribution`). CPU or CUDA (``device="auto"``).

Observations arrive as uint8 ``(B, H, W, C)``; the model gets ``obs / 255 * (255 * input_scale)``
(so ``input_scale=1/255`` gives [0, 1], ``1.0`` gives 0..255 for models that scale themselves),
permuted to ``(B, C, H, W)`` when ``channels_first``. Input gradients are taken w.r.t. the [0, 1]
observation, as the original's input pseudo-layer.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from ..analysis.attribution import IntegratedGradientsBase, MultiPathBase, selector_matrix
from ..analysis.config import AttributionConfig
from ..analysis.featurevis import FOURIER_DIVISOR
from .interface import EditSite, check_weights

INPUT_LAYER = "input"
CUT_TOLERANCE = 1e-5
# Bytes per IG call on CPU: calls whose tensors stay near the caches are faster than the large
# calls a GPU wants. Measured (benchmarks/torch_backend.py, demo agent, 2 cores): 32 MiB instead
# of 1 GiB made IG 1.6x faster at 1a, 1.9x at 2b, 2.0x at 3a; among 16-128 MiB, 64 MiB gave the
# best ratios to the bare head passes at 1a-3a (1.0-1.18; 16 MiB: 1.1-1.5; 96 MiB: 0.9-1.6).
CPU_CALL_BYTES = 64 << 20


@dataclass(frozen=True)
class TorchSpec:
    """How to run a user's ``nn.Module`` as a policy/value network.

    ``outputs(model, x) -> (logits (B, A), value (B,) or (B, 1))`` with ``x`` the model's input
    (layout and scale as below). ``layers`` maps cut-point names to module paths
    (``{"conv2": "network.2"}``); ``None`` offers every eligible submodule under ``trunk``
    (``""``: the whole model) by its path. ``kinds`` overrides the layer kind read from a
    module's class (``relu``, ``residual``, ``conv``, ``pool``, ``flatten``, ``dense``).
    """

    outputs: Callable
    channels_first: bool = True
    input_scale: float = 1.0 / 255.0
    trunk: str | tuple = ""
    layers: dict | None = None
    kinds: dict = field(default_factory=dict)

    @classmethod
    def from_heads(cls, trunk: str, logits: str, value: str, **kwargs) -> TorchSpec:
        """The common shape ``logits = model.<logits>(model.<trunk>(x))``,
        ``value = model.<value>(model.<trunk>(x))`` (CleanRL's ``network`` / ``actor`` /
        ``critic``)."""

        def outputs(model, x):
            hidden = model.get_submodule(trunk)(x)
            return model.get_submodule(logits)(hidden), model.get_submodule(value)(hidden)

        return cls(outputs=outputs, trunk=trunk, **kwargs)


class _Stop(Exception):
    """Raised by a hook to end a forward pass once the cut's activations are known."""


def resolve_device(device: str | torch.device = "auto") -> torch.device:
    """``auto`` (CUDA when available), ``cpu``, ``cuda`` or ``cuda:N``; a clear error when CUDA
    is asked for and absent."""
    if isinstance(device, torch.device):
        return device
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if str(device).startswith("cuda") and not torch.cuda.is_available():
        raise ValueError(f"--device {device}: this PyTorch has no CUDA device "
                         f"(torch {torch.__version__}); use --device cpu or auto")
    if device != "cpu" and not str(device).startswith("cuda"):
        raise ValueError(f"unknown device {device!r}; expected auto, cpu or cuda[:N]")
    return torch.device(device)


_ACTIVATIONS = (nn.ReLU, nn.ReLU6, nn.LeakyReLU, nn.ELU, nn.GELU, nn.SiLU, nn.Tanh)


def module_kind(module: nn.Module) -> str:
    """The layer kind of a module from its class (what layer selection filters on)."""
    name = type(module).__name__.lower()
    if isinstance(module, nn.ReLU):
        return "relu"
    if isinstance(module, _ACTIVATIONS):
        return "activation"
    if "residual" in name or "resblock" in name:
        return "residual"
    if isinstance(module, nn.modules.conv._ConvNd):
        return "conv"
    if "pool" in name:
        return "pool"
    if isinstance(module, nn.Flatten):
        return "flatten"
    if isinstance(module, nn.Linear):
        return "dense"
    if isinstance(module, nn.Sequential) and len(module) and isinstance(module[-1], nn.ReLU):
        return "relu"
    return "other"


def _to_last(t: torch.Tensor) -> torch.Tensor:
    return t.permute(0, 2, 3, 1) if t.dim() == 4 else t


def _to_first(t: torch.Tensor) -> torch.Tensor:
    return t.permute(0, 3, 1, 2) if t.dim() == 4 else t


@dataclass
class _Cut:
    name: str
    path: str
    module: nn.Module
    kind: str
    shape: tuple            # channel-last, without the batch axis
    reaches: tuple = ()     # which of ("logits", "value") pass through the cut (after check)
    checked: str | None = None   # None: not checked yet; "": exact; else why it is refused
    dummy: tuple | None = None   # the (smaller) frame the layers before the cut run on


class TorchNetwork:
    """The agent interface over an ``nn.Module`` and its :class:`TorchSpec`."""

    framework = "torch"

    def __init__(self, model: nn.Module, spec: TorchSpec, observation_shape, num_actions: int,
                 architecture: str = "torch", device: str | torch.device = "auto"):
        if not isinstance(model, nn.Module):
            raise ValueError(f"expected a torch.nn.Module, got {type(model).__name__}")
        self.observation_shape = tuple(int(d) for d in observation_shape)
        if len(self.observation_shape) != 3:
            raise ValueError(f"observation shape must be (H, W, C), got {self.observation_shape}")
        self.num_actions = int(num_actions)
        self.architecture = architecture
        self.spec = spec
        self.device = resolve_device(device)
        # a copy: the user's module (maybe still training) keeps its device, mode and grads
        self.model = copy.deepcopy(model).to(self.device).eval()
        for p in self.model.parameters():
            p.requires_grad_(False)
        if self.device.type == "cpu":  # oneDNN's fast path; activations arrive channel-last
            self.model.to(memory_format=torch.channels_last)
        self._model_scale = 255.0 * float(spec.input_scale)
        self._cuts = self._find_cuts()
        logits, value = self.forward(np.zeros((2,) + self.observation_shape, np.uint8))
        if logits.shape != (2, self.num_actions):
            raise ValueError(f"the model's logits have shape {logits.shape[1:]} per frame; "
                             f"expected ({self.num_actions},)")

    # ------------------------------------------------------------------ running the model
    def _prepare(self, x01: torch.Tensor) -> torch.Tensor:
        """[0, 1] channel-last -> the model's input."""
        x = x01 * self._model_scale if self._model_scale != 1.0 else x01
        return _to_first(x) if self.spec.channels_first else x

    def _outputs(self, x01: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logits, value = self.spec.outputs(self.model, self._prepare(x01))
        if value.dim() == 2:
            value = value[:, 0]
        return logits, value

    def _x01(self, obs: np.ndarray) -> torch.Tensor:
        obs = np.asarray(obs)
        if obs.dtype != np.uint8:
            raise ValueError(f"observations must be uint8 pixels, got {obs.dtype}")
        obs = obs if obs.flags.writeable else obs.copy()
        return torch.as_tensor(obs, device=self.device).float() / 255.0

    @torch.no_grad()
    def forward(self, obs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        logits, value = self._outputs(self._x01(obs))
        return (logits.float().cpu().numpy().astype(np.float32),
                value.float().cpu().numpy().astype(np.float32))

    def forward_tensors(self, obs):
        return self.forward(obs)

    # ------------------------------------------------------------------ cut points
    def _candidates(self) -> list[tuple[str, str, nn.Module]]:
        if self.spec.layers is not None:
            out = []
            for name, path in self.spec.layers.items():
                try:
                    out.append((name, path, self.model.get_submodule(path)))
                except AttributeError as e:
                    raise ValueError(f"the spec names layer {name!r} at module {path!r}, which "
                                     "the model does not have") from e
            return out
        trunks = (self.spec.trunk,) if isinstance(self.spec.trunk, str) else self.spec.trunk
        out = []
        for trunk in trunks:
            root = self.model.get_submodule(trunk) if trunk else self.model
            for path, module in root.named_modules():
                if path:
                    full = f"{trunk}.{path}" if trunk else path
                    out.append((full, full, module))
        return out

    def _find_cuts(self) -> dict[str, _Cut]:
        """One forward pass with a hook on every candidate: which are called once with one
        tensor output, in the order their outputs are produced."""
        candidates = self._candidates()
        calls: dict[str, int] = {}
        outputs: dict[str, torch.Tensor] = {}
        order: list[str] = []
        hooks = []
        for name, _, module in candidates:
            def hook(_m, _inp, out, name=name):
                calls[name] = calls.get(name, 0) + 1
                if isinstance(out, torch.Tensor) and out.dim() in (2, 4):
                    if name not in outputs:
                        order.append(name)
                    outputs[name] = out
            hooks.append(module.register_forward_hook(hook))
        try:
            with torch.no_grad():
                self._outputs(torch.zeros((1,) + self.observation_shape, device=self.device))
        except Exception as e:
            raise ValueError(f"the model does not run on observations of shape "
                             f"{self.observation_shape} as the spec prepares them "
                             f"({'NCHW' if self.spec.channels_first else 'NHWC'}): "
                             f"{type(e).__name__}: {str(e).splitlines()[0][:200]}") from e
        finally:
            for h in hooks:
                h.remove()
        paths = {name: (path, module) for name, path, module in candidates}
        cuts = {INPUT_LAYER: _Cut(INPUT_LAYER, "", None, "input", self.observation_shape,
                                  ("logits", "value"), "")}
        seen: set[int] = set()
        for name in order:
            out = outputs[name]
            if calls[name] != 1 or id(out) in seen:
                continue  # called several times (no single cut), or a parent passing a child's
            seen.add(id(out))
            path, module = paths[name]
            kind = self.spec.kinds.get(name) or module_kind(module)
            cuts[name] = _Cut(name, path, module, kind, tuple(_to_last(out).shape[1:]))
        return cuts

    @property
    def layer_names(self) -> list[str]:
        return list(self._cuts)

    def _cut(self, name: str) -> _Cut:
        if name not in self._cuts:
            raise KeyError(f"no layer {name!r} in the {self.architecture} network; layers are: "
                           f"{', '.join(self.layer_names)}")
        return self._cuts[name]

    def layer_kind(self, name: str) -> str:
        return self._cut(name).kind

    def layer_shape(self, name: str) -> tuple:
        return self._cut(name).shape

    def _trunk(self, cut: _Cut, x01: torch.Tensor) -> torch.Tensor:
        """Activations at ``cut`` (channel-last) for [0, 1] observations."""
        if cut.module is None:
            return x01
        store = {}

        def hook(_m, _inp, out):
            store["out"] = out
            raise _Stop

        handle = cut.module.register_forward_hook(hook)
        try:
            self._outputs(x01)
        except _Stop:
            pass
        finally:
            handle.remove()
        if "out" not in store:
            raise ValueError(f"layer {cut.name!r} was not reached by the forward pass")
        return _to_last(store["out"])

    def _head(self, cut: _Cut, acts: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Outputs with the activations at ``cut`` replaced by ``acts`` (channel-last)."""
        if cut.module is None:
            return self._outputs(acts)
        replacement = _to_first(acts)

        def hook(_m, _inp, _out):
            return replacement

        handle = cut.module.register_forward_hook(hook)
        try:
            dummy = torch.zeros((1,) + (cut.dummy or self.observation_shape), device=self.device)
            logits, value = self._outputs(dummy)
        finally:
            handle.remove()
        return logits, value

    def _head_batched(self, cut: _Cut, acts: torch.Tensor):
        """:meth:`_head` with an output that does not pass through the cut (computed from the
        dummy frame) repeated to the batch, so both can be stacked; it is never attributed
        (:meth:`check_cut` refuses it)."""
        logits, value = self._head(cut, acts)
        batch = acts.shape[0]
        if logits.shape[0] != batch:
            logits = logits.expand((batch,) + tuple(logits.shape[1:]))
        if value.shape[0] != batch:
            value = value.expand((batch,) + tuple(value.shape[1:]))
        return logits, value

    def check_cut(self, name: str, outputs=("logits", "value")) -> None:
        """Raise ``ValueError`` unless ``head(trunk(x))`` gives the model's ``outputs`` at
        ``name`` (checked once on 4 seeded random frames, to 1e-5 relative)."""
        cut = self._cut(name)
        if cut.checked is None:
            cut.checked, cut.reaches = self._verify(cut)
        if cut.checked:
            raise ValueError(cut.checked)
        missing = [o for o in outputs if o not in cut.reaches]
        if missing:
            other = [n for n, c in self._cuts.items() if c.checked is None or
                     (not c.checked and all(o in c.reaches for o in outputs))]
            raise ValueError(f"layer {name!r} cannot be attributed for the {' and '.join(missing)}:"
                             f" no path from it to {'them' if len(missing) > 1 else 'it'} "
                             f"(a separate trunk computes {'them' if len(missing) > 1 else 'it'})"
                             + (f"; layers that reach them: {', '.join(other[:12])}"
                                if other else ""))

    @torch.no_grad()
    def _verify(self, cut: _Cut) -> tuple[str, tuple]:
        rng = np.random.default_rng(0)
        x01 = self._x01(rng.integers(0, 256, (4,) + self.observation_shape, dtype=np.uint8))
        logits, value = self._outputs(x01)
        acts = self._trunk(cut, x01)
        h_logits, h_value = self._head(cut, acts)
        reaches, bad = [], []
        for label, full, head in (("logits", logits, h_logits), ("value", value, h_value)):
            if head.shape[0] != full.shape[0]:
                continue  # the dummy frame's output: the cut is not on this output's path
            err = float((head - full).abs().max()) / max(float(full.abs().max()), 1e-6)
            if err <= CUT_TOLERANCE:
                reaches.append(label)
            else:
                bad.append(f"{label} off by {err:.1e}")
        if bad:
            return (f"layer {cut.name!r} cannot be cut: some path from the input to the outputs "
                    f"bypasses it (a skip connection around it?): head(trunk(x)) differs from "
                    f"the model ({', '.join(bad)})"), ()
        if not reaches:
            return f"layer {cut.name!r} is on no path to the logits or the value", ()
        cut.dummy = self._small_dummy(cut, acts, {"logits": h_logits, "value": h_value},
                                      reaches)
        return "", tuple(reaches)

    def _small_dummy(self, cut: _Cut, acts, expected: dict, reaches) -> tuple | None:
        """A smaller frame for the layers before the cut to run on in :meth:`_head` (they only
        have to run: their output is replaced), if the head gives the same outputs with it. For
        cuts late in a network with small IG calls this saves most of the head's extra cost."""
        h, w, c = self.observation_shape
        for side in (8, 16, 32):
            if side >= min(h, w):
                break
            cut.dummy = (side, side, c)
            try:
                logits, value = self._head(cut, acts)
            except Exception:  # the layers before the cut need a larger frame
                continue
            finally:
                cut.dummy = None
            got = {"logits": logits, "value": value}
            if all(got[k].shape == expected[k].shape and
                   float((got[k] - expected[k]).abs().max()) == 0.0 for k in reaches):
                return (side, side, c)
        return None

    # ------------------------------------------------------------------ the interface
    def _need(self, name: str, outputs) -> _Cut:
        needed = []
        for o in outputs:
            label = "value" if o.kind == "v" else "logits"
            if label not in needed:
                needed.append(label)
        self.check_cut(name, tuple(needed))
        return self._cut(name)

    @torch.no_grad()
    def activations(self, name: str, obs: np.ndarray) -> np.ndarray:
        cut = self._cut(name)
        return self._trunk(cut, self._x01(obs)).float().cpu().numpy()

    def integrated_gradients(self, name: str, outputs, config: AttributionConfig):
        return TorchIntegratedGradients(self, self._need(name, outputs), outputs, config)

    def multi_path(self, name: str, outputs, features: int, steps: int, memory_budget: int):
        return TorchMultiPathAttribution(self, self._need(name, outputs), outputs, features,
                                         steps, memory_budget)

    def input_gradients(self, obs: np.ndarray, outputs, batch_size: int = 256) -> np.ndarray:
        selector = torch.as_tensor(selector_matrix(outputs, self.num_actions), device=self.device)
        parts = []
        for start in range(0, len(obs), batch_size):
            x = self._x01(obs[start:start + batch_size]).requires_grad_(True)
            scores = _scores(self._outputs(x), selector)
            last = len(outputs) - 1
            grads = [torch.autograd.grad(scores[:, o].sum(), x, retain_graph=o < last)[0]
                     for o in range(len(outputs))]
            parts.append(torch.stack(grads).cpu().numpy())
        return np.concatenate(parts, axis=1)

    def feature_vis(self, name: str, plan, progress=None) -> tuple[np.ndarray, np.ndarray]:
        """Optimised pictures for ``plan`` (:class:`~rlclarity_plugin.analysis.featurevis.
        FeatureVisPlan`) at cut point ``name``, with ``torch.autograd`` (see
        :func:`feature_visualisation`): ``(pictures (B, H, W, C) in [0, 1], objectives
        (B,))``."""
        cut = self._cut(name)
        return feature_visualisation(lambda x01: self._trunk_pre(cut, x01), plan, self.device,
                                     progress)

    def _trunk_pre(self, cut: _Cut, x01: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``(acts, pre)`` at ``cut`` (channel-last) for [0, 1] observations: the
        activations and the input of the ReLU that makes them, when the cut is an ``nn.ReLU``
        or a ``Sequential`` ending in one (not in place), else ``acts`` twice."""
        relu = cut.module
        if isinstance(relu, nn.Sequential) and len(relu):
            relu = relu[-1]
        if not isinstance(relu, nn.ReLU) or relu.inplace:
            acts = self._trunk(cut, x01)
            return acts, acts
        store = {}

        def hook(_m, inp, _out):
            store["pre"] = inp[0]

        handle = relu.register_forward_hook(hook)
        try:
            acts = self._trunk(cut, x01)
        finally:
            handle.remove()
        return acts, _to_last(store["pre"])

    def call_budget(self, memory_budget: int) -> int:
        """Bytes per IG call: the configured budget, at most :data:`CPU_CALL_BYTES` on CPU."""
        if self.device.type == "cpu":
            return min(int(memory_budget), CPU_CALL_BYTES)
        return int(memory_budget)

    def bytes_per_point(self, cut: _Cut) -> int:
        """Rough float32 bytes one (frame, path point) needs in forward + backward through the
        head: the activations plus the output of every leaf module run after the cut, times 3."""
        sizes, after = [], [cut.module is None]

        def count(_m, _i, out):
            if after[0] and isinstance(out, torch.Tensor):
                sizes.append(out.numel())

        def start(_m, _i, _out):
            after[0] = True

        hooks = [m.register_forward_hook(count) for m in self.model.modules()
                 if not any(True for _ in m.children())]
        if cut.module is not None:
            hooks.append(cut.module.register_forward_hook(start))
        try:
            with torch.no_grad():
                self._head(cut, torch.zeros((1,) + cut.shape, device=self.device))
        finally:
            for h in hooks:
                h.remove()
        return 4 * 3 * (int(np.prod(cut.shape)) + int(sum(sizes)))

    def get_weights(self) -> dict[str, np.ndarray]:
        return {k: v.detach().cpu().numpy().copy() for k, v in self.model.state_dict().items()}

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        state = self.model.state_dict()
        check_weights({k: tuple(v.shape) for k, v in state.items()}, weights)
        self.model.load_state_dict({k: torch.as_tensor(np.asarray(weights[k]))
                                    for k in state})


    # ------------------------------------------------------------------ model editing
    def _edit_run(self, x01: torch.Tensor, cut: _Cut, acts: torch.Tensor | None = None,
                  consumer: nn.Module | None = None, consumer_input=None):
        """Run the model on ``x01`` with the cut's output replaced by ``acts`` (channel-last)
        and, if given, ``consumer``'s input replaced by ``consumer_input`` (its own layout);
        returns ``(outputs, calls)``, ``calls`` = ``(path, input)`` of every leaf module call
        in call order (inputs copied: a later in-place op cannot change them)."""
        calls, hooks = [], []

        def recorder(path):
            def hook(_m, inp, _out):
                x = inp[0] if inp else None
                calls.append((path, x.detach().clone() if isinstance(x, torch.Tensor) else x))
            return hook

        for path, module in self.model.named_modules():
            if path and not any(True for _ in module.children()):
                hooks.append(module.register_forward_hook(recorder(path)))
        if acts is not None:
            replacement = _to_first(acts)
            hooks.append(cut.module.register_forward_hook(lambda _m, _i, _o: replacement))
        if consumer is not None:
            hooks.append(consumer.register_forward_pre_hook(lambda _m, _i: (consumer_input,)))
        try:
            with torch.no_grad():
                outs = self._outputs(x01)
        finally:
            for h in hooks:
                h.remove()
        return outs, calls

    def edit_site(self, name: str) -> EditSite:
        """Where projecting directions out of cut point ``name`` acts: the first convolution
        or linear module whose input depends on the cut's activations, found and checked by
        running the model (4 seeded random frames; functional ops are invisible to hooks, so
        what is between is measured, not read):

        1. the cut's activations ``a`` are replaced by ``a + noise``: the first ``Conv2d`` /
           ``Linear`` whose input changes is the consumer; the leaf modules whose input changes
           before it are ``between``;
        2. every path goes through the consumer: with the cut's activations replaced by
           other values and the consumer's input held at its original value, the outputs must
           not change (a skip connection around the consumer would carry the change);
        3. what is between acts channel by channel: raising one channel of the activations
           changes the consumer's input in that channel only (for a ``Linear`` this also finds
           the flatten order, ``hwc`` or ``chw``).

        Raises ``ValueError`` (one line) saying why and which modules read the activations.
        """
        cache = self.__dict__.setdefault("_edit_sites", {})
        if name not in cache:
            cache[name] = self._find_edit_site(name)
        return cache[name]

    def _find_edit_site(self, name: str) -> EditSite:
        cut = self._cut(name)
        if cut.module is None:
            raise ValueError("the input cannot be edited: pick a hidden layer")
        self.check_cut(name, ())
        rng = np.random.default_rng(0)
        x01 = self._x01(rng.integers(0, 256, (4,) + self.observation_shape, dtype=np.uint8))
        a0 = self._trunk(cut, x01).detach().clone()
        gen = torch.Generator(device="cpu").manual_seed(0)
        a1 = a0 + (torch.rand(a0.shape, generator=gen) + 0.5).to(a0.device)
        out0, calls0 = self._edit_run(x01, cut, a0)
        _, calls1 = self._edit_run(x01, cut, a1)
        if [c[0] for c in calls0] != [c[0] for c in calls1]:
            raise ValueError(f"layer {name!r} cannot be edited: which modules run depends on "
                             "its activations")
        modules = dict(self.model.named_modules())
        dependent, consumer = [], None
        for (path, inp0), (_, inp1) in zip(calls0, calls1):
            if not _same(inp0, inp1):
                if isinstance(modules[path], (nn.modules.conv._ConvNd, nn.Linear)):
                    consumer = path
                    break
                if path not in dependent:
                    dependent.append(path)
        readers = ", ".join(dependent[:6]) or "no module (only functional ops)"
        if consumer is None:
            raise ValueError(f"layer {name!r} cannot be edited: no convolution or linear module "
                             f"reads its activations (read by: {readers})")
        module = modules[consumer]
        count = sum(1 for c in calls0 if c[0] == consumer)
        if count != 1:
            raise ValueError(f"layer {name!r} cannot be edited: its consumer {consumer!r} runs "
                             f"{count} times per forward pass")
        if not isinstance(module, (nn.Conv2d, nn.Linear)) or getattr(module, "groups", 1) != 1:
            raise ValueError(f"layer {name!r} cannot be edited: its consumer {consumer!r} is a "
                             f"{type(module).__name__}"
                             f"{' with groups' if getattr(module, 'groups', 1) != 1 else ''}; "
                             "only Conv2d (groups=1) and Linear kernels are projected")
        x0 = next(c[1] for c in calls0 if c[0] == consumer)
        # 2. every path through the consumer
        held, calls_held = self._edit_run(x01, cut, a1, module, x0)
        for label, want, got in zip(("logits", "value"), out0, held):
            scale = max(float(want.abs().max()), 1e-6)
            if got.shape != want.shape or float((got - want).abs().max()) / scale > CUT_TOLERANCE:
                around = [path for (path, inp0), (_, inp) in zip(calls0, calls_held)
                          if path != consumer and not _same(inp0, inp)
                          and path not in dependent]
                raise ValueError(
                    f"layer {name!r} cannot be edited: its activations reach the {label} by more "
                    f"than one path, through {consumer!r} and around it (a skip connection, or "
                    f"a second consumer such as another head: "
                    f"{', '.join(dict.fromkeys(around[:3])) or 'functional ops'}); projecting "
                    "one consumer's kernel would not blind the agent")
        # 3. channel by channel
        channels = int(cut.shape[-1])
        flatten = self._flatten_order(name, cut, x01, a0, module, consumer, x0, channels)
        dense = isinstance(module, nn.Linear)
        weight = f"{consumer}.weight"
        return EditSite(name, consumer, weight, "torch_dense" if dense else "torch_conv",
                        channels, flatten if dense else None, tuple(dependent))

    def _flatten_order(self, name, cut, x01, a0, module, consumer, x0, channels):
        """Check that raising channel ``c`` of the cut changes the consumer's input in channel
        ``c`` only; the flatten order (``hwc``/``chw``) for a flat input, else None."""
        mixing = ValueError(f"layer {name!r} cannot be edited: something between it and its "
                            f"consumer {consumer!r} mixes its channels, so a direction there is "
                            "not a direction of the consumer's input")
        if x0.dim() == 4:
            if x0.shape[1] != channels:
                raise mixing
        elif x0.dim() != 2 or x0.shape[1] % channels:
            raise mixing
        positions = 1 if x0.dim() == 4 else x0.shape[1] // channels
        orders = {"hwc", "chw"} if positions > 1 else {"hwc"}
        lift = float(a0.abs().max()) + 1.0
        for c in sorted({0, channels // 2, channels - 1}):
            ac = a0.clone()
            ac[..., c] += lift
            _, calls = self._edit_run(x01, cut, ac)
            xc = next(call[1] for call in calls if call[0] == consumer)
            changed = (xc != x0)
            if x0.dim() == 4:
                per_channel = changed.any(dim=(0, 2, 3))
                if not per_channel[c] or int(per_channel.sum()) != 1:
                    raise mixing
                continue
            index = torch.nonzero(changed.any(dim=0)).flatten().cpu().numpy()
            if not len(index):
                raise mixing
            if not np.all(index % channels == c):
                orders.discard("hwc")
            if not np.all(index // positions == c):
                orders.discard("chw")
            if not orders:
                raise mixing
        return "hwc" if "hwc" in orders else "chw" if x0.dim() == 2 else None

    def _module(self, path: str) -> nn.Module:
        return self.model.get_submodule(path)

    def _capture(self, path: str, obs: np.ndarray, which: str) -> np.ndarray:
        """The input (``which="input"``) or output of module ``path`` for uint8 observations,
        float32 channel-last (the forward pass stops there)."""
        store = {}

        def pre_hook(_m, inp):
            store["x"] = inp[0]
            raise _Stop

        def post_hook(_m, _i, out):
            store["x"] = out
            raise _Stop

        module = self._module(path)
        handle = (module.register_forward_pre_hook(pre_hook) if which == "input" else
                  module.register_forward_hook(post_hook))
        try:
            self._outputs(self._x01(obs))
        except _Stop:
            pass
        finally:
            handle.remove()
        return _to_last(store["x"]).float().cpu().numpy()

    @torch.no_grad()
    def consumer_input(self, site: EditSite, obs: np.ndarray) -> np.ndarray:
        """The consumer's input for uint8 observations, float32: channel-last ``(B, h, w, C)``
        for a convolution, ``(B, S*C)`` (flattened as ``site.flatten``) for a linear module."""
        return self._capture(site.consumer, obs, "input")

    @torch.no_grad()
    def apply_consumer(self, site: EditSite, x: np.ndarray) -> np.ndarray:
        """The consumer module on input ``x`` as :meth:`consumer_input` gives it (float32,
        channel-last out)."""
        out = self._module(site.consumer)(_to_first(_tensor(x, self.device)))
        return _to_last(out).float().cpu().numpy()

    @torch.no_grad()
    def consumer_output(self, site: EditSite, obs: np.ndarray) -> np.ndarray:
        """The consumer module's output for uint8 observations (float32, channel-last)."""
        return self._capture(site.consumer, obs, "output")

    @torch.no_grad()
    def outputs_from_consumer_input(self, site: EditSite, obs: np.ndarray,
                                    x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(logits (B, A), values (B,))`` with the consumer's input replaced by ``x``
        (channel-last / flat as :meth:`consumer_input`); the rest runs on ``obs``."""
        replacement = _to_first(_tensor(x, self.device))
        handle = self._module(site.consumer).register_forward_pre_hook(
            lambda _m, _i: (replacement,))
        try:
            logits, value = self._outputs(self._x01(obs))
        finally:
            handle.remove()
        return (logits.float().cpu().numpy().astype(np.float32),
                value.float().cpu().numpy().astype(np.float32))

    def with_weights(self, changes: dict) -> TorchNetwork:
        """A new network (a copy of the model, same spec and device) with the named entries of
        the state dict (``changes``: name -> array) replaced."""
        state = self.model.state_dict()
        unknown = sorted(set(changes) - set(state))
        if unknown:
            raise ValueError(f"no weights named {unknown} in the {self.architecture} network")
        net = TorchNetwork(self.model, self.spec, self.observation_shape, self.num_actions,
                           self.architecture, self.device)
        new_state = net.model.state_dict()
        with torch.no_grad():
            for key, value in changes.items():
                if tuple(np.shape(value)) != tuple(new_state[key].shape):
                    raise ValueError(f"weight {key}: got shape {np.shape(value)}, expected "
                                     f"{tuple(new_state[key].shape)}")
                new_state[key].copy_(torch.as_tensor(np.ascontiguousarray(value)))
        return net


def _same(a, b) -> bool:
    """Two recorded module inputs are the same tensor values (or both not tensors)."""
    if not isinstance(a, torch.Tensor) or not isinstance(b, torch.Tensor):
        return not isinstance(a, torch.Tensor) and not isinstance(b, torch.Tensor)
    return a.shape == b.shape and bool(torch.equal(a, b))


def _tensor(array: np.ndarray, device) -> torch.Tensor:
    """A float32 tensor on ``device`` from numpy (copied when numpy's is read-only)."""
    array = np.asarray(array, np.float32)
    if not array.flags.writeable:
        array = array.copy()
    return torch.as_tensor(array, device=device)


def _scores(outs, selector: torch.Tensor) -> torch.Tensor:
    logits, value = outs
    return torch.cat([logits, value[:, None]], 1).float() @ selector  # (B, O)


def warp_images(images: torch.Tensor, transforms: torch.Tensor) -> torch.Tensor:
    """Bilinear warp of ``images (B, H, W, C)`` by ``transforms (B, 2, 3)`` (pixel-index
    coordinates, borders clamped): :func:`~rlclarity_plugin.analysis.featurevis.warp` with
    ``grid_sample`` (``align_corners=False`` puts pixel ``x`` at ``(2x + 1) / W - 1``;
    ``border`` clamps source coordinates to ``[0, W-1]``, as the reference does)."""
    b, h, w, _ = images.shape
    ys, xs = torch.meshgrid(torch.arange(h, dtype=images.dtype, device=images.device),
                            torch.arange(w, dtype=images.dtype, device=images.device),
                            indexing="ij")
    grid = torch.stack([xs, ys, torch.ones_like(xs)], -1)  # (h, w, 3)
    src = torch.einsum("bij,yxj->byxi", transforms, grid)
    size = torch.tensor([w, h], dtype=images.dtype, device=images.device)
    out = torch.nn.functional.grid_sample(images.permute(0, 3, 1, 2), (2 * src + 1) / size - 1,
                                          mode="bilinear", padding_mode="border",
                                          align_corners=False)
    return out.permute(0, 2, 3, 1)


def feature_visualisation(trunk, plan, device, progress=None) -> tuple[np.ndarray, np.ndarray]:
    """Optimise the pictures of ``plan`` through ``trunk`` ([0, 1] pixels ``(B, H, W, C)`` ->
    ``(acts, pre)``: channel-last activations and the input of the layer's final ReLU, or
    ``acts`` again), as :mod:`rlclarity_plugin.analysis.featurevis` describes and as the Keras
    backend's :class:`~.keras_backend.FeatureVisualisation` does: Fourier spectrum ->
    decorrelated colour -> sigmoid -> the step's warp -> the layer -> objectives (the
    warm-up's pre-activation gradient added with the step's ramp; plus the diversity term);
    Adam on the spectrum. Returns ``(pictures float32 in [0, 1], objectives (B,))`` of the
    final pictures without transforms; ``progress(n)`` after each step."""
    h, w, _ = (int(d) for d in plan.image_shape)

    def const(a):
        return _tensor(a, device)

    scale, colour_t, offset = const(plan.scale), const(plan.colour.T), const(plan.offset)
    directions = const(plan.directions)[:, None, None, :]
    weights = const(plan.weights)[..., None]
    pairs = const(plan.pairs)
    transforms = const(plan.transforms)
    b1, b2, lr, eps = plan.beta1, plan.beta2, plan.learning_rate, plan.eps

    def pixels(spec):
        z = torch.complex(spec[..., 0], spec[..., 1]) * scale
        lin = torch.fft.irfft2(z, s=(h, w)) / FOURIER_DIVISOR  # (B, C, H, W)
        return torch.sigmoid(lin.permute(0, 2, 3, 1) @ colour_t + offset)

    def diversity(acts):
        a = acts.reshape(acts.shape[0], -1, acts.shape[-1])
        gram = torch.einsum("bpc,bpd->bcd", a, a).reshape(a.shape[0], -1)
        gram = gram / gram.norm(dim=1, keepdim=True).clamp_min(1e-12)
        return (pairs * (gram @ gram.T)).sum()

    spec = const(plan.spectrum).clone().requires_grad_(True)  # never the plan's own array
    m, v = torch.zeros_like(spec), torch.zeros_like(spec)
    for s in range(plan.steps):
        acts, pre = trunk(warp_images(pixels(spec), transforms[s]))
        surrogate = acts + float(plan.ramp[s]) * (pre - pre.detach())  # value: acts
        loss = -(surrogate * weights * directions).sum()
        if plan.diversity:
            loss = loss + plan.diversity * diversity(acts)
        g, = torch.autograd.grad(loss, spec)
        with torch.no_grad():
            t = s + 1
            m.mul_(b1).add_(g, alpha=1 - b1)
            v.mul_(b2).addcmul_(g, g, value=1 - b2)
            spec -= lr * (m / (1 - b1 ** t)) / ((v / (1 - b2 ** t)).sqrt() + eps)
        if progress is not None:
            progress(1)
    with torch.no_grad():
        x = pixels(spec)
        values = (trunk(x)[0] * weights * directions).sum((1, 2, 3))
    return x.float().cpu().numpy(), values.float().cpu().numpy()


class TorchIntegratedGradients(IntegratedGradientsBase):
    """IG through the head after a cut of a :class:`TorchNetwork` (``torch.autograd``)."""

    def __init__(self, network: TorchNetwork, cut: _Cut, outputs, config: AttributionConfig):
        self.network, self.cut = network, cut
        self._setup(cut.shape, outputs, config, network.bytes_per_point(cut),
                    network.call_budget(config.memory_budget))
        device = network.device
        self.selector = torch.as_tensor(selector_matrix(self.outputs, network.num_actions),
                                        device=device)
        self._alphas = torch.as_tensor(self.alphas, device=device)
        self._weights = torch.as_tensor(self.weights, device=device)

    def _score(self, acts):
        with torch.no_grad():
            a = _tensor(acts, self.network.device)
            return _scores(self.network._head_batched(self.cut, a), self.selector).cpu().numpy()

    def _batch(self, acts):
        a = _tensor(acts, self.network.device).requires_grad_(True)
        n, batch, rest = len(self.alphas), a.shape[0], a.shape[1:]
        scaled = (self._alphas.view((n,) + (1,) * a.dim()) * a[None]).reshape((n * batch,) + rest)
        scores = _scores(self.network._head_batched(self.cut, scaled), self.selector)
        # the gradient w.r.t. a of sum_k (w_k / alpha_k) F(alpha_k a) is sum_k w_k grad F(x_k):
        # the weighted sum over path points happens in the backward pass of the scaling
        coef = (self._weights / self._alphas).repeat_interleave(batch)
        count = len(self.outputs)
        attrs = []
        for o in range(count):
            grad = torch.autograd.grad(scores[:, o], a, grad_outputs=coef,
                                       retain_graph=o < count - 1)[0]
            attrs.append(a.detach() * grad)
        return torch.stack(attrs).detach().cpu().numpy()


class TorchMultiPathAttribution(MultiPathBase):
    """Multi-path attribution through the head after a cut of a :class:`TorchNetwork`."""

    def __init__(self, network: TorchNetwork, cut: _Cut, outputs, features: int, steps: int,
                 memory_budget: int = 1 << 30):
        self.network, self.cut = network, cut
        self._setup(cut.shape, outputs, features, steps, network.call_budget(memory_budget),
                    network.bytes_per_point(cut))
        self.selector = torch.as_tensor(selector_matrix(self.outputs, network.num_actions),
                                        device=network.device)

    def _paths(self, r, rho, comps, coefs, alphas):
        dev = self.network.device
        r, rho, comps, coefs, alphas = (_tensor(v, dev)
                                        for v in (r, rho, comps, coefs, alphas))
        n, paths, batch = self.steps, coefs.shape[0], r.shape[0]
        ones = (1,) * (len(self.act_shape) - 1)

        def points(c, a):  # c: (P, n, K), a: (n,) -> (P, n, B, ...)
            c = c.reshape((paths, n, 1) + ones + (self.features,))
            a = a.reshape((1, n, 1) + ones + (1,))
            return (r[None, None] * c) @ comps + a * rho[None, None]

        deltas = points(coefs[:, 1:] - coefs[:, :-1], alphas[1:] - alphas[:-1])
        flat = points(coefs[:, 1:], alphas[1:]).reshape((paths * n * batch,) + rho.shape[1:])
        flat = flat.detach().requires_grad_(True)
        scores = _scores(self.network._head_batched(self.cut, flat), self.selector)
        count = len(self.outputs)
        attrs = []
        for o in range(count):
            grad = torch.autograd.grad(scores[:, o].sum(), flat, retain_graph=o < count - 1)[0]
            attrs.append((deltas * grad.reshape(deltas.shape)).sum((0, 1)))
        return torch.stack(attrs).detach().cpu().numpy()


def torch_agent(model: nn.Module, spec: TorchSpec, *, observation_shape, num_actions: int,
                env_kind: str = "procgen", env_name: str = "coinrun",
                env_kwargs: dict | None = None, action_combos=None, gamma: float = 0.999,
                lam: float = 0.95, training_step: int = 0, architecture: str = "torch",
                device: str = "auto", arch_kwargs: dict | None = None):
    """An :class:`~.agent.Agent` around any ``nn.Module`` with a :class:`TorchSpec`.

    Example (a CleanRL-style agent that takes uint8 NHWC frames and scales them itself would
    use ``input_scale=1.0``)::

        spec = TorchSpec.from_heads("network", "actor", "critic", channels_first=True)
        agent = torch_agent(my_agent, spec, observation_shape=(64, 64, 3), num_actions=15)
    """
    from .agent import Agent, AgentMetadata

    net = TorchNetwork(model, spec, observation_shape, num_actions, architecture, device)
    meta = AgentMetadata(
        architecture=architecture, observation_shape=net.observation_shape,
        num_actions=net.num_actions, env_kind=env_kind, env_name=env_name,
        env_kwargs=dict(env_kwargs or {}),
        action_combos=None if action_combos is None else tuple(tuple(c) for c in action_combos),
        gamma=gamma, lam=lam, training_step=training_step, arch_kwargs=dict(arch_kwargs or {}))
    return Agent(net, meta)


__all__ = ["TorchIntegratedGradients", "TorchMultiPathAttribution", "TorchNetwork", "TorchSpec",
           "module_kind", "resolve_device", "torch_agent"]
