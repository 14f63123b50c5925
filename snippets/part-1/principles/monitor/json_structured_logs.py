"""Structured logs: one JSON object per line, with named fields.

A line like "payment failed for order 42 after 3 s" is easy to read and
hard to query. As JSON with named fields (order_id, duration_ms, ...) a
log system can filter, count and graph it. The clock is injected so this
demo prints the same timestamps on every run; leave it out in real code.
"""
# output: exact

import json
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO


# --8<-- [start:idea]
class JsonFormatter(logging.Formatter):
    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.clock = clock

    def format(self, record: logging.LogRecord) -> str:
        created = self.clock() if self.clock else record.created
        event = {
            # UTC, ISO 8601: sorts as text, unambiguous across servers.
            "ts": datetime.fromtimestamp(created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        event.update(getattr(record, "fields", {}))  # extra={"fields": ..}
        if record.exc_info:
            error = record.exc_info[1]
            event["error"] = f"{type(error).__name__}: {error}"
        # json.dumps escapes newlines, so one event is always one line.
        return json.dumps(event)


# --8<-- [end:idea]


def make_logger(
    stream: TextIO, clock: Callable[[], float] | None = None
) -> logging.Logger:
    logger = logging.getLogger("checkout")
    logger.handlers.clear()  # calling twice must not double every line
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(clock))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # do not print it again via the root logger
    return logger


def main() -> None:
    ticks = iter([1735689600.0, 1735689600.125, 1735689603.5])
    log = make_logger(sys.stdout, clock=lambda: next(ticks))
    log.info(
        "order placed",
        extra={"fields": {"request_id": "r-7f3a", "order_id": 42, "items": 3}},
    )
    log.debug("cart contents: ...")  # below INFO: filtered out
    log.warning(
        "slow payment provider",
        extra={"fields": {"request_id": "r-7f3a", "duration_ms": 2875}},
    )
    try:
        raise TimeoutError("payment provider did not answer\nin 3 s")
    except TimeoutError:
        log.exception(
            "payment failed",
            extra={"fields": {"request_id": "r-7f3a", "order_id": 42}},
        )


if __name__ == "__main__":
    main()
