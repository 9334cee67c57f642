"""Turns a corpus post into pandoc's slide Markdown (one '#' slide per note, '::: notes' blocks)."""

import re
import sys
from pathlib import Path


def convert(folder: Path) -> str:
    text = (folder / "post.md").read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, flags=re.M).group(1)
    out = ["---", f"title: {title}", "---", ""]
    for number, note in re.findall(r"^Slide (\d+): (.*)$", text, flags=re.M):
        out += [f"# Slide {number}", "", f"![](slide-{number}.jpg)", "", "::: notes", note, ":::", ""]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(convert(Path(sys.argv[1])))
