"""slidegen's benchmark: every contender on the same corpus in one run, alternating, medians and ratios.

Usage: python bench/run.py [--runs N] [--quick] [--no-pandoc] [--no-browser] [--out FILE]
`make bench` runs it in full and writes docs/benchmarks.md. `--quick` uses a tiny corpus
(the test suite's smoke test).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402
from measure import Sample, measure, start_launcher  # noqa: E402
from targets import check_targets  # noqa: E402

PY = sys.executable
SLIDEGEN = [PY, "-m", "slidegen"]


@dataclass
class Contender:
    """A named command to time, with what to do before each run and which outputs to weigh."""

    name: str
    deck: str
    make: callable  # (work_dir) -> (argv, cwd, outputs_folder)
    samples: list[Sample] = field(default_factory=list)


def slidegen_build(
    folder: Path,
    fmt: str = "pptx,html,notes",
    warm_cache: Path | None = None,
    jobs: int | None = None,
    edit_note: bool = False,
    whiteboard: bool = False,
    extra: tuple[str, ...] = (),
):
    def make(work: Path):
        out = work / "out"
        src = folder
        if edit_note:
            # A copy of the deck with one note changed: the text differs, the pictures do not.
            src = work / "deck"
            shutil.copytree(folder, src, copy_function=os.link)
            post = src / "post.md"
            text = post.read_text(encoding="utf-8")
            post.unlink()
            post.write_text(text.replace("Slide 1: ", f"Slide 1: Edited {time.time_ns()}. ", 1), encoding="utf-8")
        cache = warm_cache or (work / "cache")
        argv = [*SLIDEGEN, "build", str(src), "-o", str(out), "-f", fmt, "--cache-dir", str(cache), "-q"]
        if jobs:
            argv += ["--jobs", str(jobs)]
        if whiteboard:
            argv.append("--whiteboard")
        return argv + list(extra), None, out

    return make


def slidegen_pptx_only(folder: Path, warm_cache: Path):
    """PPTX alone with every picture cached and no slide cached: the time python-pptx takes."""

    def make(work: Path):
        cache = work / "cache"
        shutil.copytree(warm_cache / "pictures", cache / "pictures", copy_function=os.link)
        argv = [*SLIDEGEN, "build", str(folder), "-o", str(work / "out"), "-f", "pptx", "--cache-dir", str(cache), "-q"]
        return argv, None, work / "out"

    return make


def command(argv_of):
    def make(work: Path):
        out = work / "out"
        out.mkdir()
        argv, cwd = argv_of(out)
        return argv, cwd, out

    return make


def ocr_installed() -> bool:
    from importlib import metadata

    try:
        metadata.version("rapidocr-onnxruntime")
        return True
    except metadata.PackageNotFoundError:
        print("--ocr not measured: pip install '.[ocr]'")
        return False


def ocr_quality() -> list[str]:
    """Word recall and character error rate on the real photos, before and after cleanup."""
    sys.path.insert(0, str(HERE.parent / "tools"))
    from ocr_recall import measure, summary

    rows = measure(HERE.parent / "tests" / "data" / "whiteboards")
    s = summary(rows)
    out = [
        "## Reading the boards (--ocr) on the 13 real photos",
        "",
        "Word recall and character error rate against hand transcripts (tests/data/whiteboards/transcripts.json),",
        "the picture as it goes on the slide, without and with --whiteboard cleanup.",
        "",
        "Recall counts a word when it was read as a word of its own; findable counts it when the browser's",
        "find would reach it (read inside a longer run of letters, as handwriting often is).",
        "",
        "| photo | recall | recall cleaned | findable | findable cleaned | CER | CER cleaned |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    fmt = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
    for r in rows:
        out.append(
            f"| {r['name']} | {fmt(r['upright']['recall'])} | {fmt(r['cleaned']['recall'])} "
            f"| {fmt(r['upright']['findable'])} | {fmt(r['cleaned']['findable'])} "
            f"| {fmt(r['upright']['cer'])} | {fmt(r['cleaned']['cer'])} |"
        )
    out += [
        "",
        f"Median word recall {s['upright']['recall_median']:.2f} upright, {s['cleaned']['recall_median']:.2f} "
        f"cleaned (mean {s['upright']['recall_mean']:.2f} / {s['cleaned']['recall_mean']:.2f}); findable "
        f"{s['upright']['findable_median']:.2f} / {s['cleaned']['findable_median']:.2f}; median CER "
        f"{s['upright']['cer_median']:.2f} / {s['cleaned']['cer_median']:.2f}.",
        "",
    ]
    return out


def pandoc_supports_embed() -> str:
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split()[1]
    major, minor = (int(x) for x in version.split(".")[:2])
    return "--embed-resources" if (major, minor) >= (2, 19) else "--self-contained"


def revealjs_dir(root: Path) -> Path | None:
    """A local copy of reveal.js for pandoc's single-file slideshow (npm registry), or None."""
    target = root / "revealjs" / "node_modules" / "reveal.js"
    if target.exists():
        return target
    if not shutil.which("npm"):
        return None
    run = subprocess.run(
        ["npm", "install", "--prefix", str(root / "revealjs"), "reveal.js@5", "--silent"],
        capture_output=True,
        text=True,
    )
    return target if run.returncode == 0 and target.exists() else None


