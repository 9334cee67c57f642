"""slidegen: posts with 'Slide N:' notes → PPTX decks, self-contained HTML slideshows and speaker notes.

The Python API mirrors the command line::

    import slidegen
    decks = slidegen.read_decks("decks/social-media-society")
    files = slidegen.build(["decks/social-media-society"], "build", formats=("pptx", "html"))
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["read_decks", "build", "__version__"]


def _options(**options):
    from pathlib import Path

    from slidegen.config import BuildOptions, option_names, validate
    from slidegen.errors import UsageError

    unknown = sorted(set(options) - set(option_names()))
    if unknown:
        raise UsageError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(option_names())}")
    for key in ("out_dir", "template", "theme", "cache_dir", "site_root"):
        if options.get(key) is not None:
            options[key] = Path(options[key])
    if "images_dirs" in options:
        options["images_dirs"] = tuple(Path(p) for p in options["images_dirs"])
    if isinstance(options.get("formats"), str):
        from slidegen.config import parse_formats

        options["formats"] = parse_formats(options["formats"])
    return validate(BuildOptions(**options))


def read_decks(path, **options) -> list:
    """The decks in a post file, page, feed or deck folder, parsed but without pictures processed.

    Raises ``slidegen.errors.SlidegenError`` for input that cannot be used; warnings are printed
    to standard error unless ``quiet=True``.
    """
    import sys
    from pathlib import Path

    from slidegen.diagnostics import Report
    from slidegen.pipeline import read_decks as _read

    opts = _options(**options)
    return _read([Path(path)], opts, Report(stream=None if opts.quiet else sys.stderr))


def build(sources, out_dir="build", **options) -> list:
    """Builds every deck of ``sources`` (a path or a list of them) into ``out_dir``; returns the files.

    Raises the first ``SlidegenError`` if any deck failed (the other decks are still written).
    """
    import sys
    from pathlib import Path

    from slidegen.diagnostics import Report
    from slidegen.pipeline import build as _build

    if isinstance(sources, (str, Path)):  # one source
        sources = [sources]
    opts = _options(out_dir=out_dir, **options)
    result = _build([Path(s) for s in sources], opts, Report(stream=None if opts.quiet else sys.stderr))
    if result.failed:
        raise result.failed[0]
    return result.files
