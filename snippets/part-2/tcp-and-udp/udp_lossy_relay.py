"""UDP keeps message boundaries, and promises nothing else.

Every `recvfrom` returns exactly one datagram, as it was sent. But on a
real network datagrams get lost and overtake each other, and UDP does
nothing about it. Loopback never loses anything, so a relay between
sender and receiver plays the network: seeded, so every run loses and
reorders the same datagrams.
"""
# output: exact

import random
import socket

TIMEOUT = 2.0
SEED = 7
END = b"end"  # the relay never drops this one, so the receiver stops


def udp_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(TIMEOUT)
    return sock


# --8<-- [start:relay]
def relay(inbox: socket.socket, to: tuple[str, int], seed: int) -> None:
    """Forward datagrams: drop 20% of them, hold back another 20% until
    the next one has gone (so they arrive out of order)."""
    rng = random.Random(seed)
    held: bytes | None = None
    while True:
        data, _ = inbox.recvfrom(65535)
        if data == END:
            if held is not None:
                inbox.sendto(held, to)
            inbox.sendto(END, to)
            return
        roll = rng.random()
        if roll < 0.2:
            continue  # lost
        if roll < 0.4 and held is None:
            held = data  # delayed: the next datagram overtakes it
            continue
        inbox.sendto(data, to)
        if held is not None:
            inbox.sendto(held, to)
            held = None
            # --8<-- [end:relay]


# --8<-- [start:idea]
def main() -> None:
    with udp_socket() as sender, udp_socket() as net, udp_socket() as inbox:
        sizes = [5, 50, 500]
        for size in sizes:  # straight to the receiver: no relay
            sender.sendto(b"x" * size, inbox.getsockname())
        got = [len(inbox.recvfrom(65535)[0]) for _ in sizes]
        print(f"sent {sizes} bytes, each recvfrom got one: {got}")

        sent = list(range(1, 11))
        for number in sent:  # through the lossy relay
            sender.sendto(str(number).encode(), net.getsockname())
        sender.sendto(END, net.getsockname())
        relay(net, inbox.getsockname(), SEED)
        received = []
        while (data := inbox.recvfrom(65535)[0]) != END:
            received.append(int(data))
    print(f"sent     {sent}")
    print(f"received {received}")
    print(f"lost     {sorted(set(sent) - set(received))}")
    # --8<-- [end:idea]


if __name__ == "__main__":
    main()
