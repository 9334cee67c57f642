"""Rendering decks in worker processes: every outcome comes back, errors keep their place, bugs stay per deck."""

from __future__ import annotations

from slidegen import rendering
from slidegen.config import BuildOptions
from slidegen.errors import InputError
from slidegen.model import SourcePos
from toolkit import make_deck


def decks(n: int):
    return [make_deck(2, title=f"Deck {i}", slug=f"deck-{i}", pictures=False) for i in range(n)]


class Recorder(rendering.Progress):
    def __init__(self):
        self.events = []

    def start(self, total):
        self.events.append(("start", total))

    def advance(self, deck, rendered):
        self.events.append(("advance", deck.slug, rendered.error is None))

    def stop(self):
        self.events.append(("stop",))


def test_outcomes_come_back_in_deck_order_from_two_workers(tmp_path):
    options = BuildOptions(out_dir=tmp_path, formats=("notes", "txt"), jobs=2)
    progress = Recorder()
    outcomes = rendering.render_all(decks(6), options, progress)
    assert [o.files[0].name for o in outcomes] == [f"deck-{i}.notes.md" for i in range(6)]
    assert all(o.error is None and o.size > 0 for o in outcomes)
    assert progress.events[0] == ("start", 6) and progress.events[-1] == ("stop",)
    assert sorted(e[1] for e in progress.events[1:-1]) == [f"deck-{i}" for i in range(6)]


def test_an_error_crosses_the_process_boundary_with_its_place(tmp_path, monkeypatch):
    def failing(deck, options):
        if deck.slug == "deck-1":
            raise InputError("cannot render this one", SourcePos("blog.xml", 42))
        return {f"{deck.slug}.notes.md": b"ok"}

    # Worker processes are forked, so they see the patched table too.
    monkeypatch.setattr("slidegen.writers.notes.render_markdown", failing)
    options = BuildOptions(out_dir=tmp_path, formats=("notes",), jobs=2)
    outcomes = rendering.render_all(decks(3), options, rendering.Progress())
    error = outcomes[1].error
    assert isinstance(error, InputError) and str(error) == "blog.xml:42: error: cannot render this one"
    assert outcomes[1].files == [] and not (tmp_path / "deck-1.notes.md").exists()
    assert [o.error is None for o in outcomes] == [True, False, True]


def test_a_writer_bug_fails_only_its_deck_and_names_it(tmp_path, monkeypatch):
    def buggy(deck, options):
        if deck.slug == "deck-0":
            raise ZeroDivisionError("division by zero")
        return {f"{deck.slug}.notes.md": b"ok"}

    monkeypatch.setattr("slidegen.writers.notes.render_markdown", buggy)
    monkeypatch.delenv("SLIDEGEN_DEBUG", raising=False)
    options = BuildOptions(out_dir=tmp_path, formats=("notes",), jobs=1)
    outcomes = rendering.render_all(decks(2), options, rendering.Progress())
    assert (
        str(outcomes[0].error) == "post.md:1: error: internal error while rendering this deck: "
        "ZeroDivisionError: division by zero (please report it)"
    )
    assert outcomes[1].error is None and (tmp_path / "deck-1.notes.md").read_bytes() == b"ok"


def test_formats_of_a_failing_deck_are_all_or_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(
        "slidegen.writers.notes.render_text", lambda deck, options: (_ for _ in ()).throw(InputError("no text", "x"))
    )
    options = BuildOptions(out_dir=tmp_path, formats=("notes", "txt"), jobs=1)
    outcome = rendering.render_one(decks(1)[0], options)
    assert outcome.error is not None and list(tmp_path.iterdir()) == []
