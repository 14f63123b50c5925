"""What service_down_failures.py teaches: a service that is down is refused
fast; a service that hangs is ended only by the caller's own timeout."""

import socket
import sys
import urllib.error

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/architecture/service_down_failures.py")


def test_down_service_is_refused_and_urllib_wraps_it() -> None:
    kind, seconds = snippet.call_service_that_is_down()
    assert kind == "URLError wrapping ConnectionRefusedError"
    assert seconds < snippet.REFUSED_TIMEOUT
    if sys.platform != "win32":  # Windows retries SYNs for about 2 s first
        assert seconds < 1.0, f"a refusal on loopback took {seconds:.2f} s"


def test_a_raw_connect_to_a_closed_port_raises_connection_refused() -> None:
    with socket.socket() as reserved:
        reserved.bind(("127.0.0.1", 0))  # bound, never listening
        port = reserved.getsockname()[1]
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=5).close()


def test_hung_service_ends_by_the_callers_timeout() -> None:
    kind, seconds = snippet.call_service_that_hangs()
    assert kind == "TimeoutError"  # not wrapped: it happened after connecting
    assert 0.9 * snippet.HUNG_TIMEOUT <= seconds < snippet.HUNG_TIMEOUT + 2.0


@pytest.mark.parametrize("timeout", [0.1, 0.4])
def test_the_wait_is_as_long_as_the_timeout_the_caller_chose(timeout: float) -> None:
    with socket.socket() as stuck:
        stuck.bind(("127.0.0.1", 0))
        stuck.listen()
        port = stuck.getsockname()[1]
        kind, seconds = snippet.call(f"http://127.0.0.1:{port}/", timeout)
    assert kind == "TimeoutError"
    assert 0.9 * timeout <= seconds < timeout + 2.0


def test_describe_names_the_error_kinds() -> None:
    refused = urllib.error.URLError(ConnectionRefusedError(111, "refused"))
    assert snippet.describe(refused) == "URLError wrapping ConnectionRefusedError"
    assert snippet.describe(TimeoutError("timed out")) == "TimeoutError"
    assert snippet.describe(urllib.error.URLError("no host")) == "URLError"
    assert issubclass(urllib.error.URLError, OSError)  # one except clause catches both
    assert issubclass(TimeoutError, OSError)


def test_what_ended_the_wait() -> None:
    assert snippet.what_ended_the_wait(0.001, 5.0).startswith("a reply")
    assert snippet.what_ended_the_wait(0.3, 0.3).startswith("the caller's own")
    assert snippet.what_ended_the_wait(0.28, 0.3).startswith("the caller's own")


def test_main_prints_both_failure_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "service down (nothing listens): URLError wrapping ConnectionRefusedError",
        "  ended by a reply from the other side, before the 5 s timeout",
        "service hung (never answers): TimeoutError",
        "  ended by the caller's own 0.3 s timeout",
    ]
