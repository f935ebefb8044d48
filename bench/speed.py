"""`make bench-speed`: documents per second, MB per second and peak memory, side by side with
the peers on the same pages in the same run. Not a timed test: the machine is shared and
noisy, so the ratios are the result, not the absolute figures.

1. One core. Each round starts a fresh process per tool and capture set, which reads the
   set into memory and cleans one untimed warm-up document; the cleaner first warms up as
   its CLI's workers do (cleaner.batch.warm_up: rules, language model and, for the HTML
   set, the HTML engine and its jusText stoplist, which trafilatura's own warm-up page
   loads for it). The tools then take turns, 20 pages at a time, over the same pages, so
   that a busy spell of the machine slows all of them alike; each round's ratio to
   trafilatura compares turns taken side by side. The median of --runs rounds is
   printed, with the min-max. The cleaner gets the un-gzipped bytes and decodes them
   itself; the peers get the text already decoded, which favours them. Text and markdown
   captures are compared with trafilatura on the same pages' HTML (the issue's anchor):
   no peer cleans a flattened capture as its main use.
2. All cores: `clean md/ txt/ html/ -o out.jsonl --jobs N` against `--jobs 1`, wall time.
3. Start-up: `clean FILE` for one markdown capture, wall time (median of 5), next to bare
   `python -c pass` and `python -c "import cleaner"`.
4. Peak RSS: `clean md/ txt/ html/ --jobs 1` over the whole benchmark (ru_maxrss).
5. Profiles: one cProfile run of each path, written to bench/profiles/{md,txt,html}.txt.
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PROFILES = HERE / "profiles"
SETS = ("md", "txt", "html")
KINDS = {"md": "markdown", "txt": "text", "html": "html"}
CLEANER = "cleaner"
# The HTML peers (trafilatura with include_comments=False, as in bench/quality.py).
HTML_PEERS = ("trafilatura", "readability-lxml", "jusText", "resiliparse")


# ---------------------------------------------------------------- one timed pass, in a worker


def _peer(name: str) -> Callable[[str], object]:
    """Each HTML peer's extraction call, given the page already decoded. bench/quality.py
    makes the same calls for trafilatura and resiliparse; for readability-lxml it also
    flattens the summary to text, and for jusText it picks the page's stoplist, which
    this timing leaves out."""
    if name == "trafilatura":
        import trafilatura

        return lambda page: trafilatura.extract(page, include_comments=False)
    if name == "readability-lxml":
        from readability import Document

        return lambda page: Document(page).summary()
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        return lambda page: extract_plain_text(page, main_content=True)
    if name == "jusText":
        import justext

        stoplist = justext.get_stoplist("English")  # one stoplist: this measures time, not quality
        return lambda page: [p.text for p in justext.justext(page, stoplist) if not p.is_boilerplate]
    raise SystemExit(f"bench-speed: unknown tool {name!r}")


def _pages(data: Path, capture: str) -> list[tuple[bytes, str]]:
    """(raw bytes, url) of every page of a set, read before the clock starts. HTML pages
    are un-gzipped: the bench stores them gzipped, a crawl's WARC records are not."""
    records = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    suffix = {"md": ".md", "txt": ".txt", "html": ".html.gz"}[capture]
    pages = [((data / capture / f"{i}{suffix}").read_bytes(), records[i].get("url") or "") for i in sorted(records)]
    return [(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw, url) for raw, url in pages]


class Timer:
    """One tool over one capture set, in this process: the pages read, the tool warmed up
    on the first one (imports, models, rule compilation), then slices of pages timed on
    request. The cleaner gets bytes and finds their encoding itself, as in production;
    the peers get the text already decoded, which favours them."""

    def __init__(self, tool: str, data: Path, capture: str) -> None:
        self.pages = _pages(data, capture)
        if tool == CLEANER:
            from cleaner import clean
            from cleaner.batch import Options, warm_up
            from cleaner.errors import CleanerError

            # What a CLI worker loads before its first document; the text paths leave the
            # HTML engine out, as `clean --jobs 1` does (so their peak RSS is their own).
            warm_up(Options(), html=capture == "html")

            kind = KINDS[capture]

            def run(raw: bytes, url: str) -> None:
                try:
                    clean(raw, kind=kind, url=url or None)
                except CleanerError:
                    pass

        else:
            peer = _peer(tool)
            decoded = {id(raw): raw.decode("utf-8") for raw, _ in self.pages}  # the bench's HTML is UTF-8

            def run(raw: bytes, url: str) -> None:
                peer(decoded[id(raw)])

        self.run = run
        run(*self.pages[0])

    def time(self, start: int, stop: int) -> dict[str, float]:
        pages = self.pages[start:stop]
        wall, cpu = time.perf_counter(), time.process_time()
        for raw, url in pages:
            self.run(raw, url)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        return {"docs": len(pages), "bytes": sum(len(raw) for raw, _ in pages), "seconds": wall, "cpu": cpu}


