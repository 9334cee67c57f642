"""Pictures land on the right slide for every layout of posts and folders, through the command line.

Each case is built or inspected as a user would; ``inspect --json`` says which rule paired each
picture, and the cases that used to be silent now warn.
"""

import json
import shutil

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from cli_run import ROOT, cli
from toolkit import image_bytes, make_deck_dir

PHONE_PHOTOS = ROOT / "tests" / "fixtures" / "phone-photos"
JPEG = image_bytes(120, 90)


def inspect(*args):
    run = cli("inspect", *args, "--json")
    assert run.returncode == 0, run.stderr
    return [
        (s["number"], s["image"] and s["image"].rsplit("/", 1)[-1], s["rule"])
        for s in json.loads(run.stdout)["decks"][0]["slides"]
    ], run


def notes(n: int) -> str:
    return "# Talk\n\n" + "\n\n".join(f"Slide {i}: Note {i}." for i in range(1, n + 1)) + "\n"


def picture_slides(pptx) -> list[int]:
    """The numbers (1 = first after the title) of the slides that show a picture."""
    prs = Presentation(pptx)
    return [
        i
        for i, s in enumerate(list(prs.slides)[1:], start=1)
        if any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE or hasattr(sh, "image") for sh in s.shapes)
    ]


def test_a_folder_of_sketches_numbered_in_their_names_builds_picture_slides(tmp_path):
    deck = make_deck_dir(
        tmp_path / "deck", {"post.txt": "Sketches\n\n" + notes(7), **{f"sketch-{n:02d}.jpg": JPEG for n in range(1, 8)}}
    )
    got, run = inspect(deck)
    assert got == [(n, f"sketch-{n:02d}.jpg", "number in file name") for n in range(1, 8)]
    assert run.stderr == ""
    table = cli("inspect", deck)
    assert "picture: " in table.stdout and "sketch-01.jpg  (number in file name)" in table.stdout
    built = cli("build", deck, "-o", tmp_path / "out", "-f", "pptx", "--no-cache", "--strict")
    assert built.returncode == 0, built.stderr
    assert picture_slides(next((tmp_path / "out").glob("*.pptx"))) == list(range(1, 8))


def test_phone_photos_pair_in_the_order_taken_and_strict_refuses_the_guess(tmp_path):
    run = cli("inspect", PHONE_PHOTOS, "--json")
    slides = json.loads(run.stdout)["decks"][0]["slides"]
    # real EXIF times: IMG_0413 14:14:51, DSC_0009 14:15:03, IMG_0412 14:15:09; the scan has none
    assert [(s["image"].rsplit("/", 1)[-1], s["rule"], s["why"]) for s in slides] == [
        ("IMG_0413.jpg", "time taken", "taken 14:14:51"),
        ("DSC_0009.jpg", "time taken", "taken 14:15:03"),
        ("IMG_0412.jpg", "time taken", "taken 14:15:09"),
        ("whiteboard.png", "name order", "name order"),
    ]
    assert all(s["guess"] for s in slides)
    table = cli("inspect", PHONE_PHOTOS)
    assert "IMG_0413.jpg  (taken 14:14:51)" in table.stdout
    strict = cli("build", PHONE_PHOTOS, "-o", tmp_path / "out", "--strict", "--no-cache", "-f", "pptx")
    assert strict.returncode == 1
    assert "post.md:7: warning: Slide 1: picture IMG_0413.jpg paired by a guess (taken 14:14:51)" in strict.stderr


def test_markdown_pictures_above_their_markers_are_not_one_slide_off(tmp_path):
    post = "# Boards\n\n" + "".join(
        f"![Board {n}](board-{c}.jpg)\n\nSlide {n}: About board {c}.\n\n" for n, c in ((1, "a"), (2, "b"), (3, "c"))
    )
    make_deck_dir(tmp_path, {"talk.md": post, "board-a.jpg": JPEG, "board-b.jpg": JPEG, "board-c.jpg": JPEG})
    got, run = inspect(tmp_path / "talk.md", "--strict")
    assert got == [
        (1, "board-a.jpg", "above the marker"),
        (2, "board-b.jpg", "above the marker"),
        (3, "board-c.jpg", "above the marker"),
    ]
    assert "warning" not in run.stderr


