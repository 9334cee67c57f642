"""Automatic titles: one line at the title size, cut where a reader pauses, no dangling word or "…"."""

from __future__ import annotations

import pytest

from slidegen.titles import TITLE_PT, TITLE_WIDTH_PT, cut_title, fits, fitted_size, text_width

# First sentences of the sample deck's notes (a real post), and what each becomes.
REAL = {
    "Please note that the visual does not, and is not meant to, display any actual data": "Please note that the visual does not",
    "Had little to do with the sketch other than showing how the numbers can be misleading": "Had little to do with the sketch other than showing",
    "Was a in your face (this was an enterprise audience) reminder": "Was a in your face (this was an enterprise audience) reminder",
}


@pytest.mark.parametrize("sentence", sorted(REAL))
def test_real_first_sentences_are_cut_at_a_clause_or_phrase(sentence):
    title = cut_title(sentence)
    assert title == REAL[sentence]
    assert fits(title)


def test_a_title_never_ends_on_a_dangling_word_or_an_ellipsis():
    sentence = (
        "Was a discussion on how social media likes to jump on the bandwagon of the latest thing "
        "without asking whether the thing works for the business at all"
    )
    title = cut_title(sentence)
    assert fits(title) and not title.endswith(("…", " the", " of", " on", " to", " a"))
    assert title.split()[-1].lower() not in {"the", "of", "to", "on", "how", "and"}


def test_a_clause_break_wins_over_a_longer_cut_at_a_word():
    sentence = "The enterprise market is crowded, and every vendor has a conference with a keynote about the same"
    assert cut_title(sentence) == "The enterprise market is crowded"


def test_widths_grow_with_text_and_size_and_are_generous_for_calibri():
    from pathlib import Path

    from PIL import ImageFont

    text = "Tolerance versus influence and the curve"
    assert text_width(text, 30) > text_width("Tolerance", 30)
    assert text_width("Tolerance", 60) == pytest.approx(2 * text_width("Tolerance", 30))
    # Carlito is metric-compatible with Calibri (tools/install-system-deps.sh installs it).
    carlito = Path("/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf")
    assert carlito.is_file(), "install the system test dependencies (make system-deps)"
    calibri_bold = ImageFont.truetype(str(carlito), 300).getlength(text) / 10
    assert calibri_bold <= text_width(text, 30) <= 1.2 * calibri_bold


def test_a_long_explicit_title_is_set_smaller_to_stay_on_one_line():
    long = "An explicit title from the front matter that a speaker wrote and is rather long for a slide"
    size = fitted_size(long, TITLE_PT, TITLE_WIDTH_PT)
    assert size < TITLE_PT and text_width(long, size) <= TITLE_WIDTH_PT
    assert fitted_size("Short", TITLE_PT, TITLE_WIDTH_PT) == TITLE_PT


def test_a_post_of_one_endless_sentence_costs_no_more_than_a_short_one():
    # The hostile catalogue's million-word line: the cut looks at no more than a line's worth.
    title = cut_title("word " * 1_000_000)
    assert title.startswith("word word word") and fits(title)
    assert fits(cut_title("x" * 100_000)), "a word longer than the line is cut to the line"
