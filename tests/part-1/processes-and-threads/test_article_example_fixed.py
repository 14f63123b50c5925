"""What article_example_fixed.py teaches: the fixed worker can be handed to a pool under
every start method, and threads return their results."""

import multiprocessing

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/processes-and-threads/article_example_fixed.py")


def test_cpu_task_takes_the_item_pool_map_passes() -> None:
    assert [snippet.cpu_task(n) for n in range(4)] == [0, 0, 1, 5]


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_pool_map_works_under_every_start_method(method: str) -> None:
    # Under spawn and forkserver the workers import the snippet by name: this only
    # works because cpu_task sits at the top level of a guarded module.
    with multiprocessing.get_context(method).Pool(2) as pool:
        got = pool.map_async(snippet.cpu_task, [10, 20, 30]).get(timeout=30)
    assert got == [snippet.cpu_task(n) for n in (10, 20, 30)]


def test_io_task_reports_completion() -> None:
    assert snippet.io_task(0) == "completed"
