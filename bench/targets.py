"""The issue's targets as ratios, so they hold on any machine; each line says met or missed."""

from __future__ import annotations

import statistics


def _median(contenders, name, deck=None):
    for c in contenders:
        if c.name == name and (deck is None or c.deck == deck):
            return statistics.median(s.wall for s in c.samples), c
    return None, None


def _bytes(contender, suffix: str) -> float:
    return statistics.median(dict(s.by_suffix).get(suffix, 0) for s in contender.samples)


def check_targets(contenders, quick: bool = False) -> list[str]:
    """Lines of the form ``met|missed  target  (figures)``; absent contenders are said to be absent."""
    main = "3" if quick else "50"
    out = ["## Targets", ""]

    def line(ok, text):
        out.append(f"- {'met   ' if ok else 'MISSED'} {text}")

    cold, cold_c = _median(contenders, "slidegen cold", main)
    floor, _ = _median(contenders, "floor: draft decode", main)
    warm, _ = _median(contenders, "slidegen warm (1 note edited)", main)
    naive, naive_c = _median(contenders, "python-pptx, straightforward", main)
    pd_pptx, pd_pptx_c = _median(contenders, "pandoc → pptx", main)
    pd_html, pd_html_c = _median(contenders, "pandoc → revealjs single file", main)
    if cold and floor:
        line(
            cold <= 2 * floor,
            f"cold build ≤ 2 × draft-decode floor: {cold:.2f} s vs {floor:.2f} s ({cold / floor:.2f}×)",
        )
    board, board_c = _median(contenders, "slidegen cold --whiteboard", main)
    if cold and board:
        line(
            board <= 1.3 * cold,
            f"cold build with whiteboard cleanup ≤ 1.3 × without: {board:.2f} s vs {cold:.2f} s ({board / cold:.2f}×)",
        )
        rss = [statistics.median(s.maxrss_mib for s in c.samples) for c in (board_c, cold_c)]
        line(
            rss[0] <= 1.5 * rss[1],
            f"peak RSS with whiteboard cleanup ≤ 1.5 × without: {rss[0]:.0f} MiB vs {rss[1]:.0f} MiB",
        )
    if cold and warm:
        line(warm <= 0.25 * cold, f"warm rebuild ≤ 0.25 × cold: {warm:.2f} s vs {cold:.2f} s ({warm / cold:.2f}×)")
    if cold and naive:
        line(naive >= 2 * cold, f"≥ 2 × faster than the straightforward script: {naive / cold:.1f}×")
    if cold and pd_pptx:
        line(pd_pptx >= 20 * cold, f"≥ 20 × faster than pandoc → pptx: {pd_pptx / cold:.1f}×")
        ours, theirs = _bytes(cold_c, ".pptx"), _bytes(pd_pptx_c, ".pptx")
        line(
            ours * 5 <= theirs,
            f"PPTX ≤ 1/5 of pandoc's: {ours / 1e6:.1f} MB vs {theirs / 1e6:.1f} MB (1/{theirs / ours:.0f})",
        )
    elif not quick:
        out.append("- pandoc not measured")
    if pd_html and cold_c:
        ours, theirs = _bytes(cold_c, ".html"), _bytes(pd_html_c, ".html")
        line(
            ours * 5 <= theirs,
            f"HTML ≤ 1/5 of pandoc's single-file revealjs: {ours / 1e6:.1f} MB vs "
            f"{theirs / 1e6:.1f} MB (1/{theirs / ours:.0f}); pandoc took {pd_html:.2f} s",
        )
    sizes = {
        c.deck: statistics.median(s.maxrss_mib for s in c.samples) for c in contenders if c.name == "slidegen cold"
    }
    if "9" in sizes and "200" in sizes:
        line(
            sizes["200"] <= 1.2 * sizes["9"],
            f"peak RSS of 200 slides ≤ 1.2 × 9 slides: {sizes['200']:.0f} MiB vs {sizes['9']:.0f} MiB",
        )
    boards = {
        c.deck: statistics.median(s.maxrss_mib for s in c.samples)
        for c in contenders
        if c.name == "slidegen cold --whiteboard"
    }
    if "9" in boards and "50" in boards:
        line(
            boards["50"] <= 1.2 * boards["9"],
            f"peak RSS with whiteboard cleanup flat in the number of photos, 50 ≤ 1.2 × 9: "
            f"{boards['50']:.0f} MiB vs {boards['9']:.0f} MiB",
        )
    bare, _ = _median(contenders, "python -c pass")
    helped, _ = _median(contenders, "slidegen --help")
    if bare and helped:
        line(
            helped <= 1.5 * bare,
            f"`slidegen --help` ≤ 1.5 × `python -c pass`: {helped * 1000:.1f} ms vs {bare * 1000:.1f} ms",
        )
    exports = sorted(
        (int(c.deck), statistics.median(s.wall for s in c.samples))
        for c in contenders
        if c.name.startswith("slidegen export") and "--jobs" not in c.name
    )
    if len(exports) >= 2:
        (n1, t1), (n2, t2) = exports[0], exports[-1]
        per1, per2 = t1 / n1, t2 / n2
        line(
            per2 <= 1.25 * per1,
            f"seconds per post flat: {per1 * 1000:.1f} ms/post at {n1}, {per2 * 1000:.1f} ms/post at {n2}",
        )
        serial = [statistics.median(s.wall for s in c.samples) for c in contenders if "--jobs 1" in c.name]
        if serial:
            line(serial[0] >= 1.7 * t2, f"parallel export ≥ 1.7 × faster than --jobs 1: {serial[0] / t2:.2f}×")
    return out
