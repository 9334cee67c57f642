"""The picture cache: hits on a second build, misses on changed settings, survives damage."""

import pytest

from slidegen.cache import PictureCache, cache_key
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.model import Deck, ImageRef, Slide, SourcePos
from slidegen.pictures import process as images
from slidegen.pictures.process import ImageSettings
from slidegen.pictures.resolve import prepare_media
from toolkit import image_bytes, make_deck_dir, note, picture

POS = SourcePos("post.md", 3)


def deck(base) -> Deck:
    d = Deck(title="T", source=POS, base_dir=base, slug="t")
    d.slides.append(Slide(1, "S", note("n"), POS, ImageRef("a.jpg", POS)))
    return d


@pytest.fixture
def counted(monkeypatch):
    calls = []
    real = images.process_board
    monkeypatch.setattr(images, "process_board", lambda data, s: calls.append(1) or real(data, s))
    return calls


def test_a_second_build_takes_the_picture_from_the_cache(tmp_path, counted):
    make_deck_dir(tmp_path, {"a.jpg": image_bytes(1000, 800, orientation=9)})
    opts = BuildOptions(cache_dir=tmp_path / "cache", jobs=1)
    first, second = deck(tmp_path), deck(tmp_path)
    first_report, second_report = Report(stream=None), Report(stream=None)
    prepare_media([first], opts, first_report)
    prepare_media([second], opts, second_report)
    assert len(counted) == 1
    assert first.media == second.media
    # warnings are replayed from the cache, so --strict fails the same on a warm build
    assert [str(w) for w in first_report.warnings] == [str(w) for w in second_report.warnings] != []


def test_changed_settings_or_bytes_miss_the_cache(tmp_path, counted):
    make_deck_dir(tmp_path, {"a.jpg": image_bytes(1000, 800)})
    base = BuildOptions(cache_dir=tmp_path / "cache", jobs=1)
    prepare_media([deck(tmp_path)], base, Report(stream=None))
    prepare_media(
        [deck(tmp_path)], BuildOptions(cache_dir=tmp_path / "cache", jobs=1, image_width=640), Report(stream=None)
    )
    prepare_media(
        [deck(tmp_path)], BuildOptions(cache_dir=tmp_path / "cache", jobs=1, whiteboard=True), Report(stream=None)
    )
    make_deck_dir(tmp_path, {"a.jpg": image_bytes(1000, 800, color=(1, 2, 3))})
    prepare_media([deck(tmp_path)], base, Report(stream=None))
    assert len(counted) == 4


def test_no_cache_means_nothing_is_stored(tmp_path, counted):
    make_deck_dir(tmp_path, {"a.jpg": image_bytes()})
    opts = BuildOptions(cache_dir=tmp_path / "cache", use_cache=False, jobs=1)
    prepare_media([deck(tmp_path)], opts, Report(stream=None))
    prepare_media([deck(tmp_path)], opts, Report(stream=None))
    assert len(counted) == 2 and not (tmp_path / "cache").exists()


def test_a_damaged_entry_is_a_miss_not_an_error(tmp_path):
    cache = PictureCache(tmp_path)
    key = cache_key("0" * 64, ImageSettings(), 1)
    cache.put(key, picture(), ["a warning"])
    assert cache.get(key) == (picture(), ["a warning"])
    path = next((tmp_path / "pictures").rglob(key))
    path.write_bytes(path.read_bytes()[:-10])
    assert cache.get(key) is None
    path.write_bytes(b"garbage")
    assert cache.get(key) is None