def build_contenders(args, root: Path) -> list[Contender]:
    sizes = (3,) if args.quick else corpus.SIZES
    width, height = (640, 480) if args.quick else (4032, 3024)
    decks = corpus.decks(root, sizes, width, height)
    main_n = sizes[0] if args.quick else 50
    main = decks[main_n]
    warm = root / "warm-cache"
    subprocess.run(
        [*SLIDEGEN, "build", str(main), "-o", str(root / "warm-out"), "--cache-dir", str(warm), "-q"], check=True
    )
    c = [
        Contender(
            "floor: read photos",
            str(main_n),
            command(lambda out: ([PY, str(HERE / "floor.py"), "read", str(main)], None)),
        ),
        Contender(
            "floor: draft decode",
            str(main_n),
            command(lambda out: ([PY, str(HERE / "floor.py"), "decode", str(main)], None)),
        ),
        Contender("slidegen cold", str(main_n), slidegen_build(main)),
        Contender("slidegen cold --whiteboard", str(main_n), slidegen_build(main, whiteboard=True)),
        Contender("slidegen warm (1 note edited)", str(main_n), slidegen_build(main, warm_cache=warm, edit_note=True)),
        Contender("slidegen PPTX only, pictures cached", str(main_n), slidegen_pptx_only(main, warm)),
        Contender(
            "python-pptx, straightforward",
            str(main_n),
            command(lambda out: ([PY, str(HERE / "naive_pptx.py"), str(main), str(out / "naive.pptx")], None)),
        ),
    ]
    for n, folder in decks.items():
        if n != main_n:
            c.append(Contender("slidegen cold", str(n), slidegen_build(folder)))
    if not args.quick:  # does a whiteboard build's memory grow with its photos?
        c.append(
            Contender("slidegen cold --whiteboard", str(min(decks)), slidegen_build(decks[min(decks)], whiteboard=True))
        )
    if ocr_installed():
        small_n = min(decks)
        small = decks[small_n]
        ocr_warm = root / "ocr-warm-cache"
        subprocess.run(
            [
                *SLIDEGEN,
                "build",
                str(small),
                "-o",
                str(root / "ocr-warm-out"),
                "--cache-dir",
                str(ocr_warm),
                "-q",
                "--ocr",
            ],
            check=True,
        )
        c.append(Contender("slidegen cold --ocr", str(small_n), slidegen_build(small, extra=("--ocr",))))
        c.append(
            Contender(
                "slidegen warm --ocr (1 note edited)",
                str(small_n),
                slidegen_build(small, warm_cache=ocr_warm, edit_note=True, extra=("--ocr",)),
            )
        )
    if not args.no_pandoc and shutil.which("pandoc"):
        md = root / f"pandoc-{main_n}.md"
        md.write_text(__import__("pandoc_md").convert(main), encoding="utf-8")
        c.append(
            Contender(
                "pandoc → pptx",
                str(main_n),
                command(
                    lambda out: (["pandoc", str(md), "-o", str(out / "deck.pptx"), "--resource-path", str(main)], None)
                ),
            )
        )
        reveal = revealjs_dir(root)
        if reveal:
            embed = pandoc_supports_embed()
            c.append(
                Contender(
                    "pandoc → revealjs single file",
                    str(main_n),
                    command(
                        lambda out: (
                            [
                                "pandoc",
                                str(md),
                                "-t",
                                "revealjs",
                                "-s",
                                embed,
                                "-V",
                                f"revealjs-url={reveal}",
                                "--resource-path",
                                str(main),
                                "-o",
                                str(out / "deck.html"),
                            ],
                            None,
                        )
                    ),
                )
            )
        else:
            print("pandoc → revealjs skipped: no local reveal.js (npm install failed)")
    elif not args.no_pandoc:
        print("pandoc skipped: install it with `apt-get install pandoc` to compare")
    exports = (20,) if args.quick else (100, 1000)
    for posts in exports:
        path = corpus.export(root, posts)
        c.append(
            Contender(
                f"slidegen export, {posts} posts",
                str(posts),
                command(
                    lambda out, path=path: ([*SLIDEGEN, "build", str(path), "-o", str(out), "-q", "--no-cache"], None)
                ),
            )
        )
    big = corpus.export(root, exports[-1])
    c.append(
        Contender(
            f"slidegen export, {exports[-1]} posts, --jobs 1",
            str(exports[-1]),
            command(
                lambda out: ([*SLIDEGEN, "build", str(big), "-o", str(out), "-q", "--no-cache", "--jobs", "1"], None)
            ),
        )
    )
    c.append(Contender("python -c pass", "-", command(lambda out: ([PY, "-c", "pass"], None))))
    script = Path(PY).parent / "slidegen"
    c.append(Contender("slidegen --help", "-", command(lambda out: ([str(script), "--help"], None))))
    return c


