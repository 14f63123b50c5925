"""What oci_image_layout.py teaches: an image is content-addressed blobs;
every blob's name is its SHA-256, the manifest points at config and layer
by digest, and one changed byte changes the layer, config and image digests."""

import hashlib
import json
from pathlib import Path

from conftest import load_snippet

snippet = load_snippet("part-4/containers/oci_image_layout.py")


def build(tmp_path: Path, files: dict[str, bytes]) -> tuple[dict[str, object], str]:
    manifest = snippet.build_image(tmp_path, files)
    index = json.loads((tmp_path / "index.json").read_text())
    return manifest, index["manifests"][0]["digest"]


def test_the_layout_is_complete_and_verifies(tmp_path: Path) -> None:
    manifest, image = build(tmp_path, snippet.APP)
    assert json.loads((tmp_path / "oci-layout").read_text()) == {"imageLayoutVersion": "1.0.0"}
    assert snippet.verify(tmp_path)
    blob = tmp_path / "blobs" / "sha256" / image.removeprefix("sha256:")
    assert json.loads(blob.read_bytes()) == manifest
    assert len(list((tmp_path / "blobs" / "sha256").iterdir())) == 3


def test_a_tampered_blob_fails_verification(tmp_path: Path) -> None:
    build(tmp_path, snippet.APP)
    blob = next((tmp_path / "blobs" / "sha256").iterdir())
    blob.write_bytes(blob.read_bytes() + b"x")
    assert not snippet.verify(tmp_path)


def test_one_changed_byte_changes_every_digest_above_it(tmp_path: Path) -> None:
    first, image1 = build(tmp_path / "a", snippet.APP)
    changed = {"app/server.js": snippet.APP["app/server.js"].replace(b"3000", b"3001")}
    second, image2 = build(tmp_path / "b", changed)
    assert first["layers"] != second["layers"]
    assert first["config"] != second["config"]
    assert image1 != image2


def test_the_build_is_reproducible(tmp_path: Path) -> None:
    _, image1 = build(tmp_path / "a", snippet.APP)
    _, image2 = build(tmp_path / "b", snippet.APP)
    assert image1 == image2


def test_the_layer_is_a_tar_of_the_files() -> None:
    import io
    import tarfile

    layer = snippet.tar_layer(snippet.APP)
    with tarfile.open(fileobj=io.BytesIO(layer)) as tar:
        member = tar.getmember("app/server.js")
        data = tar.extractfile(member)
        assert data is not None and data.read() == snippet.APP["app/server.js"]
    assert (
        hashlib.sha256(layer).hexdigest()
        == hashlib.sha256(snippet.tar_layer(snippet.APP)).hexdigest()
    )
