"""YAML front matter: safe loading, no aliases, a size cap, errors mapped to the post's lines."""

from __future__ import annotations

import datetime as dt
import re

from slidegen.errors import InputError
from slidegen.model import SourcePos

MAX_BYTES = 64 * 1024
KNOWN: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "author": str,
    "date": (str, dt.date),
    "link": str,
    "images": (list, dict),
    "titles": (list, dict),
    "template": str,
    "whiteboard": (bool, dict),
    "ocr": bool,
    "tags": (list, str),
    "keywords": (list, str),
    "lang": str,
    "language": str,
    "layout": str,
    "description": str,
    "subtitle": str,
    "slug": str,
}
_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split(text: str, source: SourcePos) -> tuple[dict, dict, str, int]:
    """(meta, key → line, body, line of the body's first line) of a post that may open with ``---``."""
    opening = _OPEN.match(text)
    if not opening:
        return {}, {}, text, 1
    close = _CLOSE.search(text, opening.end())
    if close is None:
        raise InputError("front matter opened with '---' is never closed; end it with a '---' line", source.at(1))
    raw = text[opening.end() : close.start()]
    if len(raw.encode("utf-8")) > MAX_BYTES:
        raise InputError(f"front matter is larger than {MAX_BYTES // 1024} KB", source.at(1))
    meta, lines = _load(raw, source)
    body_line = text.count("\n", 0, close.end()) + 2
    return meta, lines, text[close.end() + 1 :], body_line


def _load(raw: str, source: SourcePos) -> tuple[dict, dict]:
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """SafeLoader that refuses anchors and aliases (no alias bombs)."""

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.MarkedYAMLError(
                    "while reading front matter", None, "aliases (*name) are not allowed", event.start_mark
                )
            return super().compose_node(parent, index)

    try:
        loader = NoAliasLoader(raw)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 1
        raise InputError(f"front matter is not valid YAML: {exc.problem or exc.context}", source.at(line)) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise InputError(f"front matter is not valid YAML: {exc}", source.at(1)) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a map of 'key: value' lines", source.at(2))
    lines = {}
    if node is not None and hasattr(node, "value"):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 2
    return data, lines


def check(meta: dict, lines: dict, source: SourcePos, warn) -> dict:
    """Validates known keys' types (error) and warns about unknown ones; returns the meta."""
    for key, value in meta.items():
        pos = source.at(lines.get(str(key)))
        expected = KNOWN.get(str(key))
        if expected is None:
            warn(f"unknown front matter key {key!r} ignored (known: {', '.join(sorted(KNOWN))})", pos)
        elif value is not None and not isinstance(value, expected):
            kind = expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
            raise InputError(f"front matter {key!r} must be a {kind}, not {type(value).__name__}", pos)
        elif key == "whiteboard" and isinstance(value, dict):
            check_whiteboard(value, pos, warn)
    return meta


def check_whiteboard(value: dict, pos: SourcePos, warn) -> None:
    """``whiteboard: {crop: false, corners: [[x, y], ...]}``: the mapping form, checked."""
    for key in value:
        if key not in ("crop", "corners"):
            warn(f"unknown whiteboard option {key!r} ignored (known: corners, crop)", pos)
    if not isinstance(value.get("crop", True), bool):
        raise InputError("whiteboard 'crop' must be true or false", pos)
    corners = value.get("corners")
    if corners is None:
        return
    ok = (
        isinstance(corners, list)
        and len(corners) == 4
        and all(isinstance(p, list) and len(p) == 2 and all(_number(v) and v >= 0 for v in p) for p in corners)
    )
    if not ok:
        raise InputError(
            "whiteboard 'corners' must be four [x, y] pairs of numbers, e.g. "
            "[[0.1, 0.1], [0.9, 0.1], [0.9, 0.9], [0.1, 0.9]] (fractions of the upright photo, "
            "or its pixels)",
            pos,
        )


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def parse_date(value, pos: SourcePos, warn) -> dt.date | None:
    """A date from front matter (YAML date or ISO text); other text is warned about and dropped."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        warn(f"date {value!r} is not YYYY-MM-DD; left out", pos)
        return None
