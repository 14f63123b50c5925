"""What napt_table_sim.py teaches: distinct public ports for inside hosts
that use the same port, replies mapped back, unsolicited traffic dropped,
mappings refreshed by outbound traffic and expired after the idle timeout."""

from conftest import load_snippet

snippet = load_snippet("part-2/nat-and-dns/napt_table_sim.py")
E = snippet.Endpoint
PEER = E("198.51.100.7", 53)
A = E("192.168.1.10", 5000)
B = E("192.168.1.11", 5000)


def test_two_hosts_on_the_same_port_get_different_public_ports() -> None:
    nat = snippet.Napt()
    a, b = nat.outbound(A, PEER, 0), nat.outbound(B, PEER, 0)
    assert a.ip == b.ip == snippet.PUBLIC_IP
    assert a.port != b.port


def test_the_same_flow_keeps_its_public_port() -> None:
    nat = snippet.Napt()
    assert nat.outbound(A, PEER, 0) == nat.outbound(A, PEER, 10)


def test_replies_map_back_and_strangers_are_dropped() -> None:
    nat = snippet.Napt()
    port = nat.outbound(A, PEER, 0).port
    assert nat.inbound(PEER, port, 1) == A
    assert nat.inbound(E("198.51.100.99", 4444), port, 1) is None
    assert nat.inbound(PEER, port + 500, 1) is None


def test_the_mapping_lives_for_the_idle_timeout_after_the_last_outbound_packet() -> None:
    nat = snippet.Napt()
    port = nat.outbound(A, PEER, 0).port
    assert nat.inbound(PEER, port, 120) == A  # exactly at the limit: kept
    nat2 = snippet.Napt()
    port2 = nat2.outbound(A, PEER, 0).port
    assert nat2.inbound(PEER, port2, 120.5) is None
    assert nat2.table == {}


def test_inbound_replies_do_not_keep_a_mapping_alive() -> None:
    nat = snippet.Napt()
    port = nat.outbound(A, PEER, 0).port
    assert nat.inbound(PEER, port, 100) == A
    assert nat.inbound(PEER, port, 200) is None
