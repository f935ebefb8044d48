"""cleaner.batch and the batch side of `clean`: folders, WARC, JSONL, jobs, order, time
limits, failures, outputs and progress."""
from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import signal
import stat
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import batch, inputs, outputs
from cleaner.batch import Options, Stats, clean_items, run_batch
from cleaner.cli import main
from cleaner.inputs import Item, documents_known, expand
from cleaner.outputs import Formatter, StreamSink
from cleaner.settings import Settings
from tests.test_cli import ARTICLE, BINARY, GOOD_1, GOOD_2, NOTHING
from tests.warcs import RECORD_ID_HTML, write_warc

ROOT = Path(__file__).resolve().parents[1]
TITLE_WORD = "Council"


def invoke(args: list[str], stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def jsonl(text: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in text.splitlines()]


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000; as root, which reads it anyway, refuse it in open() instead."""
    path.chmod(0)
    if os.access(path, os.R_OK):
        real = open

        def refusing(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real(file, *args, **kwargs)

        monkeypatch.setattr(inputs, "open", refusing, raising=False)


def _article(n: int) -> str:
    return ARTICLE.replace("Council Approves", f"Council {n} Approves")


# --- a folder with bad files in it ---------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_with_binary_empty_and_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    (tmp_path / "a-binary.png").write_bytes(BINARY)
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-good.txt").write_text(ARTICLE)
    (tmp_path / "d-locked.txt").write_text(ARTICLE)
    (tmp_path / "e-good.md.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    _unreadable(tmp_path / "d-locked.txt", monkeypatch)
    result = invoke(["--format", "jsonl", "--jobs", jobs, str(tmp_path)])
    assert result.exit_code == 3  # some inputs failed; the others came out
    records = jsonl(result.stdout)
    assert [Path(r["source"]).name for r in records] == ["a-binary.png", "b-empty.txt", "c-good.txt", "d-locked.txt", "e-good.md.gz"]
    binary, empty, good, locked, gz = records
    assert binary["error"] and "text" not in binary
    assert empty["text"] == "" and "error" not in empty
    assert locked["error"] == "cannot read: Permission denied"
    assert GOOD_1 in good["text"] and GOOD_1 in gz["text"]
    assert "b-empty.txt: nothing extracted" in result.stderr and "d-locked.txt: cannot read" in result.stderr
    assert "Traceback" not in result.stderr
    assert "clean: 5 documents, 2 errors, 1 empty" in result.stderr  # the summary line


def test_jobs_keep_the_input_order_and_the_output(tmp_path: Path) -> None:
    for n in range(14):
        (tmp_path / f"{n:02d}.txt").write_text(_article(n) if n % 5 else NOTHING)
    one = invoke(["--format", "jsonl", "--jobs", "1", "-q", str(tmp_path)])
    two = invoke(["--format", "jsonl", "--jobs", "2", "-q", str(tmp_path)])
    assert one.exit_code == two.exit_code == 1  # some had nothing to extract
    assert one.stdout == two.stdout
    assert [Path(r["source"]).name for r in jsonl(two.stdout)] == [f"{n:02d}.txt" for n in range(14)]
    assert one.stderr == two.stderr  # --quiet: only the per-document notes


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.bin").write_bytes(BINARY)
    (tmp_path / "c.txt").write_text(ARTICLE)
    result = invoke(["--format", "jsonl", "--jobs", "1", "--fail-fast", str(tmp_path)])
    assert result.exit_code == 3
    assert [Path(r["source"]).name for r in jsonl(result.stdout)] == ["a.txt", "b.bin"]
    assert "--fail-fast" in result.stderr


# --- time limits and dying workers --------------------------------------------------------------------------


def _slow_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.clean

    def clean(raw, **kwargs):  # type: ignore[no-untyped-def]
        if b"SLOW" in (raw if isinstance(raw, bytes) else raw.encode()):
            time.sleep(30)
        return real(raw, **kwargs)

    monkeypatch.setattr(batch, "clean", clean)


def test_a_slow_document_becomes_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _slow_clean(monkeypatch)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("SLOW\n" + ARTICLE)
    (tmp_path / "c.txt").write_text(ARTICLE)
    start = time.monotonic()
    result = invoke(["--format", "jsonl", "--jobs", "1", "--timeout", "1", str(tmp_path)])
    assert time.monotonic() - start < 20
    assert result.exit_code == 3
    a, b, c = jsonl(result.stdout)
    assert b["error"] == "took longer than the 1 s time limit"
    assert GOOD_1 in a["text"] and GOOD_1 in c["text"]


def test_a_worker_that_dies_or_hangs_in_c_costs_one_document(monkeypatch: pytest.MonkeyPatch) -> None:
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the workers must inherit the monkeypatched clean() through fork")
    real = batch.clean

    def clean(raw, **kwargs):  # type: ignore[no-untyped-def]
        if raw == "CRASH":
            os._exit(1)
        if raw == "STUCK":  # the time limit's signal cannot land: only the watchdog can end it
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(30)
        return real(raw, **kwargs)

    monkeypatch.setattr(batch, "clean", clean)  # the forked workers inherit it
    raws = [_article(n) for n in range(6)]
    raws[1], raws[4] = "CRASH", "STUCK"
    items = [Item(f"doc-{n}", raw=raw) for n, raw in enumerate(raws)]
    options = Options(timeout=1.0, settings=Settings(doc_timeout_grace_seconds=0.5, batch_chunk_docs=2))
    results = list(clean_items(items, options, jobs=2))
    assert [r.source for r in results] == [f"doc-{n}" for n in range(6)]
    assert [r.error is None for r in results] == [True, False, True, True, False, True]
    assert "worker process" in (results[1].error or "")
    assert results[4].error == "took longer than the 1 s time limit"  # known by the worker's progress record


def test_memory_stays_flat_the_inputs_are_read_as_needed() -> None:
    pulled = 0

    def captures():  # type: ignore[no-untyped-def]
        nonlocal pulled
        for n in range(200):
            pulled += 1
            yield Item(f"doc-{n}", raw=_article(n))

    settings = Settings(batch_chunk_docs=2, batch_window_chunks_per_job=2)
    results = clean_items(captures(), Options(settings=settings), jobs=2)
    first = next(results)
    assert first.source == "doc-0"
    assert pulled <= 2 * 2 * 2 + 2  # jobs x window x chunk, and the two looked at first
    results.close()  # type: ignore[attr-defined]
    inline = clean_items(captures(), Options(), jobs=1)
    pulled = 0
    next(inline)
    assert pulled <= 3


# --- outputs ----------------------------------------------------------------------------------------------


def test_output_file_format_from_its_name_and_inputs_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    (tmp_path / "in" / "b.txt").write_text(ARTICLE)
    out = tmp_path / "in" / "all.jsonl"  # inside the folder it cleans, new: not an input
    result = invoke(["-q", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    first = out.read_text()
    assert [Path(r["source"]).name for r in jsonl(first)] == ["a.txt", "b.txt"]
    # Now it is a file in the input folder, so an input: refused (it could as well be a capture).
    again = invoke(["-q", str(tmp_path / "in"), "-o", str(out)])
    assert again.exit_code == 2 and "never overwritten" in again.stderr and out.read_text() == first
    clash = invoke([str(tmp_path / "in" / "a.txt"), "-o", str(tmp_path / "in" / "a.txt")])
    assert clash.exit_code == 2 and "never overwritten" in clash.stderr
    assert (tmp_path / "in" / "a.txt").read_text() == ARTICLE


def test_output_folder_mirrors_the_inputs(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    (tmp_path / "in" / "sub" / "b.md").write_text(ARTICLE)
    (tmp_path / "in" / "c.bin").write_bytes(BINARY)
    warc = write_warc(tmp_path / "crawl.warc.gz", gz=True)
    result = invoke(["--jobs", "2", str(tmp_path / "in"), str(warc), "-o", str(tmp_path / "out") + "/"])
    assert result.exit_code == 3
    out = tmp_path / "out"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == ["a.txt.txt", "crawl.warc.gz.txt", "sub/b.md.txt"]
    assert (out / "a.txt.txt").read_text().split("\n\n")[:2] == [GOOD_1, GOOD_2]
    assert (out / "crawl.warc.gz.txt").read_text().startswith("==> https://news.example.com/a <==\n")


def test_output_into_the_input_folder_never_replaces_an_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a").write_text(ARTICLE)  # its output would be a.txt
    result = invoke(["-q", "--jobs", "1", str(tmp_path / "a"), str(tmp_path / "a.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 3 and "is an input, which is never overwritten" in result.stderr
    assert (tmp_path / "a.txt").read_text() == ARTICLE and (tmp_path / "a.txt.txt").exists()


def test_an_output_file_inside_an_input_folder_never_replaces_a_capture(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    for name in ("000.txt", "001.txt"):
        (tmp_path / "s" / name).write_text(ARTICLE.replace(TITLE_WORD, name))
    before = {p.name: p.read_text() for p in (tmp_path / "s").iterdir()}
    for args in (["s/", "-o", "s/000.txt"], ["s", "-o", "s/000.txt"], ["s/001.txt", "s/", "-o", "s/000.txt"]):
        result = invoke([str(tmp_path / a) if a.startswith("s") else a for a in args])
        assert result.exit_code == 2 and result.stdout == "", args
        assert "is one of the inputs (or a file in an input folder); an input is never overwritten" in result.stderr
        assert {p.name: p.read_text() for p in (tmp_path / "s").iterdir()} == before


def test_the_output_folder_is_never_the_input_folder(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "a.txt").write_text(ARTICLE)
    (tmp_path / "link").symlink_to(tmp_path / "s")
    for output in ("s/", "s", "link/"):
        result = invoke([str(tmp_path / "s"), "-o", str(tmp_path / output)])
        assert result.exit_code == 2 and "is the input folder" in result.stderr and "write them to another folder" in result.stderr
        assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["a.txt"]
    # An output folder inside the input folder is not read as input, run after run.
    for _ in range(2):
        assert invoke(["-q", str(tmp_path / "s"), "-o", str(tmp_path / "s" / "out") + "/"]).exit_code == 0
    assert sorted(str(p.relative_to(tmp_path / "s")) for p in (tmp_path / "s").rglob("*")) == ["a.txt", "out", "out/a.txt.txt"]


def _null_device(folder: Path) -> Path | None:
    """A character device like /dev/null (1, 3) in `folder`, where it can be made (root):
    the tests write there first, so that a regression replaces that one, never the system's."""
    path = folder / "null"
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        return None  # not root: then /dev/null cannot be replaced either
    return path


def test_devices_and_fifos_are_written_in_place_never_replaced(tmp_path: Path) -> None:
    import threading

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    capture = str(tmp_path / "in" / "a.txt")
    for device in filter(None, (_null_device(tmp_path), Path(os.devnull))):  # the system's last
        result = invoke([capture, "-o", str(device)])
        assert stat.S_ISCHR(os.lstat(device).st_mode), f"{device} was replaced"
        assert result.exit_code == 0 and result.stdout == "" and not result.stderr
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = invoke([capture, "-o", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0 and got and GOOD_1.encode() in got[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert {p.name for p in tmp_path.iterdir()} == {"in", "pipe"} | ({"null"} if (tmp_path / "null").exists() else set())


def test_dev_stdout_writes_to_standard_output_whatever_it_is(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")  # what /dev/stdout is; a regression replaces this one
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = tmp_path / "out.txt"
    for name in (str(tmp_path / "stdout"), "/dev/stdout"):  # the system's last
        command = [sys.executable, "-m", "cleaner", str(tmp_path / "a.txt"), "-o", name]
        piped = subprocess.run(command, capture_output=True, env=env, timeout=60)
        assert os.path.islink(name), f"{name} was replaced"
        assert piped.returncode == 0 and GOOD_1.encode() in piped.stdout, piped.stderr
        out.write_text("")
        inode = out.stat().st_ino
        with out.open("w") as fh:  # `> out.txt`: the shell's file is written, not renamed over
            done = subprocess.run(command, stdout=fh, stderr=subprocess.PIPE, env=env, timeout=60)
        assert done.returncode == 0 and GOOD_1 in out.read_text() and out.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.txt", "stdout"]


def test_a_symbolic_link_given_as_output_is_followed_and_stays(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "target.txt").write_text("old\n")
    (tmp_path / "link.txt").symlink_to("target.txt")
    result = invoke([str(tmp_path / "a.txt"), "-o", str(tmp_path / "link.txt")])
    assert result.exit_code == 0
    assert os.readlink(tmp_path / "link.txt") == "target.txt" and GOOD_1 in (tmp_path / "target.txt").read_text()
    (tmp_path / "to-input").symlink_to("a.txt")
    refused = invoke([str(tmp_path / "a.txt"), "-o", str(tmp_path / "to-input")])
    assert refused.exit_code == 2 and (tmp_path / "a.txt").read_text() == ARTICLE and (tmp_path / "to-input").is_symlink()


def test_output_file_needs_its_folder_and_an_output_folder_is_created_saying_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    missing = tmp_path / "typo" / "out.jsonl"
    result = invoke([str(tmp_path / "a.txt"), "-o", str(missing)])
    assert result.exit_code == 4 and f"there is no folder {missing.parent}" in result.stderr and not missing.parent.exists()
    made = invoke([str(tmp_path / "a.txt"), "-o", str(tmp_path / "new" / "deeper") + "/"])
    assert made.exit_code == 0 and (tmp_path / "new" / "deeper" / "a.txt.txt").is_file()
    assert made.stderr == f"clean: created the output folder {tmp_path / 'new' / 'deeper'}/\n"
    again = invoke([str(tmp_path / "a.txt"), "-o", str(tmp_path / "new" / "deeper") + "/"])
    assert again.exit_code == 0 and again.stderr == ""


def test_an_output_folder_that_cannot_be_written_exits_4(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "blocker").write_text("a file, not a folder")
    for target in (str(tmp_path / "blocker" / "out") + "/", str(tmp_path / "blocker" / "out.jsonl")):
        result = invoke([str(tmp_path / "a.txt"), "-o", target])
        assert result.exit_code == 4 and "cannot" in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""


@pytest.mark.parametrize("to_dir", [False, True], ids=["file", "folder"])
def test_a_full_disk_exits_4_and_leaves_no_half_written_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to_dir: bool) -> None:
    from tests.test_outputs import _FullDisk

    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"{n}.txt").write_text(_article(n))
    real_fdopen = os.fdopen

    def fdopen(fd, *args, **kwargs):  # type: ignore[no-untyped-def]
        real_fdopen(fd).close()
        return _FullDisk(room=300 if to_dir else 2000)  # one file: it fills up after a document or two

    monkeypatch.setattr(outputs.os, "fdopen", fdopen)
    target = tmp_path / "out" if to_dir else tmp_path / "out.jsonl"
    result = invoke(["--jobs", "1", "--format", "jsonl", str(tmp_path / "in"), "-o", str(target) + ("/" if to_dir else "")])
    assert result.exit_code == 4
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and "in" not in p.relative_to(tmp_path).parts[:1]]
    assert written == []  # complete or absent: here absent


# --- JSONL, WARC, site memory ------------------------------------------------------------------------------


def test_jsonl_on_stdin_keeps_the_other_fields() -> None:
    lines = [{"id": n, "url": f"https://news.example.com/{n}", "html": _article(n)} for n in range(3)]
    stdin = "".join(json.dumps(x) + "\n" for x in lines).encode()
    result = invoke(["--input-format", "jsonl", "--field", "html", "--format", "jsonl", "--jobs", "1"], stdin)
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert [(r["id"], r["source"], r["url"]) for r in records] == [(n, f"-:{n + 1}", f"https://news.example.com/{n}") for n in range(3)]
    assert all("html" not in r and GOOD_1 in r["text"] for r in records)


def test_warc_with_format_json_is_one_array(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc")
    result = invoke(["--format", "json", "--jobs", "1", str(warc)])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert [d["source"] for d in docs] == ["https://news.example.com/a", "https://news.example.com/b.txt"]
    assert docs[0]["warc_record_id"] == RECORD_ID_HTML and docs[0]["kind"] == "html"
    assert "skipped 5 WARC records" in result.stderr


def test_site_memory_drops_a_line_every_capture_of_the_site_repeats(tmp_path: Path) -> None:
    footer = "Read more stories like this one in the Daily Planet weekend edition."
    def story(n: int) -> str:  # every paragraph its own, as on a real site
        return _article(n).replace("government", f"government of region {n}").replace("talks", f"talks on item {n}").replace("the vote", f"vote {n}")

    lines = [{"url": f"https://planet.example/{n}", "text": f"{story(n)}\n{footer}\n"} for n in range(7)]
    path = tmp_path / "caps.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    plain = jsonl(invoke(["--format", "jsonl", "-q", str(path)]).stdout)
    assert all(footer in r["text"] for r in plain)
    result = invoke(["--format", "jsonl", "-q", "--site-memory", "--explain", str(path)])
    texts = [r["text"] for r in jsonl(result.stdout)]
    assert [footer in t for t in texts] == [True] * 4 + [False] * 3  # from the 5th capture on
    assert all(f"region {n}" in t and f"item {n}" in t and f"vote {n}" in t for n, t in enumerate(texts))
    assert f"{path}:5:" in result.stderr and "\tsite:repeated-line\t" in result.stderr


# --- progress ----------------------------------------------------------------------------------------------


def test_progress_bar_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.bin").write_bytes(BINARY)
    sink = StreamSink(sys.stdout, Formatter("jsonl", many=True))
    stats = run_batch(expand([str(tmp_path)]), Options(), sink, jobs=1, progress=True)
    assert isinstance(stats, Stats) and (stats.documents, stats.errors) == (2, 1)
    err = capsys.readouterr().err
    assert "2 docs" in err and "1 error]" in err  # the bar: documents, rate and errors
    assert "generic" in stats.summary() or "removed" in stats.summary()
    quiet = invoke(["-q", str(tmp_path)])
    assert "documents" not in quiet.stderr


def test_the_progress_bar_over_a_folder_shows_the_total_and_time_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(ARTICLE)
    files = expand([str(tmp_path)])
    run_batch(files, Options(), StreamSink(sys.stdout, Formatter("jsonl", many=True)), jobs=1, progress=True, total=documents_known(files))
    err = capsys.readouterr().err
    assert "3/3 [" in err and "<00:00" in err  # done of total, then elapsed<left


def test_a_total_that_proves_short_is_dropped_not_overrun(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_warc(tmp_path / "crawl.data")  # a WARC by its content, not its name: two documents
    files = expand([str(tmp_path / "crawl.data")])
    assert documents_known(files) == 1
    stats = run_batch(files, Options(), StreamSink(sys.stdout, Formatter("jsonl", many=True)), jobs=1, progress=True, total=1)
    err = capsys.readouterr().err
    assert stats.documents == 2 and "2/1" not in err and "2 docs" in err


def test_summary_counts_in_the_singular_and_plural() -> None:
    assert Stats(documents=1, errors=1, empty=0).summary() == "1 document, 1 error, 0 empty"
    assert Stats(documents=2, errors=0, empty=2).summary() == "2 documents, 0 errors, 2 empty"
    one = Stats(documents=1, removed=Counter({"rule:generic.share": 1}), skipped=Counter({"request": 1}))
    assert "removed 1 block (rule 1;" in one.summary() and "skipped 1 WARC record (request 1)" in one.summary()


def test_a_workers_warm_up_loads_the_engines_jusText_stoplist(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura builds the union of jusText's stoplists on its first full reading (0.5 s):
    a worker's warm-up does it, not the first document that needs it, within its time limit."""
    from trafilatura import external

    monkeypatch.setattr(external, "JT_STOPLIST", None)
    batch.warm_up(Options())
    assert external.JT_STOPLIST and "the" in external.JT_STOPLIST
