"""Runs picture jobs: read, hash, look up the cache, process, store — in a pool of processes.

Each worker holds one picture at a time, so memory stays at about ``workers`` pictures however
many slides a build has. Workers send back the picture, its warnings or the problem, never an
exception object (Pillow's may not pickle), so the parent reports everything in order.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from slidegen.model import Picture
from slidegen.pictures.settings import ImageSettings  # plain data: finding pictures needs no Pillow

#: Files larger than this are refused before they are read (a phone photo is 2-12 MB).
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Job:
    """One distinct picture to process: a file to read, or bytes already in hand (data: URIs)."""

    path: Path | None
    data: bytes | None
    settings: ImageSettings
    cache_root: Path | None


@dataclass(frozen=True)
class Outcome:
    """What became of a job: a picture and its warnings, or the problem that stopped it."""

    picture: Picture | None
    notes: tuple[str, ...] = ()
    problem: str | None = None
    cached: bool = False
    source_digest: str = ""  # sha256 of the source bytes, for the source index
    board: dict | None = None  # what became of a whiteboard (pictures.scan.BoardReport as a dict)


def run_jobs(jobs: list[Job], workers: int) -> list[Outcome]:
    """The outcome of every job, in order; in worker processes when there is more than one job."""
    if workers <= 1 or len(jobs) <= 1:
        return [run_job(job) for job in jobs]
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    outcomes: list[Outcome] = []
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=keep_freed_memory) as pool:
        try:
            for outcome in pool.map(run_job, jobs):
                outcomes.append(outcome)
        except BrokenProcessPool:
            # A worker died (out of memory, or a crash inside a decoder); the pictures not yet
            # done cannot be told apart, so each gets the same explanation.
            crashed = Outcome(
                None,
                problem="processing the picture crashed a worker process "
                "(out of memory?); try --jobs 1 to find the picture",
            )
            outcomes.extend([crashed] * (len(jobs) - len(outcomes)))
    return outcomes


#: glibc's mallopt parameters (malloc.h): when to give freed memory back, when to map a block apart.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
#: A worker keeps up to this much freed memory for the next picture.
KEEP_FREED = 64 * 2**20


def keep_freed_memory() -> None:
    """Makes this (worker) process keep freed memory for the next picture instead of returning it.

    Every picture allocates the same few big arrays. By default glibc hands each one back to
    the kernel when freed and maps it afresh for the next picture, and the kernel zeroes every
    page again on first touch: for a cleaned whiteboard that was a third of the picture's CPU
    time. Kept, the next picture reuses them; peak memory is the same (it is set by one
    picture), the memory stays with the worker until it ends. Blocks up to 32 MiB (a 12-MP
    photo decoded at full size is 36 MiB) come from the heap; elsewhere than glibc, nothing changes.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):  # not glibc (macOS; Windows has no default library)
        return
    mallopt(_M_TRIM_THRESHOLD, KEEP_FREED)
    mallopt(_M_MMAP_THRESHOLD, 32 * 2**20)


def run_job(job: Job) -> Outcome:
    """Processes one picture; never raises for a bad picture (the outcome carries the problem)."""
    from slidegen.cache import PictureCache, cache_key
    from slidegen.pictures.process import VERSION, ImageProblem, process_board

    try:
        if job.data is not None:
            data = job.data
        else:
            assert job.path is not None  # a job is a file or bytes in hand
            data = _read(job.path)
    except ImageProblem as exc:
        return Outcome(None, problem=str(exc))
    cache = PictureCache(job.cache_root)
    digest = hashlib.sha256(data).hexdigest()
    key = cache_key(digest, job.settings, VERSION) if job.cache_root else ""
    hit = cache.get_entry(key) if key else None
    if hit is not None:
        return Outcome(hit[0], tuple(hit[1]), cached=True, source_digest=digest, board=hit[2])
    try:
        picture, notes, board = process_board(data, job.settings)
    except ImageProblem as exc:
        return Outcome(None, problem=str(exc))
    except MemoryError:
        return Outcome(None, problem="not enough memory to decode this picture")
    except Exception as exc:  # a decoder or encoder failing in a way Pillow does not document
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        return Outcome(None, problem=f"cannot process this picture ({detail})")
    del data
    if key:  # sent back as a place in the cache, not as bytes, when it could be stored
        picture = cache.put(key, picture, notes, board)
    return Outcome(picture, tuple(notes), source_digest=digest, board=board)


def _read(path: Path) -> bytes:
    from slidegen.pictures.process import ImageProblem

    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImageProblem(f"cannot read the picture file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImageProblem(f"picture file is larger than {MAX_FILE_BYTES // 2**20} MB")
    return data
