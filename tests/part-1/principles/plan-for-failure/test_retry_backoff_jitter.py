"""What retry_backoff_jitter.py teaches: full-jitter waits stay within
[0, min(cap, base * 2**n)], use that whole range, and retry stops in time."""

import random

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/principles/plan-for-failure/retry_backoff_jitter.py")


def test_ceiling_doubles_then_stops_at_the_cap() -> None:
    got = [snippet.ceiling(n) for n in range(8)]
    assert got == pytest.approx([0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0, 2.0])


@pytest.mark.parametrize("seed", range(5))
def test_waits_never_exceed_the_cap_or_the_ceiling(seed: int) -> None:
    rng = random.Random(seed)
    for attempt in range(40):
        for _ in range(50):
            delay = snippet.full_jitter(attempt, rng)
            assert 0 <= delay <= min(snippet.CAP, snippet.BASE * 2**attempt)
            assert delay <= snippet.CAP


def test_full_jitter_uses_the_whole_window() -> None:
    rng = random.Random(1)
    delays = [snippet.full_jitter(10, rng) for _ in range(2000)]
    cap = snippet.CAP
    assert min(delays) < 0.05 * cap and max(delays) > 0.95 * cap
    assert abs(sum(delays) / len(delays) - cap / 2) < 0.05 * cap


def test_same_seed_same_delays() -> None:
    first = [snippet.full_jitter(n, random.Random(42)) for n in range(6)]
    again = [snippet.full_jitter(n, random.Random(42)) for n in range(6)]
    assert first == again


def test_retry_succeeds_after_the_failures_with_bounded_waits() -> None:
    slept: list[float] = []
    flaky = snippet.Flaky(failures=3)
    result = snippet.retry(flaky, attempts=5, sleep=slept.append, rng=random.Random(7))
    assert result == "200 OK"
    assert flaky.calls == 4
    assert len(slept) == 3  # one wait between each pair of calls
    for attempt, delay in enumerate(slept):
        assert 0 <= delay <= snippet.ceiling(attempt)


def test_retry_gives_up_after_the_last_attempt() -> None:
    slept: list[float] = []
    flaky = snippet.Flaky(failures=100)
    with pytest.raises(ConnectionError):
        snippet.retry(flaky, attempts=4, sleep=slept.append, rng=random.Random(7))
    assert flaky.calls == 4
    assert len(slept) == 3  # no pointless wait after the final failure


def test_clients_without_jitter_retry_in_lockstep(capsys) -> None:
    snippet.main()
    lines = capsys.readouterr().out.splitlines()
    plain = [line.split(":", 1)[1] for line in lines if "no jitter " in line]
    jittered = [line.split(":", 1)[1] for line in lines if "full jitter client" in line]
    assert len(plain) == 3 and len(set(plain)) == 1
    assert len(jittered) == 3 and len(set(jittered)) == 3
