"""Synthetic feature pictures (``--feature-vis synthetic``): the recipe's pure functions against
independent references, the optimisation on both backends (it raises its objective, far above
random and real observations; the same seed gives the same bytes), the job's sheet and record
(the same for 1 and 2 ranks) and, on the demo agent's layer 2b, the issue's check: each picture
activates its own feature more than any dataset example and more than the other features'
pictures do (the confusion matrix's diagonal dominates)."""

import types

import numpy as np
import pytest

from rlclarity_plugin.analysis import featurevis as fv

# -- pure functions ---------------------------------------------------------------------------


def test_frequency_scale_is_one_over_the_frequency():
    h, w = 6, 8
    scale = fv.frequency_scale(h, w)
    assert scale.shape == (6, 5)
    for ky in range(h):
        for kx in range(w // 2 + 1):
            fy = (ky if ky <= (h - 1) // 2 else ky - h) / h  # cycles per pixel
            f = np.hypot(fy, kx / w)
            assert scale[ky, kx] == pytest.approx(np.sqrt(h * w) / max(f, 1 / 8), rel=1e-6)


def test_fourier_parameterisation_inverts_and_keeps_the_spectrum():
    rng = np.random.default_rng(0)
    h, w, c = 8, 10, 3
    scale = fv.frequency_scale(h, w)
    # a spectrum made from a real image gives that image back (divided by FOURIER_DIVISOR)
    image = rng.standard_normal((2, c, h, w))
    z = np.fft.rfft2(image) / scale
    spec = np.stack([z.real, z.imag], -1)
    got = fv.spectrum_to_image(spec, scale, w)
    np.testing.assert_allclose(got, np.moveaxis(image, 1, -1) / fv.FOURIER_DIVISOR, atol=1e-5)
    # any spectrum: the picture's coefficients are scale * spectrum / divisor (the columns
    # that are not their own conjugates), so the energy falls as 1 / frequency^2
    spec = rng.standard_normal((1, c, h, w // 2 + 1, 2)).astype(np.float32)
    img = fv.spectrum_to_image(spec, scale, w)
    coef = np.fft.rfft2(np.moveaxis(img, -1, 1).astype(np.float64)) * fv.FOURIER_DIVISOR
    want = (spec[..., 0] + 1j * spec[..., 1]) * scale
    np.testing.assert_allclose(coef[..., 1:w // 2], want[..., 1:w // 2], rtol=1e-4, atol=1e-3)


def test_colour_decorrelation_squares_to_the_covariance():
    rng = np.random.default_rng(1)
    base = rng.uniform(0, 1, (5000, 1))
    colours = np.clip(np.hstack([base, 0.5 * base + 0.2, rng.uniform(0, 1, (5000, 1))])
                      + 0.05 * rng.standard_normal((5000, 3)), 0, 1)
    obs = np.rint(colours * 255).astype(np.uint8).reshape(50, 10, 10, 3)
    colour, offset = fv.colour_decorrelation(obs)
    x = obs.reshape(-1, 3) / 255.0
    centred = x - x.mean(0)
    cov = centred.T @ centred / (len(x) - 1)
    product = colour.astype(np.float64) @ colour.T
    alpha = np.trace(product) / np.trace(cov)
    np.testing.assert_allclose(product, alpha * cov, atol=1e-6)
    assert np.linalg.norm(colour, axis=0).max() == pytest.approx(1.0, abs=1e-6)
    np.testing.assert_allclose(1 / (1 + np.exp(-offset)), x.mean(0), atol=1e-6)
    # no variation at all: the identity
    flat, _ = fv.colour_decorrelation(np.full((2, 4, 4, 3), 7, np.uint8))
    np.testing.assert_array_equal(flat, np.eye(3))


def _bilinear_loop(image, t):
    """Per-pixel bilinear sampling with clamped coordinates (reference for ``warp``)."""
    h, w, _ = image.shape
    out = np.zeros_like(image, dtype=np.float64)
    for y in range(h):
        for x in range(w):
            sx, sy = t @ np.array([x, y, 1.0])
            sx, sy = min(max(sx, 0), w - 1), min(max(sy, 0), h - 1)
            x0, y0 = int(np.floor(sx)), int(np.floor(sy))
            x1, y1 = min(x0 + 1, w - 1), min(y0 + 1, h - 1)
            fx, fy = sx - x0, sy - y0
            out[y, x] = ((1 - fy) * (1 - fx) * image[y0, x0] + (1 - fy) * fx * image[y0, x1]
                         + fy * (1 - fx) * image[y1, x0] + fy * fx * image[y1, x1])
    return out


def test_transforms_are_seeded_bounded_and_mean_what_they_say():
    recipe = fv.FeatureVisRecipe(steps=40)
    a = fv.transform_schedule(np.random.default_rng(5), 40, 16, 12, recipe)
    b = fv.transform_schedule(np.random.default_rng(5), 40, 16, 12, recipe)
    c = fv.transform_schedule(np.random.default_rng(6), 40, 16, 12, recipe)
    assert a.shape == (40, 2, 3) and a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()
    centre = np.array([5.5, 7.5])
    for t in a:
        m = t[:, :2].astype(np.float64)
        s = 1 / np.sqrt(np.linalg.det(m))
        angle = np.rad2deg(np.arctan2(m[0, 1], m[0, 0]))
        shift = np.linalg.solve(m, centre - t[:, 2]) - centre
        assert min(abs(s - v) for v in recipe.scales) < 1e-5
        assert min(abs(angle - v) for v in recipe.angles) < 1e-3
        assert np.allclose(shift, np.rint(shift), atol=1e-4)
        assert np.abs(np.rint(shift)).max() <= recipe.jitter
    # scale 1, angle 0, shift (1, 0): the picture moves one pixel right
    shifted = fv.transform_schedule(np.random.default_rng(0), 1, 4, 6,
                                    fv.FeatureVisRecipe(jitter=0, scales=(1.0,), angles=(0.0,)))
    shifted[0, 0, 2] -= 1.0  # source x = x - 1
    img = np.random.default_rng(1).uniform(size=(1, 4, 6, 2)).astype(np.float32)
    out = fv.warp(img, shifted)
    np.testing.assert_allclose(out[0, :, 1:], img[0, :, :-1], atol=1e-6)
    np.testing.assert_allclose(out[0, :, 0], img[0, :, 0], atol=1e-6)  # border repeats


def test_warp_against_a_loop_and_in_both_frameworks():
    rng = np.random.default_rng(2)
    images = rng.uniform(size=(3, 9, 7, 2)).astype(np.float32)
    ts = np.stack([fv.transform_schedule(rng, 1, 9, 7, fv.FeatureVisRecipe(
        jitter=3, scales=(0.8, 1.3), angles=(-20.0, 15.0)))[0] for _ in range(3)])
    want = np.stack([_bilinear_loop(images[b], ts[b].astype(np.float64)) for b in range(3)])
    np.testing.assert_allclose(fv.warp(images, ts), want, atol=1e-5)
    import tensorflow as tf

    from rlclarity_plugin.agents import keras_backend

    np.testing.assert_allclose(keras_backend.warp_images(tf.constant(images), tf.constant(ts))
                               .numpy(), want, atol=1e-5)
    torch = pytest.importorskip("torch")
    from rlclarity_plugin.agents import torch_backend

    got = torch_backend.warp_images(torch.as_tensor(images), torch.as_tensor(ts)).numpy()
    np.testing.assert_allclose(got, want, atol=1e-5)


def test_objectives_dataset_max_and_diversity_against_loops():
    rng = np.random.default_rng(3)
    acts = rng.uniform(size=(5, 4, 6, 3))
    dirs = rng.uniform(size=(2, 3))
    weights = fv.objective_weights(["centre", "map"], 4, 6)
    assert weights[0, 2, 3] == 1 and weights[0].sum() == 1
    np.testing.assert_allclose(weights[1], 1 / 24)
    best = np.full((2, 2), -np.inf)
    for n in range(5):
        for j in range(2):
            best[0, j] = max(best[0, j], acts[n, 2, 3] @ dirs[j])
            best[1, j] = max(best[1, j], (acts[n] @ dirs[j]).mean())
    np.testing.assert_allclose(fv.dataset_objective_max(acts, dirs, weights), best)
    split = fv.dataset_objective_max(acts[3:], dirs, weights,
                                     fv.dataset_objective_max(acts[:3], dirs, weights))
    np.testing.assert_allclose(split, best)
    per = fv.objective_values(acts[:2], dirs, weights)
    np.testing.assert_allclose(per, [acts[0, 2, 3] @ dirs[0], (acts[1] @ dirs[1]).mean()])
    grams = [a.reshape(-1, 3).T @ a.reshape(-1, 3) for a in acts[:3]]
    cos = [[np.sum(g * k) / np.linalg.norm(g) / np.linalg.norm(k) for k in grams] for g in grams]
    pairs = np.array([[0, 1, 1], [0, 0, 0], [0, 0, 0]], np.float32)
    assert fv.gram_diversity(acts[:3], pairs) == pytest.approx(cos[0][1] + cos[0][2])


def test_a_picture_is_the_same_in_any_batch():
    """Seeds are per picture: the plan for pictures 2..3 is the plan for 0..3 cut."""
    dirs = np.abs(np.random.default_rng(4).standard_normal((4, 5))).astype(np.float32)
    objs = ["centre", "map", "centre", "map"]
    seeds = [fv.picture_seed(3, "2b", j // 2, o) for j, o in enumerate(objs)]
    colour, offset = np.eye(3, dtype=np.float32), np.zeros(3, np.float32)
    args = ((16, 16, 3), (4, 4), colour, offset, fv.FeatureVisRecipe(steps=7))
    whole = fv.make_plan(dirs, objs, seeds, *args)
    part = fv.make_plan(dirs[2:], objs[2:], seeds[2:], *args)
    assert whole.spectrum[2:].tobytes() == part.spectrum.tobytes()
    assert whole.transforms[:, 2:].tobytes() == part.transforms.tobytes()
    assert whole.pairs.sum() == 0 and whole.ramp[0] == 1 and whole.ramp[-1] == 0
    assert whole.spectrum[0].tobytes() != whole.spectrum[1].tobytes()


# -- the optimisation on a tiny random agent ----------------------------------------------------


def _tiny_plan(agent, steps=96, layer="2b", diversity=0.0):
    rng = np.random.default_rng(9)
    h, w, c = agent.network.layer_shape(layer)
    dirs = np.abs(rng.standard_normal((2, c))).astype(np.float32)
    objs = ["centre", "map", "centre", "map"]
    d = dirs[[0, 0, 1, 1]]
    seeds = [fv.picture_seed(0, layer, j // 2, o) for j, o in enumerate(objs)]
    obs = rng.integers(0, 256, (32, 64, 64, 3), dtype=np.uint8)
    colour, offset = fv.colour_decorrelation(obs)
    plan = fv.make_plan(d, objs, seeds, (64, 64, 3), (h, w), colour, offset,
                        fv.FeatureVisRecipe(steps=steps, diversity=diversity))
    return plan, d, obs


def _objective(agent, layer, pictures, d, weights):
    """The objective of uint8 pictures, from the agent's activations (independent of the
    optimiser): ``sum_{y,x} weights * (acts . d)``."""
    acts = agent.network.activations(layer, pictures).astype(np.float64)
    return np.array([(weights[b] * (acts[b] @ d[b])).sum() for b in range(len(d))])


def _check_improves(agent, plan, d, obs, images, values):
    pictures = fv.quantise(images)
    got = _objective(agent, "2b", pictures, d, plan.weights)
    np.testing.assert_allclose(values, got, rtol=0.02, atol=1e-3)
    start = fv.quantise(fv.to_pixels(fv.spectrum_to_image(plan.spectrum, plan.scale),
                                     plan.colour, plan.offset))
    before = _objective(agent, "2b", start, d, plan.weights)
    # the best of 32 random observations and of 8 flat colours, per (direction, objective)
    flat = np.repeat(np.linspace(0, 255, 8).astype(np.uint8)[:, None], 3, 1)
    pool = np.concatenate([obs, np.broadcast_to(flat[:, None, None], (8, 64, 64, 3))])
    acts = agent.network.activations("2b", pool).astype(np.float64)
    best = np.array([max((plan.weights[b] * (a @ d[b])).sum() for a in acts)
                     for b in range(len(d))])
    # (a random network's map objective rises slowly: random pixels excite its random filters)
    assert np.all(got > 1.5 * np.maximum(before, 1e-3)), (got, before)
    assert np.all(got[::2] > 3 * np.maximum(before[::2], 1e-3)), (got, before)  # centre
    assert np.all(got > best), (got, best)
    assert np.all(got[::2] > 2 * best[::2]), (got, best)


def test_optimisation_raises_the_objective_keras(clear_agent):
    plan, d, obs = _tiny_plan(clear_agent)
    images, values = clear_agent.network.feature_vis("2b", plan)
    assert images.shape == (4, 64, 64, 3) and images.dtype == np.float32
    assert 0 <= images.min() and images.max() <= 1
    _check_improves(clear_agent, plan, d, obs, images, values)
    again, _ = clear_agent.network.feature_vis("2b", plan)
    assert fv.quantise(again).tobytes() == fv.quantise(images).tobytes()
    assert again.tobytes() == images.tobytes()
    # with the diversity term, pictures of the same direction and objective differ more
    plan2, _, _ = _tiny_plan(clear_agent, steps=8, diversity=1.0)
    assert plan2.pairs.sum() == 0  # each picture its own group here: the term is 0
    same = fv.make_plan(np.repeat(d[:1], 2, 0), ["map", "map"],
                        [fv.picture_seed(0, "2b", 0, "map"), fv.picture_seed(1, "2b", 0, "map")],
                        (64, 64, 3), clear_agent.network.layer_shape("2b")[:2], plan.colour,
                        plan.offset, fv.FeatureVisRecipe(steps=8, diversity=1.0))
    assert same.pairs.tolist() == [[0, 1], [0, 0]]
    clear_agent.network.feature_vis("2b", same)


def test_optimisation_raises_the_objective_torch(clear_agent):
    torch = pytest.importorskip("torch")
    from rlclarity_plugin.agents.torch_architectures import torch_agent_from_weights

    agent = torch_agent_from_weights(clear_agent.metadata, clear_agent.get_weights(),
                                     device="cpu")
    plan, d, obs = _tiny_plan(agent)
    spectrum = plan.spectrum.copy()
    # one thread: two test workers share two cores, where torch's threads wait for each other
    # (measured 3.5 s with one thread, 28 s with two on a loaded machine)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        images, values = agent.network.feature_vis("2b", plan)
        again, _ = agent.network.feature_vis("2b", plan)
    finally:
        torch.set_num_threads(threads)
    assert plan.spectrum.tobytes() == spectrum.tobytes()  # the plan is left as it was
    _check_improves(agent, plan, d, obs, images, values)
    assert again.tobytes() == images.tobytes()


# -- the job -----------------------------------------------------------------------------------


class _Rank:
    """One rank of a 2-rank world run one after the other: rank 1 first (its gather sends),
    then rank 0 (its gather receives rank 1's)."""

    def __init__(self, rank, size, mailbox):
        self.rank, self.size, self.mailbox = rank, size, mailbox

    def gather(self, obj, root=0):
        if self.rank != root:
            self.mailbox[self.rank] = obj
            return None
        return [obj if r == root else self.mailbox[r] for r in range(self.size)]

    def barrier(self):
        pass


def _vis_stage(agent, tmp, comms, obs, nmfs, config, resume=False):
    from rlclarity_plugin.analysis import job
    from rlclarity_plugin.store.writer import AssetWriter

    writer = AssetWriter(str(tmp), 1)
    out = None
    for comm in comms:
        j = job._Job(agent, config, list(nmfs), [], writer, comm,
                     job._Progress(comm, False), resume=resume)
        j.display = "rgb"
        j.feature_vis(types.SimpleNamespace(observations=obs), nmfs)
        if comm.rank == 0:
            out = j.synthetic
    sheets = {layer: open(writer.path(f"synthetic/{layer}.webp"), "rb").read()
              for layer in nmfs}
    return out, sheets


def test_the_same_pictures_for_one_and_two_ranks(clear_agent, tmp_path):
    from rlclarity_plugin.analysis.job import SerialComm
    from tests.support.synthetic import analysis_config

    rng = np.random.default_rng(11)
    obs = rng.integers(0, 256, (20, 64, 64, 3), dtype=np.uint8)
    nmfs = {layer: types.SimpleNamespace(components_=np.abs(rng.standard_normal((3, 32))),
                                         features=3) for layer in ("2b", "4a")}
    config = analysis_config("--feature-vis", "synthetic", "--feature-vis-steps", "6",
                             "--feature-vis-channels", "2", "--nmf-features", "3")
    one, sheets1 = _vis_stage(clear_agent, tmp_path / "one", [SerialComm()], obs, nmfs, config)
    box = {}
    two, sheets2 = _vis_stage(clear_agent, tmp_path / "two", [_Rank(1, 2, box), _Rank(0, 2, box)],
                              obs, nmfs, config)
    assert set(box[1]) == {("2b", 4), ("4a", 4)}  # rank 1 did the second unit of each layer
    assert sheets1 == sheets2 and one == two
    # resumed: the sheets are there, nothing is optimised again, the record is the same
    network = clear_agent.network
    network.feature_vis = None  # would fail if called
    try:
        again, sheets3 = _vis_stage(clear_agent, tmp_path / "one", [SerialComm()], obs, nmfs,
                                    config, resume=True)
    finally:
        del network.feature_vis
    assert again == one and sheets3 == sheets1
    info = one["2b"]
    assert info.features == 3 and info.channels == 2 and info.objectives == ("centre", "map")
    assert np.asarray(info.activation).shape == (2, 5) == np.asarray(info.dataset_max).shape


@pytest.fixture(scope="module")
def demo_analysis(tmp_path_factory):
    """The demo agent analysed at layer 2b with 4 NMF features and synthetic pictures."""
    from rlclarity_plugin.analysis.job import run_analysis
    from tests.support.synthetic import analysis_config

    logdir = str(tmp_path_factory.mktemp("featurevis"))
    config = analysis_config(
        "--traj-envs", "1", "--traj-steps", "8", "--obs-envs", "8", "--obs-per-env", "16",
        "--obs-every", "4", "--layers", "2b", "--nmf-features", "4", "--subdiv-mults", "1",
        "--expand-mults", "4", "--seed", "2", "--feature-vis", "synthetic",
        "--feature-vis-steps", "128", "--feature-vis-channels", "1")
    run_analysis("demo:coinrun", logdir, run="demo", config=config, progress=False)
    return logdir


def test_job_writes_the_sheet_and_its_record(demo_analysis):
    from rlclarity_plugin.store.reader import LogdirReader

    reader = LogdirReader(demo_analysis)
    step = reader.steps("demo")[0]
    a = reader.analysis("demo", step)
    info = a.layer("2b").feature_vis
    assert info is not None and info.features == 4 and info.channels == 1
    assert info.steps == 128 and info.objectives == ("centre", "map")
    pictures = a.synthetic_pictures("2b")
    assert pictures.shape == (2, 5, 64, 64, 3) and pictures.dtype == np.uint8
    np.testing.assert_array_equal(a.synthetic_picture("2b", "map", 3), pictures[1, 3])
    from rlclarity_plugin.store import codec

    sheet = codec.decode_image(a.part("synthetic/2b.webp"))
    np.testing.assert_array_equal(sheet[64:128, 3 * 64:4 * 64], pictures[1, 3])


def test_each_picture_activates_its_own_feature_most(demo_analysis):
    """The issue's check on the demo agent's 2b features, from the stored pictures: for each
    objective, picture ``i`` gives feature ``i`` more than any sampled observation does and
    more than every other feature's picture gives feature ``i`` (the confusion matrix's
    diagonal is the largest of its column)."""
    from rlclarity_plugin.agents.checkpoint import load_checkpoint
    from rlclarity_plugin.envs.rollouts import ProbeSet
    from rlclarity_plugin.store.reader import LogdirReader

    reader = LogdirReader(demo_analysis)
    step = reader.steps("demo")[0]
    a = reader.analysis("demo", step)
    comps = a.components("2b")
    agent = load_checkpoint("demo:coinrun")
    probe = ProbeSet.load(f"{demo_analysis}/demo/{a.manifest.probe_set.path}")
    pictures = a.synthetic_pictures("2b")[:, :4]  # the NMF features' pictures
    obs_acts = agent.network.activations("2b", probe.observations).astype(np.float64)
    h, w = obs_acts.shape[1:3]
    for o, name in enumerate(("centre", "map")):
        acts = agent.network.activations("2b", pictures[o]).astype(np.float64)
        proj = acts @ comps.T  # (picture, h, w, feature)
        data = obs_acts @ comps.T
        if name == "centre":
            confusion, best = proj[:, h // 2, w // 2], data[:, h // 2, w // 2].max(0)
        else:
            confusion, best = proj.mean((1, 2)), data.mean((1, 2)).max(0)
        diagonal = np.diag(confusion)
        others = np.where(np.eye(4, dtype=bool), -np.inf, confusion).max(0)
        assert np.all(diagonal > others), (name, confusion)
        assert np.all(diagonal > best), (name, diagonal, best)
        np.testing.assert_allclose(a.layer("2b").feature_vis.activation[o][:4], diagonal,
                                   rtol=1e-5)
        np.testing.assert_allclose(a.layer("2b").feature_vis.dataset_max[o][:4], best,
                                   rtol=1e-5)
