"""Starts measured commands from a small process, so their peak RSS is their own.

Linux gives a child the peak resident size of the process it was forked from (the copy it starts
as, before ``exec``), so a command started by the benchmark itself reports at least the benchmark's
own size, which grows as the corpus is made. This process stays small: it reads one request per
line (JSON: argv, cwd), runs the command, and answers with its wait4 figures.
"""

import json
import os
import subprocess
import sys
import time


def run_one(argv: list[str], cwd: str | None) -> dict:
    """Runs one command to its end: wall and CPU seconds, exit status, peak RSS (KiB), end of stderr."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    return {
        "wall": time.perf_counter() - start,
        "status": os.waitstatus_to_exitcode(status),
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_kib": usage.ru_maxrss,
        "stderr": stderr.decode("utf-8", "replace")[-2000:],
    }


def main() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.write(json.dumps(run_one(request["argv"], request["cwd"])) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
