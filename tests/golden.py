"""Golden files: compare a text rendering with a committed expectation, or refresh it."""

from __future__ import annotations

import difflib
from pathlib import Path

GOLDEN_DIR = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str, update: bool) -> None:
    """Fails with a diff unless ``actual`` equals ``tests/golden/<name>``; ``update`` rewrites it."""
    path = GOLDEN_DIR / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {name}; run `make golden` to create it"
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), f"golden/{name}", "actual")
        )
        raise AssertionError(f"output differs from golden/{name} (refresh: make golden)\n{diff}")
