"""Results -> stdout, one file (`-o FILE`) or a folder mirroring the inputs (`-o DIR/`).

Every file is written under a temporary name beside its target and renamed into place
once complete, so an output is complete or absent whatever fails (a full disk, a folder
that cannot be written, an interrupted batch). An existing FIFO or device (`-o /dev/null`,
`-o /dev/stdout`) is written in place instead: renaming over it would destroy it. No
output ever replaces an input or a special file, and nothing is written outside the
output folder, whatever the inputs are called.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .errors import OutputError
from .model import Document
from .render import escape_markdown
from .terminal import printable

if TYPE_CHECKING:
    from .batch import Result
    from .inputs import InputFile

FORMATS = ("text", "markdown", "json", "jsonl")
SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}


def record(result: Result, *, evidence: bool = False) -> dict[str, Any]:
    """The JSON record of a result: the Document's fields, or `source` and `error`; then
    the fields the input brought (JSONL fields, warc_record_id). An input field whose name
    the schema uses, with another value, is kept as `input_<name>`: an input's `error`
    field never makes a cleaned document read as failed."""
    out = result.doc.to_dict(evidence=evidence) if result.doc is not None else {"source": result.source, "error": result.error}
    for key, value in result.extra.items():
        if key in out or key in _SCHEMA:
            if out.get(key, _ABSENT) != value:
                out[f"input_{key}"] = value
        else:
            out[key] = value
    return out


_SCHEMA = frozenset(f.name for f in dataclasses.fields(Document))  # a record's own fields, "error" among them
_ABSENT = object()


def meta_header(doc: Document, *, markdown: bool = False) -> str:
    """Every field taken out of the body (the standfirst as Subtitle, a copyright line as
    Site), so that --meta loses nothing the body no longer holds; then the language.
    markdown: the values escaped, as the body's text is."""
    fields = (
        ("Title", doc.title), ("Subtitle", doc.subtitle), ("Byline", doc.byline), ("Date", doc.date),
        ("Dateline", doc.dateline), ("Site", doc.site), ("Language", doc.language),
    )
    show = escape_markdown if markdown else str
    return "".join(f"{label}: {show(value) if value else '(not found)'}\n" for label, value in fields) + "\n"


class Formatter:
    """One output stream's format. text and markdown: the body, with `==> source <==` above
    each when there are several (a failed input prints nothing here; its error goes to
    stderr). json: one object, or one array when there are several. jsonl: a line each."""

    def __init__(self, fmt: str, *, many: bool, meta: bool = False, evidence: bool = False) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.fmt, self.many, self.meta, self.evidence = fmt, many, meta, evidence
        self.count = 0

    def render(self, result: Result) -> str:
        if self.fmt in ("json", "jsonl"):
            rec = record(result, evidence=self.evidence)
            self.count += 1
            if self.fmt == "jsonl":
                return json.dumps(rec, ensure_ascii=False) + "\n"
            text = json.dumps(rec, ensure_ascii=False, indent=2)
            if not self.many:
                return text + "\n"
            return ("[\n" if self.count == 1 else ",\n") + text
        doc = result.doc
        if doc is None or result.error is not None:
            return ""
        self.count += 1
        body = (meta_header(doc, markdown=self.fmt == "markdown") if self.meta else "") + (doc.text if self.fmt == "text" else doc.markdown) + "\n"
        return f"==> {printable(result.source)} <==\n{body}\n" if self.many else body

    def end(self) -> str:
        if self.fmt == "json" and self.many:
            return "\n]\n" if self.count else "[]\n"
        return ""


