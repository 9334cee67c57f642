"""Finding and checking an HTML theme: its template, stylesheet and script, read once per build."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from slidegen.errors import UsageError

DEFAULT_THEME = Path(__file__).resolve().parents[2] / "themes" / "default"
TEMPLATE = "slideshow.html.j2"
STYLESHEET = "slideshow.css"
SCRIPT = "slideshow.js"


@dataclass(frozen=True)
class Theme:
    """A loaded theme: the compiled template and the CSS and JS it inlines."""

    folder: Path
    template: jinja2.Template
    css: str
    js: str


def load_theme(folder: Path | None) -> Theme:
    """The theme in ``folder`` (the default theme when None), or a UsageError naming what is missing.

    A theme folder holds ``slideshow.html.j2`` and ``slideshow.css``; ``slideshow.js`` is optional
    and defaults to the built-in runtime. Themes are code the user chose, like a template.
    """
    folder = DEFAULT_THEME if folder is None else Path(folder)
    try:
        mtimes = tuple(_mtime(folder / name) for name in (TEMPLATE, STYLESHEET, SCRIPT))
    except OSError as exc:
        raise UsageError(f"cannot read theme folder: {exc.strerror or exc}", str(folder)) from None
    return _load(folder.resolve() if folder.exists() else folder, mtimes)


@lru_cache(maxsize=8)
def _load(folder: Path, _mtimes: tuple) -> Theme:
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(
            f"theme folder {what}; --theme takes a folder holding {TEMPLATE} and {STYLESHEET}", str(folder)
        )
    missing = [name for name in (TEMPLATE, STYLESHEET) if not (folder / name).is_file()]
    if missing:
        raise UsageError(
            f"theme folder has no {' and no '.join(missing)}; a theme needs {TEMPLATE} "
            f"and {STYLESHEET} ({SCRIPT} is optional)",
            str(folder),
        )
    css = _read(folder / STYLESHEET, "</style")
    js_path = folder / SCRIPT if (folder / SCRIPT).is_file() else DEFAULT_THEME / SCRIPT
    js = _read(js_path, "</script")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,  # explicit: select_autoescape() would not match ".j2"
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    try:
        template = env.get_template(TEMPLATE)
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"theme template: {exc.message}", f"{folder / TEMPLATE}:{exc.lineno}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read theme template: {exc}", str(folder / TEMPLATE)) from None
    return Theme(folder, template, css, js)


def _read(path: Path, closer: str) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read theme file: {getattr(exc, 'strerror', None) or exc}", str(path)) from None
    # The file is inlined in a raw-text element, so this sequence would end it early.
    if closer in text.lower():
        raise UsageError(f"theme file must not contain {closer!r}", str(path))
    return compact(text)


def compact(text: str) -> str:
    """CSS or JS without indentation, blank lines and whole-line comments, about a tenth smaller.

    Only whole lines go: a ``// …`` line (never CSS), or a line that is one ``/* … */``.
    """
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(
        line
        for line in lines
        if line
        and not line.startswith("//")
        and not (line.startswith("/*") and line.endswith("*/") and "*/" not in line[2:-2])
    )


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0
