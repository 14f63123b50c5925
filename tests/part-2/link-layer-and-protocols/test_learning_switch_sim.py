"""What learning_switch_sim.py teaches: flood unknown and broadcast
destinations, learn sources, forward known unicast to one port, age out."""

from conftest import load_snippet

snippet = load_snippet("part-2/link-layer-and-protocols/learning_switch_sim.py")
Frame = snippet.Frame
A, B, C = snippet.A, snippet.B, snippet.C


def test_broadcast_floods_every_port_but_the_one_it_came_in_on() -> None:
    switch = snippet.LearningSwitch([1, 2, 3, 4])
    assert switch.receive(Frame(A, snippet.BROADCAST, "arp"), 1, 0.0) == [2, 3, 4]


def test_unknown_unicast_floods_then_known_unicast_goes_to_one_port() -> None:
    switch = snippet.LearningSwitch([1, 2, 3, 4])
    assert switch.receive(Frame(A, B, "x"), 1, 0.0) == [2, 3, 4]  # B unknown
    assert switch.receive(Frame(B, A, "y"), 2, 0.1) == [1]  # A was learned
    assert switch.receive(Frame(A, B, "z"), 1, 0.2) == [2]  # B was learned


def test_a_frame_for_the_port_it_came_from_is_filtered() -> None:
    switch = snippet.LearningSwitch([1, 2])
    switch.receive(Frame(A, B, "x"), 1, 0.0)
    assert switch.receive(Frame(C, A, "y"), 1, 0.1) == []


def test_a_host_that_moves_is_relearned_on_its_new_port() -> None:
    switch = snippet.LearningSwitch([1, 2, 3])
    switch.receive(Frame(A, B, "x"), 1, 0.0)
    switch.receive(Frame(A, B, "x"), 3, 1.0)  # A plugged into port 3
    assert switch.receive(Frame(B, A, "y"), 2, 2.0) == [3]


def test_entries_age_out_after_300_seconds_and_the_frame_floods_again() -> None:
    switch = snippet.LearningSwitch([1, 2, 3])
    switch.receive(Frame(A, B, "x"), 1, 0.0)
    assert switch.receive(Frame(B, A, "y"), 2, 300.0) == [1]
    switch2 = snippet.LearningSwitch([1, 2, 3])
    switch2.receive(Frame(A, B, "x"), 1, 0.0)
    assert switch2.receive(Frame(B, A, "y"), 2, 300.5) == [1, 3]


def test_the_script_floods_exactly_the_two_arp_requests_and_the_aged_frame() -> None:
    outs = snippet.run(snippet.SCRIPT)
    flooded = [i for i, out in enumerate(outs) if len(out) > 1]
    assert flooded == [0, 4, 6]
