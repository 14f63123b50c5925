"""An IPv4 address is a 32-bit number; "a.b.c.d" is only one way to
write it. The C library's `inet_aton` (behind `socket.inet_aton`) still
accepts old shorthand forms, and reads a leading zero as octal.
`ipaddress` accepts only the four-decimal form, so it is the one to use
on input you did not write yourself.
"""
# output: exact

import ipaddress
import socket

TEXTS = ["127.0.0.1", "127.1", "0x7f.1", "2130706433", "010.0.0.1"]


def with_inet_aton(text: str) -> str:
    try:
        return socket.inet_ntoa(socket.inet_aton(text))
    except OSError:
        return "rejected"


def with_ipaddress(text: str) -> str:
    try:
        return str(ipaddress.IPv4Address(text))
    except ValueError:
        return "rejected"


def main() -> None:
    print(f"{'text':<12} {'inet_aton reads':<16} ipaddress reads")
    for text in TEXTS:
        print(f"{text:<12} {with_inet_aton(text):<16} {with_ipaddress(text)}")
    number = int(ipaddress.IPv4Address("127.0.0.1"))
    print(f"127.0.0.1 is the number {number} = {number:#010x}")


if __name__ == "__main__":
    main()
