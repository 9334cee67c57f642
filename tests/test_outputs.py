"""Atomic writes: all files of a deck or none, never outside the output folder."""

import os

import pytest

from slidegen.errors import InputError, OutputError
from slidegen.outputs import Stream, as_bytes, prepare_dir, write_all


def test_writes_every_file_and_leaves_no_temporaries(tmp_path):
    written = write_all(tmp_path, {"a.pptx": b"1", "sub/b.jpg": b"2"})
    assert [p.read_bytes() for p in written] == [b"1", b"2"]
    assert sorted(os.listdir(tmp_path)) == ["a.pptx", "sub"]
    mask = os.umask(0o022)
    os.umask(mask)
    assert written[0].stat().st_mode & 0o777 == 0o666 & ~mask


def test_failure_midway_keeps_the_earlier_output_intact(tmp_path, monkeypatch):
    (tmp_path / "a.html").write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_all(tmp_path, {"a.html": b"new"})
    assert (tmp_path / "a.html").read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.html"]


def test_names_cannot_leave_the_folder(tmp_path):
    with pytest.raises(OutputError, match="leave the output folder"):
        write_all(tmp_path / "out", {"../x.html": b""})


def test_output_path_that_is_a_file_is_an_error(tmp_path):
    (tmp_path / "f").write_text("")
    with pytest.raises(OutputError, match="not a folder"):
        prepare_dir(tmp_path / "f")


def test_a_stream_is_written_into_its_file(tmp_path):
    written = write_all(tmp_path, {"a.pptx": Stream(lambda out: out.write(b"streamed")), "b.md": b"bytes"})
    assert [p.read_bytes() for p in written] == [b"streamed", b"bytes"]
    assert as_bytes(Stream(lambda out: out.write(b"x"))) == b"x" and as_bytes(b"y") == b"y"


def test_a_stream_failing_midway_leaves_nothing_and_keeps_the_old_files(tmp_path):
    (tmp_path / "a.pptx").write_bytes(b"old")

    def half(out):
        out.write(b"half a zip")
        raise InputError("a slide went wrong", "post.md")

    with pytest.raises(InputError, match="a slide went wrong"):
        write_all(tmp_path, {"b.html": b"fine", "a.pptx": Stream(half)})
    assert sorted(os.listdir(tmp_path)) == ["a.pptx"]
    assert (tmp_path / "a.pptx").read_bytes() == b"old"
