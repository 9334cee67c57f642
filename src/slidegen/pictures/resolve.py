"""Resolves every slide's picture reference safely and fills each deck's media bag.

A reference is taken relative to the post, percent-decoded once, resolved with its symlinks and
must land inside the post's folder or a folder given with ``--images``. A site-relative path
(``/assets/x.png``, as Jekyll and Hugo posts write) is looked for under ``--site-root`` (and its
``static/``), then by path and by name under ``--images`` and the post's folder — never at the
root of this machine. ``http(s)`` references are never fetched: they are matched by path under
``--site-root`` and ``--images``, then by file name in the ``--images`` folders, else the slide
becomes a text slide with a warning. ``data:`` URIs are decoded. Each distinct picture is then
processed once per build (see ``jobs``), whatever the number of slides or decks using it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError, SlidegenError
from slidegen.model import Deck, ImageRef
from slidegen.pictures.settings import whiteboard_choice

if TYPE_CHECKING:  # the pool is imported only when there are pictures to process
    from slidegen.pictures.jobs import Job, Outcome


@dataclass(frozen=True)
class Source:
    """Where a picture's bytes come from: a resolved file, or bytes decoded from a data: URI."""

    path: Path | None = None
    data: bytes | None = None

    @property
    def key(self) -> str:
        """Identity of the picture within a build, so each one is processed once."""
        if self.path is not None:
            return "file:" + str(self.path)
        return "data:" + hashlib.sha256(self.data or b"").hexdigest()


def prepare_media(decks: list[Deck], options: BuildOptions, report: Report) -> list[tuple[Deck, SlidegenError]]:
    """Resolves and processes every slide picture into ``deck.media[slide.image.ref]``.

    Returns the decks that failed with their first error (their media left empty); other decks
    go on. Warnings (remote pictures, odd EXIF, colour profiles) go to ``report``.
    """
    failed: dict[int, SlidegenError] = {}
    uses: list[tuple[Deck, ImageRef, tuple[str, tuple]]] = []
    found: dict[str, Source] = {}
    for deck in decks:
        for slide in deck.slides:
            if slide.image is None or id(deck) in failed:
                continue
            try:
                source = resolve(slide.image, deck.base_dir, options.images_dirs, options.site_root)
            except InputError as exc:
                failed[id(deck)] = exc
                continue
            if source is None:
                report.warn(
                    f"remote picture not fetched (slidegen never downloads): {show(slide.image.ref)}; "
                    "put a copy in a folder given with --images; text slide instead",
                    slide.image.pos,
                )
                slide.image = None
                continue
            # front matter ``whiteboard:`` overrides --whiteboard either way for its own deck
            key = (source.key, whiteboard_choice(deck.whiteboard, options))
            found.setdefault(source.key, source)
            uses.append((deck, slide.image, key))
    sources = {key: found[key[0]] for deck, _, key in uses if id(deck) not in failed}
    outcomes = _process(sources, options)
    warned: set[tuple[str, tuple]] = set()
    for deck, ref, key in uses:
        if id(deck) in failed:
            continue
        outcome = outcomes[key]
        if key not in warned:
            warned.add(key)
            for note in outcome.notes:
                report.warn(f"{show(ref.ref)}: {note}", ref.pos)
        if outcome.picture is None:
            failed[id(deck)] = InputError(f"{outcome.problem}: {show(ref.ref)}", ref.pos)
        else:
            deck.media[ref.ref] = outcome.picture
            if outcome.board is not None:
                deck.boards[ref.ref] = outcome.board
    result = []
    for deck in decks:
        if id(deck) in failed:
            deck.media.clear()
            result.append((deck, failed[id(deck)]))
    return result


def _process(sources: dict[tuple[str, tuple], Source], options: BuildOptions) -> dict:
    if not sources:
        return {}
    from slidegen.cache import PictureCache, SourceIndex, root_for
    from slidegen.pictures.jobs import Job, run_jobs
    from slidegen.pictures.settings import ImageSettings

    root = root_for(options)
    jobs = [
        Job(src.path, src.data, ImageSettings.for_width(options.image_width, options.max_pixels, *board), root)
        for (_, board), src in sources.items()
    ]
    known = _from_index(jobs, root) if root is not None else [None] * len(jobs)
    pending = [i for i, outcome in enumerate(known) if outcome is None]
    ran = iter(run_jobs([jobs[i] for i in pending], options.workers))  # one outcome per job, in order
    outcomes = [outcome if outcome is not None else next(ran) for outcome in known]
    if root is not None:
        index = SourceIndex(root)
        for i in pending:
            path = jobs[i].path
            if path is not None and outcomes[i].source_digest:
                index.put(path, outcomes[i].source_digest)
        index.save()
        if any(o.picture is not None and not o.cached for o in outcomes):
            PictureCache(root).prune()
    return dict(zip(sources, outcomes))


def _from_index(jobs: list[Job], root: Path) -> list[Outcome | None]:
    """Cached outcomes for source files the index knows unchanged; None where a job must run.

    A rebuild after a text edit then reads no original photo and starts no worker process.
    """
    from slidegen.cache import PictureCache, SourceIndex, cache_key
    from slidegen.pictures.jobs import Outcome
    from slidegen.pictures.settings import VERSION

    index, cache = SourceIndex(root), PictureCache(root)
    found: list[Outcome | None] = []
    for job in jobs:
        digest = index.get(job.path) if job.path is not None else None
        hit = cache.get_entry(cache_key(digest, job.settings, VERSION)) if digest else None
        found.append(
            Outcome(hit[0], tuple(hit[1]), cached=True, source_digest=digest, board=hit[2]) if hit and digest else None
        )
    return found


