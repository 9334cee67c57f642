"""The sample PPTX templates shipped with slidegen, so ``--template corporate`` works from any install."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def shipped() -> list[str]:
    """Names of the shipped sample templates (``corporate``)."""
    return sorted(p.stem for p in FOLDER.glob("*.pptx"))


def find(value: Path | None) -> Path | None:
    """``value`` itself, unless it is a bare name of a shipped template that is not also a file here."""
    if value is None or value.suffix or value.exists() or len(value.parts) != 1:
        return value
    sample = FOLDER / f"{value.name.lower()}.pptx"
    return sample if sample.is_file() else value
