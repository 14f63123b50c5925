"""Every Mermaid diagram on a page has its render (tools/render_diagrams.py), and every
render belongs to a diagram: readers download no Mermaid, and no stale picture ships."""

from __future__ import annotations

from tools import render_diagrams


def test_every_diagram_has_its_render_and_every_render_a_diagram() -> None:
    wanted = render_diagrams.diagrams()
    have = {p.stem for p in render_diagrams.RENDERS.glob("*.svg")}
    missing = [wanted[k].splitlines()[0] for k in sorted(set(wanted) - have)]
    unused = sorted(set(have) - set(wanted))
    assert not missing, (
        f"diagrams without a render (run `make diagrams`, then commit includes/diagrams/): "
        f"{missing}"
    )
    assert not unused, (
        f"renders no page uses (run `make diagrams` to delete them): "
        f"{[f'includes/diagrams/{k}.svg' for k in unused]}"
    )


def test_a_changed_diagram_needs_a_new_render() -> None:
    """The render's name is a hash of the diagram's text: change one character and the
    old picture no longer matches."""
    text = "flowchart LR\n    A --> B\n"
    assert render_diagrams.key(text) != render_diagrams.key(text.replace("B", "C"))
    assert render_diagrams.key(text) == render_diagrams.key(text)
