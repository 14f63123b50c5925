"""Latency or bandwidth: which one decides how long a transfer takes?

A simple model of fetching `size` bytes: one round trip to ask, then
the bytes at the link's rate (ignoring TCP's slow start, which only
adds round trips). Small objects are bound by the round trip, big ones
by bandwidth. Light in fibre covers about 200 km per millisecond, so
distance alone sets a floor under the round-trip time.
"""
# output: exact

FIBRE_KM_PER_MS = 200  # light in glass: about 2/3 of c


# --8<-- [start:idea]
def fetch_ms(size_bytes: int, rtt_ms: float, mbit_per_s: float) -> float:
    """One round trip for the request, then the transfer itself."""
    transfer_ms = size_bytes * 8 / (mbit_per_s * 1000)  # Mb/s = bits/ms/1000
    return rtt_ms + transfer_ms


def rtt_floor_ms(distance_km: float) -> float:
    """There and back at the speed of light in fibre; no queues, no hops."""
    return 2 * distance_km / FIBRE_KM_PER_MS


# --8<-- [end:idea]


def main() -> None:
    links = {
        "far, fast (100 ms, 1000 Mb/s)": (100.0, 1000.0),
        "near, slow (10 ms, 50 Mb/s)": (10.0, 50.0),
    }
    sizes = {"1 KB": 1_000, "100 KB": 100_000, "10 MB": 10_000_000}
    print(f"{'fetch time':<31}" + "".join(f"{s:>10}" for s in sizes))
    for name, (rtt, rate) in links.items():
        cells = "".join(
            f"{fetch_ms(n, rtt, rate):>7.0f} ms" for n in sizes.values()
        )
        print(f"{name:<31}{cells}")
    print("bytes in flight to fill the far link (bandwidth x delay):")
    print(f"  {1000e6 / 8 * 0.100 / 1e6:.1f} MB")
    for city, km in (("same city", 50), ("London-New York", 5_570)):
        print(f"RTT floor, {city} ({km} km): {rtt_floor_ms(km):.1f} ms")


if __name__ == "__main__":
    main()
