"""What udp_lossy_relay.py teaches: each recvfrom returns one whole
datagram; the seeded relay loses and reorders the same ones every run."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/tcp-and-udp/udp_lossy_relay.py")


def through_relay(seed: int, count: int = 10) -> list[int]:
    with (
        snippet.udp_socket() as sender,
        snippet.udp_socket() as net,
        snippet.udp_socket() as inbox,
    ):
        for number in range(1, count + 1):
            sender.sendto(str(number).encode(), net.getsockname())
        sender.sendto(snippet.END, net.getsockname())
        snippet.relay(net, inbox.getsockname(), seed)
        received = []
        while (data := inbox.recvfrom(65535)[0]) != snippet.END:
            received.append(int(data))
    return received


def test_seed_7_loses_2_4_7_9_and_reorders_the_rest() -> None:
    assert through_relay(7) == [3, 1, 5, 8, 6, 10]


@pytest.mark.parametrize("seed", [1, 2, 3, 7, 42])
def test_the_same_seed_gives_the_same_network(seed: int) -> None:
    assert through_relay(seed) == through_relay(seed)


def test_across_seeds_about_a_fifth_is_lost_and_nothing_is_duplicated() -> None:
    lost = 0
    for seed in range(40):
        received = through_relay(seed, 20)
        assert len(received) == len(set(received))
        lost += 20 - len(received)
    assert 0.1 < lost / (40 * 20) < 0.3


def test_every_recvfrom_returns_one_whole_datagram(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    out = capsys.readouterr().out
    assert "each recvfrom got one: [5, 50, 500]" in out
    assert "lost     [2, 4, 7, 9]" in out
