"""What multipart_etag.py teaches: a multipart ETag is md5(part digests)-N,
not the file's MD5; nothing is visible before complete; abort leaves nothing."""

import hashlib

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/blob-storage/multipart_etag.py")

MiB = snippet.MiB


def test_the_multipart_etag_formula_and_it_is_not_the_file_md5() -> None:
    data = bytes(range(256)) * (9 * MiB // 256)
    bucket = snippet.Bucket()
    etag = snippet.upload(bucket, "k", data, 8 * MiB)
    parts = [data[: 8 * MiB], data[8 * MiB :]]
    inner = b"".join(hashlib.md5(p).digest() for p in parts)
    assert etag == hashlib.md5(inner).hexdigest() + "-2"
    assert not etag.startswith(hashlib.md5(data).hexdigest())
    assert bucket.objects["k"][0] == data
    assert bucket.put("one", data) == hashlib.md5(data).hexdigest()


def test_another_part_size_gives_another_etag_for_the_same_bytes() -> None:
    data = bytes(range(256)) * (11 * MiB // 256)
    bucket = snippet.Bucket()
    a = snippet.upload(bucket, "a", data, 5 * MiB)
    b = snippet.upload(bucket, "b", data, 6 * MiB)
    assert a.endswith("-3") and b.endswith("-2") and a != b


def test_nothing_is_visible_before_complete_and_abort_leaves_nothing() -> None:
    bucket = snippet.Bucket()
    upload_id = bucket.create_upload()
    bucket.upload_part(upload_id, 1, b"x" * MiB)
    assert bucket.objects == {}
    bucket.abort(upload_id)
    assert bucket.objects == {} and bucket.uploads == {}


def test_parts_smaller_than_5_mib_are_refused_except_the_last() -> None:
    bucket = snippet.Bucket()
    with pytest.raises(ValueError, match="EntityTooSmall"):
        snippet.upload(bucket, "k", b"y" * (3 * MiB), MiB)
    assert snippet.upload(bucket, "k", b"y" * MiB, 5 * MiB).endswith("-1")
