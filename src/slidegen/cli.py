"""The command line: build, inspect, notes, unpack, serve, present and check.

The only place that catches errors and picks exit codes.
"""

from __future__ import annotations

import os
import sys

# Only the standard library's cheapest modules load before the command is known: `slidegen --help`
# prints a stored copy of the parser's help (kept equal to it by a test) without importing argparse.
HELP_FILE = os.path.join(os.path.dirname(__file__), "help.txt")

EPILOG = """\
A post is Markdown, HTML or plain text in which each picture's explanation starts with
'Slide 1:', 'Slide 2:' … (or 'SLIDE NOTES:' for a single slide). A deck folder holds one post
and its pictures: a number at the end of a name (sketch-01.jpg, board_3.png) pairs it with that
slide, other photos go in the order they were taken; 'slidegen inspect' shows each pairing. A
PowerPoint deck (.pptx) is a source too: build and notes read its slides and speaker notes; unpack
turns it into a post. With --whiteboard, photos of whiteboards are straightened, cropped to the
board and cleaned; 'slidegen inspect --whiteboard' shows what was found in each.

exit codes: 0 built, 1 bad input or output (one line on stderr says where), 2 bad usage.
"""


def _formats(text: str) -> tuple[str, ...]:
    import argparse

    from slidegen.config import parse_formats
    from slidegen.errors import UsageError

    try:
        return parse_formats(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, not {value}")
    return value


def _reading_options(p, preview: bool = False) -> None:
    from slidegen.config import BuildOptions

    g = p.add_argument_group("reading")
    g.add_argument(
        "--encoding",
        metavar="NAME",
        help="fallback encoding for posts that are not UTF-8, e.g. cp1252 (a warning is given)",
    )
    g.add_argument(
        "--max-post-bytes",
        type=_positive,
        default=BuildOptions.max_post_bytes,
        metavar="N",
        help="refuse posts larger than N bytes (default: %(default)s)",
    )
    if not preview:
        g.add_argument("--strict", action="store_true", help="fail (exit 1) at the end if there were warnings")
    if preview:
        return  # a live preview shows one post; feed options and --strict mean nothing there
    g = p.add_argument_group("feeds and exports (RSS, Atom, WordPress)")
    g.add_argument(
        "--repair",
        action="store_true",
        help="strip control characters and broken bytes from a feed (a warning each) instead of failing",
    )
    g.add_argument("--include-drafts", action="store_true", help="also build drafts, pending and private posts")
    g.add_argument("--include-pages", action="store_true", help="also build pages, not only posts")
    g.add_argument(
        "--max-feed-bytes",
        type=_positive,
        default=BuildOptions.max_feed_bytes,
        metavar="N",
        help="refuse feed files larger than N bytes (default: %(default)s)",
    )


def make_parser():
    """The full argument parser (argparse is imported here, not at start-up)."""
    import argparse
    from pathlib import Path

    from slidegen import __version__
    from slidegen.config import BuildOptions
    from slidegen.usage import Parser

    parser = Parser(
        prog="slidegen",
        description="Turn posts with 'Slide N:' notes into a PPTX deck, a self-contained "
        "HTML slideshow and speaker notes.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"slidegen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    b = sub.add_parser(
        "build",
        help="build decks into a folder",
        description="Build every deck of the sources: OUTDIR/<slug>.pptx, <slug>.html and <slug>.notes.md by default.",
    )
    b.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="post file or deck folder")
    b.add_argument(
        "-o",
        "--out",
        "--output",
        dest="out",
        type=Path,
        default=Path("build"),
        metavar="OUTDIR",
        help="output folder (default: ./build)",
    )
    b.add_argument(
        "-f",
        "--formats",
        type=_formats,
        default=BuildOptions.formats,
        metavar="LIST",
        help="comma-separated: pptx, html, notes (Markdown), txt (plain notes), pdf, handout "
        "(notes pages as PDF; both need LibreOffice); default: pptx,html,notes",
    )
    b.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")
    _reading_options(b)
    g = b.add_argument_group("PPTX")
    g.add_argument(
        "--template",
        type=Path,
        metavar="FILE",
        help="your .pptx or .potx: masters, layouts, theme; or 'corporate' for the shipped sample template",
    )
    g.add_argument("--title-layout", metavar="NAME", help="layout name for the title slide")
    g.add_argument("--slide-layout", metavar="NAME", help="layout name for picture slides")
    g.add_argument(
        "--render",
        action="store_true",
        help="a .pptx source: render its slides that hold no "
        "picture (charts, SmartArt, text) to pictures with LibreOffice",
    )
    g.add_argument(
        "--picture-layout",
        choices=("picture", "full"),
        help="picture: the picture fills the slide under a slim title (default); "
        "full: the picture on the whole slide, the title over a dark strip (PPTX and HTML)",
    )
    g = b.add_argument_group("HTML")
    g.add_argument("--theme", type=Path, metavar="DIR", help="a theme folder (template and CSS)")
    g.add_argument(
        "--html-assets",
        choices=("inline", "external"),
        default="inline",
        help="inline: one self-contained file (default); external: pictures beside it",
    )
    g = b.add_argument_group("pictures")
    g.add_argument(
        "--images",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="another folder pictures may come from: site paths (/assets/x.png) and remote URLs "
        "are looked for by path under it, then by file name",
    )
    g.add_argument(
        "--site-root",
        type=Path,
        metavar="DIR",
        help="a checkout of your Jekyll or Hugo site: /assets/x.png in a post is DIR/assets/x.png "
        "(or DIR/static/assets/x.png)",
    )
    g.add_argument(
        "--image-width",
        type=_positive,
        default=BuildOptions.image_width,
        metavar="PX",
        help="pixels across a whole slide (default: %(default)s); pictures are sized for the "
        "picture area under the title, never enlarged",
    )
    g.add_argument(
        "--max-pixels",
        type=_positive,
        default=BuildOptions.max_pixels,
        metavar="N",
        help="refuse pictures with more pixels (default: %(default)s)",
    )
    g.add_argument(
        "--whiteboard",
        action="store_true",
        help="whiteboard photos: find the board, straighten and "
        "crop it, even out the light, white background (front matter 'whiteboard: false' opts a post out)",
    )
    _crop_option(g)
    g.add_argument(
        "--ocr",
        action="store_true",
        help="read the words on the pictures: a searchable text layer in "
        "the HTML, and alt text (needs the ocr extra; front matter 'ocr: true|false')",
    )
    g = b.add_argument_group("cache and processes")
    g.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where processed pictures and rendered PPTX slides are kept between builds "
        "(default: your user cache folder)",
    )
    g.add_argument(
        "--no-cache", action="store_true", help="process every picture and render every slide afresh, keeping nothing"
    )
    g.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=0,
        metavar="N",
        help="processes for pictures and decks (default: one per core)",
    )

    i = sub.add_parser(
        "inspect",
        help="show the decks and notes found, build nothing",
        description="List the decks, slides, notes and pictures slidegen finds in the sources.",
    )
    i.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    i.add_argument("--json", action="store_true", help="print JSON instead of a table")
    i.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list text after the first note that belongs to no note, with its line",
    )
    i.add_argument(
        "--whiteboard",
        action="store_true",
        help="process whiteboard photos as build would and show "
        "per picture whether a board was found, its corners and any fallback",
    )
    _crop_option(i)
    i.add_argument("--cache-dir", type=Path, metavar="DIR", help="the picture cache build uses (default: yours)")
    i.add_argument(
        "--ocr",
        action="store_true",
        help="also process the pictures and show the words read on them (needs the ocr extra)",
    )
    i.add_argument(
        "--images", type=Path, action="append", default=[], metavar="DIR", help="another folder pictures may come from"
    )
    _reading_options(i)

    n = sub.add_parser(
        "notes", help="print the speaker notes", description="Print the speaker notes of every deck in SOURCE."
    )
    n.add_argument("source", type=Path, metavar="SOURCE")
    n.add_argument("--format", choices=("md", "txt"), default="md", help="Markdown (default) or plain text")
    _reading_options(n)

    u = sub.add_parser(
        "unpack",
        help="turn a PPTX deck into a post and pictures slidegen builds again",
        description="Write DECK's slides as a deck folder: post.md (title, author, slide "
        "titles, one 'Slide N:' note per slide from its speaker notes, template: the deck) and "
        "each slide's picture with its original bytes (slide-N.jpg …).",
    )
    u.add_argument("source", type=Path, metavar="DECK", help="a .pptx file")
    u.add_argument("-o", "--out", type=Path, required=True, metavar="DIR", help="a new or empty folder")
    u.add_argument(
        "--render",
        action="store_true",
        help="render slides that hold no picture (charts, "
        "SmartArt, text boxes) to slide-N.png with LibreOffice; else they become text slides",
    )
    u.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")
    u.add_argument(
        "--image-width",
        type=_positive,
        default=BuildOptions.image_width,
        metavar="PX",
        help="pixels across a rendered slide (default: %(default)s)",
    )
    u.add_argument("--strict", action="store_true", help="fail (exit 1) at the end if there were warnings")
    u.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where rendered slides are kept for the next run, the cache build uses (default: your user cache folder)",
    )
    u.add_argument("--no-cache", action="store_true", help="render every slide afresh, keeping nothing")

    s = sub.add_parser(
        "serve",
        help="preview a deck in the browser, rebuilt as you edit",
        description="Serve the HTML slideshow of SOURCE on 127.0.0.1, rebuild it when the post "
        "or its pictures change and reload the open page. Ctrl-C stops.",
    )
    s.add_argument("source", type=Path, metavar="SOURCE")
    s.add_argument("--port", type=_port, default=8000, help="port on 127.0.0.1 (default: %(default)s; 0 picks one)")
    s.add_argument(
        "--images", type=Path, action="append", default=[], metavar="DIR", help="another folder pictures may come from"
    )
    s.add_argument(
        "--site-root",
        type=Path,
        metavar="DIR",
        help="a checkout of your site, where /assets/x.png paths are looked for",
    )
    s.add_argument("--whiteboard", action="store_true", help="clean up whiteboard photos")
    _crop_option(s)
    s.add_argument("--theme", type=Path, metavar="DIR", help="a theme folder (template and CSS)")
    _reading_options(s, preview=True)

    p = sub.add_parser(
        "present",
        help="present to a room: phones follow the speaker's slides",
        description="Build the slideshow of SOURCE and serve it from this machine: the speaker "
        "opens the presenter link (it carries a secret and is printed only here), and everyone "
        "who opens the audience link follows the speaker's slide as it changes. Nothing leaves "
        "this machine and the room's network. Ctrl-C stops.",
    )
    p.add_argument("source", type=Path, metavar="SOURCE")
    p.add_argument(
        "--lan",
        action="store_true",
        help="listen on this machine's network address, so phones in "
        "the room can join, and print the audience link as a QR code (default: this machine only)",
    )
    p.add_argument("--host", metavar="ADDRESS", help="listen on this address instead (implies the room can reach it)")
    p.add_argument("--port", type=_port, default=8000, help="port (default: %(default)s; 0 picks a free one)")
    p.add_argument(
        "--images", type=Path, action="append", default=[], metavar="DIR", help="another folder pictures may come from"
    )
    p.add_argument(
        "--site-root",
        type=Path,
        metavar="DIR",
        help="a checkout of your site, where /assets/x.png paths are looked for",
    )
    p.add_argument("--whiteboard", action="store_true", help="clean up whiteboard photos")
    p.add_argument("--ocr", action="store_true", help="read the words on the pictures (needs the ocr extra)")
    p.add_argument("--theme", type=Path, metavar="DIR", help="a theme folder (template and CSS)")
    _reading_options(p)

    c = sub.add_parser(
        "check",
        help="find accessibility problems in PPTX decks",
        description="Check PPTX decks (any, not only slidegen's) against the accessibility "
        "checker's rules that can be decided from the file: slide titles, alt text, reading "
        "order, table headers, text size and contrast, empty placeholders, speaker notes. "
        "Exit code 1 when anything is found or a file cannot be read, 0 when all are clean.",
    )
    c.add_argument("decks", nargs="+", type=Path, metavar="DECK.pptx")
    c.add_argument("--json", action="store_true", help="print JSON: every deck's findings with rule names")
    c.add_argument("-q", "--quiet", action="store_true", help="say nothing when the decks are clean")
    return parser


