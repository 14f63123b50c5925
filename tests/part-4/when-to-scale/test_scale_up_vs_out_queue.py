"""What scale_up_vs_out_queue.py teaches: at the same load, one server twice
as fast beats two servers sharing a queue, which beat two servers with a
queue each by far; each simulation matches its queueing formula."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/when-to-scale/scale_up_vs_out_queue.py")
DESIGNS = list(snippet.DESIGNS)


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("rho", [0.3, 0.6])
def test_each_design_matches_its_formula(design: str, rho: float) -> None:
    sim = snippet.mean_over_seeds(design, rho, range(3))
    assert sim == pytest.approx(snippet.formula_ms(design, rho), rel=0.06)


@pytest.mark.parametrize("rho", [0.3, 0.6, 0.8])
def test_up_beats_shared_which_beats_split_over_seeds(rho: float) -> None:
    for seed in range(5):
        up, shared, split = (
            snippet.simulate(*snippet.DESIGNS[d], rho, 20_000, seed) for d in DESIGNS
        )
        assert up < shared < split, (rho, seed, up, shared, split)


def test_a_queue_per_server_is_the_costly_mistake_under_load() -> None:
    """The control: same servers, same traffic, only the queue differs."""
    shared = snippet.mean_over_seeds("two servers, one queue", 0.8, range(3))
    split = snippet.mean_over_seeds("two servers, a queue each", 0.8, range(3))
    assert split > 1.6 * shared


def test_the_formulas() -> None:
    f = snippet.formula_ms
    assert f("one server, twice as fast", 0.8) == pytest.approx(25.0)
    assert f("two servers, one queue", 0.8) == pytest.approx(27.78, rel=1e-3)
    assert f("two servers, a queue each", 0.8) == pytest.approx(50.0)
