"""What presigned_url.py teaches: the link works until its signed expiry,
for one method and one object; leaving the expiry unsigned lets anyone
extend it (the control)."""

from conftest import load_snippet

snippet = load_snippet("part-3/blob-storage/presigned_url.py")

T0 = 1_767_225_600
PATH = "/photos/user-123.jpg"


def test_valid_until_the_expiry_then_refused() -> None:
    url = snippet.presign("GET", PATH, now=T0, ttl=900)
    assert snippet.verify("GET", url, T0) == "200 ok"
    assert snippet.verify("GET", url, T0 + 899) == "200 ok"
    assert snippet.verify("GET", url, T0 + 900) == "403 expired"
    assert snippet.verify("GET", url, T0 + 10**6) == "403 expired"


def test_another_method_or_object_is_refused() -> None:
    url = snippet.presign("GET", PATH, now=T0, ttl=900)
    assert snippet.verify("PUT", url, T0) == "403 bad signature"
    other = url.replace("123", "124")
    assert snippet.verify("GET", other, T0) == "403 bad signature"


def test_editing_the_expiry_breaks_the_signature() -> None:
    url = snippet.presign("GET", PATH, now=T0, ttl=900)
    stretched = snippet.stretch(url, T0 + 10**6)
    assert snippet.verify("GET", stretched, T0 + 901) == "403 bad signature"


def test_the_control_without_a_signed_expiry_can_be_extended() -> None:
    sig = snippet.sign("GET", PATH, 0)
    weak = f"{snippet.HOST}{PATH}?expires={T0 + 900}&sig={sig}"
    assert snippet.verify_unsigned_expiry("GET", weak, T0 + 901) == "403 expired"
    stretched = snippet.stretch(weak, T0 + 10**6)
    assert snippet.verify_unsigned_expiry("GET", stretched, T0 + 901) == "200 ok"
    # the fixed verifier refuses the very same stretched link
    assert snippet.verify("GET", stretched, T0 + 901) == "403 bad signature"
