"""`make bench-scale`: does `clean` scale with --jobs, and does its memory stay flat?

1. --jobs 1 against --jobs 2 over the dev captures (md + txt) repeated to --docs documents:
   wall time, the ratio (target 1.5x or better on 2 cores) and peak memory.
2. Peak memory on --big documents against --docs: flat within 20%.
3. Cost against size: one capture of --lines lines and one of 10 x --lines, of four
   shapes (the bench captures' own lines, short lines, bullets, headings), each cleaned
   in a fresh process with no time limit. The CPU time must grow about 10x: a ratio past
   --max-ratio (20x) fails the run (exit 1). Small captures are cheaper per line than the
   ratio suggests (the per-line caches hold 4,096 lines and the settling readings are
   cheap while they hit), so --lines stays well past that. max_blocks is lifted for it.

Each run is `python -m cleaner FOLDER -o out.jsonl --quiet --jobs N` in a subprocess.
Memory is the peak, over the run, of the summed PSS (proportional set size, so pages the
forked workers share count once) of the process and its workers, sampled every 0.1 s from
/proc (Linux only). The folder holds symbolic links to the captures, 100 per subfolder.
Not a timed test: the figures depend on the machine and on what else runs on it.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(data: Path, n: int, where: Path) -> Path:
    captures = sorted(p for kind in ("md", "txt") for p in (data / kind).iterdir() if p.is_file())
    if not captures:
        sys.exit(f"bench-scale: no captures under {data}/md or {data}/txt")
    folder = where / f"docs-{n}"
    for i in range(n):
        sub = folder / f"{i // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        source = captures[i % len(captures)]
        (sub / f"{i:06d}-{source.name}").symlink_to(source.resolve())  # --data may be relative
    return folder


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(entry))
    return kids


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(folder: Path, jobs: int, out: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds of the process and its workers, peak MB over the
    process tree, documents written)"""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "cleaner", str(folder), "-o", str(out), "--format", "jsonl", "--quiet", "--jobs", str(jobs)]
    start = time.perf_counter()
    # stderr goes to a file: a pipe nobody reads fills up and stalls the cleaner.
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    peak = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        tree = [proc.pid, *_children(proc.pid)]
        peak = max(peak, sum(_pss_kb(p) for p in tree))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: nothing extracted from some capture
        errors.seek(0)
        sys.exit(f"bench-scale: {' '.join(cmd)} exited {code}: {errors.read().decode(errors='replace')[-2000:]}")
    with open(out, "rb") as fh:
        docs = sum(1 for _ in fh)
    # wait4's usage includes the workers the process waited for
    return seconds, usage.ru_utime + usage.ru_stime, peak / 1024, docs


# --- cost against size --------------------------------------------------------------------------

_WORDS = (
    "the minister said on tuesday that plans would stay in place for rest of year according "
    "officials market prices rose city council vote"
).split()


def _page_lines(data: Path, n: int) -> str:
    """The bench captures' lines, in order, repeated up to n lines (markdown)."""
    pool = [line for kind in ("md", "txt") for p in sorted((data / kind).iterdir()) if p.is_file()
            for line in p.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return "\n\n".join(pool[i % len(pool)] for i in range(n)) + "\n"


def _shape(name: str, n: int, data: Path) -> tuple[str, str]:
    """(capture, kind) of n lines. Each synthetic line is numbered, so no two are alike."""
    rng = random.Random(n)

    def words(low: int, high: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))

    if name == "page":
        return _page_lines(data, n), "markdown"
    if name == "short lines":
        return "\n".join(f"line {i} {words(1, 4)}" for i in range(n)) + "\n", "text"
    if name == "bullets":
        return "\n".join(f"- item {i} {words(2, 6)}" for i in range(n)) + "\n", "markdown"
    assert name == "headings"
    return "\n\n".join(f"## Heading {i} {words(2, 5).title()}" for i in range(n)) + "\n", "markdown"


# max_blocks is lifted: the cap (50,000) refuses the larger captures, and the run measures
# how the steps grow, not where the cap stops them.
_TIME_ONE = """
import sys, time
from cleaner import Settings, clean
settings = Settings(max_blocks=10**9)
clean("Warm up. " * 40, settings=settings)
raw = open(sys.argv[1], encoding="utf-8").read()
start = time.process_time()
clean(raw, kind=sys.argv[2], settings=settings)
print(time.process_time() - start)
"""


def cpu_seconds(raw: str, kind: str, where: Path) -> float:
    """CPU seconds of one clean() in a fresh process (no caches from the run before)."""
    path = where / "capture"
    path.write_text(raw, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _TIME_ONE, str(path), kind], capture_output=True, text=True, env=env, check=True)
    return float(done.stdout)


def linearity(data: Path, lines: int, max_ratio: float, where: Path) -> bool:
    ok = True
    for name in ("page", "short lines", "bullets", "headings"):
        small, big = (cpu_seconds(*_shape(name, n, data), where) for n in (lines, 10 * lines))
        ratio = big / small
        verdict = "linear" if ratio <= max_ratio else f"NOT linear (over {max_ratio:g}x)"
        print(f"{name}: {lines} lines {small:.2f} CPU s, {10 * lines} lines {big:.2f} CPU s: {ratio:.1f}x (about 10x is linear) -> {verdict}")
        ok = ok and ratio <= max_ratio
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--big", type=int, default=10_000, help="0 skips the memory run")
    parser.add_argument("--lines", type=int, default=10_000, help="the smaller capture of the cost run; 0 skips it")
    parser.add_argument("--max-ratio", type=float, default=20.0, help="the cost run fails past this growth for 10x the lines")
    parser.add_argument("--only-lines", action="store_true", help="only the cost run")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    linear = True
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        where = Path(tmp)
        if args.lines:
            linear = linearity(args.data, args.lines, args.max_ratio, where)
        if args.only_lines:
            print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            sys.exit(0 if linear else 1)
        small = corpus(args.data, args.docs, where)
        runs = {}
        for jobs in (1, 2):
            load = os.getloadavg()[0]
            seconds, cpu, peak, docs = measure(small, jobs, where / f"out-{jobs}.jsonl")
            runs[jobs] = (seconds, cpu, peak)
            print(
                f"--jobs {jobs}: {docs} documents in {seconds:.1f} s ({docs / seconds:.1f} docs/s), "
                f"{cpu:.1f} CPU s, peak {peak:.0f} MB (load before {load:.1f})"
            )
        ratio = runs[1][0] / runs[2][0]
        print(f"speed-up --jobs 2 / --jobs 1: {ratio:.2f}x wall (target 1.5x or better on 2 cores)")
        # On a busy machine the wall ratio says little; the CPU cost of going parallel does not
        # depend on the load: on two idle cores the speed-up would be 2 x cpu(1) / cpu(2).
        print(f"CPU cost of --jobs 2: {runs[2][1] / runs[1][1]:.2f}x --jobs 1 (idle 2 cores would give {2 * runs[1][1] / runs[2][1]:.2f}x)")
        if args.big:
            big = corpus(args.data, args.big, where)
            seconds, cpu, peak, docs = measure(big, 2, where / "out-big.jsonl")
            print(f"--jobs 2: {docs} documents in {seconds:.1f} s ({docs / seconds:.1f} docs/s), {cpu:.1f} CPU s, peak {peak:.0f} MB")
            growth = peak / runs[2][2]
            print(f"peak memory {args.big} / {args.docs} documents: {growth:.2f} (target: within 1.20) -> {'flat' if growth <= 1.2 else 'NOT flat'}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.exit(0 if linear else 1)


if __name__ == "__main__":
    main()
