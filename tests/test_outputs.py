"""cleaner.outputs: formats, atomic files, the mirrored output folder and its safety rules."""
from __future__ import annotations

import errno
import io
import json
import os
import stat
from pathlib import Path

import pytest

from cleaner import outputs
from cleaner.batch import Result, SkipOutput
from cleaner.errors import OutputError
from cleaner.inputs import InputFile
from cleaner.model import Document
from cleaner.outputs import AtomicFile, DirSink, FileSink, Formatter, StreamSink, record


def _ok(source: str, text: str = "Body.", origin: InputFile | None = None, part: int | None = None, extra: dict | None = None) -> Result:  # type: ignore[type-arg]
    return Result(source, origin, part, extra or {}, Document(source=source, text=text, markdown=text))


def _failed(source: str, origin: InputFile | None = None, extra: dict | None = None) -> Result:  # type: ignore[type-arg]
    return Result(source, origin, None, extra or {}, error="input looks binary")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.part"))


# --- records and formats --------------------------------------------------------------------------


def test_record_keeps_input_fields_and_renames_clashing_ones() -> None:
    rec = record(_ok("f.jsonl:1", extra={"id": 7, "title": "crawl title", "source": "f.jsonl:1", "warc_record_id": "<urn:x>"}))
    assert rec["id"] == 7 and rec["warc_record_id"] == "<urn:x>"
    assert rec["title"] is None and rec["input_title"] == "crawl title"  # the schema's field wins
    assert "input_source" not in rec  # same value: nothing to keep
    assert record(_failed("a.bin", extra={"id": 3})) == {"source": "a.bin", "error": "input looks binary", "id": 3}


def test_json_is_one_object_or_one_array() -> None:
    single = Formatter("json", many=False)
    assert json.loads(single.render(_ok("a"))) ["source"] == "a"
    many = Formatter("json", many=True)
    out = many.render(_ok("a")) + many.render(_failed("b")) + many.end()
    assert [r["source"] for r in json.loads(out)] == ["a", "b"]
    assert json.loads(Formatter("json", many=True).end()) == []


def test_text_headers_and_errors() -> None:
    fmt = Formatter("text", many=True)
    assert fmt.render(_ok("a", "Alpha.")) == "==> a <==\nAlpha.\n\n"
    assert fmt.render(_failed("b")) == ""  # the error goes to stderr
    assert Formatter("markdown", many=False).render(_ok("c", "# T")) == "# T\n"


def test_stream_sink_detaches_its_wrapper_and_leaves_the_stream_open() -> None:
    buffer = io.BytesIO()
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", errors="replace")
    sink = StreamSink(wrapper, Formatter("jsonl", many=True), detach=True)
    sink.write(_ok("caf\udce9.txt"))  # a file name that is not UTF-8 does not crash the output
    sink.close()
    assert not buffer.closed and json.loads(buffer.getvalue())["source"] == "caf?.txt"


# --- atomic files ------------------------------------------------------------------------------------


