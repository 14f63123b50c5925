"""What missing_main_guard.py teaches: under spawn, top-level process creation kills
the child; the `__main__` guard fixes it."""

from conftest import load_snippet

snippet = load_snippet("part-1/processes-and-threads/missing_main_guard.py")


def test_without_the_guard_the_spawned_child_dies() -> None:
    result = snippet.run_script(snippet.UNGUARDED)
    assert "parent: child exit code 1" in result.stdout
    assert "child: hello" not in result.stdout
    assert "bootstrapping phase" in result.stderr


def test_with_the_guard_the_child_runs() -> None:
    result = snippet.run_script(snippet.GUARDED)
    assert result.stdout.splitlines() == ["child: hello", "parent: child exit code 0"]
    assert result.returncode == 0
