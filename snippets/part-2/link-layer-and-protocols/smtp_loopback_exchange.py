"""A real SMTP conversation on loopback: smtplib against a toy server.

The server is a few lines over a socket: it answers each command with a
three-digit reply code, and reads the message after DATA until a line
holding a single dot. It keeps the message instead of relaying it. The
transcript shows what an SMTP client and server say to each other.
"""
# output: exact

import smtplib
import socket
import threading
from email.message import EmailMessage

TIMEOUT = 2.0  # seconds, on every socket and join


def as_upper_case(command: str) -> str:
    """Commands and keywords are case-insensitive; smtplib's spelling
    changed between Python versions, so the transcript shows them upper."""
    verb, _, rest = command.partition(" ")
    if verb.upper() in ("MAIL", "RCPT"):  # "from:<a@b>" -> "FROM:<a@b>"
        keyword, colon, address = rest.partition(":")
        rest = keyword.upper() + colon + address
    return f"{verb.upper()} {rest}".rstrip()


# --8<-- [start:server]
def serve_one_session(listener: socket.socket, log: list[str]) -> None:
    """Accept one client, answer it like a mail server, keep the mail."""
    conn, _ = listener.accept()
    conn.settimeout(TIMEOUT)
    with conn, conn.makefile("rwb") as stream:

        def reply(line: str) -> None:
            log.append(f"S: {line}")
            stream.write(line.encode("ascii") + b"\r\n")
            stream.flush()

        reply("220 mail.example.test toy SMTP server ready")
        while line := stream.readline().decode("ascii").rstrip("\r\n"):
            log.append(f"C: {as_upper_case(line)}")
            verb = line.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                reply("250 mail.example.test greets you")
            elif verb in ("MAIL", "RCPT"):
                reply("250 OK")
            elif verb == "DATA":
                reply("354 End data with <CR><LF>.<CR><LF>")
                while (body := stream.readline()) not in (b".\r\n", b""):
                    log.append(f"C: {body.decode('ascii')}".rstrip())
                log.append("C: .")
                reply("250 OK: queued")
            elif verb == "QUIT":
                reply("221 Bye")
                break
            else:
                reply("502 Command not implemented")


# --8<-- [end:server]


# --8<-- [start:client]
def send_hello(port: int) -> None:
    message = EmailMessage()
    message["From"] = "alice@example.test"
    message["To"] = "bob@example.test"
    message["Subject"] = "Hello over SMTP"
    message.set_content("Sent to 127.0.0.1, never to the Internet.")
    with smtplib.SMTP(
        "127.0.0.1",
        port,
        local_hostname="client.example.test",  # instead of this machine's
        timeout=TIMEOUT,
    ) as client:
        client.send_message(message)  # EHLO, MAIL, RCPT, DATA; QUIT on exit


# --8<-- [end:client]


def exchange() -> list[str]:
    """Run one session; return the transcript, server (S) and client (C)."""
    log: list[str] = []
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(TIMEOUT)
        port = listener.getsockname()[1]
        server = threading.Thread(
            target=serve_one_session, args=(listener, log)
        )
        server.start()
        try:
            send_hello(port)
        finally:
            server.join(timeout=TIMEOUT)
    return log


def main() -> None:
    print("\n".join(exchange()))


if __name__ == "__main__":
    main()