def test_an_unwritable_cache_folder_does_not_fail_the_build(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    make_deck_dir(tmp_path, {"a.jpg": image_bytes()})
    d = deck(tmp_path)
    assert prepare_media([d], BuildOptions(cache_dir=blocker, jobs=1), Report(stream=None)) == []
    assert "a.jpg" in d.media


def test_entries_are_written_whole_with_no_temporary_files_left(tmp_path):
    cache = PictureCache(tmp_path)
    for n in range(3):
        cache.put(cache_key(str(n), ImageSettings(), 1), picture(), [])
    names = [p.name for p in (tmp_path / "pictures").rglob("*") if p.is_file()]
    assert len(names) == 3 and not any(n.startswith(".tmp-") for n in names)


def test_pruning_drops_the_least_recently_used_entries_first(tmp_path):
    import os

    cache = PictureCache(tmp_path)
    keys = [cache_key(str(n), ImageSettings(), 1) for n in range(4)]
    for age, key in zip((400, 300, 200, 100), keys):
        cache.put(key, picture(), [])
        path = next((tmp_path / "pictures").rglob(key))
        os.utime(path, (path.stat().st_atime - age, path.stat().st_mtime - age))
    assert cache.get(keys[0]) is not None  # used just now: becomes the newest
    size = next((tmp_path / "pictures").rglob(keys[0])).stat().st_size
    assert cache.prune(max_bytes=2 * size) == 2
    assert [cache.get(k) is not None for k in keys] == [True, False, False, True]


def test_pruning_removes_leftovers_of_interrupted_writes(tmp_path):
    import os

    (tmp_path / "pictures" / "ab").mkdir(parents=True)
    old, fresh = tmp_path / "pictures" / "ab" / ".tmp-old", tmp_path / "pictures" / "ab" / ".tmp-new"
    old.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    os.utime(old, (0, 0))
    assert PictureCache(tmp_path).prune() == 1
    assert not old.exists() and fresh.exists()


def test_a_rebuild_reads_no_unchanged_original_but_notices_a_changed_one(tmp_path, monkeypatch):
    from slidegen.pictures import jobs as picturejobs

    make_deck_dir(tmp_path, {"a.jpg": image_bytes(1000, 800)})
    opts = BuildOptions(cache_dir=tmp_path / "cache", jobs=1)
    prepare_media([deck(tmp_path)], opts, Report(stream=None))
    read = []
    real = picturejobs._read
    monkeypatch.setattr(picturejobs, "_read", lambda path: read.append(path) or real(path))
    again = deck(tmp_path)
    prepare_media([again], opts, Report(stream=None))
    assert read == [] and again.media["a.jpg"].width == 1000
    (tmp_path / "a.jpg").write_bytes(image_bytes(600, 400))
    changed = deck(tmp_path)
    prepare_media([changed], opts, Report(stream=None))
    assert len(read) == 1 and changed.media["a.jpg"].width == 600


def test_pictures_from_the_cache_are_read_when_used_not_held(tmp_path):
    make_deck_dir(tmp_path, {"a.jpg": image_bytes(1000, 800)})
    opts = BuildOptions(cache_dir=tmp_path / "cache", jobs=1)
    built, again, uncached = deck(tmp_path), deck(tmp_path), deck(tmp_path)
    prepare_media([built], opts, Report(stream=None))  # processed now, then kept in the cache
    prepare_media([again], opts, Report(stream=None))  # taken from the cache
    prepare_media([uncached], BuildOptions(use_cache=False, jobs=1), Report(stream=None))
    for d in (built, again):
        pic = d.media["a.jpg"]
        assert pic.path is not None and pic._data is None
        assert pic.data == uncached.media["a.jpg"].data
    assert uncached.media["a.jpg"].path is None  # without a cache the bytes stay in memory


def test_a_cached_picture_changed_during_the_build_is_an_error_not_a_wrong_picture(tmp_path):
    from slidegen.errors import OutputError

    make_deck_dir(tmp_path, {"a.jpg": image_bytes(300, 200)})
    d = deck(tmp_path)
    prepare_media([d], BuildOptions(cache_dir=tmp_path / "cache", jobs=1), Report(stream=None))
    pic = d.media["a.jpg"]
    raw = bytearray(pic.path.read_bytes())
    raw[-3] ^= 1
    pic.path.write_bytes(bytes(raw))
    with pytest.raises(OutputError, match="cached picture changed during the build"):
        pic.data
    pic.path.unlink()
    with pytest.raises(OutputError, match="cached picture vanished during the build"):
        pic.data


def test_builds_that_add_only_slides_trim_the_cache_once_a_day(tmp_path, monkeypatch):
    import os

    from slidegen import cache as cache_module

    trims = []
    monkeypatch.setattr(cache_module.PictureCache, "prune", lambda self, max_bytes=0: trims.append(1) or 0)
    cache_module.prune_daily(tmp_path)
    cache_module.prune_daily(tmp_path)
    assert len(trims) == 1
    day_ago = (tmp_path / "pruned").stat().st_mtime - 25 * 3600
    os.utime(tmp_path / "pruned", (day_ago, day_ago))
    cache_module.prune_daily(tmp_path)
    assert len(trims) == 2
    cache_module.prune_daily(None)
    assert len(trims) == 2


def test_a_library_upgrade_changes_whiteboard_keys_only(monkeypatch):
    """A new OpenCV or NumPy must not serve stale cleaned boards, nor cool a warm cache of plain pictures."""
    from slidegen import cache

    plain, board = ImageSettings(), ImageSettings(whiteboard=True)
    before = cache_key("0" * 64, plain, 1), cache_key("0" * 64, board, 1)
    libraries = dict(cache.board_libraries())
    assert "numpy" in libraries and any(name.startswith("opencv") for name in libraries)
    monkeypatch.setattr(cache, "board_libraries", lambda: (("numpy", "9.9"), ("opencv-python-headless", "9.9")))
    after = cache_key("0" * 64, plain, 1), cache_key("0" * 64, board, 1)
    assert after[0] == before[0] and after[1] != before[1]
    # The plain key is the one earlier versions wrote: caches already warm stay warm.
    import dataclasses
    import hashlib
    import json

    from PIL import __version__ as pillow

    blob = json.dumps(["0" * 64, dataclasses.asdict(plain), 1, pillow.split(".")[0]], sort_keys=True)
    assert before[0] == hashlib.sha256(blob.encode()).hexdigest()
