"""What tls_verification_failures.py teaches: an untrusted certificate,
a wrong host name and an expired certificate are each refused, with
their own verify code; the correct case connects (the control)."""

import threading

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/http-and-https/tls_verification_failures.py")


def connect(server_cert: str, trust: str | None, hostname: str) -> str:
    """One retry: under heavy load the refusal can surface as a reset."""
    try:
        return str(snippet.connect(server_cert, trust, hostname))
    except OSError:
        return str(snippet.connect(server_cert, trust, hostname))


def test_all_correct_connects_with_tls13() -> None:
    assert connect(snippet.CERT_PEM, snippet.CERT_PEM, "localhost") == "connected, TLSv1.3"


def test_the_ip_address_in_the_certificate_verifies_too() -> None:
    assert connect(snippet.CERT_PEM, snippet.CERT_PEM, "127.0.0.1") == "connected, TLSv1.3"


def test_an_untrusted_certificate_is_refused_with_code_18() -> None:
    result = connect(snippet.CERT_PEM, None, "localhost")
    assert result.startswith("refused, code 18:"), result


def test_a_wrong_host_name_is_refused_with_code_62() -> None:
    result = connect(snippet.CERT_PEM, snippet.CERT_PEM, "example.test")
    assert result.startswith("refused, code 62: Hostname mismatch"), result


def test_an_expired_certificate_is_refused_with_code_10() -> None:
    result = connect(snippet.EXPIRED_CERT_PEM, snippet.EXPIRED_CERT_PEM, "localhost")
    assert result == "refused, code 10: certificate has expired", result


def test_no_thread_is_left() -> None:
    before = set(threading.enumerate())
    connect(snippet.CERT_PEM, None, "localhost")
    assert not new_threads_left(before)
