"""What dns_query_by_hand.py teaches: the RFC 1035 wire format (a 34-byte
query for api.example.test), an answer with a compression pointer and a TTL,
and NXDOMAIN for an unknown name, all over UDP on loopback."""

import threading

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/nat-and-dns/dns_query_by_hand.py")


def test_the_query_bytes() -> None:
    query = snippet.build_query(0x1234, "api.example.test")
    assert len(query) == 34
    assert query[:12] == bytes.fromhex("123401000001000000000000")
    assert query[12:] == b"\x03api\x07example\x04test\x00\x00\x01\x00\x01"


def test_a_known_name_gets_its_address_with_a_ttl_of_300() -> None:
    ((query, reply),) = snippet.lookup(["api.example.test"])
    query_id, rcode, answers = snippet.parse_reply(reply)
    assert (query_id, rcode, answers) == (0x1234, 0, [("192.0.2.10", 300)])
    assert reply[len(query) : len(query) + 2] == b"\xc0\x0c"  # pointer to byte 12
    assert reply[2] & 0x80 and reply[2] & 0x04  # QR and AA set


def test_an_unknown_name_is_nxdomain_with_no_answer() -> None:
    ((_, reply),) = snippet.lookup(["nope.example.test"])
    _, rcode, answers = snippet.parse_reply(reply)
    assert (rcode, answers) == (3, [])


def test_the_reply_echoes_the_id_and_the_question() -> None:
    pairs = snippet.lookup(["www.example.test", "api.example.test"])
    for query, reply in pairs:
        assert reply[:2] == query[:2]
        assert reply[12 : len(query)] == query[12:]


def test_no_thread_is_left_running() -> None:
    before = set(threading.enumerate())
    snippet.lookup(["api.example.test"])
    assert not new_threads_left(before)
