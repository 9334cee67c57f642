"""What builds keep for the next one: processed pictures and rendered PPTX slides, by content keys.

Pictures are keyed by the source bytes' hash and the settings, slides by everything that shapes
them, so a rebuild after a text edit re-encodes no picture and re-renders only the edited slide. Entries are written atomically (temporary
file + rename) and checked against their digest on read, so a torn or tampered entry is only a
miss. The cache never fails a build: any I/O error just means "not cached".
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import time
from pathlib import Path

from slidegen.atomic import discard, write_atomic
from slidegen.model import Picture

_MAGIC = b"slidegen-picture\n"
_BLOB_MAGIC = b"slidegen-blob "
#: The folders of the cache, one per kind of entry.
KINDS = ("pictures", "pptx-slides", "pptx-bases", "ocr", "slide-renders")
#: The cache trims itself to this size after a build that added to it, least recently used first.
MAX_CACHE_BYTES = 1 << 30
# A temporary file this old belongs to a build that died; any live write takes milliseconds.
_STALE_SECONDS = 3600
_PRUNE_EVERY = 24 * 3600
# Temporary files of writes under way start so (see ``atomic``); pruning clears dead ones.
_TMP = ".tmp-"


def default_root() -> Path:
    """The user's cache folder for slidegen: ``SLIDEGEN_CACHE_DIR``, else XDG on Linux, the platform's own elsewhere."""
    if os.environ.get("SLIDEGEN_CACHE_DIR"):
        return Path(os.environ["SLIDEGEN_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("slidegen"))


def root_for(options) -> Path | None:
    """The cache folder a build uses: ``--cache-dir``, else the user's; None with ``--no-cache``."""
    return (options.cache_dir or default_root()) if options.use_cache else None


