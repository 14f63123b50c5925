"""What traceparent_two_services.py teaches: with the traceparent header
propagated, both services log the same trace id and the callee's parent is
the caller's span; with the header dropped (the control), two unrelated
traces appear. Nothing is left running."""

import json
import threading

import pytest

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-4/operations/traceparent_two_services.py")


def events(path: str) -> dict[str, dict[str, str]]:
    lines = snippet.run([path])
    parsed = [json.loads(line) for line in lines]
    return {e["service"]: e for e in parsed}


def test_one_trace_across_both_services() -> None:
    before = set(threading.enumerate())
    by = events("/checkout")
    assert by["shop"]["trace_id"] == by["payments"]["trace_id"]
    assert by["payments"]["parent_id"] == by["shop"]["span_id"]
    assert by["shop"]["parent_id"] == "-"  # the edge started the trace
    assert not new_threads_left(before)


def test_control_without_the_header_the_traces_split() -> None:
    by = events("/no-propagation")
    assert by["shop"]["trace_id"] != by["payments"]["trace_id"]
    assert by["payments"]["parent_id"] == "-"


def test_the_header_has_the_w3c_format() -> None:
    snippet.start_span("")
    header = snippet.outgoing_headers()["traceparent"]
    assert snippet.TRACEPARENT.fullmatch(header)
    version, trace, span, flags = header.split("-")
    assert (version, len(trace), len(span), flags) == ("00", 32, 16, "01")


@pytest.mark.parametrize(
    "bad",
    ["", "00-abc-def-01", "00-" + "A" * 32 + "-" + "b" * 16 + "-01", "garbage"],
)
def test_a_malformed_header_starts_a_new_trace(bad: str) -> None:
    snippet.start_span(bad)
    trace, _, parent = snippet.current.get()
    assert parent == "-" and len(trace) == 32


def test_a_valid_header_is_continued() -> None:
    trace, parent = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    snippet.start_span(f"00-{trace}-{parent}-01")
    assert snippet.current.get()[0::2] == (trace, parent)


def test_works_with_proxy_variables_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """http.client never reads http_proxy: a reader's proxy cannot break it."""
    import snippet_harness as harness

    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
        monkeypatch.setenv(name.upper(), "http://127.0.0.1:9")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    loaded = harness.load(harness.SNIPPETS / "part-4/operations/traceparent_two_services.py")
    harness.compare(loaded, harness.run(loaded).stdout)
