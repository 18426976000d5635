"""Model editing of agents: project feature directions out of a layer, check it, save it.

The numeric method is :mod:`rlclarity_plugin.analysis.editing` (Hilton et al. 2020, Appendix
A); this module applies it to an :class:`~.agent.Agent` on either backend:

* :func:`edit_site` - where an edit at a layer acts: the one linear layer (convolution or dense)
  that reads the layer's activations, through channel-wise layers only; refused, in one line,
  where the activations reach more than one consumer (an IMPALA residual block's skip
  connection) or a consumer that is not linear in its input.
* :func:`edit_agent` - a new agent whose consumer kernel is projected; the original is not
  touched. The edit is recorded in ``metadata.edits`` (layer, consumer, weight, directions,
  features, source), which native checkpoints save in ``metadata.json``.
* :func:`check_edit` - on given observations (the probe set), the edited network's consumer
  output against the original consumer applied to its input with the directions projected out
  in numpy (``next_layer(x @ P)``), and the edited outputs against the original head from that
  projected input: the max absolute errors.
* :func:`save_edited` - the edited agent in its native format (see there).

A backend that supports editing has ``edit_site(name)``, ``consumer_input(site, obs)``,
``apply_consumer(site, x)``, ``consumer_output(site, obs)``,
``outputs_from_consumer_input(site, obs, x)`` and ``with_weights(changes)``. This module
imports no deep-learning framework until a torch checkpoint is saved.
"""

from __future__ import annotations

import json

import numpy as np

from ..analysis.editing import (
    max_abs_error,
    project_activations,
    project_kernel,
    projection,
)
from .agent import Agent
from .interface import EditSite

EDIT_KIND = "project_out"
#: Sidecar file beside an edited CleanRL state dict (``PATH`` + this suffix).
CLEANRL_EDIT_SUFFIX = ".rl-clarity-edit.json"
#: Member of an edited Stable-Baselines3 zip that records the edits (SB3 ignores it).
SB3_EDIT_MEMBER = "rl_clarity_edits.json"


def edit_site(agent: Agent, layer: str) -> EditSite:
    """Where projecting directions out of ``layer`` acts (``ValueError``, one line, if it
    cannot be edited exactly; the message says why and which layers read it)."""
    site_of = getattr(agent.network, "edit_site", None)
    if site_of is None:
        raise ValueError(f"model editing is not supported on {agent.framework} "
                         f"{agent.metadata.architecture} networks")
    return site_of(layer)


def edit_agent(agent: Agent, layer: str, directions, *, features=None,
               source: dict | None = None) -> Agent:
    """A new agent blind to ``directions`` at ``layer``.

    Algorithm:
        1. ``site = edit_site(agent, layer)``: the consumer and its kernel.
        2. ``P = projection(directions)`` (float64 ``(C, C)``, ``C`` = the layer's channels).
        3. The consumer's kernel becomes ``project_kernel(kernel, P, site.layout,
           site.flatten)``; every other weight is copied; the original agent is unchanged.
        4. The edit is appended to ``metadata.edits``: ``{"kind": "project_out", "site": ...,
           "directions": (K, C) lists, "features": ..., "source": ...}``.

    Args:
        agent: any agent whose backend supports editing.
        layer: the layer of the directions (the analysis layer, e.g. ``2b``).
        directions: ``(C,)`` or ``(K, C)``, e.g. rows of the layer's NMF ``components_``.
        features: optional JSON-able labels of the directions (e.g. NMF feature indices).
        source: optional JSON-able provenance (e.g. ``{"run": ..., "step": ..., "analysis":
            ...}``) so the analysis can find which features were edited.

    Returns:
        The edited :class:`~.agent.Agent` (same backend, device and metadata plus the edit).
    """
    site = edit_site(agent, layer)
    v = np.asarray(directions, dtype=np.float64)
    v = v[None, :] if v.ndim == 1 else v
    if v.ndim != 2 or v.shape[1] != site.channels:
        raise ValueError(f"directions of shape {np.shape(directions)} do not fit layer "
                         f"{layer!r}, which has {site.channels} channels: expected "
                         f"({site.channels},) or (K, {site.channels})")
    p = projection(v)
    kernel = agent.get_weights()[site.weight]
    edited = project_kernel(kernel, p, site.layout, site.flatten or "hwc")
    network = agent.network.with_weights({site.weight: edited})
    record = {"kind": EDIT_KIND, "site": site.to_json(), "directions": v.tolist(),
              "features": None if features is None else _jsonable(features),
              "source": None if source is None else _jsonable(source)}
    metadata = agent.metadata.replace(edits=tuple(agent.metadata.edits) + (record,))
    return Agent(network, metadata)


def _jsonable(value):
    """``value`` through a JSON round trip (numpy scalars and arrays as lists)."""
    return json.loads(json.dumps(value, default=lambda o: np.asarray(o).tolist()))


def edit_record(agent: Agent, index: int = -1) -> tuple[EditSite, np.ndarray]:
    """``(site, P)`` of the ``index``-th edit recorded in ``agent.metadata.edits``."""
    if not agent.metadata.edits:
        raise ValueError("this agent records no edit (metadata.edits is empty)")
    record = agent.metadata.edits[index]
    if record.get("kind") != EDIT_KIND:
        raise ValueError(f"unknown edit kind {record.get('kind')!r}; expected {EDIT_KIND!r}")
    return EditSite.from_json(record["site"]), projection(record["directions"])


