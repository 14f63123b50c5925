"""The corrected Dockerfile, Compose file and Deployment, checked offline by
real linters (hadolint, the Compose Specification's JSON schema through
check-jsonschema, kubernetes-validate --strict), plus the corrections the
linters cannot see (end-of-life images, npm ci, root, probes), asserted.

Each linter also runs on a variant that must fail, so a linter that checks
nothing would be noticed; and on the article's originals, which the linters
accept: their problems are judgement calls, not lint errors."""

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
FILES = ROOT / "snippets" / "part-4" / "containers"
ARTICLE = HERE / "article"
BIN = Path(sys.executable).parent
TODAY = date(2026, 11, 30)  # the day these files were last reviewed

# End of life of the images the files name (Node.js release schedule;
# PostgreSQL versioning policy; nginx: a stable branch ends when the next
# one is released, each April).
END_OF_LIFE = {
    ("node", 14): date(2023, 4, 30),
    ("node", 22): date(2027, 4, 30),
    ("node", 24): date(2028, 4, 30),
    ("node", 26): date(2029, 4, 30),
    ("postgres", 13): date(2025, 11, 13),
    ("postgres", 18): date(2030, 11, 14),
    ("nginx", 20): date(2022, 5, 24),
}


def tool(name: str) -> Path:
    found = BIN / name
    if not found.exists():
        found = Path(shutil.which(name) or BIN / name)
    if not found.exists():
        pytest.skip(f"{name} is not installed: pip install -r requirements.lock")
    return found