class StreamSink:
    """Everything to one open stream (stdout), as it comes. A TextIOWrapper made for the
    purpose over a borrowed binary stream is detached at the end, leaving that open."""

    def __init__(self, stream: TextIO, formatter: Formatter, *, detach: bool = False) -> None:
        self.stream, self.formatter, self.detach = stream, formatter, detach

    def write(self, result: Result) -> None:
        if text := self.formatter.render(result):
            with self._failing():
                self.stream.write(text)

    def close(self) -> None:
        try:
            with self._failing():
                self.stream.write(self.formatter.end())
                self.stream.flush()
        finally:
            self._release()

    @contextlib.contextmanager
    def _failing(self) -> Iterator[None]:
        """A write error (a full disk, a closed stream) is an OutputError; a reader that
        went away (`| head`) stays a BrokenPipeError, which is no failure."""
        try:
            yield
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            name = getattr(self.stream, "name", None)
            where = "stdout" if name in (None, 1, "<stdout>") else str(name)
            raise OutputError(f"cannot write to {where}: {getattr(exc, 'strerror', None) or exc}") from None

    def abort(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.flush()
        self._release()

    def _release(self) -> None:
        if self.detach and isinstance(self.stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError):
                self.stream.detach()
            self.detach = False


@functools.cache
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class AtomicFile:
    """A text file written as `.name.XXXX.part` beside its target and renamed over it by
    commit(). Any OSError discards the temporary file and raises OutputError."""

    def __init__(self, target: Path) -> None:
        self.target = target
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".part", dir=target.parent)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        self.tmp = Path(tmp)
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)  # a replaced file keeps its permissions, as `>` keeps them
        except OSError:
            mode = 0o666 & ~_umask()  # as an ordinary new file would be, not mkstemp's 0600
        os.fchmod(fd, mode)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="")

    def write(self, text: str) -> None:
        try:
            self.fh.write(text)
        except OSError as exc:
            self._fail(exc)

    def commit(self) -> None:
        try:
            self.fh.close()
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self._fail(exc)

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.fh.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()

    def _fail(self, exc: OSError) -> None:
        self.discard()
        raise OutputError(f"cannot write {self.target}: {exc.strerror or exc}") from None


class InPlaceFile:
    """An existing FIFO, device or terminal (`-o /dev/null`, `-o /dev/stdout`), written where
    it is, as a shell's `>` would: it cannot be renamed over, and replacing it would destroy
    it. Not atomic: what was written stays written."""

    def __init__(self, target: Path) -> None:
        self.target = target
        try:
            self.fh = open(target, "w", encoding="utf-8", errors="replace", newline="")
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None

    def write(self, text: str) -> None:
        try:
            self.fh.write(text)
        except OSError as exc:
            self._fail(exc)

    def commit(self) -> None:
        try:
            self.fh.close()
        except OSError as exc:
            self._fail(exc)

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.fh.close()

    def _fail(self, exc: OSError) -> None:
        self.discard()
        raise OutputError(f"cannot write {self.target}: {exc.strerror or exc}") from None


def _through_proc(path: Path) -> bool:
    """Whether `path`, or a symbolic link it leads through, names a process's open file
    (/dev/stdout -> /proc/self/fd/1): such a file is written in place, never renamed over."""
    name = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links followed
        if name.startswith(("/proc/", "/dev/fd/")):
            return True
        try:
            link = os.readlink(name)
        except OSError:
            return False
        name = os.path.normpath(os.path.join(os.path.dirname(name), link))
    return False


