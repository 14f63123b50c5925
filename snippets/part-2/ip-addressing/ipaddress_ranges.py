"""Which range does an address belong to? Asked of `ipaddress`, offline.

RFC 1918's three private IPv4 ranges are written out by hand, because
Python's `is_private` means something wider: "not globally reachable",
per the IANA special-purpose registries.
"""
# output: exact

import ipaddress

# --8<-- [start:idea]
RFC1918 = [
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
]
ADDRESSES = [
    "127.0.0.1",  # loopback (all of 127.0.0.0/8 is)
    "127.42.0.7",  # loopback too
    "10.1.2.3",  # RFC 1918
    "172.31.255.255",  # RFC 1918: the /12 ends here
    "172.32.0.1",  # just outside it: public
    "192.168.1.20",  # RFC 1918
    "100.64.0.1",  # shared space for carrier-grade NAT (RFC 6598)
    "169.254.1.1",  # link-local (RFC 3927)
    "192.0.2.1",  # documentation (RFC 5737): not private, yet is_private
    "8.8.8.8",  # public
    "::1",  # IPv6 loopback
    "fd12:3456::1",  # unique local (RFC 4193)
    "fe80::1",  # link-local
    "2001:db8::1",  # documentation (RFC 3849)
]


def describe(text: str) -> str:
    ip = ipaddress.ip_address(text)
    rfc1918 = any(ip in net for net in RFC1918)
    return (
        f"{text:<17} v{ip.version} loopback={ip.is_loopback!s:<5} "
        f"rfc1918={rfc1918!s:<5} is_private={ip.is_private!s:<5} "
        f"is_global={ip.is_global}"
    )


def cidr(text: str) -> None:
    net = ipaddress.ip_network(text)
    hosts = list(net.hosts())
    print(
        f"{text}: netmask {net.netmask}, {net.num_addresses} addresses, "
        f"hosts {hosts[0]} to {hosts[-1]}, broadcast {net.broadcast_address}"
    )
    # --8<-- [end:idea]


def main() -> None:
    for text in ADDRESSES:
        print(describe(text))
    print()
    cidr("192.168.1.0/24")
    cidr("10.0.0.0/30")
    home = ipaddress.ip_network("192.168.1.0/24")
    print(
        "192.168.1.77 in 192.168.1.0/24:",
        ipaddress.ip_address("192.168.1.77") in home,
    )
    print(
        "192.168.2.1 in 192.168.1.0/24:",
        ipaddress.ip_address("192.168.2.1") in home,
    )
    halves = [str(n) for n in home.subnets(prefixlen_diff=1)]
    print("192.168.1.0/24 split in two:", ", ".join(halves))
    v6 = ipaddress.ip_network("2001:db8::/32")
    print(
        f"2001:db8::/32 holds 2**{v6.num_addresses.bit_length() - 1} addresses"
    )


if __name__ == "__main__":
    main()
