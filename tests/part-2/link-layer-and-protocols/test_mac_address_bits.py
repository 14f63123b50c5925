"""What mac_address_bits.py teaches: one 48-bit number, several spellings;
the I/G bit marks groups, the U/L bit marks software-set addresses."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/link-layer-and-protocols/mac_address_bits.py")


def test_three_spellings_are_the_same_number() -> None:
    values = {
        snippet.parse_mac(t) for t in ("00:1b:63:84:45:e6", "00-1B-63-84-45-E6", "001b.6384.45e6")
    }
    assert values == {0x001B638445E6}


def test_the_bits_of_the_first_byte() -> None:
    assert snippet.describe(snippet.parse_mac("02:00:00:00:00:0a")) == (
        "unicast, locally administered"
    )
    assert snippet.describe(snippet.parse_mac("01:00:5e:00:00:fb")) == "multicast"
    assert snippet.describe(snippet.parse_mac("ff:ff:ff:ff:ff:ff")) == "broadcast"
    assert "global" in snippet.describe(snippet.parse_mac("00:1b:63:84:45:e6"))


def test_a_short_address_is_refused() -> None:
    with pytest.raises(ValueError):
        snippet.parse_mac("00:1b:63:84:45")
