"""What producer_consumer_queue.py teaches: a bounded queue hands every item
to exactly one consumer, holds back a producer that runs ahead, stops
consumers with one sentinel each, and never waits forever."""

import queue
import threading

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/producer_consumer_queue.py")


def test_every_item_is_consumed_exactly_once_and_every_thread_ends(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for _ in range(20):
        snippet.main()
    out = capsys.readouterr().out
    assert out.count("results: [0, 1, 4, 9, 16, 25, 36, 49]") == 20
    assert out.count("threads still running: 0") == 20
    assert out.count("items left in the queue: 0") == 20


def test_a_full_queue_holds_the_producer_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # No consumer: the producer fills the queue, then put() times out.
    monkeypatch.setattr(snippet, "WAIT", 0.05)
    work: queue.Queue[int | None] = queue.Queue(maxsize=snippet.MAXSIZE)
    sizes: list[int] = []
    with pytest.raises(queue.Full):
        snippet.producer(work, sizes)
    assert sizes == [1, 2] and work.qsize() == snippet.MAXSIZE


def test_a_consumer_stops_at_its_sentinel_and_leaves_the_rest() -> None:
    work: queue.Queue[int | None] = queue.Queue()
    for item in (3, snippet.STOP, 4):
        work.put(item)
    done: list[int] = []
    snippet.consumer(work, done)
    assert done == [9] and work.get_nowait() == 4


def test_a_consumer_with_no_producer_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snippet, "WAIT", 0.05)
    with pytest.raises(queue.Empty):
        snippet.consumer(queue.Queue(), [])


def test_one_sentinel_per_consumer_stops_them_all() -> None:
    work: queue.Queue[int | None] = queue.Queue(maxsize=snippet.MAXSIZE)
    done: list[int] = []
    consumers = [
        threading.Thread(target=snippet.consumer, args=(work, done))
        for _ in range(snippet.CONSUMERS)
    ]
    for thread in consumers:
        thread.start()
    snippet.producer(work, [])
    for thread in consumers:
        thread.join(timeout=5)
    assert not any(thread.is_alive() for thread in consumers)
    assert sorted(done) == [i * i for i in range(snippet.ITEMS)]