def serve(tool: str, data: Path, capture: str) -> None:
    """The worker process: "START STOP" lines in, one JSON timing per line out; at the end
    of its input, its peak RSS."""
    timer = Timer(tool, data, capture)
    print("ready", flush=True)
    for line in sys.stdin:
        start, stop = map(int, line.split())
        print(json.dumps(timer.time(start, stop)), flush=True)
    print(json.dumps({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)


class _Worker:
    """A fresh worker process for one tool and set, for one round: no cache carries over."""

    def __init__(self, tool: str, data: Path, capture: str) -> None:
        self.name = f"{tool} on {capture}"
        self.errors = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker", tool, capture, "--data", str(data)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, text=True, cwd=ROOT,
        )

    def wait_ready(self) -> None:
        self._read()  # "ready": the pages read and the warm-up page cleaned

    def _read(self) -> str:
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        if not line:
            self.errors.seek(0)
            raise SystemExit(f"bench-speed: the worker for {self.name} stopped:\n{self.errors.read()[-2000:]}")
        return line

    def time(self, start: int, stop: int) -> dict[str, float]:
        self.process.stdin.write(f"{start} {stop}\n")  # type: ignore[union-attr]
        self.process.stdin.flush()  # type: ignore[union-attr]
        return json.loads(self._read())

    def close(self) -> float:
        self.process.stdin.close()  # type: ignore[union-attr]
        peak = json.loads(self._read())["maxrss_mb"]
        self.process.wait()
        self.errors.close()
        return peak


# ---------------------------------------------------------------- the whole benchmark


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f}  ({min(values):.1f}-{max(values):.1f})"


# Pages per turn. The tools take turns slice by slice (about a second each), so that a
# slow spell of this shared machine falls on all of them alike: whole passes one after
# the other gave the same tool 40-60 docs/s in one run.
SLICE_PAGES = 20


def one_core(data: Path, runs: int, sets: tuple[str, ...] = SETS) -> dict[str, dict[str, list[dict[str, float]]]]:
    """Each round starts one fresh worker per (set, tool); the workers then take turns over
    the same slices of pages, in an order that rotates from slice to slice."""
    # trafilatura on the HTML is every set's yardstick, so it always runs.
    plan = [(capture, CLEANER) for capture in sets] + [("html", peer) for peer in HTML_PEERS if "html" in sets or peer == "trafilatura"]
    n = len(json.loads((data / "ground-truth.json").read_text(encoding="utf-8")))
    slices = [(i, min(i + SLICE_PAGES, n)) for i in range(0, n, SLICE_PAGES)]
    results: dict[str, dict[str, list[dict[str, float]]]] = {capture: {} for capture in (*sets, "html")}
    for r in range(runs):
        print(f"  round {r + 1}/{runs}: starting {len(plan)} workers", file=sys.stderr, flush=True)
        workers = {key: _Worker(key[1], data, key[0]) for key in plan}  # they load side by side, untimed
        for worker in workers.values():
            worker.wait_ready()
        totals = {key: {"docs": 0.0, "bytes": 0.0, "seconds": 0.0, "cpu": 0.0} for key in plan}
        for k, (start, stop) in enumerate(slices):
            shift = (r + k) % len(plan)
            for key in plan[shift:] + plan[:shift]:
                for name, value in workers[key].time(start, stop).items():
                    totals[key][name] += value
        for key, worker in workers.items():
            totals[key]["maxrss_mb"] = worker.close()
            results[key[0]].setdefault(key[1], []).append(totals[key])
    return results


def print_one_core(results: dict[str, dict[str, list[dict[str, float]]]]) -> dict[str, float]:
    """docs/s and MB/s as the median of the rounds with their min-max; the ratio to
    trafilatura is the median of each round's own ratio (the two ran side by side)."""
    traf = [r["docs"] / r["seconds"] for r in results["html"]["trafilatura"]]
    print(f"\n## One core (median of {len(traf)} rounds, min-max in brackets; tools take turns every {SLICE_PAGES} pages)\n")
    print("| set | tool | docs/s | MB/s | CPU s | peak RSS MB | docs/s ÷ trafilatura (html), per round |")
    print("|---|---|---|---|---|---|---|")
    medians = {}
    for capture in results:
        for tool, rows in results[capture].items():
            rates = [r["docs"] / r["seconds"] for r in rows]
            mbs = [r["bytes"] / r["seconds"] / 1e6 for r in rows]
            ratios = [rate / t for rate, t in zip(rates, traf)]
            cpu = statistics.median(r["cpu"] for r in rows)
            rss = max(r["maxrss_mb"] for r in rows)
            medians[f"{capture}:{tool}"] = statistics.median(rates)
            print(f"| {capture} | {tool} | {_spread(rates)} | {_spread(mbs)} | {cpu:.2f} | {rss:.0f} | "
                  f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f}) |")
    return medians


