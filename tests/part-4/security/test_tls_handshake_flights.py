"""What tls_handshake_flights.py teaches: TLS 1.3's client is done after
one server flight (1 RTT), TLS 1.2's after two; in 1.3 everything after
ServerHello is encrypted (the certificate too), in 1.2 it is in clear."""

import ssl

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/security/tls_handshake_flights.py")


def run(version: ssl.TLSVersion, capsys: pytest.CaptureFixture[str]) -> str:
    snippet.handshake(version)
    return capsys.readouterr().out


def test_tls13_is_one_round_trip(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(ssl.TLSVersion.TLSv1_3, capsys)
    assert "TLSv1.3" in out
    assert "after 1 RTT" in out
    assert "Certificate" not in out  # sent, but encrypted
    server_flight = out.splitlines()[1]
    assert server_flight.startswith("  client <- server: ServerHello,")
    assert "encrypted" in server_flight


def test_tls12_is_two_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(ssl.TLSVersion.TLSv1_2, capsys)
    assert "TLSv1.2" in out
    assert "after 2 RTT" in out
    assert "Certificate, ServerKeyExchange" in out  # visible on the wire
    assert "ECDHE" in out  # ephemeral key exchange: forward secrecy


def test_record_names_follow_the_record_layer() -> None:
    hello = bytes([22, 3, 1, 0, 4, 1, 0, 0, 0])  # a 0-byte ClientHello
    ccs = bytes([20, 3, 3, 0, 1, 1])
    after = bytes([22, 3, 3, 0, 2, 9, 9])
    names, sealed = snippet.record_names(hello + ccs + after, False)
    assert names == ["ClientHello", "ChangeCipherSpec", "(encrypted)"]
    assert sealed
    assert snippet.summary(["A", "(encrypted)", "(encrypted)"]) == "A, 2 encrypted"