def test_html_figures_above_their_markers(tmp_path):
    body = "".join(
        f'<figure><img src="{c}.png" alt="Board {c}"><figcaption>Board {c}</figcaption></figure>\n'
        f"<p><strong>Slide {n}:</strong> About board {c}.</p>\n"
        for n, c in ((1, "a"), (2, "b"))
    )
    make_deck_dir(
        tmp_path,
        {
            "post.html": f"<html><body><article><h1>Boards</h1>{body}</article></body></html>",
            "a.png": image_bytes(fmt="PNG"),
            "b.png": image_bytes(fmt="PNG"),
        },
    )
    got, _ = inspect(tmp_path / "post.html")
    assert got == [(1, "a.png", "above the marker"), (2, "b.png", "above the marker")]


def test_a_mixed_post_pairs_each_picture_by_the_first_rule_that_has_one(tmp_path):
    # Slide 1 names its picture, Slide 2 takes slide-2.jpg beside the post, Slide 3 the post's last picture
    post = (
        "# Mixed\n\nSlide 1: One. ![one](mine.jpg)\n\nSlide 2: Two.\n\n## Extra pictures\n\n"
        "![loose](loose.jpg)\n\n## More\n\nSlide 3: Three.\n"
    )
    make_deck_dir(
        tmp_path, {"post.md": post, "mine.jpg": JPEG, "slide-2.jpg": JPEG, "loose.jpg": JPEG, "IMG_0001.jpg": JPEG}
    )
    got, run = inspect(tmp_path)
    assert got == [
        (1, "mine.jpg", "inside the note"),
        (2, "slide-2.jpg", "number in file name"),
        (3, "loose.jpg", "order in the post"),
    ]
    assert "1 picture(s) beside the post not used: IMG_0001.jpg" in run.stderr


def test_site_paths_and_liquid_and_hugo_shortcodes_find_their_pictures(tmp_path):
    site = make_deck_dir(
        tmp_path / "site",
        {
            "_config.yml": "title: A site\n",
            "assets/images/wzdx_slide1.png": image_bytes(fmt="PNG"),
            "static/images/hugo-2.jpg": JPEG,
            "_posts/2024-05-01-talk.md": (
                "---\ntitle: Dashboard talk\n---\n\n"
                '<div class="project-image-container">\n'
                '  <img src="{{ \'/assets/images/wzdx_slide1.png\' | relative_url }}" alt="Travel times">\n'
                "  <p><strong>Slide 1:</strong> Travel time estimates by method.</p>\n</div>\n\n"
                '{{< figure src="/images/hugo-2.jpg" caption="Model error by hour" >}}\n\n'
                "Slide 2: Model error by time of day.\n\n"
                "![third]({% link assets/images/wzdx_slide1.png %})\n\nSlide 3: The same picture again.\n"
            ),
        },
    )
    post = site / "_posts" / "2024-05-01-talk.md"
    got, _ = inspect(post)
    assert [g[1] for g in got] == ["wzdx_slide1.png", "hugo-2.jpg", "wzdx_slide1.png"]
    assert {g[2] for g in got} == {"above the marker"}
    refused = cli("build", post, "-o", tmp_path / "none", "-f", "html", "--no-cache")
    assert refused.returncode == 1
    assert (
        "2024-05-01-talk.md:6: error: image path leaves the post's folder: /assets/images/wzdx_slide1.png"
        in refused.stderr
        and "--site-root" in refused.stderr
    )
    built = cli("build", post, "-o", tmp_path / "out", "-f", "pptx", "--no-cache", "--site-root", site)
    assert built.returncode == 0, built.stderr
    assert picture_slides(tmp_path / "out" / "dashboard-talk.pptx") == [1, 2, 3]


