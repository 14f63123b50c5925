"""What smtp_loopback_exchange.py teaches: the SMTP dialogue (220 greeting,
EHLO, MAIL, RCPT, DATA ending in a lone dot, QUIT), on loopback only."""

import threading

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/link-layer-and-protocols/smtp_loopback_exchange.py")


def test_the_commands_come_in_the_order_smtp_defines() -> None:
    log = snippet.exchange()
    verbs = [line[3:].split(" ")[0].upper() for line in log if line.startswith("C: ")]
    commands = [v for v in verbs if v in {"EHLO", "MAIL", "RCPT", "DATA", "QUIT"}]
    assert commands == ["EHLO", "MAIL", "RCPT", "DATA", "QUIT"]
    replies = [line[3:6] for line in log if line.startswith("S: ")]
    assert replies == ["220", "250", "250", "250", "354", "250", "221"]


def test_the_message_arrives_whole_and_ends_with_a_lone_dot() -> None:
    log = snippet.exchange()
    assert "C: Subject: Hello over SMTP" in log
    assert "C: Sent to 127.0.0.1, never to the Internet." in log
    assert log[log.index("S: 250 OK: queued") - 1] == "C: ."


def test_no_thread_is_left_running() -> None:
    before = set(threading.enumerate())
    snippet.exchange()
    assert not new_threads_left(before)
