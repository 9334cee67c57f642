"""`slidegen inspect` through the command line, pinned on the real seed page."""

import json
import subprocess
import sys
from pathlib import Path

from golden import assert_golden

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "000_66fb6a44c20b76f5.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "seed-page.txt"


def cli(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "slidegen", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_seed_page_has_exactly_the_two_decks(update_golden):
    # The seed lives outside the repository; CI clones keep a copy of it in tests/fixtures.
    assert FIXTURE.read_bytes() == SEED.read_bytes() if SEED.exists() else FIXTURE.exists()
    run = cli("inspect", FIXTURE.relative_to(ROOT), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [(d["title"], len(d["slides"])) for d in data["decks"]] == [
        ("Social Media Enterprise Context", 1),
        ("Social Media Society snippets", 9),
    ]
    society = data["decks"][1]
    assert society["slides"][0]["note"].startswith("This was demonstrating how much of an asshole")
    assert society["slides"][8]["note"].endswith("else you can do more harm than good")
    assert society["slides"][8]["note"].count("*") == 2
    enterprise = data["decks"][0]["slides"][0]["note"]
    assert enterprise.startswith("*Please note") and "Cheers" not in enterprise
    assert [s["title"] for s in data["skipped"]] == [
        "techguerilla talk",
        "Enterprise Social Media & SMB - One Of These Things Is Not Like The Other",
    ]
    assert_golden("seed-inspect.json", run.stdout, update_golden)


def test_table_lists_decks_and_skipped_posts():
    run = cli("inspect", FIXTURE)
    assert run.returncode == 0
    assert "Social Media Society snippets" in run.stdout and "skipped: 'techguerilla talk'" in run.stdout


def test_notes_command_prints_markdown_and_text():
    md = cli("notes", "decks/social-media-society")
    assert md.returncode == 0 and md.stdout.startswith("# Social Media Society snippets\n")
    assert "## Slide 9: Be there, or don't" in md.stdout and "you have to *be* there" in md.stdout
    txt = cli("notes", "decks/social-media-society", "--format", "txt")
    assert "you have to be there" in txt.stdout and "*" not in txt.stdout


def test_drafts_and_pages_an_export_leaves_out_are_listed_not_silently_dropped(tmp_path):
    import feedgen

    export = tmp_path / "export.xml"
    export.write_bytes(feedgen.wxr(2, with_notes=2, pages=1, drafts=1, attachments=1))
    run = cli("inspect", export)
    assert run.returncode == 0, run.stderr
    assert "left out: 'About page 0' at " in run.stdout and ": a page (--include-pages builds it)" in run.stdout
    assert "left out: 'Draft 0' at " in run.stdout and ": a draft (--include-drafts builds it)" in run.stdout
    data = json.loads(cli("inspect", export, "--json").stdout)
    assert [(s["title"], s["reason"]) for s in data["left_out"]] == [
        ("About page 0", "a page (--include-pages builds it)"),
        ("Draft 0", "a draft (--include-drafts builds it)"),
    ]
    built = cli("build", export, "-o", tmp_path / "out", "-f", "notes")
    assert built.returncode == 0, built.stderr
    assert "left out 1 post of the export: a page (--include-pages builds it)" in built.stdout
    assert "left out 1 post of the export: a draft (--include-drafts builds it)" in built.stdout


def test_picture_paths_are_shown_from_here_when_under_here_else_in_full(tmp_path):
    from toolkit import image_bytes, make_deck_dir

    make_deck_dir(
        tmp_path,
        {
            "talks/post.md": "# T\n\nSlide 1: a\n\n![x](slide-1.jpg)\n",
            "talks/slide-1.jpg": image_bytes(),
            "elsewhere/x": "",
        },
    )
    here = cli("inspect", "talks/post.md", "--json", cwd=tmp_path)
    assert json.loads(here.stdout)["decks"][0]["slides"][0]["image"] == "talks/slide-1.jpg"
    beside = cli("inspect", tmp_path / "talks" / "post.md", "--json", cwd=tmp_path / "elsewhere")
    shown = json.loads(beside.stdout)["decks"][0]["slides"][0]["image"]
    assert ".." not in shown and shown.endswith("talks/slide-1.jpg")
    assert shown == str(tmp_path / "talks" / "slide-1.jpg") or shown.startswith("~/")
