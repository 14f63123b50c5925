"""What json_structured_logs.py teaches: one event is one line of JSON with
named fields, whatever the message holds."""

import io
import json
import time

from conftest import load_snippet

snippet = load_snippet("part-1/principles/monitor/json_structured_logs.py")


def events(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_every_line_is_a_json_event_with_its_fields() -> None:
    stream = io.StringIO()
    log = snippet.make_logger(stream, clock=lambda: 0.0)
    log.info("order placed", extra={"fields": {"order_id": 7}})
    [event] = events(stream)
    assert event == {
        "ts": "1970-01-01T00:00:00.000Z",
        "level": "INFO",
        "logger": "checkout",
        "msg": "order placed",
        "order_id": 7,
    }


def test_a_multi_line_message_stays_on_one_line() -> None:
    stream = io.StringIO()
    log = snippet.make_logger(stream, clock=lambda: 0.0)
    log.warning('quote " and\nnewline')
    assert stream.getvalue().count("\n") == 1
    assert events(stream)[0]["msg"] == 'quote " and\nnewline'


def test_exceptions_become_a_field() -> None:
    stream = io.StringIO()
    log = snippet.make_logger(stream, clock=lambda: 0.0)
    try:
        raise ValueError("bad\ninput")
    except ValueError:
        log.exception("failed")
    [event] = events(stream)
    assert event["level"] == "ERROR"
    assert event["error"] == "ValueError: bad\ninput"


def test_debug_is_filtered_and_handlers_are_not_doubled() -> None:
    stream = io.StringIO()
    snippet.make_logger(stream, clock=lambda: 0.0)
    log = snippet.make_logger(stream, clock=lambda: 0.0)  # again: no double
    log.debug("hidden")
    log.info("shown")
    assert [e["msg"] for e in events(stream)] == ["shown"]


def test_without_a_clock_the_record_time_is_used() -> None:
    stream = io.StringIO()
    log = snippet.make_logger(stream)
    before = time.time()
    log.info("now")
    ts = events(stream)[0]["ts"]
    from datetime import datetime

    stamp = datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()
    assert before - 1 <= stamp <= time.time() + 1


def test_demo_prints_three_parseable_events(capsys) -> None:
    snippet.main()
    lines = capsys.readouterr().out.splitlines()
    parsed = [json.loads(line) for line in lines]
    assert [e["level"] for e in parsed] == ["INFO", "WARNING", "ERROR"]
    assert parsed[0]["ts"] == "2025-01-01T00:00:00.000Z"
    assert all(e["request_id"] == "r-7f3a" for e in parsed)


def test_events_do_not_also_reach_the_root_logger(caplog) -> None:
    # caplog listens on the root logger: a propagating event would show there
    # (and, in an app with a root handler, be printed a second time).
    log = snippet.make_logger(io.StringIO(), clock=lambda: 0.0)
    with caplog.at_level("INFO"):
        log.warning("once only")
    assert caplog.records == []
