"""Time budgets for parsers that can go quadratic on hostile input (Python-Markdown's inline patterns)."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from slidegen.errors import InputError

PARSE_SECONDS = 5.0


class _OverTime(Exception):
    pass


@contextmanager
def time_limit(seconds: float, what: str, pos):
    """Raises InputError naming ``pos`` when the block runs longer than ``seconds``.

    Uses a real-time interval timer, so it only guards code on the main thread (where every
    reader runs); elsewhere the block simply runs.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def overtime(signum, frame):
        raise _OverTime

    previous = signal.signal(signal.SIGALRM, overtime)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OverTime:
        raise InputError(f"{what} took longer than {seconds:g} s; the post looks pathological "
                         "(thousands of unmatched brackets, backticks or nested quotes?)", pos) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
