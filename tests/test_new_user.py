"""A new user's first ten minutes, from README alone: clone, install, build the sample and their own post.

The commands come out of README's fenced blocks, so README cannot drift from the tool. The installs
run offline: each new virtual environment gets a path file that puts this run's own site-packages
(slidegen's dependencies, and setuptools) first, and pip is told no index, no dependencies and no
build isolation. What is installed is the clone's own slidegen, built from its committed files.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = ROOT / "tests" / "fixtures" / "first-deck-photos"

pytestmark = pytest.mark.new_user

# Wraps python3 so `python3 -m venv DIR` (README's and the Makefile's) makes an environment that
# finds this run's dependencies without a download.
SHIM = """#!/bin/sh
"{python}" "$@" || exit $?
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  for site in "$3"/lib/python*/site-packages; do
    echo "import sys; sys.path.insert(0, '{deps}')" > "$site/_offline_deps.pth"
  done
fi
"""


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level (fenced blocks skipped)."""
    level = len(heading.split(" ")[0])
    lines = text.split("\n")
    start = lines.index(heading)
    fenced = False
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(rf"#{{1,{level}}} ", lines[i]):
            return "\n".join(lines[start:i]) + "\n"
    return "\n".join(lines[start:]) + "\n"


def blocks(text: str, *languages: str) -> list[str]:
    """The bodies of the fenced blocks in ``languages``, in order."""
    return [m.group(2) for m in re.finditer(r"^```(\w+)\n(.*?)^```$", text, re.M | re.S) if m.group(1) in languages]


def commands(text: str) -> list[str]:
    """Every `slidegen …` command line of the sh and console blocks, prompt and comment removed."""
    found = []
    for body in blocks(text, "sh", "console"):
        for line in body.splitlines():
            line = line.removeprefix("$ ").strip()
            if re.match(r"(\S*/)?slidegen\s", line):
                argv = shlex.split(line, comments=True)
                found.append([a for a in argv[: next((i for i, a in enumerate(argv) if a in (">", "|")), None)]])
    return found


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    shims = tmp_path_factory.mktemp("shims")
    deps = sysconfig.get_paths()["purelib"]
    (shims / "python3").write_text(SHIM.format(python=sys._base_executable, deps=deps))
    (shims / "python3").chmod(0o755)
    # No slidegen from this run's own environment may answer for the clone's.
    path = [str(shims)] + [p for p in os.environ["PATH"].split(os.pathsep) if p and not Path(p, "slidegen").exists()]
    run_env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    run_env.update(
        PATH=os.pathsep.join(path),
        PIP_NO_INDEX="1",
        PIP_NO_DEPS="1",
        PIP_NO_BUILD_ISOLATION="0",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_PROGRESS_BAR="off",
    )
    return run_env


def clone(tmp_path: Path) -> Path:
    """A fresh clone of the committed repository, as a new user gets it."""
    target = tmp_path / "slidegen"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True, capture_output=True, timeout=120)
    return target