def run_all(contenders: list[Contender], runs: int) -> None:
    for r in range(runs):
        for con in contenders:
            with tempfile.TemporaryDirectory(prefix="sgbench-") as tmp:
                argv, cwd, out = con.make(Path(tmp))
                sample = measure(argv, cwd=cwd, outputs=out)
                con.samples.append(sample)
                print(f"  run {r + 1}/{runs}  {con.name:<38} {con.deck:>5}  {sample.wall:8.3f} s", flush=True)


def table(contenders: list[Contender]) -> str:
    rows = [
        "| contender | deck | median s | min–max s | CPU s | peak RSS MiB | output MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for c in contenders:
        walls = [s.wall for s in c.samples]
        rows.append(
            f"| {c.name} | {c.deck} | {statistics.median(walls):.3f} | {min(walls):.3f}–{max(walls):.3f} "
            f"| {statistics.median(s.cpu for s in c.samples):.2f} "
            f"| {statistics.median(s.maxrss_mib for s in c.samples):.0f} "
            f"| {statistics.median(s.out_bytes for s in c.samples) / 1e6:.2f} |"
        )
    return "\n".join(rows)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def compile_slidegen() -> None:
    """Compiles slidegen's modules to bytecode once, as an installed copy (or any run where Python may
    write bytecode) has them: where PYTHONDONTWRITEBYTECODE is set, every measured run would
    otherwise compile slidegen from source again, a tenth of a second that no user pays twice."""
    import compileall

    compileall.compile_dir(str(HERE.parent / "src" / "slidegen"), quiet=1)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=3, help="runs per contender (default 3)")
    p.add_argument("--quick", action="store_true", help="tiny corpus: a smoke test of the benchmark itself")
    p.add_argument("--no-pandoc", action="store_true")
    p.add_argument("--no-browser", action="store_true", help="skip time to first slide in Chromium")
    p.add_argument("--out", type=Path, help="also write the report (Markdown) here")
    p.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME@DECK",
        help="run only these contenders, e.g. 'slidegen cold@50' (repeatable; for measuring one case)",
    )
    args = p.parse_args(argv)
    start_launcher()  # before the corpus is made, so measured commands do not inherit its size
    compile_slidegen()
    root = corpus.cache_root() / ("quick" if args.quick else "full")
    root.mkdir(parents=True, exist_ok=True)
    print(f"corpus in {root}")
    contenders = build_contenders(args, root)
    if args.only:
        contenders = [
            c
            for c in contenders
            if any(c.name == name and c.deck == deck for name, deck in (o.rsplit("@", 1) for o in args.only))
        ]
    run_all(contenders, args.runs)
    report = [
        f"Machine: {machine()}",
        f"Runs per contender: {args.runs} (alternating); figures are medians. slidegen's bytecode is compiled first.",
        "",
        table(contenders),
        "",
    ]
    if not args.no_browser:
        from first_slide import time_to_first_slide

        html = next((root / "warm-out").glob("*.html"))
        ms = [time_to_first_slide(html) for _ in range(args.runs)]
        report += [
            f"Time to first slide ({html.name}, headless Chromium): median {statistics.median(ms):.0f} ms "
            f"(min {min(ms):.0f}, max {max(ms):.0f})",
            "",
        ]
    report += check_targets(contenders, quick=args.quick)
    plain, _ = next(
        (
            (statistics.median(s.wall for s in c.samples), c)
            for c in contenders
            if c.name == "slidegen cold" and c.deck == str(min(corpus.SIZES))
        ),
        (None, None),
    )
    with_ocr = next(
        (statistics.median(s.wall for s in c.samples) for c in contenders if c.name == "slidegen cold --ocr"), None
    )
    warm_ocr = next(
        (statistics.median(s.wall for s in c.samples) for c in contenders if c.name.startswith("slidegen warm --ocr")),
        None,
    )
    if plain and with_ocr and not args.quick:
        per = (with_ocr - plain) / min(corpus.SIZES)
        report += [
            f"- {'met   ' if per <= 3 else 'MISSED'} --ocr costs ≤ 3 s a 12-megapixel photo cold: "
            f"{per:.2f} s ({with_ocr:.2f} s vs {plain:.2f} s for {min(corpus.SIZES)} photos)"
        ]
    if warm_ocr and plain and not args.quick:
        report += [
            f"- {'met   ' if warm_ocr < plain else 'MISSED'} --ocr warm rebuild reads nothing: "
            f"{warm_ocr:.2f} s (cold without --ocr {plain:.2f} s)",
            "",
        ]
    if not args.quick:
        from board_steps import report as board_report

        found = {(c.name, c.deck): c for c in contenders}
        cold_c, board_c = found.get(("slidegen cold", "50")), found.get(("slidegen cold --whiteboard", "50"))
        cold_main = statistics.median(s.wall for s in cold_c.samples) if cold_c else None
        cpu = None
        if cold_c and board_c:
            cpu = (statistics.median(s.cpu for s in cold_c.samples), statistics.median(s.cpu for s in board_c.samples))
        pool = sorted((root / "photos-4032x3024").glob("*.jpg"))[:13]
        report += board_report(pool, cold_main, cpu, 50, os.cpu_count() or 1)
    if ocr_installed() and not args.quick:
        report += ocr_quality()
    from room import measure_room

    rooms = [measure_room(viewers=20 if args.quick else 200) for _ in range(args.runs)]
    p95 = statistics.median(r[1] for r in rooms)
    missed = sum(r[3] for r in rooms)
    ok = p95 <= 200 and missed == 0
    report += [
        f"- {'met   ' if ok else 'MISSED'} `slidegen present`: a slide change reaches "
        f"{20 if args.quick else 200} phones with 95th-percentile delay ≤ 200 ms: "
        f"{p95:.1f} ms (median {statistics.median(r[0] for r in rooms):.1f} ms, "
        f"worst {max(r[2] for r in rooms):.1f} ms, {missed} missed)",
        "",
    ]
    text = "\n".join(report) + "\n"
    print("\n" + text)
    if args.out:
        args.out.write_text("# Benchmarks\n\nProduced by `make bench` (bench/run.py).\n\n" + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
