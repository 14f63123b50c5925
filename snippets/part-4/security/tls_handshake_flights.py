"""TLS 1.3 against TLS 1.2: count the flights before the client may talk.

No sockets and no threads: the client and the server are two SSLObjects
joined by in-memory buffers (ssl.MemoryBIO), and this program carries
each side's bytes to the other, one flight at a time. It names every
TLS record it carries, and counts the round trips the client waits for
before its handshake is done and it may send its request.
"""
# output: exact

import ssl
import tempfile
from pathlib import Path

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


def server_context(version: ssl.TLSVersion) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = context.maximum_version = version
    with tempfile.TemporaryDirectory() as folder:  # load_cert_chain: files
        cert, key = Path(folder, "cert.pem"), Path(folder, "key.pem")
        cert.write_text(CERT_PEM)
        key.write_text(KEY_PEM)
        context.load_cert_chain(cert, key)
    return context


def client_context(version: ssl.TLSVersion) -> ssl.SSLContext:
    context = ssl.create_default_context(cadata=CERT_PEM)
    context.minimum_version = context.maximum_version = version
    return context


HANDSHAKE = {
    1: "ClientHello",
    2: "ServerHello",
    4: "NewSessionTicket",
    11: "Certificate",
    12: "ServerKeyExchange",
    14: "ServerHelloDone",
    16: "ClientKeyExchange",
}


def record_names(data: bytes, encrypted: bool) -> tuple[list[str], bool]:
    """Name the TLS records in one flight (RFC 8446, section 5.1).

    Each record: type (1 byte), version (2), length (2), body. After a
    ChangeCipherSpec from the same side, the rest is encrypted.
    """
    names, i = [], 0
    while i < len(data):
        kind, size = data[i], int.from_bytes(data[i + 3 : i + 5], "big")
        body = data[i + 5 : i + 5 + size]
        if kind == 20:
            names.append("ChangeCipherSpec")
            encrypted = True
        elif kind == 23 or encrypted:
            names.append("(encrypted)")
        else:  # plain handshake records may hold several messages
            j = 0
            while j < len(body):
                names.append(HANDSHAKE.get(body[j], str(body[j])))
                j += 4 + int.from_bytes(body[j + 1 : j + 4], "big")
        i += 5 + size
    return names, encrypted


def summary(names: list[str]) -> str:
    """ClientHello, (encrypted), (encrypted) -> ClientHello, 2 encrypted"""
    parts: list[str] = []
    for name in names:
        if name == "(encrypted)" and parts and parts[-1].endswith("encrypted"):
            parts[-1] = f"{int(parts[-1].split()[0]) + 1} encrypted"
        else:
            parts.append("1 encrypted" if name == "(encrypted)" else name)
    return ", ".join(parts)


# --8<-- [start:idea]
def handshake(version: ssl.TLSVersion) -> None:
    to_server, to_client = ssl.MemoryBIO(), ssl.MemoryBIO()
    server_out, client_out = ssl.MemoryBIO(), ssl.MemoryBIO()
    client = client_context(version).wrap_bio(
        to_client, client_out, server_hostname="localhost"
    )
    server = server_context(version).wrap_bio(
        to_server, server_out, server_side=True
    )
    waited, client_ready_after = 0, -1
    sealed = {"client": False, "server": False}
    for _ in range(4):  # a handshake is at most four flights
        for name, side, out, peer in [
            ("client", client, client_out, to_server),
            ("server", server, server_out, to_client),
        ]:
            try:
                side.do_handshake()
                if name == "client" and client_ready_after < 0:
                    client_ready_after = waited
            except ssl.SSLWantReadError:
                pass  # it needs the other side's next flight
            if data := out.read():
                names, sealed[name] = record_names(data, sealed[name])
                arrow = "->" if name == "client" else "<-"
                print(f"  client {arrow} server: {summary(names)}")
                peer.write(data)
                waited += name == "server"
    cipher = client.cipher()
    assert cipher is not None
    print(f"  {client.version()}, {cipher[0]}")
    print(f"  the client may send its request after {client_ready_after} RTT")
    # --8<-- [end:idea]


def main() -> None:
    for version in (ssl.TLSVersion.TLSv1_3, ssl.TLSVersion.TLSv1_2):
        print(version.name.replace("v", " ").replace("_", ".") + ":")
        handshake(version)


if __name__ == "__main__":
    main()