def test_a_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    sink = FileSink(target, Formatter("jsonl", many=True))
    sink.write(_ok("a"))
    assert not target.exists() and len(_leftovers(tmp_path)) == 1
    sink.close()
    assert target.exists() and not _leftovers(tmp_path)
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    sink = FileSink(target, Formatter("text", many=False))
    sink.write(_ok("a"))
    sink.close()
    assert target.read_text() != "old\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class _FullDisk(io.StringIO):
    """A file whose disk fills up after `room` characters."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, text: str) -> int:
        if self.tell() + len(text) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def test_a_full_disk_leaves_nothing_half_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("the previous complete output\n")
    real_fdopen = os.fdopen

    def fdopen(fd, *args, **kwargs):  # type: ignore[no-untyped-def]
        real_fdopen(fd).close()
        return _FullDisk(room=300)

    monkeypatch.setattr(outputs.os, "fdopen", fdopen)
    sink = FileSink(target, Formatter("jsonl", many=True))
    with pytest.raises(OutputError, match="No space left on device") as exc:
        for n in range(10):
            sink.write(_ok(f"doc-{n}", "word " * 20))
    assert str(target) in str(exc.value)
    assert target.read_text() == "the previous complete output\n" and not _leftovers(tmp_path)


def test_an_unwritable_folder_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot"):
        DirSink(blocker / "out", "text")
    with pytest.raises(OutputError, match="cannot"):
        FileSink(blocker / "out.jsonl", Formatter("jsonl", many=True))
    with pytest.raises(OutputError, match="cannot write"):
        AtomicFile(tmp_path / "missing-folder" / "x.txt")


# --- the mirrored folder ------------------------------------------------------------------------------


def _origin(rel: str, index: int = 0) -> InputFile:
    return InputFile(f"/in/{rel}", rel, index=index)


def test_dir_sink_mirrors_the_input_tree_one_file_per_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    sink = DirSink(out, "text")
    sink.write(_ok("/in/a.txt", "Alpha.", _origin("a.txt", 0)))
    sink.write(_ok("/in/sub/b.html", "Beta.", _origin("sub/b.html", 1)))
    crawl = _origin("crawl.warc.gz", 2)
    sink.write(_ok("https://x/1", "One.", crawl, part=1))
    sink.write(_ok("https://x/2", "Two.", crawl, part=2))
    sink.write(_failed("/in/bin.dat", _origin("bin.dat", 3)))
    sink.close()
    assert (out / "a.txt.txt").read_text() == "Alpha.\n"
    assert (out / "sub" / "b.html.txt").read_text() == "Beta.\n"
    assert (out / "crawl.warc.gz.txt").read_text() == "==> https://x/1 <==\nOne.\n\n==> https://x/2 <==\nTwo.\n\n"
    assert not (out / "bin.dat.txt").exists()  # a failed input has no text output
    assert not _leftovers(out)


def test_dir_sink_json_writes_error_records_too(tmp_path: Path) -> None:
    sink = DirSink(tmp_path, "json")
    sink.write(_failed("/in/bin.dat", _origin("bin.dat")))
    sink.close()
    assert json.loads((tmp_path / "bin.dat.json").read_text())["error"] == "input looks binary"


@pytest.mark.parametrize("rel", ["../escape.txt", "/etc/passwd", "a/../../x", ".", ""])
def test_no_output_leaves_the_folder_whatever_the_name(tmp_path: Path, rel: str) -> None:
    out = tmp_path / "out"
    sink = DirSink(out, "text")
    with pytest.raises(SkipOutput, match="leave the output folder"):
        sink.write(_ok("x", origin=_origin(rel)))
    sink.close()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out"]


def test_a_symbolic_link_in_the_output_folder_does_not_lead_out(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "sub").symlink_to(elsewhere)
    sink = DirSink(out, "text")
    with pytest.raises(SkipOutput, match="symbolic link"):
        sink.write(_ok("x", origin=_origin("sub/a.txt")))
    assert list(elsewhere.iterdir()) == []


def test_an_input_is_never_overwritten_and_names_never_collide(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("an input")
    st = os.stat(tmp_path / "a.txt")
    sink = DirSink(tmp_path, "text", inputs={(st.st_dev, st.st_ino)})
    with pytest.raises(SkipOutput, match="is an input"):
        sink.write(_ok("/in/a", origin=_origin("a", 0)))  # a -> a.txt, which is an input
    sink.write(_ok("/one/b", "First.", origin=_origin("b", 1)))
    with pytest.raises(SkipOutput, match="already written"):
        sink.write(_ok("/two/b", "Second.", origin=_origin("b", 2)))
    sink.close()
    assert (tmp_path / "a.txt").read_text() == "an input"
    assert (tmp_path / "b.txt").read_text() == "First.\n"


def test_dir_sink_never_replaces_a_fifo_or_a_symbolic_link(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere.txt"
    out.mkdir()
    elsewhere.write_text("not an output")
    os.mkfifo(out / "a.txt")
    (out / "b.txt").symlink_to(elsewhere)
    sink = DirSink(out, "text")
    for n, name in enumerate(("a", "b")):
        with pytest.raises(SkipOutput, match="symbolic link, FIFO or device, which is never replaced"):
            sink.write(_ok(f"/in/{name}", origin=_origin(name, n)))
    sink.close()
    assert stat.S_ISFIFO(os.lstat(out / "a.txt").st_mode) and (out / "b.txt").is_symlink()
    assert elsewhere.read_text() == "not an output" and not _leftovers(out)