def cache_key(source_digest: str, settings: object, version: int) -> str:
    """One hex key for a source picture processed with ``settings`` by code ``version``."""
    from PIL import __version__ as pillow

    is_record = dataclasses.is_dataclass(settings) and not isinstance(settings, type)
    fields = dataclasses.asdict(settings) if is_record else repr(settings)  # type: ignore[call-overload]
    # Pillow's encoders decide the output bytes too, so an upgrade must not reuse old entries.
    parts = [source_digest, fields, version, pillow.split(".")[0]]
    if getattr(settings, "whiteboard", False):
        # So do OpenCV's and NumPy's for a cleaned whiteboard; plain pictures keep their keys.
        parts.append(board_libraries())
    blob = json.dumps(parts, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


#: Distributions that install the ``cv2`` module; more than one may be installed at once.
_OPENCV = ("opencv-python-headless", "opencv-python", "opencv-contrib-python-headless", "opencv-contrib-python")


@functools.cache
def board_libraries() -> tuple[tuple[str, str], ...]:
    """The installed versions of NumPy and OpenCV, which shape a cleaned whiteboard.

    Read from the packages' metadata: importing OpenCV would cost the parent process a quarter second.
    """
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("numpy", *_OPENCV):
        try:
            found.append((name, version(name)))
        except PackageNotFoundError:
            continue
    return tuple(found)


class PictureCache:
    """A folder of processed pictures; ``PictureCache(None)`` is a cache that holds nothing."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / "pictures" / key[:2] / key

    def get(self, key: str) -> tuple[Picture, list[str]] | None:
        """The picture and its warnings stored under ``key``, or None.

        The bytes are checked, then left in the file: the picture reads them again when a writer
        asks, so pictures do not pile up in memory.
        """
        entry = self.get_entry(key)
        return entry[:2] if entry else None

    def get_entry(self, key: str) -> tuple[Picture, list[str], dict | None] | None:
        """``get``, plus what the picture step found out about a whiteboard (None otherwise)."""
        if self.root is None:
            return None
        path = self._path(key)
        try:
            raw = path.read_bytes()
            if not raw.startswith(_MAGIC):
                return None
            header, data = raw[len(_MAGIC) :].split(b"\n", 1)
            meta = json.loads(header)
            picture = Picture(
                None,
                meta["mime"],
                int(meta["width"]),
                int(meta["height"]),
                hashlib.sha256(data).hexdigest(),
                path,
                len(raw) - len(data),
            )
            notes = [str(n) for n in meta.get("notes", [])]
            board = meta.get("board") if isinstance(meta.get("board"), dict) else None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if picture.digest != meta.get("digest") or picture.mime not in ("image/jpeg", "image/png"):
            return None
        try:
            os.utime(path)  # the modification time records the last use, for pruning
        except OSError:
            pass
        return picture, notes, board

    def put(self, key: str, picture: Picture, notes: list[str], board: dict | None = None) -> Picture:
        """Stores ``picture`` under ``key`` and returns it as kept there (its bytes in the file).

        When the folder is not writable, nothing is stored and ``picture`` comes back as it was.
        """
        if self.root is None:
            return picture
        meta = {
            "mime": picture.mime,
            "width": picture.width,
            "height": picture.height,
            "digest": picture.digest,
            "notes": notes,
        }
        if board is not None:
            meta["board"] = board
        head = _MAGIC + json.dumps(meta).encode() + b"\n"
        path = self._path(key)
        if not _write_atomic(path, head + picture.data):
            return picture
        return picture.stored_at(path, len(head))

    def prune(self, max_bytes: int = MAX_CACHE_BYTES) -> int:
        """Deletes the least recently used entries until the cache holds at most ``max_bytes``.

        Every kind of entry counts (pictures, slides, templates); returns how many files were
        deleted. Leftovers of interrupted writes go too.
        """
        if self.root is None:
            return 0
        entries = []
        deleted = 0
        now = time.time()
        try:
            for kind in KINDS:
                for path in (self.root / kind).glob("*/*"):
                    stat = path.stat()
                    if path.name.startswith(_TMP):
                        if now - stat.st_mtime > _STALE_SECONDS:
                            deleted += discard(str(path))
                        continue
                    entries.append((stat.st_mtime, stat.st_size, path))
        except OSError:
            return deleted
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= max_bytes:
                break
            deleted += discard(str(path))
            total -= size
        return deleted


def prune_daily(root: Path | None) -> None:
    """Trims the cache if it was not trimmed in the last day (for builds that add only slides).

    Builds that process new pictures trim it every time; a run of text edits adds a few
    kilobytes of slides each, so once a day is enough and keeps rebuilds from walking the cache.
    """
    if root is None:
        return
    stamp = root / "pruned"
    try:
        if time.time() - stamp.stat().st_mtime < _PRUNE_EVERY:
            return
    except OSError:
        pass
    PictureCache(root).prune()
    try:
        stamp.touch()
    except OSError:
        pass


class BlobCache:
    """Derived files other than pictures (PPTX slides, prepared templates, text read, slides LibreOffice
    rendered), by kind and key.

    Each entry carries its own sha256, so a damaged or tampered entry is only a miss.
    """

    def __init__(self, root: Path | None, kind: str) -> None:
        assert kind in KINDS
        self.root = root
        self.kind = kind

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / self.kind / key[:2] / key

    def get(self, key: str) -> bytes | None:
        """The bytes stored under ``key``, or None."""
        if self.root is None:
            return None
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            return None
        head, _, data = raw.partition(b"\n")
        if head != _BLOB_MAGIC + hashlib.sha256(data).hexdigest().encode():
            return None
        try:
            os.utime(self._path(key))
        except OSError:
            pass
        return data

    def put(self, key: str, data: bytes) -> None:
        """Stores ``data`` under ``key``; silently does nothing when the folder is not writable."""
        if self.root is not None:
            _write_atomic(self._path(key), _BLOB_MAGIC + hashlib.sha256(data).hexdigest().encode() + b"\n" + data)


def _write_atomic(path: Path, data: bytes) -> bool:
    """Writes ``data`` to ``path`` whole or not at all; False when it could not."""
    try:
        write_atomic(path, data, prefix=_TMP)
    except OSError:
        return False
    return True


class SourceIndex:
    """Each source file's digest by (device, inode, size, modification time), as git's index does.

    A rebuild after a text edit then finds every cached picture without reading and hashing the
    original photos again. A changed file has a new stamp and is simply hashed afresh.
    """

    MAX_ENTRIES = 20_000

    def __init__(self, root: Path) -> None:
        self.path = root / "sources.json"
        self.changed = False
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            self.entries = {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self.entries = {}

    @staticmethod
    def stamp(path: Path) -> str | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        # No path: a file moved or hard-linked elsewhere keeps its entry; a rewrite gets a new stamp.
        return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"

    def get(self, path: Path) -> str | None:
        """The digest recorded for the file as it is now, or None."""
        stamp = self.stamp(path)
        return self.entries.get(stamp) if stamp else None

    def put(self, path: Path, digest: str) -> None:
        stamp = self.stamp(path)
        if stamp and self.entries.get(stamp) != digest:
            self.entries[stamp] = digest
            self.changed = True

    def save(self) -> None:
        """Writes the index atomically if it changed; never fails a build."""
        if not self.changed:
            return
        entries = dict(list(self.entries.items())[-self.MAX_ENTRIES :])
        _write_atomic(self.path, json.dumps(entries).encode("utf-8"))
