"""Limits for parsers that go quadratic on hostile input, decided from the input itself; time only as a last resort.

Python-Markdown slows down on deep nesting (lists, quotes) and on '[' or '<' that stay open for long
stretches of a paragraph: it scans forward from each one. ``check_markdown`` measures exactly those
things in one linear pass and refuses the post before the library sees it, so the answer never depends
on how busy the machine is. ``cpu_limit`` stays as a backstop for shapes nobody has measured yet.
"""

from __future__ import annotations

import bisect
import re
import signal
import threading
from contextlib import contextmanager

from slidegen.errors import InputError

MAX_NESTING = 50  # levels of lists and quotes; real posts stay under ten
MAX_SCAN = 2_000_000  # characters Python-Markdown would scan past open '[' and '<' (about a second)
CPU_SECONDS = 60.0  # processor time, the backstop; a post that passes the checks above takes well under 1 s

_FENCE = re.compile(r"^(`{3,}|~{3,})")  # Python-Markdown's fences start at the margin
# A line's container prefix: quote markers and list markers, each followed by a blank (or the end).
_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$)))+")
_LEVEL = re.compile(r"([ \t]*)(>|[-*+]|[0-9]{1,9}[.)])")
_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)
_TAG_EDGE = re.compile(r"<[A-Za-z/!?]|>")


def check_markdown(body: str, first_line: int, source) -> None:
    """Raises InputError (at the offending line) when ``body`` is nested too deeply or has too many open brackets.

    ``first_line`` is the post's line number of the body's first line (after front matter).
    """
    scanned = 0
    paragraph: list[str] = []
    start = 0
    lines = body.split("\n")
    code = fenced_lines(lines)
    for i, line in enumerate([*lines, ""]):
        if (i < len(lines) and code[i]) or not line.strip():
            if paragraph:
                text = "\n".join(paragraph)
                if "[" in text or "<" in text:
                    scanned = _add_scan(scanned, text, source, first_line + start)
                paragraph = []
            continue
        depth = nesting(line)
        if depth > MAX_NESTING:
            raise InputError(
                f"the post is nested too deeply to read: {depth:,} levels of lists or quotes "
                f"(slidegen reads at most {MAX_NESTING})",
                source.at(first_line + i),
            )
        if not paragraph:
            start = i
        paragraph.append(line)


def fenced_lines(lines: list[str]) -> list[bool]:
    """Which lines are inside (or are) a closed fenced code block; a fence never closed fences nothing.

    As in Python-Markdown, a block closes at a line holding exactly its opening fence.
    """
    closers: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        fence = _FENCE.match(line) if line[:1] in "`~" else None
        if fence and line.rstrip(" ") == fence.group(1):
            closers.setdefault(line.rstrip(" "), []).append(i)
    code = [False] * len(lines)
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i]) if lines[i][:1] in "`~" else None
        if m:
            found = closers.get(m.group(1), [])
            k = bisect.bisect_right(found, i)
            if k < len(found):
                end = found[k]
                code[i : end + 1] = [True] * (end + 1 - i)
                i = end
        i += 1
    return code


def nesting(line: str) -> int:
    """How many lists and quotes a line opens or sits in, counted as Python-Markdown does (4 columns a level)."""
    m = _PREFIX.match(line)
    if m is None or _RULE.match(line):
        return 0
    prefix = m.group(0)
    markers = indent = 0
    for ws, _ in _LEVEL.findall(prefix):
        # The blank after a marker belongs to it; the rest is indentation, 4 columns a level.
        indent += max(len(ws.expandtabs(4)) - (1 if markers else 0), 0)
        markers += 1
    return markers + indent // 4


def scan_cost(text: str) -> tuple[int, int, int, int]:
    """What Python-Markdown's link and HTML patterns walk over in one paragraph.

    Returns (characters scanned past '[', '[' never closed, deepest '[' nesting, characters scanned
    past '<'). Each '[' costs the distance to its matching ']' (or the paragraph's end); each '<' that
    could open a tag costs the distance to the next '>'.
    """
    cost = 0
    opens: list[int] = []
    deepest = 0
    for m in _BRACKET.finditer(text):
        pos, ch = m.start(), m.group(0)
        if ch[0] == "\\":
            continue  # an escaped character, or an escaped backslash
        if ch == "[":
            opens.append(pos)
            deepest = max(deepest, len(opens))
        elif ch == "]" and opens:
            cost += pos - opens.pop()
    end = len(text)
    cost += sum(end - pos for pos in opens)
    tags = 0
    waiting: list[int] = []
    for m in _TAG_EDGE.finditer(text):
        if m.group(0) == ">":
            tags += len(waiting) * m.start() - sum(waiting)
            waiting = []
        else:
            waiting.append(m.start())
    tags += len(waiting) * end - sum(waiting)
    return cost, len(opens), deepest, tags


def _add_scan(scanned: int, text: str, source, line: int) -> int:
    brackets, unclosed, deepest, tags = scan_cost(text)
    scanned += brackets + tags
    if scanned <= MAX_SCAN:
        return scanned
    if tags > brackets:
        what = "'<' that are never closed by '>'"
    elif unclosed * 2 >= deepest:
        what = f"{unclosed:,} '[' that are never closed"
    else:
        what = f"'[' nested {deepest:,} deep"
    raise InputError(
        f"too many open brackets for Markdown to read: this paragraph has {what} (matching them "
        f"would take over {MAX_SCAN:,} steps); close them, or escape them as \\[ and \\<",
        source.at(line),
    )


class _OverTime(Exception):
    pass


@contextmanager
def cpu_limit(seconds: float, what: str, pos):
    """Raises InputError naming ``pos`` when the block uses more than ``seconds`` of processor time.

    Processor time, not wall-clock time: a neighbour keeping the machine busy does not count. Only
    guards code on the main thread (where every reader runs); elsewhere the block simply runs.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def overtime(signum, frame):
        raise _OverTime

    previous = signal.signal(signal.SIGVTALRM, overtime)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    except _OverTime:
        raise InputError(
            f"{what} used up its time budget ({seconds:g} s of processor time) although the post "
            "passed the nesting and bracket checks; please report this post as a slidegen bug",
            pos,
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
