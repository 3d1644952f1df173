"""Reproducible performance measurements: `python -m benchmarks` (DESIGN.md, "Performance")."""
