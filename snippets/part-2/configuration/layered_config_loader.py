"""Configuration in layers: defaults < file < environment, checked at start.

Each setting comes from the highest layer that sets it: built-in
defaults, then a TOML file, then environment variables (APP_SECTION__KEY).
Values are converted to their type and checked before the program does
anything else, and every problem is reported at once, so a bad deploy
fails in the first second instead of at the first request. The database
password is a secret: it may only come from the environment, and it is
never printed. The environment is passed in as a dict, so the demo is
the same on every machine.
"""
# output: exact

import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    "database.host": "localhost",
    "database.port": 5432,
    "database.name": "myapp",
    "cache.ttl": 3600,
    "cache.max_size": 1000,
    "debug": False,
}
SECRETS = {"database.password"}  # never from a file, never printed
PREFIX = "APP_"


class ConfigError(Exception):
    pass


# --8<-- [start:layers]
def from_file(path: Path) -> dict[str, Any]:
    """Flatten [database] host = ... into {"database.host": ...}."""
    with path.open("rb") as f:  # tomllib reads bytes
        data = tomllib.load(f)

    def flat(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in table.items():
            if isinstance(value, dict):
                out |= flat(value, f"{prefix}{key}.")
            else:
                out[prefix + key] = value
        return out

    return flat(data)


def from_env(env: Mapping[str, str]) -> dict[str, str]:
    """APP_DATABASE__PORT=6543 becomes {"database.port": "6543"}."""
    return {
        name[len(PREFIX) :].lower().replace("__", "."): value
        for name, value in env.items()
        if name.startswith(PREFIX)
    }


def load(path: Path, env: Mapping[str, str]) -> dict[str, tuple[Any, str]]:
    """Each setting's value and the layer it came from; or ConfigError."""
    raw: dict[str, tuple[Any, str]] = {
        k: (v, "default") for k, v in DEFAULTS.items()
    }
    errors = []
    for key, value in from_file(path).items():
        if key in SECRETS:
            errors.append(f"{key}: secrets do not belong in files")
        raw[key] = (value, "file")
    raw |= {k: (v, "env") for k, v in from_env(env).items()}
    settings = {}
    for key, (value, source) in raw.items():
        try:
            settings[key] = (check(key, value), source)
        except ValueError as error:
            errors.append(f"{key} = {value!r} ({source}): {error}")
    for key in sorted(SECRETS - settings.keys()):
        errors.append(f"{key}: required; set it in the environment")
    if errors:
        raise ConfigError("\n".join(sorted(errors)))
    return settings


# --8<-- [end:layers]


# --8<-- [start:check]
def check(key: str, value: Any) -> Any:
    """Convert a value to its setting's type and check its range."""
    if key in SECRETS:
        return str(value)
    if key not in DEFAULTS:
        raise ValueError("unknown setting (a typo?)")
    kind = type(DEFAULTS[key])
    if kind is bool:
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "1"):
            return True
        if str(value).lower() in ("false", "0"):
            return False
        raise ValueError("expected true or false")
    if kind is int:
        text = str(value)  # "6543" from the environment is fine
        if isinstance(value, bool) or not text.lstrip("-").isdigit():
            raise ValueError("expected a whole number")
        number = int(text)
        if key == "database.port" and not 1 <= number <= 65535:
            raise ValueError("a port is between 1 and 65535")
        if number < 0:
            raise ValueError("must not be negative")
        return number
    return str(value)


# --8<-- [end:check]


def show(settings: dict[str, tuple[Any, str]]) -> None:
    for key, (value, source) in sorted(settings.items()):
        shown = "********" if key in SECRETS else repr(value)
        print(f"  {key:<18} = {shown:<13} from {source}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_text(
            '[database]\nhost = "db.internal"\n\n[cache]\nttl = 600\n'
        )
        print("config.toml sets database.host and cache.ttl; the env:")
        env = {
            "APP_DATABASE__PORT": "6543",
            "APP_DATABASE__PASSWORD": "s3cret",
        }
        print("  APP_DATABASE__PORT=6543, APP_DATABASE__PASSWORD=(secret)")
        show(load(path, env))

        print("a bad deploy: a typo in the file, two bad values, no secret")
        path.write_text("[cache]\nttl = 600\ntll = 60\n")
        bad = {"APP_DATABASE__PORT": "70000", "APP_DEBUG": "yes"}
        try:
            load(path, bad)
        except ConfigError as error:
            print("  refused to start:")
            for line in str(error).splitlines():
                print(f"    {line}")


if __name__ == "__main__":
    main()
