"""Whole blogs through ``slidegen build``: parallel decks, a bad post that stops nothing, progress, summary, index."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

import feedgen
from cli_run import ROOT, cli

FORMATS = "html,notes"


def summary_row(stdout: str) -> dict[str, str]:
    lines = stdout.rstrip("\n").splitlines()
    head = lines.index(next(line for line in lines if line.split()[:2] == ["decks", "slides"]))
    return dict(zip(lines[head].split(), lines[head + 1].split()))


def test_wxr_export_of_50_posts_builds_30_decks_in_parallel_with_an_index(tmp_path):
    export = tmp_path / "export.xml"
    export.write_bytes(feedgen.wxr(50, with_notes=30, control_chars=3))
    out = tmp_path / "out"
    run = cli("build", export, "-o", out, "-f", FORMATS, "--repair", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    names = sorted(os.listdir(out))
    assert len(names) == 61 and "index.html" in names
    assert {n.split(".")[0] for n in names} - {"index"} == {f"post-number-{i}" for i in range(1, 31)}
    assert len(re.findall(r"^wrote ", run.stdout, re.M)) == 61
    assert len(re.findall(r"^skipped ", run.stdout, re.M)) == 20
    row = summary_row(run.stdout)
    assert (row["decks"], row["slides"], row["skipped"], row["failed"], row["warnings"]) == ("30", "90", "20", "0", "9")
    assert int(row["bytes"].replace(",", "")) == sum((out / n).stat().st_size for n in names)
    assert float(row["seconds"]) > 0
    assert re.search(rf"^{re.escape(str(export))}:23:37: warning: removed control character U\+0000$", run.stderr, re.M)
    index = (out / "index.html").read_text()
    assert index.count('<li id="post-number-') == 30 and 'href="post-number-7.notes.md"' in index
    assert not [n for n in names if n.endswith(".part")]


def test_jobs_1_and_jobs_2_write_the_same_files(tmp_path):
    feed = tmp_path / "feed.atom"
    feed.write_bytes(feedgen.atom(8))
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        run = cli("build", feed, "-o", out, "-f", FORMATS, "--jobs", jobs, "-q")
        assert run.returncode == 0, run.stderr
        runs[jobs] = {name: (out / name).read_bytes() for name in sorted(os.listdir(out))}
    assert runs["1"] == runs["2"] and len(runs["1"]) == 17


def test_a_bad_post_is_reported_leaves_no_file_and_the_others_are_built(tmp_path):
    uploads = tmp_path / "uploads" / "2010" / "03"
    uploads.mkdir(parents=True)
    (uploads / "broken.jpg").write_bytes(b"this is not a picture")
    data = feedgen.rss(4).replace(  # post 2 shows a broken picture, post 3 repeats a slide number
        b"&lt;p&gt;An introduction to post 1.",
        b"&lt;p&gt;&lt;img src=&quot;https://x.example/uploads/2010/03/broken.jpg&quot;&gt;Intro.",
        1,
    )
    data = data.replace(b"<p><strong>Slide 2:</strong> ", b"<p><strong>Slide 1:</strong> ", 2)
    data = data.replace(b"<p><strong>Slide 1:</strong> ", b"<p><strong>Slide 2:</strong> ", 1)
    feed = tmp_path / "feed.rss"
    feed.write_bytes(data)
    out = tmp_path / "out"
    run = cli("build", feed, "-o", out, "-f", FORMATS, "--images", tmp_path / "uploads", "--jobs", "2")
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 2, run.stderr
    assert any(e.startswith(f"{feed}:") and "not a picture" in e for e in errors)
    assert any(e.startswith(f"{feed}:") and "duplicate Slide 1" in e for e in errors)
    assert sorted(os.listdir(out)) == [
        "feed-post-1.html",
        "feed-post-1.notes.md",
        "feed-post-4.html",
        "feed-post-4.notes.md",
        "index.html",
    ]
    assert summary_row(run.stdout)["failed"] == "2"
    assert "Traceback" not in run.stderr


def test_quiet_prints_no_progress_and_no_summary(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_bytes(feedgen.rss(3))
    run = cli("build", feed, "-o", tmp_path / "out", "-f", FORMATS, "--quiet")
    assert run.returncode == 0 and run.stdout == "" and run.stderr == ""
    assert len(os.listdir(tmp_path / "out")) == 7


def test_one_deck_gets_no_index(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_bytes(feedgen.rss(2, with_notes=1))
    run = cli("build", feed, "-o", tmp_path / "out", "-f", "notes")
    assert run.returncode == 0, run.stderr
    assert os.listdir(tmp_path / "out") == ["feed-post-1.notes.md"]


def test_on_a_terminal_a_progress_bar_and_a_table_are_drawn(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_bytes(feedgen.rss(6))
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="100", TERM="xterm")
    proc = subprocess.Popen(
        [sys.executable, "-m", "slidegen", "build", str(feed), "-o", str(tmp_path / "out"), "-f", FORMATS],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    stdout = proc.stdout.read().decode()
    proc.stdout.close()
    assert proc.wait(60) == 0
    text = drawn.decode("utf-8", "replace")
    assert "building" in text and "6/6" in text  # the bar, refreshed as decks finish
    assert "decks" in text and "slides" in text and "18" in text  # the summary table
    assert "wrote " in stdout and "index.html" in stdout  # files not listed by the bar are still named
