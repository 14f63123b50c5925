"""Geohash: a place as a short string, and the boundary problem.

A geohash halves the longitude range, then the latitude range, again and
again, writing down which half the point is in; every 5 bits become one
base-32 character. Points in the same cell share a prefix, so a B-tree on
the string finds them. The catch: two points a few metres apart on either
side of a cell edge can share no prefix at all. A "near me" search must
therefore look in the point's cell and its 8 neighbours, then filter by
real distance. The control searches the point's cell alone.
"""
# output: exact

import math
import random

BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"


# --8<-- [start:encode]
def encode(lat: float, lon: float, length: int) -> str:
    lat_lo, lat_hi, lon_lo, lon_hi = -90.0, 90.0, -180.0, 180.0
    bits, even, text = 0, True, []
    for i in range(length * 5):
        if even:  # even bits split longitude, odd bits latitude
            mid = (lon_lo + lon_hi) / 2
            bit = lon >= mid
            lon_lo, lon_hi = (mid, lon_hi) if bit else (lon_lo, mid)
        else:
            mid = (lat_lo + lat_hi) / 2
            bit = lat >= mid
            lat_lo, lat_hi = (mid, lat_hi) if bit else (lat_lo, mid)
        bits, even = bits * 2 + bit, not even
        if i % 5 == 4:
            text.append(BASE32[bits])
            bits = 0
    return "".join(text)


# --8<-- [end:encode]


def cell(code: str) -> tuple[float, float, float, float]:
    """The cell a geohash names: lat_lo, lat_hi, lon_lo, lon_hi."""
    lat_lo, lat_hi, lon_lo, lon_hi = -90.0, 90.0, -180.0, 180.0
    even = True
    for char in code:
        value = BASE32.index(char)
        for shift in range(4, -1, -1):
            bit = (value >> shift) & 1
            if even:
                mid = (lon_lo + lon_hi) / 2
                lon_lo, lon_hi = (mid, lon_hi) if bit else (lon_lo, mid)
            else:
                mid = (lat_lo + lat_hi) / 2
                lat_lo, lat_hi = (mid, lat_hi) if bit else (lat_lo, mid)
            even = not even
    return lat_lo, lat_hi, lon_lo, lon_hi


# --8<-- [start:neighbours]
def neighbours(code: str) -> list[str]:
    """The cell and the 8 around it: step one cell size in each direction."""
    lat_lo, lat_hi, lon_lo, lon_hi = cell(code)
    lat, lon = (lat_lo + lat_hi) / 2, (lon_lo + lon_hi) / 2
    dlat, dlon = lat_hi - lat_lo, lon_hi - lon_lo
    return sorted(
        {
            encode(
                lat + i * dlat, (lon + j * dlon + 180) % 360 - 180, len(code)
            )
            for i in (-1, 0, 1)
            for j in (-1, 0, 1)
            if -90 < lat + i * dlat < 90
        }
    )


# --8<-- [end:neighbours]


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine), Earth radius 6,371 km."""
    (lat1, lon1), (lat2, lon2) = [map(math.radians, p) for p in (a, b)]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


# --8<-- [start:search]
def near(
    index: dict[str, list[tuple[float, float]]],
    here: tuple[float, float],
    radius: float,
    cells: list[str],
) -> list[tuple[float, float]]:
    found = [p for c in cells for p in index.get(c, [])]
    return sorted(p for p in found if metres(here, p) <= radius)


def build(
    points: list[tuple[float, float]], length: int
) -> dict[str, list[tuple[float, float]]]:
    index: dict[str, list[tuple[float, float]]] = {}
    for p in points:
        index.setdefault(encode(*p, length), []).append(p)
    return index


# --8<-- [end:search]


def london(seed: int, n: int) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    return [
        (rng.uniform(51.4, 51.6), rng.uniform(-0.2, 0.2)) for _ in range(n)
    ]


def main() -> None:
    print(f"Jutland test point: {encode(57.64911, 10.40744, 11)}")
    west, east = (51.4779, -0.0015), (51.4779, 0.0015)  # Greenwich
    print(f"{metres(west, east):.0f} m apart across the prime meridian:")
    print(f"  {encode(*west, 6)} and {encode(*east, 6)}: no common prefix")

    points, length, radius = london(seed=5, n=4_000), 6, 500.0
    lat_lo, lat_hi, lon_lo, lon_hi = cell(encode(51.5, 0.0, length))
    height = metres((lat_lo, lon_lo), (lat_hi, lon_lo))
    width = metres((lat_lo, lon_lo), (lat_lo, lon_hi))
    print(f"a length-{length} cell here: {width:.0f} m x {height:.0f} m")
    index = build(points, length)
    rng = random.Random(9)
    searches, same, missed = 60, 0, 0
    for _ in range(searches):
        here = (rng.uniform(51.45, 51.55), rng.uniform(-0.15, 0.15))
        truth = sorted(p for p in points if metres(here, p) <= radius)
        code = encode(*here, length)
        same += near(index, here, radius, neighbours(code)) == truth
        missed += len(truth) - len(near(index, here, radius, [code]))
    print(f"{searches} searches within {radius:.0f} m of a random spot:")
    print(f"  own cell + 8 neighbours: same as brute force {same} times")
    print(f"  own cell only: missed {missed} points within the radius")


if __name__ == "__main__":
    main()
