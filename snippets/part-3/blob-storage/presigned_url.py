"""A presigned URL: a link that grants one action on one object, for a while.

The server that holds the secret key signs the method, the object's path
and the expiry time with HMAC-SHA256 and puts the expiry and signature in
the query string. The blob store recomputes the signature with the same
secret: a change to any signed part, or a clock past the expiry, and the
link is refused. The clock is passed in, so expiry can be tested without
waiting. The control signs only the path and leaves the expiry unsigned:
anyone holding a link can then make it last for ever.
"""
# output: exact

import hashlib
import hmac
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlsplit

SECRET = b"server-side secret, never sent to the browser"
HOST = "https://blobs.example"


# --8<-- [start:idea]
def sign(method: str, path: str, expires: int) -> str:
    message = f"{method}\n{path}\n{expires}".encode()
    return hmac.new(SECRET, message, hashlib.sha256).hexdigest()


def presign(method: str, path: str, now: int, ttl: int) -> str:
    expires = now + ttl
    query = urlencode({"expires": expires, "sig": sign(method, path, expires)})
    return f"{HOST}{path}?{query}"


def verify(method: str, url: str, now: int) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    expires = int(query["expires"])
    expected = sign(method, parts.path, expires)
    if not hmac.compare_digest(expected, query["sig"]):  # constant time
        return "403 bad signature"
    if now >= expires:  # checked only after the signature: expiry is signed
        return "403 expired"
    return "200 ok"


# --8<-- [end:idea]


# --8<-- [start:control]
def verify_unsigned_expiry(method: str, url: str, now: int) -> str:
    """The control: the signature covers the path, not the expiry."""
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    expected = sign(method, parts.path, 0)  # expiry left out of the HMAC
    if not hmac.compare_digest(expected, query["sig"]):
        return "403 bad signature"
    return "403 expired" if now >= int(query["expires"]) else "200 ok"


# --8<-- [end:control]


def stretch(url: str, expires: int) -> str:
    """What a holder of the link can do: edit the expiry in the query."""
    head, query = url.split("?")
    fields = {k: v[0] for k, v in parse_qs(query).items()}
    return f"{head}?{urlencode({**fields, 'expires': expires})}"


def main() -> None:
    t0 = 1_767_225_600  # 2026-01-01 00:00 UTC, a fixed clock
    url = presign("GET", "/photos/user-123.jpg", now=t0, ttl=900)
    print(url)
    checks: list[tuple[str, Callable[[str, str, int], str], str, str, int]]
    checks = [
        ("within 15 minutes", verify, "GET", url, t0 + 60),
        ("at the expiry", verify, "GET", url, t0 + 900),
        ("used for PUT", verify, "PUT", url, t0 + 60),
        ("other object", verify, "GET", url.replace("123", "124"), t0),
        ("expiry edited", verify, "GET", stretch(url, t0 + 10**6), t0 + 901),
    ]
    signed_path_only = sign("GET", "/photos/user-123.jpg", 0)
    weak = url.split("&sig=")[0] + f"&sig={signed_path_only}"
    checks += [
        ("control, in time", verify_unsigned_expiry, "GET", weak, t0 + 60),
        (
            "control, expiry edited",
            verify_unsigned_expiry,
            "GET",
            stretch(weak, t0 + 10**6),
            t0 + 901,
        ),
    ]
    for label, check, method, link, now in checks:
        print(f"{label:24} {check(method, link, now)}")


if __name__ == "__main__":
    main()
