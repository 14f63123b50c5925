"""TLS 1.3 on loopback: an encrypted, authenticated connection.

The server presents a certificate; the client checks it against the one
certificate it trusts (passed as `cadata`, instead of the system's
store of public CAs) and checks that it names the host it dialled. Then
the two sides talk through the encrypted channel. Last, the cost: a
TLS handshake against a plain TCP connect, each until the first byte.
"""
# output: normalise timings, ratios

import socket
import ssl
import statistics
import tempfile
import threading
import time
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


def server_context() -> ssl.SSLContext:
    """`load_cert_chain` reads files only: write them, load, delete."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as folder:
        cert, key = Path(folder, "cert.pem"), Path(folder, "key.pem")
        cert.write_text(CERT_PEM)
        key.write_text(KEY_PEM)
        context.load_cert_chain(cert, key)
    return context


def serve(listener: socket.socket, tls: ssl.SSLContext | None, n: int) -> None:
    """Accept n connections; on each, answer one line with one line."""
    for _ in range(n):
        raw, _ = listener.accept()
        raw.settimeout(TIMEOUT)
        # Nagle would hold our first write after the handshake for 40 ms.
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            conn = tls.wrap_socket(raw, server_side=True) if tls else raw
            with conn:
                conn.sendall(b"hello over " + (b"TLS" if tls else b"TCP"))
                conn.recv(1024)  # wait for the client's goodbye
        except (ssl.SSLError, OSError):
            raw.close()  # the client refused our certificate


class Listener:
    """A server thread on 127.0.0.1 for n connections."""

    def __init__(self, tls: ssl.SSLContext | None, n: int) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(TIMEOUT)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=serve, args=(self.sock, tls, n))
        self.thread.start()

    def close(self) -> None:
        self.thread.join(TIMEOUT)
        self.sock.close()


# --8<-- [start:idea]
def client_context() -> ssl.SSLContext:
    # Verifies the chain and the host name; TLS 1.2 at least.
    context = ssl.create_default_context(cadata=CERT_PEM)
    context.minimum_version = ssl.TLSVersion.TLSv1_3  # and here, only 1.3
    return context


def talk(port: int, context: ssl.SSLContext) -> None:
    raw = socket.create_connection(("127.0.0.1", port), TIMEOUT)
    with context.wrap_socket(raw, server_hostname="localhost") as tls:
        cert, cipher = tls.getpeercert(), tls.cipher()
        assert cert and cipher  # a verified connection has both
        print("version:     ", tls.version())
        print("cipher:      ", cipher[0])
        print("names:       ", cert["subjectAltName"])
        print("valid until: ", cert["notAfter"])
        print("received:    ", tls.recv(1024))
        tls.sendall(b"bye")
        # --8<-- [end:idea]


# --8<-- [start:cost]
def first_byte_seconds(tls: bool, n: int) -> list[float]:
    """Connect (and shake hands) n times, each until the first byte."""
    server = Listener(server_context() if tls else None, n)
    context = client_context()
    times = []
    try:
        for _ in range(n):
            start = time.perf_counter()
            sock = socket.create_connection(
                ("127.0.0.1", server.port), TIMEOUT
            )
            if tls:
                sock = context.wrap_socket(sock, server_hostname="localhost")
            with sock:
                sock.recv(1024)
                times.append(time.perf_counter() - start)
                sock.sendall(b"bye")
    finally:
        server.close()
    return times
    # --8<-- [end:cost]


def main() -> None:
    server = Listener(server_context(), 1)
    try:
        talk(server.port, client_context())
    finally:
        server.close()
    tcp = statistics.median(first_byte_seconds(False, 50)[5:])
    tls = statistics.median(first_byte_seconds(True, 25)[5:])
    print(f"TCP connect, first byte:   {tcp * 1e3:.3f} ms")
    print(f"TLS handshake, first byte: {tls * 1e3:.3f} ms ({tls / tcp:.0f}x)")


if __name__ == "__main__":
    main()
