"""What inet_aton_leniency.py teaches: inet_aton accepts shorthand and
octal forms; ipaddress accepts only four decimal numbers."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/ip-addressing/inet_aton_leniency.py")


@pytest.mark.parametrize(
    ("text", "aton"),
    [("127.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("2130706433", "127.0.0.1")],
)
def test_shorthand_forms_are_read_by_inet_aton_and_rejected_by_ipaddress(
    text: str, aton: str
) -> None:
    assert snippet.with_inet_aton(text) == aton
    assert snippet.with_ipaddress(text) == "rejected"


def test_a_leading_zero_is_octal_to_inet_aton() -> None:
    assert snippet.with_inet_aton("010.0.0.1") == "8.0.0.1"
    assert snippet.with_ipaddress("010.0.0.1") == "rejected"


def test_the_plain_form_agrees() -> None:
    assert snippet.with_inet_aton("127.0.0.1") == snippet.with_ipaddress("127.0.0.1")
