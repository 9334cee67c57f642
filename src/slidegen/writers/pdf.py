"""PDF through LibreOffice: the deck's PPTX converted by ``soffice --headless``, one page per slide.

The PDF is tagged (structure tree, alt text of pictures) and carries the deck's title and
language; ``convert`` also makes notes pages, which the handout writer asks for.

LibreOffice runs in a throwaway folder with its own profile, so parallel builds never share a
lock, and is killed with its whole process group when it overruns the timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.errors import OutputError
from slidegen.model import Deck
from slidegen.writers.pdfmeta import finish

PROGRAMS = ("soffice", "libreoffice")
#: Seconds for one conversion run; LibreOffice's first start in a fresh profile takes a few.
TIMEOUT = 180


def render(deck: Deck, options: BuildOptions) -> dict[str, bytes]:
    """``{"<slug>.pdf": bytes}``: the deck's PPTX, built as the pptx writer builds it, as PDF."""
    from slidegen.writers.pptx.deck import build_pptx

    pptx = build_pptx(deck, options).getvalue()
    pdfs = convert({f"{deck.slug}.pptx": pptx}, where=str(deck.source))
    return {f"{deck.slug}.pdf": finish(pdfs[f"{deck.slug}.pdf"], title=deck.title, lang=deck.lang)}


def export_filter(notes_pages: bool = False) -> str:
    """LibreOffice's PDF filter with its options as JSON: always tagged, notes pages when asked."""
    import json

    options = {"UseTaggedPDF": True, "ExportBookmarks": True}
    if notes_pages:
        options |= {"ExportNotesPages": True, "ExportOnlyNotesPages": True}
    data = {name: {"type": "boolean", "value": "true" if on else "false"} for name, on in options.items()}
    return "pdf:impress_pdf_Export:" + json.dumps(data, separators=(",", ":"))


def find_soffice() -> str | None:
    """The LibreOffice program on PATH, if any."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(
    files: dict[str, bytes], timeout: float = TIMEOUT, where: str | None = None, notes_pages: bool = False
) -> dict[str, bytes]:
    """PPTX files (name → bytes) to PDFs (``name.pdf`` → bytes) in one LibreOffice run.

    Several files per run saves LibreOffice's start-up, which is most of the cost. Raises
    OutputError, naming the program, when it is missing, fails, or takes longer than ``timeout``.
    """
    program = find_soffice()
    if program is None:
        raise OutputError(
            "PDF export needs LibreOffice, but neither soffice nor libreoffice is on PATH; "
            "install LibreOffice Impress (Debian/Ubuntu: apt install libreoffice-impress) "
            "or leave pdf out of -f",
            where,
        )
    with tempfile.TemporaryDirectory(prefix="slidegen-pdf-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        inputs = []
        for name in files:
            safe = Path(name).name
            (work / "in" / safe).write_bytes(files[name])
            inputs.append(str(work / "in" / safe))
        cmd = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            export_filter(notes_pages),
            "--outdir",
            str(work / "out"),
            *inputs,
        ]
        _run(cmd, timeout, work, program, where)
        result = {}
        for name in files:
            pdf = work / "out" / (Path(Path(name).name).stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise OutputError(
                    f"{Path(program).name} did not convert {Path(name).name} to PDF "
                    "(is the PPTX damaged, or LibreOffice Impress missing?)",
                    where,
                )
            result[Path(name).stem + ".pdf"] = pdf.read_bytes()
    return result


def _run(cmd: list[str], timeout: float, work: Path, program: str, where: str | None) -> None:
    env = dict(os.environ, HOME=str(work), SAL_USE_VCLPLUGIN="svp")
    try:
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=work,
            env=env,
            start_new_session=True,
        )
    except OSError as exc:
        raise OutputError(f"cannot start {program}: {exc.strerror or exc}", where) from None
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise OutputError(
            f"{Path(program).name} took longer than {timeout:g} s to make the PDF; is another LibreOffice hanging?",
            where,
        ) from None
    except BaseException:
        _kill_group(proc)
        raise
    if proc.returncode != 0:
        last = " ".join(err.decode("utf-8", "replace").split())[-200:] or f"exit status {proc.returncode}"
        raise OutputError(f"{Path(program).name} failed to make the PDF: {last}", where)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()  # reaps it and closes its pipes