def output_file(path: Path) -> AtomicFile | InPlaceFile:
    """Where `-o FILE` goes. A FIFO, a device, or a process's open file (/dev/stdout) is
    written in place. A symbolic link is followed: the file it points to is written
    atomically and the link stays. A regular file or a new name is written atomically.
    The file's folder must exist."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    if (st is not None and not stat.S_ISREG(st.st_mode)) or _through_proc(path):
        return InPlaceFile(path)
    real = Path(os.path.realpath(path))
    if not real.parent.is_dir():
        folder = real.parent if os.path.islink(path) else path.parent
        raise OutputError(f"cannot write {path}: there is no folder {folder} (-o DIR/ creates its folder; -o FILE does not)")
    return AtomicFile(real)


class FileSink:
    """Everything to one file (`-o FILE`): written atomically, or in place for a FIFO or a
    device (see output_file)."""

    def __init__(self, path: Path, formatter: Formatter) -> None:
        self.file, self.formatter = output_file(path), formatter

    def write(self, result: Result) -> None:
        if text := self.formatter.render(result):
            self.file.write(text)

    def close(self) -> None:
        self.file.write(self.formatter.end())
        self.file.commit()

    def abort(self) -> None:
        self.file.discard()


class DirSink:
    """One output file per input (`-o DIR/`): DIR/<the input's path below the folder given,
    or its name> plus the format's suffix (.txt, .md, .json, .jsonl), so that
    captures/a/b.html becomes DIR/a/b.html.txt and no two inputs share a name.

    An input whose output would leave DIR (through `..` or a symbolic link), replace an
    input, or take a name already written in this batch raises SkipOutput: it counts as
    a failed input and the batch goes on.
    """

    def __init__(self, root: Path, fmt: str, *, meta: bool = False, evidence: bool = False, inputs: set[tuple[int, int]] | None = None) -> None:
        self.root, self.fmt, self.meta, self.evidence = root, fmt, meta, evidence
        self.inputs = inputs or set()
        self.created = not root.exists()  # the command says so: a typo makes a new folder
        try:
            root.mkdir(parents=True, exist_ok=True)
            AtomicFile(root / ".probe").discard()  # fail now, not after the first document
        except OSError as exc:
            raise OutputError(f"cannot write to {root}: {exc.strerror or exc}") from None
        self.root_real = root.resolve()
        self.taken: dict[Path, str] = {}
        self.origin: InputFile | None = None
        self.target: Path | None = None
        self.skip: str | None = None
        self.file: AtomicFile | None = None
        self.formatter = Formatter(fmt, many=False)

    def write(self, result: Result) -> None:
        from .batch import SkipOutput

        if result.origin is None or result.origin != self.origin:
            self._finish()
            self._start(result)
        if self.skip is not None:
            raise SkipOutput(self.skip)
        text = self.formatter.render(result)
        if text:
            if self.file is None:
                assert self.target is not None
                self.file = AtomicFile(self.target)
            self.file.write(text)

    def close(self) -> None:
        self._finish()

    def abort(self) -> None:
        if self.file is not None:
            self.file.discard()
            self.file = None

    def _start(self, result: Result) -> None:
        self.origin, self.file = result.origin, None
        self.formatter = Formatter(self.fmt, many=result.part is not None, meta=self.meta, evidence=self.evidence)
        self.target, self.skip = self._target(result.origin.rel if result.origin is not None else "stdin", result.source)

    def _finish(self) -> None:
        if self.file is not None:
            self.file.write(self.formatter.end())
            self.file.commit()
            self.file = None

    def _target(self, rel: str, source: str) -> tuple[Path | None, str | None]:
        parts = rel.replace(os.sep, "/").split("/")
        if os.path.isabs(rel) or any(p in ("", ".", "..") or "\0" in p for p in parts):
            return None, f"its output name {rel!r} would leave the output folder"
        target = self.root.joinpath(*parts[:-1], parts[-1] + SUFFIXES[self.fmt])
        if not target.parent.resolve().is_relative_to(self.root_real):
            return None, f"its output {target} would leave the output folder (a symbolic link)"
        if target in self.taken:
            return None, f"its output {target} is already written for {self.taken[target]}"
        with contextlib.suppress(OSError):
            st = os.stat(target)
            if (st.st_dev, st.st_ino) in self.inputs:
                return None, f"its output {target} is an input, which is never overwritten"
        with contextlib.suppress(OSError):
            mode = os.lstat(target).st_mode
            if stat.S_ISDIR(mode):
                return None, f"its output {target} is a folder"
            if not stat.S_ISREG(mode):
                return None, f"its output {target} is a symbolic link, FIFO or device, which is never replaced"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            return None, f"its output folder {target.parent} is a file"
        except OSError as exc:
            raise OutputError(f"cannot create {target.parent}: {exc.strerror or exc}") from None
        self.taken[target] = source
        return target, None
