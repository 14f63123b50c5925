"""The three certificate errors a TLS client must refuse to ignore.

One server on 127.0.0.1 presents a self-signed certificate for
localhost. Clients connect with a default context, which verifies the
chain and the host name, in four situations: all correct; not trusting
the certificate; dialling a name the certificate does not carry; and
a certificate that has expired. Each refusal has its own code.
"""
# output: exact

import socket
import ssl
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

TIMEOUT = 2.0

# A self-signed certificate for localhost, 127.0.0.1 and ::1 (EC P-256,
# valid until 9999-12-31), and its private key. Made once with openssl;
# a throwaway key that protects nothing: never reuse it.
CERT_PEM = """\
-----BEGIN CERTIFICATE-----
MIIBwTCCAWegAwIBAgIEGis8TTAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2Nh
bGhvc3QwIBcNMjUwMTAxMDAwMDAwWhgPOTk5OTEyMzEyMzU5NTlaMBQxEjAQBgNV
BAMMCWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIRWYmkseX3j
YQXeAK6MGtrMKcSZ2E2KWojNVXcL+KTeuNTT1l3P65mvcja3ll1dS6l6JHhX4/oR
BasHuMkmbbejgaQwgaEwLAYDVR0RBCUwI4IJbG9jYWxob3N0hwR/AAABhxAAAAAA
AAAAAAAAAAAAAAABMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgeAMBMGA1Ud
JQQMMAoGCCsGAQUFBwMBMB0GA1UdDgQWBBRmR3Xb4P85760BUuQve0UqOVV0KTAf
BgNVHSMEGDAWgBRmR3Xb4P85760BUuQve0UqOVV0KTAKBggqhkjOPQQDAgNIADBF
AiBpIyzW38k4A08/bUX1o7voghD+MWnZrEzGLmLXPADi6gIhAP+vW09F/4mU3L1W
/QFNEK3nPQoAh/UMDcLnqhAibqAP
-----END CERTIFICATE-----
"""
KEY_PEM = """\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgYtf1aY1wW1BuUvxs
kbtyc6fVj5nTB9MOV0wKeRCarUqhRANCAASEVmJpLHl942EF3gCujBrazCnEmdhN
ilqIzVV3C/ik3rjU09Zdz+uZr3I2t5ZdXUupeiR4V+P6EQWrB7jJJm23
-----END PRIVATE KEY-----
"""

# The same key and names, but valid only during the year 2000.
EXPIRED_CERT_PEM = """\
-----BEGIN CERTIFICATE-----
MIIBwDCCAWWgAwIBAgIEGis8TjAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2Nh
bGhvc3QwHhcNMDAwMTAxMDAwMDAwWhcNMDEwMTAxMDAwMDAwWjAUMRIwEAYDVQQD
DAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASEVmJpLHl942EF
3gCujBrazCnEmdhNilqIzVV3C/ik3rjU09Zdz+uZr3I2t5ZdXUupeiR4V+P6EQWr
B7jJJm23o4GkMIGhMCwGA1UdEQQlMCOCCWxvY2FsaG9zdIcEfwAAAYcQAAAAAAAA
AAAAAAAAAAAAATAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIHgDATBgNVHSUE
DDAKBggrBgEFBQcDATAdBgNVHQ4EFgQUZkd12+D/Oe+tAVLkL3tFKjlVdCkwHwYD
VR0jBBgwFoAUZkd12+D/Oe+tAVLkL3tFKjlVdCkwCgYIKoZIzj0EAwIDSQAwRgIh
AMtLYulR9OVpFQ9wcKKktcEwV4beufhBMO4uuDwpdKYlAiEAn8Dxcll2gVQ+EifR
XqQEKP8ZhV2f/lrtWaPne/SSmvA=
-----END CERTIFICATE-----
"""


def server_context(cert_pem: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as folder:  # files only, sadly
        cert, key = Path(folder, "cert.pem"), Path(folder, "key.pem")
        cert.write_text(cert_pem)
        key.write_text(KEY_PEM)
        context.load_cert_chain(cert, key)
    return context


def serve(listener: socket.socket, context: ssl.SSLContext) -> None:
    """One connection: complete the handshake if the client accepts."""
    raw, _ = listener.accept()
    raw.settimeout(TIMEOUT)
    try:
        with context.wrap_socket(raw, server_side=True) as conn:
            conn.sendall(b"ok")
            conn.recv(16)
    except (ssl.SSLError, OSError):
        raw.close()  # the client refused our certificate


# --8<-- [start:idea]
def connect(server_cert: str, trust: str | None, hostname: str) -> str:
    context = ssl.create_default_context(cadata=trust)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(TIMEOUT)
        args = (listener, server_context(server_cert))
        server = threading.Thread(target=serve, args=args)
        server.start()
        raw = socket.create_connection(listener.getsockname(), TIMEOUT)
        try:
            with context.wrap_socket(raw, server_hostname=hostname) as tls:
                tls.recv(16)
                tls.sendall(b"bye")
                return f"connected, {tls.version()}"
        except ssl.SSLCertVerificationError as exc:
            return f"refused, code {exc.verify_code}: {exc.verify_message}"
        finally:
            raw.close()
            server.join(TIMEOUT)


def main() -> None:
    cases = [
        ("all correct", CERT_PEM, CERT_PEM, "localhost"),
        ("not trusted", CERT_PEM, None, "localhost"),
        ("wrong name", CERT_PEM, CERT_PEM, "example.test"),
        ("expired", EXPIRED_CERT_PEM, EXPIRED_CERT_PEM, "localhost"),
    ]
    for label, server_cert, trust, hostname in cases:
        print(f"{label:<12} {retried(connect, server_cert, trust, hostname)}")
    # --8<-- [end:idea]


def retried(attempt: Callable[..., str], *args: str | None) -> str:
    """Under heavy load, a refused handshake can surface as a broken pipe
    or a reset instead of the verification error: try once more."""
    try:
        return attempt(*args)
    except ConnectionError:
        return attempt(*args)


if __name__ == "__main__":
    main()
