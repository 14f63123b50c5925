"""What the bits of a MAC address say, in its three common spellings.

A MAC address is a 48-bit number. Two bits of its first byte carry
meaning: bit 0 (I/G) set means a group address (multicast, or broadcast
when all bits are 1); bit 1 (U/L) set means "locally administered", set
by software, not a manufacturer's globally unique number.
"""
# output: exact


def parse_mac(text: str) -> int:
    """Accept aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff and aabb.ccdd.eeff."""
    digits = text.replace(":", "").replace("-", "").replace(".", "")
    if len(digits) != 12:
        raise ValueError(f"not a 48-bit MAC address: {text!r}")
    return int(digits, 16)


def describe(mac: int) -> str:
    first = mac >> 40  # the first byte on the wire
    if mac == 0xFFFF_FFFF_FFFF:
        return "broadcast"
    if first & 0b10:
        scope = "locally administered"
    else:
        scope = f"global, vendor prefix (OUI) {mac >> 24:06x}"
    if first & 0b01:
        return "multicast"  # a group; its prefix names no vendor
    return f"unicast, {scope}"


def main() -> None:
    for text in (
        "00:1b:63:84:45:e6",  # a network card's burnt-in address
        "00-1B-63-84-45-E6",  # the same address, Windows style
        "001b.6384.45e6",  # the same address, Cisco style
        "02:00:00:00:00:0a",  # set by software: VMs, containers, Wi-Fi
        "01:00:5e:00:00:fb",  # IPv4 multicast 224.0.0.251 (mDNS)
        "ff:ff:ff:ff:ff:ff",  # everyone on the link (ARP requests)
    ):
        print(f"{text:<18} {describe(parse_mac(text))}")


if __name__ == "__main__":
    main()
