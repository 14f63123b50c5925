"""Multipart upload, and why an S3 ETag is not the MD5 of the file.

A large object is uploaded in parts (each can be retried alone, several
can travel at once), then "completed": the store joins the parts into one
object in a single step. Before that, nobody sees it; an aborted upload
leaves nothing. For such an object S3 reports an ETag made of the MD5 of
the parts' MD5 digests plus "-<number of parts>", so the same bytes
uploaded with another part size get another ETag.
"""
# output: exact

import hashlib

MiB = 1024 * 1024
MIN_PART = 5 * MiB  # S3's minimum part size (all parts but the last)


def md5(data: bytes) -> bytes:
    return hashlib.md5(data, usedforsecurity=False).digest()


# --8<-- [start:idea]
class Bucket:
    def __init__(self) -> None:
        self.objects: dict[str, tuple[bytes, str]] = {}  # key -> data, etag
        self.uploads: dict[int, dict[int, bytes]] = {}  # id -> parts

    def put(self, key: str, data: bytes) -> str:
        etag = md5(data).hex()  # one request: the ETag is the MD5
        self.objects[key] = (data, etag)
        return etag

    def create_upload(self) -> int:
        upload_id = len(self.uploads) + 1
        self.uploads[upload_id] = {}
        return upload_id

    def upload_part(self, upload_id: int, number: int, data: bytes) -> None:
        self.uploads[upload_id][number] = data  # a retry just replaces it

    def complete(self, upload_id: int, key: str) -> str:
        parts = self.uploads.pop(upload_id)
        numbers = sorted(parts)
        if any(len(parts[n]) < MIN_PART for n in numbers[:-1]):
            raise ValueError("EntityTooSmall: parts but the last need 5 MiB")
        digests = b"".join(md5(parts[n]) for n in numbers)
        etag = f"{md5(digests).hex()}-{len(numbers)}"
        self.objects[key] = (b"".join(parts[n] for n in numbers), etag)
        return etag  # the object appears whole, in one step

    def abort(self, upload_id: int) -> None:
        del self.uploads[upload_id]  # the parts are dropped, no object


# --8<-- [end:idea]


def upload(bucket: Bucket, key: str, data: bytes, part_size: int) -> str:
    upload_id = bucket.create_upload()
    for number, start in enumerate(range(0, len(data), part_size), 1):
        bucket.upload_part(upload_id, number, data[start : start + part_size])
    return bucket.complete(upload_id, key)


def main() -> None:
    data = bytes(range(256)) * (9 * MiB // 256)  # 9 MiB, deterministic
    bucket = Bucket()
    print(f"file MD5:           {md5(data).hex()}")
    print(f"single PUT ETag:    {bucket.put('one-shot.bin', data)}")
    print(f"8 MiB parts ETag:   {upload(bucket, 'big.bin', data, 8 * MiB)}")
    print(f"5 MiB parts ETag:   {upload(bucket, 'big5.bin', data, 5 * MiB)}")
    same = bucket.objects["big.bin"][0] == bucket.objects["big5.bin"][0]
    print(f"same bytes stored:  {same}")

    upload_id = bucket.create_upload()
    bucket.upload_part(upload_id, 1, data[: 8 * MiB])
    print(
        f"before complete, 'draft.bin' exists: {'draft.bin' in bucket.objects}"
    )
    bucket.abort(upload_id)
    print(f"after abort, uploads open: {len(bucket.uploads)}")
    try:
        upload(bucket, "tiny.bin", data, 1 * MiB)
    except ValueError as e:
        print(f"1 MiB parts: {e}")


if __name__ == "__main__":
    main()
