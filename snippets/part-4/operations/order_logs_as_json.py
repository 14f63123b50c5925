"""The article's "structured logging" example, run, and then fixed.

The article passes its fields in `extra=`, which puts them on the
LogRecord as attributes; the default format never prints them. The fix
keeps every call as it is and changes only the configuration: a handler
whose formatter writes each record, extras included, as one JSON object
per line.
"""
# output: exact

import contextlib
import io
import json
import logging
from collections.abc import Callable


class PaymentDeclined(Exception):
    pass


def charge_payment(order_id: int) -> str:
    if order_id == 2:
        raise PaymentDeclined("card declined")
    return f"pay-{order_id}"


def process_order(log: logging.Logger, order_id: int, user_id: int) -> None:
    """The article's function, recast: its calls, its `extra` fields."""
    log.info(
        "Order processing started",
        extra={"order_id": order_id, "user_id": user_id, "event": "start"},
    )
    try:
        payment_id = charge_payment(order_id)
        log.info(
            "Order completed",
            extra={"order_id": order_id, "payment_id": payment_id},
        )
    except Exception as error:
        log.error(
            "Order processing failed",
            extra={"order_id": order_id, "error": str(error)},
        )


# --8<-- [start:idea]
# What every LogRecord has anyway; anything else came from `extra=`.
STANDARD = set(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    "taskName",  # Python 3.12+
}


class JsonLineFormatter(logging.Formatter):
    def __init__(self, clock: Callable[[], float]) -> None:
        super().__init__()
        self.clock = clock  # injected, so this demo prints fixed times

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, object] = {
            "ts": round(self.clock(), 3),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in STANDARD:
                event[key] = value  # the `extra=` fields
        if record.exc_info:
            event["exc"] = self.formatException(record.exc_info)
        return json.dumps(event, default=str)  # one line, always


def json_logger(name: str, stream: io.StringIO) -> logging.Logger:
    handler = logging.StreamHandler(stream)  # use sys.stdout in a service
    ticks = iter(range(1_767_225_600_000, 1_767_225_700_000, 125))
    handler.setFormatter(JsonLineFormatter(lambda: next(ticks) / 1000))
    log = fresh_logger(name)
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log
    # --8<-- [end:idea]


def fresh_logger(name: str) -> logging.Logger:
    """A logger as a new program has it: a root at WARNING, no handlers.

    Kept apart from the global logging tree, so that running this twice
    (or under a test runner that adds handlers) changes nothing.
    """
    log = logging.Logger(name)
    log.parent = logging.RootLogger(logging.WARNING)
    return log


def run_orders(log: logging.Logger) -> str:
    """Two orders, the second declined; returns what reached stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):  # logging.lastResort's stream
        for order_id in (1, 2):
            process_order(log, order_id, user_id=7)
    return err.getvalue()


def show(title: str, out: str, err: str) -> None:
    print(title)
    for label, text in (("stdout", out), ("stderr", err)):
        for line in text.splitlines() or ["(nothing)"]:
            print(f"  {label}: {line}")


def main() -> None:
    # 1. As the article leaves it: no logging configuration at all.
    err = run_orders(fresh_logger("shop"))
    show("The article's code, no configuration:", "", err)

    # 2. What logging.basicConfig(level=INFO) sets up: the default format.
    out = io.StringIO()
    log = fresh_logger("shop")
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter(logging.BASIC_FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    err = run_orders(log)
    show("With basicConfig(level=INFO):", out.getvalue(), err)

    # 3. The same calls, with the JSON formatter.
    out = io.StringIO()
    err = run_orders(json_logger("shop", out))
    show("With the JSON formatter:", out.getvalue(), err)


if __name__ == "__main__":
    main()
