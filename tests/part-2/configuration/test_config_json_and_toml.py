"""What config_json_and_toml.py teaches: the article's JSON and the same
config in TOML parse to equal dicts; JSON refuses comments; TOML keeps
types explicit (bare 3.10 is a float, quoted "3.10" a string)."""

import json
import tomllib

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/configuration/config_json_and_toml.py")


def test_both_formats_give_the_same_dict() -> None:
    expected = {
        "database": {"host": "localhost", "port": 5432, "name": "myapp"},
        "cache": {"ttl": 3600, "max_size": 1000},
    }
    assert json.loads(snippet.AS_JSON) == expected
    assert tomllib.loads(snippet.AS_TOML) == expected


def test_json_has_no_comments() -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads('{"ttl": 3600  // seconds\n}')


def test_toml_types_are_what_is_written() -> None:
    assert tomllib.loads('v = 3.10\nq = "3.10"') == {"v": 3.1, "q": "3.10"}
