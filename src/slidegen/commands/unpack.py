"""``slidegen unpack``: a PPTX deck into a deck folder (post.md and pictures) that slidegen builds again.

Everything is read, decided and checked in memory first; the folder is written only when all of
it is ready, all files or none. The post is then read back as ``build`` would read it, and any
slide whose title or notes would not come back the same is warned about by number.
"""

from __future__ import annotations

from pathlib import Path

from slidegen.diagnostics import Report
from slidegen.errors import InputError, OutputError
from slidegen.model import SourcePos


def run(args, options, report) -> int:
    from slidegen import outputs
    from slidegen.cache import root_for
    from slidegen.readers.pptx import plan_deck
    from slidegen.readers.pptxdeck import read_deck
    from slidegen.writers.unpacked import POST_NAME, render_folder

    deck_path: Path = args.source
    shown = str(deck_path)
    if deck_path.suffix.lower() != ".pptx":
        raise InputError("unpack reads a PowerPoint deck (.pptx)", shown)
    if not deck_path.is_file():
        raise InputError("no such file", shown)
    out_dir: Path = args.out
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise OutputError("is not an empty folder; unpack into a new or empty folder", str(out_dir))
    plan = plan_deck(
        read_deck(deck_path, shown),
        report,
        render=options.render,
        width=options.image_width,
        cache_root=root_for(options),
    )
    files = render_folder(plan, deck_path, out_dir)
    check_round_trip(plan, files, out_dir / POST_NAME, report)
    outputs.prepare_dir(out_dir)
    written = outputs.write_all(out_dir, files)
    if not options.quiet:
        rendered = sum(1 for item in plan.slides if item.rendered)
        pictures = len(written) - 1
        print(
            f"wrote {out_dir / POST_NAME}: {len(plan.slides)} slide(s), {pictures} picture(s)"
            + (f" ({rendered} rendered by LibreOffice)" if rendered else "")
        )
        print(f"build it with: slidegen build {out_dir}")
    from slidegen.pipeline import Result, check_strict

    result = Result()
    check_strict(options, report, result)
    if result.failed:
        raise result.failed[0]
    return 0


def check_round_trip(plan, files: dict[str, bytes], post_path: Path, report: Report) -> None:
    """Reads the post back as ``build`` would; warns for each slide whose title or notes differ."""
    from slidegen.config import BuildOptions
    from slidegen.parse import parse_post
    from slidegen.readers import markdown

    quiet = Report(stream=None)
    text = files[post_path.name].decode("utf-8")
    post = markdown.read(text, SourcePos(str(post_path), 1), post_path.parent, BuildOptions(), quiet)[0]
    post.folder_images = [name for name in files if name != post_path.name]
    try:
        deck = parse_post(post, quiet)
    except InputError as exc:
        report.warn(f"the unpacked post will not build as it is: {exc.message}", str(post_path))
        return
    if deck is None or len(deck.slides) != len(plan.slides):
        found = len(deck.slides) if deck else 0
        report.warn(f"the unpacked post reads back as {found} slide(s), not {len(plan.slides)}", str(post_path))
        return
    for item, slide in zip(plan.slides, deck.slides):
        want = _words("\n\n".join(p.text for p in item.note if p.text.strip()))
        if item.source.title and slide.title != item.source.title:
            report.warn(f"Slide {item.number}: its title reads back as {slide.title!r}", str(post_path))
        elif _words(slide.note.text) != want:
            report.warn(
                f"Slide {item.number}: its notes do not read back exactly from the post "
                "(a paragraph looks like a slide marker, heading or sign-off); check it",
                str(post_path),
            )


def _words(text: str) -> list[str]:
    return text.split()
