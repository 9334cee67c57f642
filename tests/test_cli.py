"""The command line's own promises: the stored --help, start-up without heavy imports."""

import subprocess
import sys
from pathlib import Path

from slidegen import cli


def test_stored_help_is_the_parsers_help(monkeypatch, update_golden):
    monkeypatch.setenv("COLUMNS", "80")
    actual = cli.make_parser().format_help()
    path = Path(cli.HELP_FILE)
    if update_golden:
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual, "help.txt is stale: run `make golden`"


def test_help_starts_without_argparse_or_libraries():
    code = (
        "import sys; from slidegen.cli import main; main(['--help']); "
        "heavy = {'argparse', 'pptx', 'PIL', 'jinja2', 'markdown', 'lxml', 'pathlib'} & set(sys.modules); "
        "print(sorted(heavy), file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.startswith("usage: slidegen")
    assert run.stderr.strip() == "[]"


def test_subcommand_help_is_full_argparse_help():
    run = subprocess.run([sys.executable, "-m", "slidegen", "build", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "--template FILE" in run.stdout and "--html-assets" in run.stdout
