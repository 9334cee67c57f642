"""BuildOptions, one frozen record of every setting, and the check that names a bad value."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from slidegen.errors import UsageError

#: Output formats in the order they are built; the writers table in ``writers`` has one entry each.
FORMATS = ("pptx", "html", "notes", "txt", "pdf", "handout")
DEFAULT_FORMATS = ("pptx", "html", "notes")
HTML_ASSET_MODES = ("inline", "external")


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build may be told; defaults are what ``slidegen build`` does unasked."""

    out_dir: Path = Path("build")
    formats: tuple[str, ...] = DEFAULT_FORMATS
    strict: bool = False
    # PPTX
    template: Path | None = None
    title_layout: str | None = None
    slide_layout: str | None = None
    #: "picture" or "full" (full-bleed); None: the post's ``layout:``, else "picture".
    picture_layout: str | None = None
    # HTML
    theme: Path | None = None
    html_assets: str = "inline"
    #: The slideshow joins a ``slidegen present`` room: the speaker's page reports its slide and the
    #: audience's follows (see ``writers/html/present.js``). Only the present server sets it.
    present: bool = False
    # pictures
    images_dirs: tuple[Path, ...] = ()
    site_root: Path | None = None  # a checkout of the post's site: "/assets/x.png" is looked for there
    image_width: int = 1920
    max_pixels: int = 50_000_000
    whiteboard: bool = False
    whiteboard_crop: bool = True
    ocr: bool = False  # read the words on the pictures (the optional ocr extra)
    cache_dir: Path | None = None
    use_cache: bool = True
    jobs: int = 0
    # reading
    encoding: str | None = None
    max_post_bytes: int = 5 * 1024 * 1024
    # feeds and exports: a whole blog in one file, with items filtered as a reader would
    max_feed_bytes: int = 200 * 1024 * 1024
    repair: bool = False
    include_drafts: bool = False
    include_pages: bool = False
    quiet: bool = False
    # serving: pages listen on this same-origin address for "reload" events (``slidegen serve``)
    live_reload_url: str | None = None
    # PPTX sources: render slides that hold no picture (charts, SmartArt, text) with LibreOffice
    render: bool = False

    @property
    def workers(self) -> int:
        """How many processes may work at once: ``jobs`` or the number of cores."""
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


def parse_formats(text: str) -> tuple[str, ...]:
    """``"pptx,html"`` → ``("pptx", "html")``, in the canonical order, or a UsageError."""
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [w for w in wanted if w not in FORMATS]
    if unknown or not wanted:
        bad = ", ".join(unknown) or "(empty)"
        raise UsageError(f"unknown format {bad}; choose from {', '.join(FORMATS)}")
    return tuple(f for f in FORMATS if f in wanted)


def validate(options: BuildOptions) -> BuildOptions:
    """Checks option values and returns them; a bad one raises UsageError naming it."""
    for fmt in options.formats:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if options.html_assets not in HTML_ASSET_MODES:
        raise UsageError(f"--html-assets must be one of {', '.join(HTML_ASSET_MODES)}, not {options.html_assets!r}")
    if options.picture_layout not in (None, "picture", "full"):
        raise UsageError(f"--picture-layout must be picture or full, not {options.picture_layout!r}")
    for name, low in (("image_width", 16), ("max_pixels", 1), ("max_post_bytes", 1), ("max_feed_bytes", 1)):
        value = getattr(options, name)
        if not isinstance(value, int) or value < low:
            flag = "--" + name.replace("_", "-")
            raise UsageError(f"{flag} must be a whole number of at least {low}, not {value!r}")
    if options.jobs < 0:
        raise UsageError(f"--jobs must be 0 (one per core) or more, not {options.jobs}")
    return options


def option_names() -> list[str]:
    """The names BuildOptions accepts, for the Python API's error messages."""
    return [f.name for f in fields(BuildOptions)]
