"""What layered_config_loader.py teaches: precedence defaults < file < env,
strict conversion and range checks at start-up with every error reported at
once, and a secret that comes only from the environment and is never shown."""

from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/configuration/layered_config_loader.py")
SECRET = {"APP_DATABASE__PASSWORD": "s3cret"}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_each_layer_overrides_the_one_below(tmp_path: Path) -> None:
    path = write(tmp_path, "[database]\nhost = 'file-host'\nport = 1111\n")
    settings = snippet.load(path, {**SECRET, "APP_DATABASE__PORT": "2222"})
    assert settings["database.name"] == ("myapp", "default")
    assert settings["database.host"] == ("file-host", "file")
    assert settings["database.port"] == (2222, "env")  # env beats file


def test_environment_strings_become_typed_values(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    settings = snippet.load(path, {**SECRET, "APP_DEBUG": "true", "APP_CACHE__TTL": "60"})
    assert settings["debug"] == (True, "env")
    assert settings["cache.ttl"] == (60, "env")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"APP_DATABASE__PORT": "70000"}, "between 1 and 65535"),
        ({"APP_DATABASE__PORT": "54x"}, "whole number"),
        ({"APP_CACHE__TTL": "-5"}, "negative"),
        ({"APP_DEBUG": "yes"}, "true or false"),
        ({"APP_CACHE__TLL": "5"}, "unknown setting"),
    ],
)
def test_bad_values_stop_the_start(tmp_path: Path, env: dict[str, str], message: str) -> None:
    with pytest.raises(snippet.ConfigError, match=message):
        snippet.load(write(tmp_path, ""), {**SECRET, **env})


def test_a_float_in_the_file_is_not_silently_truncated(tmp_path: Path) -> None:
    with pytest.raises(snippet.ConfigError, match="whole number"):
        snippet.load(write(tmp_path, "[cache]\nttl = 3.7\n"), SECRET)


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "[cache]\ntll = 60\n")
    with pytest.raises(snippet.ConfigError) as caught:
        snippet.load(path, {"APP_DATABASE__PORT": "0", "APP_DEBUG": "maybe"})
    assert len(str(caught.value).splitlines()) == 4


def test_the_secret_is_required_and_refused_in_the_file(tmp_path: Path) -> None:
    with pytest.raises(snippet.ConfigError, match="required"):
        snippet.load(write(tmp_path, ""), {})
    path = write(tmp_path, "[database]\npassword = 'in-git'\n")
    with pytest.raises(snippet.ConfigError, match="do not belong in files"):
        snippet.load(path, SECRET)


def test_the_secret_is_never_printed(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    assert "s3cret" not in capsys.readouterr().out
