"""Atomic replacement: the old file or the new one, never half of either, and no temporary left behind."""

import os

import pytest

from slidegen.atomic import stage, write_atomic


def test_replaces_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "f.bin"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(target.parent) == ["f.bin"]


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "f.bin"
    target.write_bytes(b"old")

    def fail(fh):
        fh.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        stage(target, fail)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["f.bin"]


def test_stage_sets_the_mode_asked_for(tmp_path):
    tmp = stage(tmp_path / "f", lambda fh: fh.write(b"x"), mode=0o644)
    assert os.stat(tmp).st_mode & 0o777 == 0o644


def test_cache_and_outputs_write_through_it():
    import slidegen.cache as cache
    import slidegen.outputs as outputs

    assert cache.write_atomic is write_atomic and outputs.atomic.stage is stage
