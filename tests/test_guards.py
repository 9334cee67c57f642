"""Markdown guards decide from the input: the same answer on an idle machine and beside a CPU-bound neighbour."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_run import slidegen
from slidegen.errors import InputError
from slidegen.guards import MAX_NESTING, MAX_SCAN, check_markdown, cpu_limit, nesting, scan_cost
from slidegen.model import SourcePos

CORPUS = Path(__file__).parent / "hostile" / "corpus"
POS = SourcePos("post.md", 1)


@pytest.fixture
def busy_machine():
    """A neighbour per core spinning on the processor, as on a shared build machine."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 1)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


# file (written or from the corpus), the line the error names, a fragment of the message
CASES = {
    "deep-lists": (CORPUS / "18-deep-lists.md", 101, "nested too deeply"),
    "deep-quotes": (CORPUS / "18-quotes.md", 1, "nested too deeply"),
    "quote-lines": (
        "# Q\n\nSlide 1: a\n\n" + "\n".join(">" * k + " a" for k in range(1, 400)),
        55,
        "nested too deeply",
    ),
    "brackets": (CORPUS / "18-brackets.md", 1, "20,000 '[' that are never closed"),
    "nested-brackets": ("# B\n\nSlide 1: " + "[" * 3000 + "a" + "]" * 3000 + "\n", 3, "'[' nested 3,000 deep"),
    "open-tags": ("# T\n\nSlide 1: x\n" + "<a\n" * 3000, 3, "'<' that are never closed by '>'"),
    "autolinks": ("# A\n\nSlide 1: " + "<http://a " * 2000, 3, "'<' that are never closed by '>'"),
}


def _post(tmp_path, case):
    source, line, what = CASES[case]
    if isinstance(source, Path):
        return source, line, what
    path = tmp_path / f"{case}.md"
    path.write_text(source, encoding="utf-8")
    return path, line, what


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_guard_gives_its_own_message_beside_a_busy_neighbour(tmp_path, busy_machine, case):
    path, line, what = _post(tmp_path, case)
    run = slidegen("inspect", path, timeout=120)
    assert run.returncode == 1, run.stderr
    assert run.stderr.startswith(f"{path}:{line}: error: ") and what in run.stderr, run.stderr
    assert "time" not in run.stderr and run.stderr.count("\n") == 1


def test_the_backtick_row_reads_without_a_guard_beside_a_busy_neighbour(busy_machine):
    run = slidegen("inspect", CORPUS / "18-backticks.md", timeout=120)
    assert run.returncode == 0, run.stderr


def test_nesting_counts_markers_and_four_columns_a_level():
    assert nesting("- a") == 1 and nesting("    - a") == 2 and nesting("> > - a") == 3
    assert nesting("\t\t* a") == 3 and nesting("1. a") == 1 and nesting("- - - a") == 3
    assert nesting("plain text") == 0 and nesting("    indented code") == 0
    assert nesting("- - - - - - - - -") == 0  # a rule, not lists
    assert nesting("-not a list") == 0 and nesting("2025. was a year") == 1


def test_real_depths_and_links_pass():
    lists = "\n".join("    " * k + "- item" for k in range(MAX_NESTING))
    quotes = "\n".join("> " * k + "quote" for k in range(1, MAX_NESTING + 1))
    links = "\n\n".join(
        "Slide 1: see [the talk](https://example.com/a) and [notes][n], <b>bold</b> a < b." * 20 for _ in range(2000)
    )
    for body in (lists, quotes, links, "```\n" + "[" * 100_000 + "\n```\n"):
        check_markdown(body, 1, POS)
    with pytest.raises(InputError, match="nested too deeply"):
        check_markdown(lists + "\n" + "    " * MAX_NESTING + "- one more", 1, POS)


def test_a_fence_never_closed_shields_nothing():
    deep = "\n".join("    " * k + "- a" for k in range(MAX_NESTING + 5))
    check_markdown("```\n" + deep + "\n```\n", 1, POS)  # code: the library does not nest it
    with pytest.raises(InputError, match="nested too deeply"):
        check_markdown("```\n" + deep + "\n", 1, POS)  # never closed: the library reads it as lists
    with pytest.raises(InputError, match="nested too deeply"):
        check_markdown("```\n" + deep + "\n````\n", 1, POS)  # only the same fence closes


def test_scan_cost_is_what_the_library_walks_over():
    assert scan_cost("[a] [b](c)") == (4, 0, 1, 0)
    assert scan_cost("[a [b] \\[ c") == (13, 1, 2, 0)  # an escaped bracket costs nothing
    assert scan_cost("<a <b> <c") == (0, 0, 0, 9)
    assert scan_cost("a < b > c") == (0, 0, 0, 0)  # '<' before a space opens no tag
    many = "\n\n".join("[" * 200 for _ in range(MAX_SCAN // 200**2 * 2 + 2))
    with pytest.raises(InputError, match="never closed"):
        check_markdown(many, 7, POS)  # many small paragraphs add up


def test_the_time_backstop_counts_processor_time_not_waiting():
    with cpu_limit(0.3, "reading the Markdown", POS):
        time.sleep(0.6)  # waiting (or being pushed aside by a neighbour) uses no processor time
    with (
        pytest.raises(
            InputError,
            match=r"post\.md:1: error: reading the Markdown used up its time budget "
            r"\(0\.3 s of processor time\)",
        ),
        cpu_limit(0.3, "reading the Markdown", POS),
    ):
        while True:
            pass
