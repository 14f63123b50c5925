"""The handbook's benchmarks: `make bench` measures, the pages show what it measured.

- measure.py: small measurement helpers, shared by `make bench` and the labs; the work
  itself comes from the snippets under snippets/, imported, never copied.
- run.py: `make bench`. Medians of repeated runs after a warm-up, written with a
  description of the machine to results.json.
- tables.py: results.json -> results/*.md, the Markdown tables that pages include.
- labkit.py: the labs' plot style (readable on light and dark pages).
"""
