"""What order_logs_as_json.py teaches: the article's calls print nothing
structured (INFO lost without configuration; extras dropped by the default
format), and the same calls through the JSON formatter give one JSON object
per line carrying every `extra` field."""

import io
import json
import logging

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/operations/order_logs_as_json.py")


def test_unconfigured_info_is_lost_and_error_is_bare() -> None:
    """The broken variant: nothing on stdout, one bare line on stderr."""
    err = snippet.run_orders(snippet.fresh_logger("shop"))
    assert err == "Order processing failed\n"
    assert "order_id" not in err


def test_default_format_drops_the_extra_fields() -> None:
    out = io.StringIO()
    log = snippet.fresh_logger("shop")
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter(logging.BASIC_FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    snippet.run_orders(log)
    lines = out.getvalue().splitlines()
    assert lines[0] == "INFO:shop:Order processing started"
    for line in lines:
        with pytest.raises(json.JSONDecodeError):
            json.loads(line)
        assert "order_id" not in line


def test_every_line_is_json_with_the_extra_fields() -> None:
    out = io.StringIO()
    err = snippet.run_orders(snippet.json_logger("shop", out))
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    assert err == ""
    assert len(events) == 4
    assert all("order_id" in e and "level" in e and "ts" in e for e in events)
    assert events[0]["user_id"] == 7 and events[0]["event"] == "start"
    assert events[1]["payment_id"] == "pay-1"
    assert events[3] == events[3] | {"level": "ERROR", "error": "card declined"}
    # no standard LogRecord attribute leaks in as a field
    assert not ({"args", "pathname", "thread", "msecs"} & set(events[0]))


def test_the_fix_is_the_formatter() -> None:
    """Control: the same logger setup with a plain Formatter is not JSON."""
    out = io.StringIO()
    log = snippet.json_logger("shop", out)
    log.handlers[0].setFormatter(logging.Formatter())
    snippet.run_orders(log)
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.getvalue().splitlines()[0])


def test_exception_adds_a_traceback_on_one_line() -> None:
    out = io.StringIO()
    log = snippet.json_logger("shop", out)
    try:
        raise ValueError("bad\nthing")
    except ValueError:
        log.exception("failed", extra={"order_id": 3})
    (line,) = out.getvalue().splitlines()
    event = json.loads(line)
    assert "Traceback" in event["exc"] and "ValueError: bad" in event["exc"]


@pytest.mark.parametrize("reserved", ["message", "name", "args"])
def test_an_extra_key_that_names_a_record_attribute_raises(reserved: str) -> None:
    log = snippet.json_logger("shop", io.StringIO())
    with pytest.raises(KeyError, match="Attempt to overwrite"):
        log.info("x", extra={reserved: 1})
