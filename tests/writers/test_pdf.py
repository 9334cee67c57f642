"""PDF export: LibreOffice makes one page per slide; a missing, failing or hanging soffice is one clear line."""

from __future__ import annotations

import os
import time

import pytest

from pptxdump import page_count
from slidegen.config import BuildOptions
from slidegen.errors import OutputError
from slidegen.writers import pdf, writer
from toolkit import make_deck


def fake_soffice(folder, body: str):
    """A stand-in ``soffice`` on PATH that runs ``body`` (a shell script)."""
    folder.mkdir(exist_ok=True)
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ['PATH']}"  # ours first, the real tools (sleep) after


@pytest.mark.office
def test_pdf_writer_gives_one_page_per_slide():
    deck = make_deck(3)
    deck.slides[1].image = None
    files = writer("pdf")(deck, BuildOptions(formats=("pdf",)))
    assert list(files) == ["a-test-deck.pdf"]
    assert page_count(files["a-test-deck.pdf"]) == 4


def test_missing_libreoffice_names_the_programs(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OutputError) as err:
        pdf.render(make_deck(1), BuildOptions())
    message = str(err.value)
    assert message.startswith("post.md:1: error: PDF export needs LibreOffice")
    assert "soffice" in message and "libreoffice" in message and "\n" not in message


def test_failing_soffice_reports_its_last_words(tmp_path, monkeypatch):
    monkeypatch.setenv(
        "PATH", (fake_soffice(tmp_path / "bin", "echo 'Error: source file could not be loaded' >&2\nexit 1\n"))
    )
    with pytest.raises(OutputError, match="soffice failed to make the PDF: Error: source file could not be loaded"):
        pdf.convert({"a.pptx": b"x"})


def test_soffice_that_writes_nothing_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", (fake_soffice(tmp_path / "bin", "exit 0\n")))
    with pytest.raises(OutputError, match="did not convert a.pptx to PDF"):
        pdf.convert({"a.pptx": b"x"})


def test_hanging_soffice_is_killed_with_its_children(tmp_path, monkeypatch):
    pid_file = tmp_path / "child.pid"
    monkeypatch.setenv("PATH", (fake_soffice(tmp_path / "bin", f"sleep 60 &\necho $! > {pid_file}\nwait\n")))
    started = time.monotonic()
    with pytest.raises(OutputError, match="took longer than 1 s"):
        pdf.convert({"a.pptx": b"x"}, timeout=1)
    assert time.monotonic() - started < 10
    child = int(pid_file.read_text())
    for _ in range(50):  # the child is reaped by init a moment after the kill
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the hanging child of soffice is still running")