def resolve(
    ref: ImageRef, base_dir: Path, images_dirs: tuple[Path, ...] = (), site_root: Path | None = None
) -> Source | None:
    """Where the picture of ``ref`` lives; None for a remote picture not found locally.

    Raises InputError (at the reference's line) for a missing file, a path that leaves the
    allowed folders, a ``file:`` URL or a malformed ``data:`` URI.
    """
    raw = ref.ref.strip()
    scheme = urlsplit(raw).scheme.lower() if ":" in raw else ""
    if scheme == "data":
        return Source(data=decode_data_uri(ref))
    if scheme in ("http", "https"):
        return _on_site(ref, unquote(urlsplit(raw).path), (), images_dirs, site_root) or _find_by_name(ref, images_dirs)
    if scheme == "file":
        raise InputError(
            f"file: URLs are not followed; refer to the picture by a path relative to the post: {show(raw)}", ref.pos
        )
    if len(scheme) > 1:  # a one-letter "scheme" is a Windows drive letter: treat as a path
        raise InputError(f"unsupported picture reference ({scheme}: links are not followed): {show(raw)}", ref.pos)
    decoded = unquote(raw)
    if not decoded or "\x00" in decoded:
        raise InputError(f"image reference is not a usable path: {show(raw)}", ref.pos)
    if decoded.startswith("/") and not decoded.startswith("//"):
        found = _on_site(ref, decoded, (base_dir,), images_dirs, site_root)
        found = found or _find_by_name(ref, images_dirs) or _find_by_name(ref, (base_dir,), deep=False)
        if found is None:
            raise InputError(
                f"image path leaves the post's folder: {show(raw)} (a site path like this is looked "
                "for under --site-root DIR, your site's checkout, and --images DIR)",
                ref.pos,
            )
        return found
    roots = [_real(base_dir)] + [_real(d) for d in images_dirs]
    candidates = [base_dir / decoded] + [d / decoded for d in images_dirs]
    for candidate in candidates:
        real = _real(candidate)
        if not real.exists():
            continue
        if not any(real.is_relative_to(root) for root in roots):
            raise InputError(_escape_message(raw, _through_link(candidate)), ref.pos)
        if not real.is_file():
            raise InputError(f"image is not a file: {show(raw)}", ref.pos)
        return Source(path=real)
    if not any(_real(candidates[0]).is_relative_to(root) for root in roots):
        raise InputError(_escape_message(raw), ref.pos)
    raise InputError(f"image not found: {show(raw)}", ref.pos)


def _on_site(
    ref: ImageRef, path: str, local: tuple[Path, ...], images_dirs: tuple[Path, ...], site_root: Path | None
) -> Source | None:
    """A site path (``/assets/x.png``) under the site's checkout, its ``static/`` (Hugo), the
    ``--images`` folders and ``local`` folders, in that order; never above any of them."""
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        if ".." in parts and local:
            raise InputError(_escape_message(ref.ref.strip()), ref.pos)
        return None
    places = []
    if site_root is not None:
        places += [(site_root, site_root.joinpath(*parts)), (site_root, site_root.joinpath("static", *parts))]
    places += [(folder, folder.joinpath(*parts)) for folder in (*images_dirs, *local)]
    for root, candidate in places:
        real = _real(candidate)
        if not real.is_file():
            continue
        if not real.is_relative_to(_real(root)):
            raise InputError(_escape_message(ref.ref.strip()), ref.pos)
        return Source(path=real)
    return None


def _escape_message(raw: str, link: bool = False) -> str:
    if link:
        return (
            f"{show(raw)} is a symbolic link to a file outside the post's folder (pictures must be inside "
            "the post's folder or a folder given with --images: copy the picture there, or pass its folder "
            "with --images)"
        )
    return (
        f"image path leaves the post's folder: {show(raw)} (pictures must be inside the post's "
        "folder or a folder given with --images)"
    )


def _through_link(path: Path) -> bool:
    """True when ``path`` or a folder on the way to it is a symbolic link (that is how it left the folder)."""
    for step in (path, *path.parents):
        try:
            if step.is_symlink():
                return True
        except OSError:
            return False
    return False


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return path.absolute()


def _find_by_name(ref: ImageRef, images_dirs: tuple[Path, ...], deep: bool = True) -> Source | None:
    name = unquote(PurePosixPath(urlsplit(ref.ref.strip()).path).name)
    if not name or name in (".", ".."):
        return None
    for folder in images_dirs:
        root = _real(folder)
        for found in sorted(folder.rglob(name) if deep else [folder / name]):
            real = _real(found)
            if real.is_file() and real.is_relative_to(root):
                return Source(path=real)
    return None


def decode_data_uri(ref: ImageRef) -> bytes:
    """The bytes of a ``data:`` URI (base64 or percent-encoded); InputError when malformed."""
    head, comma, payload = ref.ref.strip().partition(",")
    if not comma:
        raise InputError("data: URI has no ',' before its data", ref.pos)
    if head.lower().endswith(";base64"):
        try:
            return base64.b64decode("".join(payload.split()), validate=True)
        except (binascii.Error, ValueError):
            raise InputError("data: URI is not valid base64", ref.pos) from None
    return unquote_to_bytes(payload)


def show(ref: str) -> str:
    """A reference fit for a one-line message: control characters escaped, long ones shortened."""
    if ref.lstrip()[:5].lower() == "data:":
        head = ref.strip().split(",", 1)[0]
        return f"{_printable(head[:60])},... ({len(ref)} characters)"
    text = _printable(ref)
    return text if len(text) <= 120 else text[:117] + "..."


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
