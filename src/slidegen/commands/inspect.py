"""``slidegen inspect``: the decks, slides, notes and pictures found, as a table or JSON."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

from slidegen.cli import print_json
from slidegen.dates import iso_date
from slidegen.model import board_text
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
    if "://" in ref or ref.startswith("/"):
        return ref  # a URL or a path on the post's site, as written
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


def pictures_for(decks, options, report, result: Result) -> list:
    """Processes the pictures of the decks whose slides must say what became of them, as a build
    would: whiteboard decks (``deck.boards``) and, with ``--ocr``, the words read on them
    (``deck.words``); other decks' pictures are not touched. Decks whose pictures fail are
    reported with the other failures and left out."""
    from slidegen.pictures.ocr import wanted as reads_words
    from slidegen.pictures.settings import whiteboard_choice

    reading = [d for d in decks if reads_words(d, options)]
    wanted = [d for d in decks if whiteboard_choice(d.whiteboard, options)[0] or reads_words(d, options)]
    if not wanted:
        return decks
    from slidegen.pictures.resolve import prepare_media

    failures = prepare_media(wanted, options, report)
    result.failed.extend(error for _, error in failures)
    bad = {id(deck) for deck, _ in failures}
    if reading:
        from slidegen.pictures.ocr import read_all

        read_all([d for d in reading if id(d) not in bad], options, report)
    return [d for d in decks if id(d) not in bad]


def board_line(board: dict) -> str:
    """One line on a whiteboard picture: the board found (corners in % of the photo), the cleanup."""
    if board["corners"]:
        corners = " ".join(f"({x * 100:.1f}%,{y * 100:.1f}%)" for x, y in board["corners"])
        found = f"board {board['board']} at {corners}"
    else:
        found = {"none": "no board found, whole photo kept", "not cropped": "not cropped (crop off)"}.get(
            board["board"], board["board"]
        )
    text = f"{found}; cleanup {board['cleanup']}, writing kept {board['kept'] * 100:.0f}%"
    return text + (f" ({board['reason']})" if board.get("reason") else "")


def words_json(deck, slide) -> dict | None:
    """The words read on a slide's picture, for ``--json``; None when none were read."""
    if slide.image is None or slide.image.ref not in deck.words:
        return None
    words = deck.words_on(slide)
    return {
        "text": board_text(words),
        "words": [{"text": w.text, "confidence": w.confidence, "box": list(w.box)} for w in words],
    }


def run(args, options, report) -> int:
    result = Result()
    decks = read_decks(args.sources, options, report, result, allow_none=True)
    verbose = getattr(args, "verbose", False)
    problems = {}
    for deck in decks:
        for s in deck.slides:
            problem = picture_problem(deck, s, options)
            if problem and s.image:  # the build would stop here: say so now rather than list the picture as fine
                problems[id(s)] = problem
                report.warn(f"building would fail: {problem}", s.image.pos)
    decks = pictures_for(decks, options, report, result)
    if args.json:
        print_json(
            {
                "decks": [
                    {
                        "title": d.title,
                        "slug": d.slug,
                        "source": str(d.source),
                        "author": d.author or None,
                        "date": iso_date(d.date) or None,
                        "lang": d.lang,
                        "slides": [
                            {
                                "number": s.number,
                                "title": s.title,
                                "note": s.note.text,
                                "image": image_path(d, s),
                                "rule": s.image.rule if s.image else None,
                                "why": s.image.why if s.image else None,
                                "guess": bool(s.image and s.image.guess),
                                "line": s.pos.line,
                                # only for whiteboard decks: what became of the picture's board
                                **(
                                    {"whiteboard": d.boards[s.image.ref]} if s.image and s.image.ref in d.boards else {}
                                ),
                                "ocr": words_json(d, s),
                                **({"image_problem": problems[id(s)]} if id(s) in problems else {}),
                            }
                            for s in d.slides
                        ],
                        **(
                            {"outside_notes": [{"line": pos.line, "text": text} for pos, text in d.outside_notes]}
                            if verbose
                            else {}
                        ),
                    }
                    for d in decks
                ],
                "skipped": [{"title": s.title, "source": s.source, "reason": s.reason} for s in result.skipped],
                "left_out": [{"title": s.title, "source": s.source, "reason": s.reason} for s in result.left_out],
            }
        )
    else:
        for deck in decks:
            print(f"{deck.title}  [{deck.slug}]  {deck.source}  {len(deck.slides)} slide(s)")
            for s in deck.slides:
                note = textwrap.shorten(" ".join(s.note.text.split()), 70, placeholder="…") or "(no note)"
                pic = f"{image_path(deck, s)}  ({s.image.why})" if s.image else "(text slide)"
                if id(s) in problems:
                    pic += "  (refused, see the warning)"
                print(f"  {s.number:>3}  {s.title}\n       {note}\n       picture: {pic}")
                if s.image and s.image.ref in deck.boards:
                    print(f"       whiteboard: {board_line(deck.boards[s.image.ref])}")
                if s.image is not None and s.image.ref in deck.words:
                    said = textwrap.shorten(board_text(deck.words_on(s)), 70, placeholder="…") or "(no words)"
                    print(f"       words read: {said}")
            if verbose and deck.outside_notes:
                print("  in no note (no output carries this text):")
                for pos, text in deck.outside_notes:
                    print(f"       {pos}: {textwrap.shorten(' '.join(text.split()), 70, placeholder='…')}")
            print()
        for skip in result.skipped:
            print(f"skipped: {skip.title!r} at {skip.source} ({skip.reason})")
        for skip in result.left_out:
            print(f"left out: {skip.title!r} at {skip.source}: {skip.reason}")
    check_strict(options, report, result)
    for error in result.failed:  # posts that could not be parsed, or --strict and warnings
        print(error, file=sys.stderr)
    return 1 if result.failed else 0
