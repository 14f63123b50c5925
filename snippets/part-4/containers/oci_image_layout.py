"""What a container image is: tar layers and JSON, addressed by SHA-256.

No Docker needed. This builds a one-layer image in the OCI image layout
(the format registries and runtimes exchange): the layer is a tar of the
app's files, the config says how to run it, and the manifest lists both
by digest. Every reference is the SHA-256 of the bytes it points to, so
changing one byte of one file changes every digest above it.
"""
# output: exact

import hashlib
import io
import json
import tarfile
import tempfile
from pathlib import Path

APP = {"app/server.js": b"require('http').createServer().listen(3000)\n"}


def tar_layer(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(
        fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT
    ) as tar:
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


# --8<-- [start:idea]
def put_blob(root: Path, data: bytes, media_type: str) -> dict[str, object]:
    """Store bytes under their own hash; return an OCI descriptor."""
    digest = hashlib.sha256(data).hexdigest()
    (root / "blobs" / "sha256" / digest).write_bytes(data)
    return {
        "mediaType": media_type,
        "digest": f"sha256:{digest}",
        "size": len(data),
    }


def as_json(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def build_image(root: Path, files: dict[str, bytes]) -> dict[str, object]:
    (root / "blobs" / "sha256").mkdir(parents=True)
    layer = tar_layer(files)
    layer_desc = put_blob(
        root, layer, "application/vnd.oci.image.layer.v1.tar"
    )
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {"User": "1000:1000", "Cmd": ["node", "app/server.js"]},
        "rootfs": {"type": "layers", "diff_ids": [layer_desc["digest"]]},
    }
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": put_blob(
            root, as_json(config), "application/vnd.oci.image.config.v1+json"
        ),
        "layers": [layer_desc],
    }
    manifest_desc = put_blob(
        root, as_json(manifest), str(manifest["mediaType"])
    )
    (root / "index.json").write_bytes(
        as_json({"schemaVersion": 2, "manifests": [manifest_desc]})
    )
    (root / "oci-layout").write_bytes(as_json({"imageLayoutVersion": "1.0.0"}))
    return manifest
    # --8<-- [end:idea]


def verify(root: Path) -> bool:
    """Every blob's name is the hash of its content."""
    blobs = (root / "blobs" / "sha256").iterdir()
    return all(
        hashlib.sha256(b.read_bytes()).hexdigest() == b.name for b in blobs
    )


def short(descriptor: object) -> str:
    assert isinstance(descriptor, dict)
    return f"{str(descriptor['digest'])[:19]}... ({descriptor['size']} bytes)"


def main() -> None:
    for label, files in [
        ("the image", APP),
        (
            "one byte changed",
            {"app/server.js": APP["app/server.js"].replace(b"3000", b"3001")},
        ),
    ]:
        with tempfile.TemporaryDirectory() as folder:
            manifest = build_image(Path(folder), files)
            layers = manifest["layers"]
            assert isinstance(layers, list)
            print(f"{label}:")
            print("  layer: ", short(layers[0]))
            print("  config:", short(manifest["config"]))
            index = json.loads(Path(folder, "index.json").read_bytes())
            print("  image: ", short(index["manifests"][0]), "<- pin this")
            print("  every blob matches its digest:", verify(Path(folder)))


if __name__ == "__main__":
    main()