def shell(script: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    run = subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"$ {script}\n{run.stdout}\n{run.stderr}"
    return run


def first_deck(into: Path) -> str:
    """Lays out README's "Your first deck" folder from its own blocks and real phone photos; returns its commands."""
    text = section(readme(), "### Your first deck")
    tree, post = blocks(text, "text")[0], blocks(text, "markdown")[0]
    folder = into / tree.split()[0].rstrip("/")
    photos = [name for name in tree.split()[1:] if name.lower().endswith(".jpg")]
    assert photos and sorted(photos) == sorted(p.name for p in PHOTOS.glob("*.jpg")), "README's photos are in tests"
    assert all(f"]({name})" in post for name in photos), "the post refers to each photo by the name it has"
    folder.mkdir()
    (folder / "post.md").write_text(post, encoding="utf-8")
    for name in photos:
        shutil.copy(PHOTOS / name, folder / name)
    return blocks(text, "sh")[0]


def test_make_demo_then_the_first_deck_as_readme_says(tmp_path, env):
    repo = clone(tmp_path)
    install = section(readme(), "## Install")
    make_block = next(b for b in blocks(install, "sh") if "make demo" in b)
    steps = first_deck(repo)
    run = shell(make_block + steps, repo, env)
    out = run.stdout
    assert (repo / "build" / "social-media-society-snippets.pptx").stat().st_size > 100_000  # make demo's deck
    assert re.search(r"^slidegen \d+\.\d+", out, re.M)
    # inspect: both phone photos found and attached to their notes
    assert "picture: my-talk/IMG_20240312_101512.jpg" in out and "picture: my-talk/IMG_20240312_101547.jpg" in out
    # No warning at all on a new user's first run (the sample deck's boards are cleaned in full).
    assert not [line for line in run.stderr.splitlines() if "warning" in line], run.stderr
    # build: the three files, and last lines that say how to present
    built = repo / "build"
    for suffix in (".pptx", ".html", ".notes.md"):
        assert (built / f"what-the-whiteboard-said{suffix}").stat().st_size > 0
    assert "Present: open build/what-the-whiteboard-said.html in a browser, then F for full screen, S for" in out
    # notes: the plain-text notes of both slides
    assert "The knee, drawn in red" in out and "one idea, three layers" in out

    from pptx import Presentation

    deck = Presentation(built / "what-the-whiteboard-said.pptx")
    pictures = [sh for slide in list(deck.slides)[1:] for sh in slide.shapes if hasattr(sh, "image")]
    assert len(deck.slides) == 3 and len(pictures) == 2

    # Every slidegen command README shows parses, and those whose inputs are in the clone run (not the
    # servers, which run until stopped; their own tests start and stop them).
    from slidegen.cli import make_parser

    ran = commands(make_block + steps)
    for argv in commands(readme()):
        if argv in ran or argv[1:] in (["--version"], ["--help"]):
            continue  # run above, as part of the install steps
        args = make_parser().parse_args(argv[1:])
        sources = getattr(args, "sources", None) or [getattr(args, "source", None)]
        if args.command in ("build", "inspect", "notes") and all(s and (repo / s).exists() for s in sources):
            shell(". .venv/bin/activate && " + shlex.join(argv) + " > /dev/null", repo, env)


def test_pip_install_from_the_clone_as_readme_says(tmp_path, env):
    repo = clone(tmp_path)
    pip_block = next(b for b in blocks(section(readme(), "## Install"), "sh") if "pip install ." in b)
    run = shell(pip_block, repo, env)
    assert re.search(r"^slidegen \d+\.\d+", run.stdout, re.M)
    # The clone's own code is what got installed, templates included.
    where = shell(
        ".venv/bin/python -c 'import slidegen, slidegen.templates as t; print(slidegen.__file__, t.shipped())'",
        repo,
        env,
    ).stdout
    assert where.startswith(str(repo / ".venv")) and "['corporate']" in where
    shell(".venv/bin/slidegen build decks/social-media-society -o out -f pptx --template corporate -q", repo, env)
    assert (repo / "out" / "social-media-society-snippets.pptx").exists()


def test_readme_names_only_extras_and_a_distribution_that_exist():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    text = readme()
    for extra in re.findall(r"'\.\[(\w+)\]'", text):
        assert extra in project["optional-dependencies"], extra
    assert project["name"] != "slidegen" and f"**`{project['name']}`**" in text
    shown = "\n".join(blocks(text, "sh", "console"))
    assert not re.search(r"pip install '?slidegen\b", shown), "never install 'slidegen' from the index"
    pipx = [line for b in blocks(section(text, "## Install"), "sh") for line in b.splitlines() if "pipx" in line]
    assert pipx and all(
        shlex.split(line, comments=True)[:3] in (["pipx", "install", "."], ["pipx", "install", ".[heic]"])
        for line in pipx
    )
