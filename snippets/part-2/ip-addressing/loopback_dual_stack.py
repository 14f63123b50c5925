"""Two loopbacks, one port number: IPv4's 127.0.0.1 and IPv6's ::1.

A dual-stack host runs both protocols. Here one listener binds
127.0.0.1 and another binds ::1 on the same port number; they are two
different sockets, and each client reaches the one of its own family.
Then: what does the name "localhost" resolve to on this machine?
"""
# output: property

import socket

TIMEOUT = 2.0


# --8<-- [start:idea]
def who_answers(host: str, port: int, listeners: list[socket.socket]) -> str:
    with socket.create_connection((host, port), TIMEOUT):
        for listener in listeners:
            try:
                conn, peer = listener.accept()
            except TimeoutError:
                continue  # nobody knocked on this one
            conn.close()
            return f"{listener.getsockname()[0]} (client {peer[0]})"
    return "nobody"


def main() -> None:
    v4 = socket.create_server(("127.0.0.1", 0))
    port = v4.getsockname()[1]
    listeners = [v4]
    try:
        v6 = socket.create_server(("::1", port), family=socket.AF_INET6)
        listeners.append(v6)
    except OSError as exc:  # no IPv6 here, or that port is taken on ::1
        print(f"IPv6 loopback not available: {exc.strerror}")
    for listener in listeners:
        listener.settimeout(0.2)
    hosts = ["127.0.0.1", "::1"] if len(listeners) == 2 else ["127.0.0.1"]
    for host in hosts:
        answer = who_answers(host, port, listeners)
        print(f"connect to {host:<9} -> accepted by {answer}")
    for listener in listeners:
        listener.close()
    # What "localhost" means depends on /etc/hosts and the resolver.
    infos = socket.getaddrinfo("localhost", port, type=socket.SOCK_STREAM)
    print("localhost resolves to, in order:", [info[4][0] for info in infos])
    # --8<-- [end:idea]


if __name__ == "__main__":
    main()
