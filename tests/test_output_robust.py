"""Outputs under attack (issue 16): stdout full or closed, stdin closed, stderr full; an
input field that would pass for the record's own; control characters in the names that
are printed. Every case ends with a documented exit code, no traceback and no partial file."""
from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cleaner.cli import main
from cleaner.terminal import printable
from tests.warcs import ARTICLE_HTML, record, write_warc

ARTICLE = "\n\n".join(
    f"Report {i}: the minister said on Tuesday that the government would not change its plans for the "
    f"budget of district {i}, and that the parliament would decide what happens next with the money."
    for i in range(20)
) + "\n"


def _run(shell: str, cwd: Path, **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    """A shell line, `clean` standing for this Python's cleaner."""
    clean = f"{sys.executable} -m cleaner"
    return subprocess.run(["sh", "-c", shell.replace("clean ", clean + " ", 1)], cwd=cwd, capture_output=True, text=True, timeout=120, **kw)


def _no_parts(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".part")]


# --- item 4: stdout, stdin and stderr that fail -------------------------------------------------------


def test_stdout_on_a_full_device_is_exit_4(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    got = _run("clean a.txt a.txt > /dev/full", tmp_path)
    assert got.returncode == 4, got.stderr
    assert "Traceback" not in got.stderr and "cannot write to stdout: No space left on device" in got.stderr


def test_stdout_closed_is_exit_4(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    got = _run("clean a.txt >&-", tmp_path)
    assert got.returncode == 4, got.stderr
    assert "Traceback" not in got.stderr and "stdout" in got.stderr


def _file_size_limit(limit: int):  # type: ignore[no-untyped-def]
    """A disk that fills after `limit` bytes a file: writes past it fail with EFBIG."""

    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_files


def test_a_full_disk_under_o_file_and_under_stdout_is_exit_4_with_no_part_left(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    got = _run("clean a.txt a.txt a.txt -o out/all.txt", tmp_path, preexec_fn=_file_size_limit(1000))
    assert got.returncode == 4 and "Traceback" not in got.stderr, got.stderr
    assert not (tmp_path / "out" / "all.txt").exists() and _no_parts(tmp_path)
    got = _run("clean a.txt a.txt a.txt > shell.txt", tmp_path, preexec_fn=_file_size_limit(1000))
    assert got.returncode == 4 and "Traceback" not in got.stderr, got.stderr


def test_stdin_closed_is_an_input_error(tmp_path: Path) -> None:
    got = _run("clean - <&-", tmp_path)
    assert got.returncode == 3, got.stderr
    assert "Traceback" not in got.stderr and "stdin" in got.stderr


def test_stderr_on_a_full_device_keeps_the_exit_code(tmp_path: Path) -> None:
    # Messages that cannot be written are dropped: the exit code still tells what happened.
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert _run("clean missing.txt 2>/dev/full", tmp_path).returncode == 3
    got = _run("clean a.txt missing.txt -o out.jsonl 2>/dev/full", tmp_path)
    assert got.returncode == 3
    assert [r.get("error") is None for r in map(json.loads, (tmp_path / "out.jsonl").read_text().splitlines())] == [True, False]
    assert _run("clean a.txt a.txt 2>&- >/dev/null", tmp_path).returncode == 0


# --- item 6: an input field named like the record's own ---------------------------------------------


def test_an_input_field_named_error_never_marks_a_good_document_as_failed(tmp_path: Path) -> None:
    path = tmp_path / "caps.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "error": "timeout on fetch"}) + "\n" + json.dumps({"html": ARTICLE, "error": "x"}) + "\n")
    result = CliRunner().invoke(main, [str(path), "--format", "jsonl", "-j", "1", "-q"], catch_exceptions=False)
    good, bad = (json.loads(line) for line in result.stdout.splitlines())
    assert "error" not in good and good["input_error"] == "timeout on fetch" and good["text"]
    assert bad["error"].startswith("no field 'text'") and bad["input_error"] == "x"
    assert result.exit_code == 3  # the second line's error, not the first line's field


# --- item 17: control characters in printed names ---------------------------------------------------

HOSTILE = "evil\x1b[31m\x07\nclean: fake.html: ok\u202e"


def test_printable_escapes_control_characters() -> None:
    assert printable(HOSTILE) == "evil\\x1b[31m\\x07\\x0aclean: fake.html: ok\\u202e"
    assert printable("a\tb é 日本") == "a\tb é 日本"


def test_a_file_name_with_control_characters_prints_escaped(tmp_path: Path) -> None:
    (tmp_path / f"{HOSTILE}.txt").write_text(ARTICLE)
    (tmp_path / f"{HOSTILE}.png").write_bytes(bytes(range(256)) * 8)
    result = CliRunner().invoke(main, [str(tmp_path), "-j", "1"], catch_exceptions=False)
    shown = printable(f"{tmp_path}/{HOSTILE}")
    assert f"==> {shown}.txt <==" in result.stdout
    assert f"clean: {shown}.png: " in result.stderr
    for raw in ("\x1b", "\x07", "\u202e", "\nclean: fake.html"):
        assert raw not in result.stderr and raw not in result.stdout.replace(ARTICLE, "")


def test_a_warc_target_uri_with_control_characters_prints_escaped(tmp_path: Path) -> None:
    uri = "https://news.example.com/\x1b]0;owned\x07\x08\x08\u009b31m"  # a line break would end the WARC header
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    recs = [record("response", uri, http + ARTICLE_HTML.encode(), "application/http; msgtype=response", 1),
            record("response", uri, http + bytes(range(256)) * 8, "application/http; msgtype=response", 2)]
    path = write_warc(tmp_path / "crawl.warc", recs=recs)
    result = CliRunner().invoke(main, [str(path), "-j", "1"], catch_exceptions=False)
    assert result.exit_code == 3
    assert f"==> {printable(uri)} <==" in result.stdout
    assert f"clean: {printable(uri)}: " in result.stderr
    for raw in ("\x1b", "\x07", "\x08", "\u009b"):
        assert raw not in result.stdout + result.stderr
