"""Storing passwords: a slow, salted hash (scrypt), checked in constant time.

Never store a password, or a fast hash of it (SHA-256 runs billions of
times a second on a GPU). scrypt is deliberately slow and memory-hungry;
a random salt per user makes equal passwords hash differently, so one
precomputed table cannot crack them all.
"""
# output: exact

import hashlib
import hmac
import os

# --8<-- [start:idea]
# OWASP Password Storage Cheat Sheet: scrypt with N >= 2**17, r=8, p=1.
OWASP_N = 2**17
# This demo uses N = 2**14 (8 times cheaper) so that it runs quickly.
# Use OWASP_N (or more) for real passwords.
DEMO_N = 2**14
R, P = 8, 1
SALT_BYTES, KEY_BYTES = 16, 32


def memory_needed(n: int, r: int, p: int) -> int:
    """Bytes scrypt works in (as OpenSSL counts them): about 128*r*n."""
    return 128 * r * (n + p + 2)


def derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # OpenSSL refuses more than 32 MiB unless maxmem says otherwise;
    # n = 2**17 with r = 8 needs 128 MiB, so always pass maxmem.
    return hashlib.scrypt(
        password.encode(),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=memory_needed(n, r, p) + 2**20,
        dklen=KEY_BYTES,
    )


def hash_password(password: str, n: int = DEMO_N) -> str:
    salt = os.urandom(SALT_BYTES)  # new and random for every password
    key = derive(password, salt, n, R, P)
    # Store the parameters with the hash, so they can be raised later
    # and old records still verify.
    return f"scrypt${n}${R}${P}${salt.hex()}${key.hex()}"


def verify_password(password: str, record: str) -> bool:
    _, n, r, p, salt_hex, key_hex = record.split("$")
    key = derive(password, bytes.fromhex(salt_hex), int(n), int(r), int(p))
    # compare_digest takes the same time wherever the bytes differ; ==
    # can stop at the first difference and leak how much matched.
    return hmac.compare_digest(key, bytes.fromhex(key_hex))


# --8<-- [end:idea]


def main() -> None:
    print(
        f"demo parameters: n=2**14, r={R}, p={P}, "
        f"{memory_needed(DEMO_N, R, P) // 2**20} MiB"
    )
    print(
        f"OWASP minimum:   n=2**17, r={R}, p={P}, "
        f"{memory_needed(OWASP_N, R, P) // 2**20} MiB (raise maxmem)"
    )
    record = hash_password("correct horse battery staple")
    fields = record.split("$")
    print(
        f"stored record: {'$'.join(fields[:4])}$<salt: "
        f"{len(fields[4])} hex digits>$<hash: {len(fields[5])} hex digits>"
    )
    for attempt in ("correct horse battery staple", "correct horse"):
        print(f"verify {attempt!r}: {verify_password(attempt, record)}")
    again = hash_password("correct horse battery staple")
    print(
        f"same password hashed again, same record? {again == record} "
        f"(another salt)"
    )
    print(
        f"and it still verifies? "
        f"{verify_password('correct horse battery staple', again)}"
    )


if __name__ == "__main__":
    main()