def _crop_option(group) -> None:
    group.add_argument(
        "--whiteboard-crop",
        choices=("on", "off"),
        default="on",
        help="with --whiteboard: straighten and crop to the board (on, default) or keep the whole "
        "photo (off); front matter 'whiteboard: {crop: false}' does this per post",
    )


def _port(text: str) -> int:
    import argparse

    value = _positive(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, not {value}")
    return value


def options_from(args):
    """BuildOptions from parsed arguments; commands without a flag keep the default."""
    from pathlib import Path

    from slidegen.config import BuildOptions
    from slidegen.templates import find as shipped_template

    get = lambda name, default=None: getattr(args, name, default)  # noqa: E731
    return BuildOptions(
        out_dir=get("out", Path("build")),
        formats=get("formats", BuildOptions.formats),
        strict=get("strict", False),
        template=shipped_template(get("template")),
        title_layout=get("title_layout"),
        slide_layout=get("slide_layout"),
        picture_layout=get("picture_layout"),
        theme=get("theme"),
        html_assets=get("html_assets", "inline"),
        images_dirs=tuple(get("images", []) or []),
        site_root=get("site_root"),
        image_width=get("image_width", BuildOptions.image_width),
        max_pixels=get("max_pixels", BuildOptions.max_pixels),
        whiteboard=get("whiteboard", False),
        whiteboard_crop=get("whiteboard_crop", "on") != "off",
        ocr=get("ocr", False),
        cache_dir=get("cache_dir"),
        use_cache=not get("no_cache", False),
        jobs=get("jobs", 0),
        encoding=get("encoding"),
        max_post_bytes=get("max_post_bytes", BuildOptions.max_post_bytes),
        max_feed_bytes=get("max_feed_bytes", BuildOptions.max_feed_bytes),
        repair=get("repair", False),
        include_drafts=get("include_drafts", False),
        include_pages=get("include_pages", False),
        quiet=get("quiet", False),
        render=get("render", False),
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv in (["--help"], ["-h"]) and os.path.exists(HELP_FILE):
        with open(HELP_FILE, encoding="utf-8") as fh:
            sys.stdout.write(fh.read())
        return 0
    args = make_parser().parse_args(argv)
    from slidegen.diagnostics import Report
    from slidegen.errors import SlidegenError

    report = Report()
    try:
        options = options_from(args)
        from importlib import import_module

        # The verb's module by name: an attribute of the package would be the module, not a function,
        # once anything has imported it (a second main() in one process, as the API and tests call it).
        code = import_module(f"slidegen.commands.{args.command}").run(args, options, report)
    except SlidegenError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("slidegen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug in slidegen, not the user's fault: still one line
        if os.environ.get("SLIDEGEN_DEBUG"):
            raise
        print(
            f"slidegen: internal error: {type(exc).__name__}: {exc} "
            "(set SLIDEGEN_DEBUG=1 for details and please report it)",
            file=sys.stderr,
        )
        return 1
    return code


def print_json(data) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