def hadolint(text: str) -> list[dict[str, Any]]:
    result = subprocess.run(
        [str(tool("hadolint")), "--format", "json", "--no-color", "-"],
        input=text,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    findings: list[dict[str, Any]] = json.loads(result.stdout or "[]")
    return findings


def major(image: str) -> tuple[str, int]:
    """`node:24-alpine` -> ("node", 24); `nginxinc/nginx-unprivileged:1.30`
    -> ("nginx", 30) (nginx's branch is its minor number)."""
    name, _, tag = image.partition(":")
    name = name.rsplit("/", 1)[-1].removesuffix("-unprivileged")
    numbers = tag.split("-")[0].split(".")
    return name, int(numbers[1] if name == "nginx" else numbers[0])


def supported(image: str) -> bool:
    key = major(image)
    if key[0] == "nginx":
        return key[1] >= 30  # 1.30 is the stable branch in late 2026
    return END_OF_LIFE[key] > TODAY


# -- Dockerfile ---------------------------------------------------------------


def test_hadolint_accepts_the_corrected_dockerfile() -> None:
    assert hadolint((FILES / "Dockerfile").read_text()) == []


def test_hadolint_really_lints() -> None:
    """Control: a bad Dockerfile gets findings, so an empty list means something."""
    codes = {f["code"] for f in hadolint("FROM node\nRUN cd /app && npm install\nCMD npm start\n")}
    assert {"DL3006", "DL3003", "DL3025"} <= codes


def test_hadolint_finds_nothing_in_the_articles_dockerfile() -> None:
    """The article's problems are not lint errors: a reviewer must know them."""
    assert hadolint((ARTICLE / "Dockerfile").read_text()) == []


def instructions(path: Path) -> list[tuple[str, str]]:
    lines = [
        line.strip()
        for line in path.read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return [(line.split()[0].upper(), line.partition(" ")[2]) for line in lines]


@pytest.mark.parametrize(
    ("path", "fixed"), [(FILES / "Dockerfile", True), (ARTICLE / "Dockerfile", False)]
)
def test_the_corrections_hold_and_the_article_lacks_them(path: Path, fixed: bool) -> None:
    steps = instructions(path)
    base = next(arg for op, arg in steps if op == "FROM").split("@")[0]
    runs = " ".join(arg for op, arg in steps if op == "RUN")
    user = [arg for op, arg in steps if op == "USER"]
    cmd = json.loads(next(arg for op, arg in steps if op == "CMD"))
    checks = [
        supported(base),  # a base image still getting security fixes
        "npm ci" in runs and "npm install" not in runs,  # the lockfile, exactly
        "--omit=dev" in runs,
        bool(user) and not user[-1].startswith(("0", "root")),  # not root
        cmd[0] != "npm",  # the app gets SIGTERM
    ]
    assert all(checks) if fixed else not any(checks)


def test_dockerignore_keeps_secrets_and_modules_out() -> None:
    ignored = (FILES / ".dockerignore").read_text().split()
    assert {"node_modules", ".git", ".env"} <= set(ignored)


# -- Compose --------------------------------------------------------------------


def check_compose(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(tool("check-jsonschema")), "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_compose_file_matches_the_compose_specification_schema() -> None:
    result = check_compose(FILES / "compose.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_really_checks(tmp_path: Path) -> None:
    """Control: a misspelt key fails the schema."""
    bad = tmp_path / "compose.yaml"
    bad.write_text("services:\n  web:\n    imagee: nginx\n")
    assert check_compose(bad).returncode != 0


def test_the_schema_marks_version_obsolete_and_the_fix_drops_it() -> None:
    import check_jsonschema  # type: ignore[import-untyped]

    vendor = Path(check_jsonschema.__file__).parent / "builtin_schemas" / "vendor"
    schema = json.loads((vendor / "compose-spec.json").read_text())
    assert schema["properties"]["version"]["deprecated"] is True
    assert "version" in yaml.safe_load((ARTICLE / "compose.yaml").read_text())
    assert "version" not in yaml.safe_load((FILES / "compose.yaml").read_text())


def test_compose_corrections() -> None:
    spec = yaml.safe_load((FILES / "compose.yaml").read_text())
    web, db = spec["services"]["web"], spec["services"]["database"]
    assert supported(db["image"])
    assert not supported(
        yaml.safe_load((ARTICLE / "compose.yaml").read_text())["services"]["database"]["image"]
    )
    assert "POSTGRES_PASSWORD" not in db["environment"]  # a secret file instead
    assert db["environment"]["POSTGRES_PASSWORD_FILE"].startswith("/run/secrets/")
    assert any(v.startswith("db-data:") for v in db["volumes"])  # data survives
    assert "db-data" in spec["volumes"]
    assert web["depends_on"]["database"]["condition"] == "service_healthy"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])


# -- Kubernetes -------------------------------------------------------------------


def k8s_validate(resource: dict[str, Any]) -> None:
    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    kubernetes_validate.validate(resource, "1.37.0", strict=True)


def test_the_deployment_is_valid_in_strict_mode() -> None:
    k8s_validate(yaml.safe_load((FILES / "deployment.yaml").read_text()))


def test_the_articles_pod_is_valid_too() -> None:
    k8s_validate(yaml.safe_load((ARTICLE / "pod.yaml").read_text()))


def test_strict_validation_really_checks() -> None:
    """Control: an unknown field, and a wrong type, are refused."""
    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    resource = yaml.safe_load((FILES / "deployment.yaml").read_text())
    resource["spec"]["replica"] = 2  # misspelt
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(resource, "1.37.0", strict=True)
    resource = yaml.safe_load((FILES / "deployment.yaml").read_text())
    resource["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(resource, "1.37.0", strict=True)


def test_deployment_corrections() -> None:
    deployment = yaml.safe_load((FILES / "deployment.yaml").read_text())
    assert deployment["kind"] == "Deployment" and deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert supported(container["image"])
    assert not supported(
        yaml.safe_load((ARTICLE / "pod.yaml").read_text())["spec"]["containers"][0]["image"]
    )
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["ports"][0]["containerPort"] >= 1024  # no root needed to bind
    assert "readinessProbe" in container and "livenessProbe" in container
    assert "cpu" not in container["resources"]["limits"]  # no CFS throttling
    assert container["resources"]["limits"]["memory"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
