"""What geohash_cells.py teaches: encode/decode round-trip, the boundary
problem, and that cell + 8 neighbours equals brute force while the cell
alone misses points (the control)."""

import random

from conftest import load_snippet

snippet = load_snippet("part-3/spatial-indexes/geohash_cells.py")


def test_the_published_test_vector() -> None:
    assert snippet.encode(57.64911, 10.40744, 11) == "u4pruydqqvj"


def test_a_point_lies_in_the_cell_its_geohash_names() -> None:
    rng = random.Random(0)
    for _ in range(500):
        lat, lon = rng.uniform(-90, 90), rng.uniform(-180, 180)
        for length in (1, 5, 9):
            lat_lo, lat_hi, lon_lo, lon_hi = snippet.cell(snippet.encode(lat, lon, length))
            assert lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi


def test_neighbours_are_nine_distinct_adjacent_cells() -> None:
    code = snippet.encode(51.5, -0.1, 6)
    around = snippet.neighbours(code)
    assert len(around) == 9 and code in around
    assert all(len(c) == 6 for c in around)


def test_close_points_across_an_edge_share_no_prefix() -> None:
    west, east = (51.4779, -0.0015), (51.4779, 0.0015)
    assert snippet.metres(west, east) < 250
    a, b = snippet.encode(*west, 6), snippet.encode(*east, 6)
    assert a[0] != b[0]
    assert b in snippet.neighbours(a)  # the neighbour search bridges it


def test_nine_cells_match_brute_force_and_one_cell_misses() -> None:
    points = snippet.london(seed=2, n=3_000)
    index = snippet.build(points, 6)
    rng = random.Random(4)
    missed = 0
    for _ in range(40):
        here = (rng.uniform(51.45, 51.55), rng.uniform(-0.15, 0.15))
        truth = sorted(p for p in points if snippet.metres(here, p) <= 500)
        code = snippet.encode(*here, 6)
        nine = snippet.near(index, here, 500, snippet.neighbours(code))
        assert nine == truth
        missed += len(truth) - len(snippet.near(index, here, 500, [code]))
    assert missed > 0
