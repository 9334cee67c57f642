"""``slidegen inspect``: the decks, slides, notes and pictures found, as a table or JSON."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

from slidegen.cli import print_json
from slidegen.dates import iso_date
from slidegen.pipeline import Result, check_strict, read_decks


def image_path(deck, slide) -> str | None:
    """Where a slide's picture comes from: relative to here when it is under here, else from home or root.

    URLs are shown as written. A path that climbs out of the working folder (``../../x.jpg``) says
    less than the folder it is in, so those are shown in full (``~/talks/x.jpg``).
    """
    if slide.image is None:
        return None
    ref = slide.image.ref
    if ref.startswith("data:"):
        return "data: URI"
    if "://" in ref:
        return ref
    return shown_path(deck.base_dir / ref)


def shown_path(path: Path) -> str:
    """``path`` for a person to read: relative to the working folder, else to the home folder, else absolute."""
    full = Path(os.path.abspath(path))
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        if full.is_relative_to(base):
            return prefix + str(full.relative_to(base))
    return str(full)


def picture_problem(deck, slide, options) -> str | None:
    """Why building would refuse this slide's picture (outside the folder, a link out, missing), or None."""
    from slidegen.errors import InputError
    from slidegen.pictures.resolve import resolve

    if slide.image is None:
        return None
    try:
        resolve(slide.image, deck.base_dir, options.images_dirs)
    except InputError as exc:
        return exc.message
    return None


def run(args, options, report) -> int:
    result = Result()
    decks = read_decks(args.sources, options, report, result)
    problems = {}
    for deck in decks:
        for s in deck.slides:
            problem = picture_problem(deck, s, options)
            if problem:  # the build would stop here: say so now rather than list the picture as fine
                problems[id(s)] = problem
                report.warn(f"building would fail: {problem}", s.image.pos)
    if args.json:
        print_json({
            "decks": [{
                "title": d.title, "slug": d.slug, "source": str(d.source), "author": d.author or None,
                "date": iso_date(d.date) or None,
                "slides": [{"number": s.number, "title": s.title, "note": s.note.text,
                            "image": image_path(d, s), "line": s.pos.line,
                            **({"image_problem": problems[id(s)]} if id(s) in problems else {})}
                           for s in d.slides],
            } for d in decks],
            "skipped": [{"title": s.title, "source": s.source, "reason": s.reason} for s in result.skipped],
            "left_out": [{"title": s.title, "source": s.source, "reason": s.reason} for s in result.left_out],
        })
    else:
        for deck in decks:
            print(f"{deck.title}  [{deck.slug}]  {deck.source}  {len(deck.slides)} slide(s)")
            for s in deck.slides:
                note = textwrap.shorten(" ".join(s.note.text.split()), 70, placeholder="…") or "(no note)"
                pic = image_path(deck, s) or "(text slide)"
                if id(s) in problems:
                    pic += "  (refused, see the warning)"
                print(f"  {s.number:>3}  {s.title}\n       {note}\n       picture: {pic}")
            print()
        for skip in result.skipped:
            print(f"skipped: {skip.title!r} at {skip.source} ({skip.reason})")
        for skip in result.left_out:
            print(f"left out: {skip.title!r} at {skip.source}: {skip.reason}")
    check_strict(options, report, result)
    for error in result.failed:  # posts that could not be parsed, or --strict and warnings
        print(error, file=sys.stderr)
    return 1 if result.failed else 0