def test_images_finds_site_paths_by_path_then_by_name(tmp_path):
    make_deck_dir(
        tmp_path,
        {
            "post.md": "# T\n\n![a](/assets/images/a.png)\n\nSlide 1: One.\n\n"
            "![b](https://example.com/blog/b.jpg)\n\nSlide 2: Two.\n",
            "pictures/assets/images/a.png": image_bytes(fmt="PNG"),
            "pictures/elsewhere/b.jpg": JPEG,
        },
    )
    built = cli(
        "build",
        tmp_path / "post.md",
        "-o",
        tmp_path / "out",
        "-f",
        "pptx",
        "--no-cache",
        "--images",
        tmp_path / "pictures",
        "--strict",
    )
    assert built.returncode == 0, built.stderr
    assert picture_slides(tmp_path / "out" / "t.pptx") == [1, 2]


def test_a_post_whose_folder_pictures_pair_with_nothing_warns_instead_of_silent_text_slides(tmp_path):
    make_deck_dir(tmp_path, {"post.md": notes(2), "cover.jpg": JPEG, "team photo.jpg": JPEG})
    run = cli("inspect", tmp_path / "post.md")
    assert run.returncode == 0
    assert "2 picture(s) beside the post not used: cover.jpg, team photo.jpg" in run.stderr
    assert "no picture for Slide 1, 2" in run.stderr


def test_a_deck_folder_with_more_pictures_than_notes_names_the_spare_ones(tmp_path):
    deck = make_deck_dir(
        tmp_path / "deck", {"post.md": notes(2), **{f"snap-{n}.png": image_bytes(fmt="PNG") for n in (1, 2, 3)}}
    )
    run = cli("inspect", deck)
    assert "picture file(s) with no matching note: snap-3.png" in run.stderr


def test_copy_of_the_phone_folder_with_a_numbered_photo_mixes_number_and_time(tmp_path):
    deck = tmp_path / "deck"
    shutil.copytree(PHONE_PHOTOS, deck)
    (deck / "whiteboard.png").rename(deck / "scan-4.png")
    got, _ = inspect(deck)
    assert got == [
        (1, "IMG_0413.jpg", "time taken"),
        (2, "DSC_0009.jpg", "time taken"),
        (3, "IMG_0412.jpg", "time taken"),
        (4, "scan-4.png", "number in file name"),
    ]


def test_wordpress_caption_blocks_above_their_markers(tmp_path):
    def caption(n, c):
        return (
            f'[caption id="attachment_{n}" align="aligncenter" width="300"]<img src="https://example.files.'
            f'wordpress.com/2010/06/board-{c}.jpg" alt="Board {c}" width="300" height="200" /> Board {c}'
            f"[/caption]\n\nSlide {n}: What board {c} says.\n\n"
        )

    body = caption(1, "a") + caption(2, "b")
    make_deck_dir(
        tmp_path,
        {
            "board-a.jpg": JPEG,
            "board-b.jpg": JPEG,
            "export.xml": '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Blog</title>'
            "<wp:wxr_version>1.2</wp:wxr_version><item><title>Boards</title>"
            "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>",
        },
    )
    got, _ = inspect(tmp_path / "export.xml")
    assert got == [(1, "board-a.jpg", "above the marker"), (2, "board-b.jpg", "above the marker")]
    built = cli(
        "build",
        tmp_path / "export.xml",
        "--images",
        tmp_path,
        "-o",
        tmp_path / "out",
        "-f",
        "pptx",
        "--no-cache",
        "--strict",
    )
    assert built.returncode == 0, built.stderr
    assert picture_slides(tmp_path / "out" / "boards.pptx") == [1, 2]


def test_a_real_jekyll_post_with_a_liquid_picture_builds_with_site_root(tmp_path):
    site = ROOT / "tests" / "fixtures" / "jekyll-site"
    post = site / "_posts" / "2010-08-07-post-image-caption.md"
    got, _ = inspect(post)
    assert got == [(1, "unsplash-gallery-image-3.jpg", "order in the post")]
    built = cli("build", post, "--site-root", site, "-o", tmp_path, "-f", "pptx", "--no-cache")
    assert built.returncode == 0, built.stderr
    assert picture_slides(tmp_path / "post-image-caption.pptx") == [1]
    intro = Presentation(tmp_path / "post-image-caption.pptx").slides[0].notes_slide.notes_text_frame.text
    assert "capture" not in intro  # the Liquid steering tags are not prose