def check_edit(original: Agent, edited: Agent, obs: np.ndarray,
               index: int = -1) -> dict[str, float]:
    """How exactly ``edited`` is ``original`` with the directions projected out, on ``obs``.

    Algorithm (``site``, ``P`` from ``edited.metadata.edits[index]``; for the last edit,
    ``original`` is the agent it was made from):
        1. ``x`` = the original consumer's input on ``obs`` (channel-last, or flattened for a
           dense consumer); ``x_P = project_activations(x, P)`` in numpy (float64, then
           float32): the reference edit, independent of the kernel projection.
        2. ``next_layer``: ``max |edited consumer output - original consumer(x_P)|``.
        3. ``logits`` / ``value``: ``max |edited(obs) - original head from x_P|``.

    Args:
        obs: uint8 ``(B, H, W, C)`` (the probe set's observations).

    Returns:
        ``{"next_layer", "logits", "value"}``: absolute errors (float32 round-off when the
        edit is exact), and ``"next_layer_scale"``: ``max |original consumer(x_P)|``, to read
        them relative to.
    """
    site, p = edit_record(edited, index)
    obs = np.asarray(obs)
    original.check_observations(obs)
    x = original.network.consumer_input(site, obs)
    x_p = project_activations(x, p, site.flatten).astype(np.float32)
    expected = original.network.apply_consumer(site, x_p)
    actual = edited.network.consumer_output(site, obs)
    exp_logits, exp_values = original.network.outputs_from_consumer_input(site, obs, x_p)
    logits, values = edited.network.forward(obs)
    return {"next_layer": max_abs_error(actual, expected),
            "logits": max_abs_error(logits, exp_logits),
            "value": max_abs_error(values, exp_values),
            "next_layer_scale": float(np.abs(np.asarray(expected, np.float64)).max(initial=0))}


def save_edited(agent: Agent, path: str, *, source_checkpoint: str | None = None) -> str:
    """Write an edited agent in its native format; returns the path written.

    * Keras agents (built-in architectures): a native checkpoint folder
      (:func:`~.checkpoint.save_checkpoint`); ``metadata.json`` holds the edits.
    * CleanRL agents (torch, architecture ``cleanrl_*``): ``torch.save`` of the state dict (the
      file ``cleanrl:ARCH:PATH`` loads) and the edits in ``PATH`` + ``.rl-clarity-edit.json``.
    * Stable-Baselines3 agents: ``source_checkpoint`` (the original ``.zip``) with its
      ``policy.pth`` replaced by the edited policy's state dict and the edits in a
      ``rl_clarity_edits.json`` member (SB3 ignores members it does not know).
    * Built-in architectures on the torch backend: a native checkpoint folder with the
      Keras-named weights (:func:`~.torch_architectures.keras_weights_from_torch`).
    """
    from .checkpoint import save_checkpoint

    if not agent.metadata.edits:
        raise ValueError("this agent records no edit; save unedited agents with their own "
                         "library or save_checkpoint")
    arch = agent.metadata.architecture
    if agent.framework == "keras":
        return save_checkpoint(agent, path)
    if arch.startswith("cleanrl"):
        return _save_cleanrl(agent, path)
    if arch == "sb3":
        if source_checkpoint is None:
            raise ValueError("an edited Stable-Baselines3 agent is saved into a copy of its "
                             "original .zip: pass source_checkpoint=ORIGINAL_ZIP")
        return _save_sb3(agent, path, source_checkpoint)
    if arch in ("clear", "impala", "nature"):
        from .checkpoint import save_native_weights
        from .torch_architectures import keras_weights_from_torch

        return save_native_weights(agent.metadata, keras_weights_from_torch(agent.model), path)
    raise ValueError(f"saving edited {agent.framework} {arch!r} agents is not supported: "
                     "save agent.model's state dict with your own code")


def _state_dict_bytes(agent: Agent) -> bytes:
    import io

    import torch

    state = {k: v.detach().cpu().contiguous() for k, v in agent.model.state_dict().items()}
    buf = io.BytesIO()
    torch.save(state, buf)
    return buf.getvalue()


def _edits_json(agent: Agent) -> bytes:
    return json.dumps({"edits": [dict(e) for e in agent.metadata.edits]}, indent=2,
                      sort_keys=True).encode()


def _save_cleanrl(agent: Agent, path: str) -> str:
    from ..store import files

    files.write_atomic(path, _state_dict_bytes(agent))
    files.write_atomic(path + CLEANRL_EDIT_SUFFIX, _edits_json(agent))
    return path


def _save_sb3(agent: Agent, path: str, source: str) -> str:
    import io
    import zipfile

    from ..store import files
    from .sb3 import read_sb3_zip

    raw, _ = read_sb3_zip(source)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename == SB3_EDIT_MEMBER:
                continue
            data = _state_dict_bytes(agent) if item.filename == "policy.pth" \
                else zin.read(item.filename)
            zout.writestr(item, data)
        zout.writestr(SB3_EDIT_MEMBER, _edits_json(agent))
    files.write_atomic(path, out.getvalue())
    return path


def read_edits(path: str) -> tuple:
    """The edits recorded beside or inside a saved edited torch checkpoint (CleanRL sidecar or
    SB3 member; ``()`` if none). Native checkpoints carry them in ``metadata.edits``."""
    import io
    import zipfile

    from ..store import files

    path = path.removeprefix("sb3:")
    if path.startswith("cleanrl:"):
        path = path.split(":", 2)[2]
    if files.exists(path + CLEANRL_EDIT_SUFFIX):
        return tuple(json.loads(files.read(path + CLEANRL_EDIT_SUFFIX))["edits"])
    if files.isfile(path) and files.read(path, 0, 4) == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(files.read(path))) as z:
            if SB3_EDIT_MEMBER in z.namelist():
                return tuple(json.loads(z.read(SB3_EDIT_MEMBER))["edits"])
    return ()


__all__ = ["check_edit", "edit_agent", "edit_record", "edit_site", "read_edits",
           "save_edited"]
