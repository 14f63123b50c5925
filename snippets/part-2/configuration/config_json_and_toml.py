"""The article's configuration, as JSON and as TOML: the same dict.

Both parsers are in the standard library (tomllib since Python 3.11,
read-only). Where they differ is what a human may write: JSON has no
comments, while TOML has them and still keeps types explicit: quotes
make a string, and a bare 3.10 is the number 3.1.
"""
# output: exact

import json
import tomllib

AS_JSON = """
{
    "database": {"host": "localhost", "port": 5432, "name": "myapp"},
    "cache": {"ttl": 3600, "max_size": 1000}
}
"""

AS_TOML = """
# TOML allows comments: say why a value is what it is.
[database]
host = "localhost"
port = 5432
name = "myapp"

[cache]
ttl = 3600        # seconds
max_size = 1000   # entries
"""


def main() -> None:
    from_json, from_toml = json.loads(AS_JSON), tomllib.loads(AS_TOML)
    print("same settings:", from_json == from_toml)
    print("port is an", type(from_toml["database"]["port"]).__name__)

    try:
        json.loads('{"ttl": 3600  // seconds\n}')
    except json.JSONDecodeError as error:
        print("JSON with a comment:", error.msg)

    versions = tomllib.loads('bare = 3.10\nquoted = "3.10"')
    print("TOML bare 3.10:", repr(versions["bare"]))
    print("TOML quoted:   ", repr(versions["quoted"]))


if __name__ == "__main__":
    main()