def all_cores(data: Path, runs: int, jobs: int) -> None:
    """The CLI over the whole benchmark at once (md, txt and html: 543 documents), so that
    the workers' start-up is spread over enough documents."""
    folders = [str(data / capture) for capture in SETS]
    n = sum(1 for capture in SETS for p in (data / capture).iterdir() if p.is_file())
    print(f"\n## The CLI over md/, txt/ and html/ ({n} documents), --jobs 1 against --jobs {jobs} (wall, median of {runs})\n")
    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        for j in (1, jobs):
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "cleaner", *folders, "-o", f"{tmp}/out.jsonl", "--jobs", str(j), "--quiet"],
                               check=False, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.append(time.perf_counter() - started)
            rates[j] = n / statistics.median(times)
            print(f"- `--jobs {j}`: {rates[j]:.1f} docs/s ({min(times):.1f}-{max(times):.1f} s)")
    print(f"- speed-up: {rates[jobs] / rates[1]:.2f}x")


def start_up(data: Path, repeats: int = 5) -> None:
    capture = sorted((data / "md").iterdir())[0]

    def wall(args: list[str]) -> float:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            subprocess.run(args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    with tempfile.TemporaryDirectory() as tmp:
        bare = wall([sys.executable, "-c", "pass"])
        imported = wall([sys.executable, "-c", "import cleaner"])
        first = wall([sys.executable, "-m", "cleaner", str(capture), "-o", f"{tmp}/out.txt"])
    print(f"\n## Start-up (wall, median of {repeats})\n")
    print(f"- `python -c pass`: {bare:.2f} s")
    print(f"- `python -c 'import cleaner'`: {imported:.2f} s")
    print(f"- `clean FILE -o OUT` (import, rules, language model, one document): {first:.2f} s (target under 0.5 s)")


def peak_rss(data: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "cleaner", *(str(data / c) for c in SETS), "-o", f"{tmp}/out.jsonl", "--jobs", "1", "--quiet"]
        child = subprocess.Popen(command, cwd=ROOT)
        _, _, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest of all children
    print(f"\n## Peak RSS, `clean md/ txt/ html/ --jobs 1` over the whole benchmark\n\n- {usage.ru_maxrss / 1024:.0f} MB (target under 300 MB)")


def write_profiles(data: Path) -> None:
    from cleaner import clean
    from cleaner.batch import Options, warm_up

    PROFILES.mkdir(exist_ok=True)
    warm_up(Options())  # as the timed runs: one-time loads are not a path's profile
    for capture in SETS:
        pages = _pages(data, capture)
        clean(pages[0][0], kind=KINDS[capture])
        profile = cProfile.Profile()
        profile.enable()
        for raw, url in pages:
            try:
                clean(raw, kind=KINDS[capture], url=url or None)
            except Exception:  # noqa: BLE001 - a bad page is not the profile's business
                pass
        profile.disable()
        out = io.StringIO()
        out.write(f"# cProfile of clean() over {len(pages)} {capture} captures of the dev bench, one process.\n")
        out.write("# Written by `make bench-speed` (bench/speed.py); cumulative time, top 60 functions.\n\n")
        stats = pstats.Stats(profile, stream=out)
        stats.strip_dirs().sort_stats("cumulative").print_stats(60)
        (PROFILES / f"{capture}.txt").write_text(out.getvalue(), encoding="utf-8")
    print(f"\nProfiles written to {PROFILES.relative_to(ROOT)}/ (md.txt, txt.txt, html.txt)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/bench"), help="bench folder (default ../shared/bench)")
    parser.add_argument("--runs", type=int, default=5, help="rounds per measurement (median printed; at least 3)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="the all-cores run's --jobs")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated capture sets (default md,txt,html)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: cli,startup,rss,profiles")
    parser.add_argument("--worker", nargs=2, metavar=("TOOL", "SET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = args.data.resolve()
    if args.worker:
        serve(args.worker[0], data, args.worker[1])
        return
    if not (data / "ground-truth.json").is_file():
        sys.exit(f"bench-speed: no benchmark at {data} (give --data)")
    skip = set(filter(None, args.skip.split(",")))
    runs = max(3, args.runs)
    load = os.getloadavg()
    print(f"# bench-speed: {os.cpu_count()} cores, load average before {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    sets = tuple(s for s in SETS if s in args.sets.split(","))
    print_one_core(one_core(data, runs, sets))
    if "cli" not in skip:
        all_cores(data, runs, args.jobs)
    if "startup" not in skip:
        start_up(data)
    if "rss" not in skip:
        peak_rss(data)
    if "profiles" not in skip:
        write_profiles(data)
    load = os.getloadavg()
    print(f"\nload average after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
