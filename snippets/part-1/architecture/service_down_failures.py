"""Two ways a service you call can fail, and what the caller sees.

1. Down: nothing listens on its port. The other side's kernel answers
   the connection attempt with a refusal, so the error comes back fast.
2. Hung: the process is alive and its port accepts connections, but it
   never answers (a deadlock, a stuck dependency, a long GC pause). Only
   the caller's timeout ends the wait; without one it waits forever.

An in-process function call can do neither. Both run here on 127.0.0.1.
"""
# output: exact

import socket
import time
import urllib.request

REFUSED_TIMEOUT = 5.0  # generous: a refusal should arrive long before it
HUNG_TIMEOUT = 0.3  # what the caller is prepared to wait for an answer


def describe(error: BaseException) -> str:
    """Name an error the way a caller needs to: by its kind."""
    reason = getattr(error, "reason", None)
    if isinstance(reason, BaseException):
        # urllib wraps errors raised while connecting in a URLError.
        return f"{type(error).__name__} wrapping {type(reason).__name__}"
    return type(error).__name__


# --8<-- [start:idea]
def call(url: str, timeout: float) -> tuple[str, float]:
    """GET the url; return the kind of error and the seconds it took."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
    except OSError as error:  # URLError and TimeoutError are both OSErrors
        return describe(error), time.perf_counter() - start
    return "no error", time.perf_counter() - start


def call_service_that_is_down() -> tuple[str, float]:
    # Bind a port but never listen: the port stays ours (nothing else can
    # take it meanwhile) and nothing accepts connections on it.
    with socket.socket() as reserved:
        reserved.bind(("127.0.0.1", 0))
        port = reserved.getsockname()[1]
        return call(f"http://127.0.0.1:{port}/", REFUSED_TIMEOUT)


def call_service_that_hangs() -> tuple[str, float]:
    # listen() without accept(): the kernel completes the TCP handshake
    # and buffers the request, but no program ever reads it or replies.
    with socket.socket() as stuck:
        stuck.bind(("127.0.0.1", 0))
        stuck.listen()
        port = stuck.getsockname()[1]
        return call(f"http://127.0.0.1:{port}/", HUNG_TIMEOUT)


# --8<-- [end:idea]


def what_ended_the_wait(seconds: float, timeout: float) -> str:
    # 0.9, not 1.0: some clocks tick coarsely (16 ms on older Windows).
    if seconds >= 0.9 * timeout:
        return f"the caller's own {timeout:g} s timeout"
    return f"a reply from the other side, before the {timeout:g} s timeout"


def main() -> None:
    kind, seconds = call_service_that_is_down()
    print(f"service down (nothing listens): {kind}")
    print(f"  ended by {what_ended_the_wait(seconds, REFUSED_TIMEOUT)}")
    kind, seconds = call_service_that_hangs()
    print(f"service hung (never answers): {kind}")
    print(f"  ended by {what_ended_the_wait(seconds, HUNG_TIMEOUT)}")


if __name__ == "__main__":
    main()
