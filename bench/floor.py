"""The physical floor: read every photo (``read``) or draft-decode every photo on all cores (``decode``).

Usage: python floor.py read|decode FOLDER [WIDTH]
"""

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def draft_decode(path: str, width: int) -> int:
    from PIL import Image

    with Image.open(path) as img:
        scale = max(1, img.width // width)
        img.draft("RGB", (img.width // scale, img.height // scale))
        img.load()
        return img.width


def main(mode: str, folder: str, width: str = "1920") -> None:
    paths = sorted(str(p) for p in Path(folder).glob("*.jpg"))
    if mode == "read":
        total = sum(len(Path(p).read_bytes()) for p in paths)
        print(total)
        return
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        list(pool.map(draft_decode, paths, [int(width)] * len(paths), chunksize=1))


if __name__ == "__main__":
    main(*sys.argv[1:])
