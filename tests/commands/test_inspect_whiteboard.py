"""`slidegen inspect --whiteboard` says per picture what became of its board, cold and from the cache."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from cli_run import assert_one_line_error, cli, slidegen

PHOTOS = Path(__file__).parents[1] / "data" / "whiteboards"


def deck(tmp_path: Path, front_matter: str = "whiteboard: true") -> Path:
    folder = tmp_path / "deck"
    folder.mkdir()
    shutil.copy(PHOTOS / "imagelabs__Whiteboard1.jpg", folder / "slide-1.jpg")
    shutil.copy(PHOTOS / "whiteboarder__red_black_transition.jpg", folder / "slide-2.jpg")
    (folder / "post.md").write_text(
        f"---\ntitle: Boards\n{front_matter}\n---\nSlide 1: The board on the wall.\n\nSlide 2: All board.\n"
    )
    return folder


def test_inspect_shows_the_board_found_and_its_corners_in_text_and_json(tmp_path):
    folder, cache = deck(tmp_path), tmp_path / "cache"
    text = cli("inspect", folder, "--cache-dir", cache)
    assert text.returncode == 0, text.stderr
    assert "whiteboard: board found at (21" in text.stdout
    assert "whiteboard: no board found, whole photo kept" in text.stdout
    for _ in range(2):  # cold, then from the cache: the same answer
        run = cli("inspect", folder, "--json", "--cache-dir", cache)
        slides = json.loads(run.stdout)["decks"][0]["slides"]
        first, second = slides[0]["whiteboard"], slides[1]["whiteboard"]
        assert first["board"] == "found" and len(first["corners"]) == 4
        assert abs(first["corners"][0][0] - 0.218) < 0.03 and abs(first["corners"][0][1] - 0.08) < 0.03
        assert second["board"] == "none" and second["corners"] is None
        assert second["cleanup"] in ("full", "mild")


def test_inspect_without_whiteboards_touches_no_picture(tmp_path):
    folder = deck(tmp_path, front_matter="whiteboard: false")
    run = cli("inspect", folder, "--json", "--cache-dir", tmp_path / "cache")
    assert "whiteboard" not in json.loads(run.stdout)["decks"][0]["slides"][0]
    assert not (tmp_path / "cache").exists()


def test_front_matter_mapping_turns_crop_off_and_gives_corners(tmp_path):
    folder = deck(tmp_path, "whiteboard: {crop: false}")
    run = cli("inspect", folder, "--json", "--cache-dir", tmp_path / "c1")
    assert json.loads(run.stdout)["decks"][0]["slides"][0]["whiteboard"]["board"] == "not cropped"
    (folder / "post.md").write_text(
        "---\nwhiteboard:\n  corners: [[0.2, 0.1], [0.7, 0.15], [0.7, 0.8], [0.2, 0.9]]\n---\nSlide 1: Given.\n"
    )
    run = cli("inspect", folder, "--json", "--cache-dir", tmp_path / "c2")
    board = json.loads(run.stdout)["decks"][0]["slides"][0]["whiteboard"]
    assert board["board"] == "given" and board["corners"][0] == [0.2, 0.1]


def test_bad_corners_are_an_error_at_their_line(tmp_path):
    folder = deck(tmp_path, "title2: x\nwhiteboard: {corners: [[1, 2], [3, 4]]}")
    run = slidegen("build", folder, "-o", tmp_path / "out", "--no-cache")
    assert_one_line_error(run, f"{folder / 'post.md'}:4", "whiteboard 'corners' must be four [x, y] pairs")


def test_the_command_line_turns_cropping_off(tmp_path):
    folder = deck(tmp_path, "title2: x")
    run = cli(
        "inspect", folder, "--json", "--whiteboard", "--whiteboard-crop", "off", "--cache-dir", tmp_path / "cache"
    )
    assert json.loads(run.stdout)["decks"][0]["slides"][0]["whiteboard"]["board"] == "not cropped"


def test_help_and_builds_without_whiteboards_do_not_import_numpy_or_opencv(tmp_path):
    folder = deck(tmp_path, "whiteboard: false")
    code = (
        "import sys, contextlib, io\n"
        "from slidegen.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
        "    main(['build', sys.argv[1], '-o', sys.argv[2], '--no-cache', '-j', '1', '-f', 'html'])\n"
        "print(sorted(m for m in ('cv2', 'numpy') if m in sys.modules))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(tmp_path / "out")], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "boards.html").exists()
