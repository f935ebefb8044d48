"""The `clean` command: I/O, flags and exit codes only. The work happens in pipeline.py
(one document) and batch.py (many)."""
from __future__ import annotations

import contextlib
import io
import math
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import click

from . import __version__, default_rules, isolate
from .batch import Options, Result, clean_item, counted, max_jobs, run_batch, warm_up
from .errors import CleanerError, OutputError, RuleError
from .explain import explain, explain_lines
from .inputs import AUTO, INPUT_FORMATS, STDIN, InputFile, Item, documents_known, expand, identities, is_single, read_bytes
from .model import Document
from .outputs import FORMATS, DirSink, FileSink, Formatter, StreamSink
from .ruleset import RuleSet, bundled_rules_dir, load_rules
from .ruleset.engine import check_examples
from .ruleset.loader import check_rules
from .settings import DEFAULT
from .terminal import printable

EXIT_OK, EXIT_EMPTY, EXIT_USAGE, EXIT_UNREADABLE, EXIT_OUTPUT = 0, 1, 2, 3, 4
SAMPLE = Path(__file__).parent / "samples" / "ap-news.md"
CONTEXT = {"help_option_names": ["-h", "--help"]}


# nan passes a FloatRange (it compares false with both ends): _finite refuses it.
_TIMEOUT = click.FloatRange(min=0, max=DEFAULT.max_doc_timeout_seconds)
_TIMEOUT_HELP = (
    "Seconds allowed per document; a slower one becomes an error record (its process is "
    f"stopped at most doc_timeout_grace_seconds, {DEFAULT.doc_timeout_grace_seconds:g} s, later). 0: no limit."
)


def _finite(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of seconds")
    return value


def _prog_name() -> str:
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "clean"
    return "python -m cleaner" if name == "__main__.py" else name


class _CleanCommand(click.Command):
    """`clean [OPTIONS] [INPUTS]...` cleans. A first argument that names a subcommand
    (`report`, `rules`) runs that instead, so usage lines and errors name the command as
    typed (a hidden `run` subcommand of a group made them say `clean run`)."""

    subcommands: dict[str, click.Command]

    def main(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        prog_name = prog_name or _prog_name()
        if not isinstance(sys.stderr, _Diagnostics):
            sys.stderr = _Diagnostics(sys.stderr)
        if args and args[0] in self.subcommands:
            name, rest = args[0], args[1:]
            return self.subcommands[name].main(rest, f"{prog_name} {name}", complete_var, standalone_mode, **extra)
        return super().main(args, prog_name, complete_var, standalone_mode, **extra)


@click.command(
    "clean", cls=_CleanCommand, context_settings=CONTEXT,
    epilog="Subcommands: `clean report INPUTS -o report.html` (a review page), `clean rules list`, `clean rules check [PATHS]`. "
    "Each takes -h.",
)
@click.version_option(__version__, "--version", prog_name="clean", message="%(prog)s %(version)s")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Output format. Default: text, or what the -o FILE's suffix says (.jsonl, .json, .md).")
@click.option("-o", "--output", help="FILE: everything to one file, written atomically (its folder must exist; a FIFO or device such as /dev/null is written in place; a symbolic link is followed). DIR/ (a trailing slash or an existing folder; created if missing): one file per input, mirroring the input tree. Never an input, nor inside an input folder when it exists.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=AUTO, show_default=True, help="auto: WARC and JSONL by name (.warc, .warc.gz, .jsonl, .ndjson) or content; anything else is one raw capture.")
@click.option("--field", default="text", show_default=True, help="JSONL input: the field holding the raw capture (html, text, markdown, ...). The other fields are kept.")
@click.option("--kind", type=click.Choice(["auto", "html", "markdown", "text"]), default="auto", show_default=True, help="Override input kind detection.")
@click.option("--url", help="The page's address (host-scoped rules match against it), for documents that bring none.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True), help="More rule files or folders, on top of the bundled ones. Repeatable.")
@click.option("--no-default-rules", is_flag=True, help="Do not load the bundled rules.")
@click.option("--explain", is_flag=True, help="Print every dropped block and why to stderr.")
@click.option("--meta", "with_meta", is_flag=True, help="With --format text or markdown: print above the body every field taken out of it (title, subtitle, byline, date, dateline, site) and the language. Not with json or jsonl, whose records hold them all.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes. Default: one per core.")
@click.option("--timeout", type=_TIMEOUT, default=DEFAULT.doc_timeout_seconds, show_default=True, callback=_finite, help=_TIMEOUT_HELP)
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails.")
@click.option("--site-memory", is_flag=True, help="Drop lines that repeat across many captures of the same host in this batch (needs URLs: WARC, a JSONL url field, or --url).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option("--sample", is_flag=True, help="Clean the bundled sample capture (an AP News page).")
def main(
    inputs: tuple[str, ...], fmt: str | None, output: str | None, input_format: str, field: str, kind: str, url: str | None,
    rule_dirs: tuple[str, ...], no_default_rules: bool, explain: bool, with_meta: bool, jobs: int | None, timeout: float,
    fail_fast: bool, site_memory: bool, quiet: bool, sample: bool,
) -> None:
    """Clean INPUTS: files, folders (recursively, sorted), WARC or JSONL files, or - (stdin; the default).

    \b
    Exit codes: 0 ok; 1 nothing extracted for some input, or a folder holds no files;
    2 usage error or invalid rule file; 3 some input could not be read, decoded or
    cleaned in time (the others are still cleaned); 4 an output cannot be written.
    """
    try:
        rules = _ruleset(rule_dirs, no_default_rules)
    except RuleError as exc:
        click.echo(printable(f"clean: invalid rule file: {exc}"), err=True)
        sys.exit(EXIT_USAGE)
    if sample:
        inputs = (*inputs, str(SAMPLE))
    args = inputs or (STDIN,)
    output = None if output == STDIN else output
    to_dir = output is not None and (output.endswith(("/", os.sep)) or os.path.isdir(output))
    fmt = fmt or _format_of(output if output and not to_dir else None)
    empty_dirs: list[str] = []
    # An output folder inside an input folder is left out of the inputs; an output file
    # never is: one that exists there is an input, and is refused below.
    files = expand(args, skip=[output] if to_dir and output else [], empty=empty_dirs)
    many = not is_single(args, input_format)
    try:
        _check_options(fmt, with_meta, output, to_dir, args)
        sink = _sink(output, to_dir, fmt, many=many, meta=with_meta, evidence=explain, files=files)
    except click.UsageError as exc:
        click.echo(printable(f"clean: {exc.message}"), err=True)
        sys.exit(EXIT_USAGE)
    except OutputError as exc:
        click.echo(printable(f"clean: {exc}"), err=True)
        sys.exit(EXIT_OUTPUT)
    if isinstance(sink, DirSink) and sink.created and not quiet:
        click.echo(printable(f"clean: created the output folder {output}"), err=True)
    for folder in empty_dirs:
        click.echo(printable(f"clean: {folder}: no files in this folder"), err=True)
    if STDIN in args and _is_terminal(sys.stdin):
        click.echo("clean: reading a capture from the terminal; end it with Ctrl-D (clean -h for help)", err=True)
    options = Options(rules, url, kind, timeout or None, keep_blocks=explain or site_memory)
    progress = not quiet and sys.stderr.isatty()
    if jobs is not None and jobs > (most := max_jobs(options.settings)):
        click.echo(f"clean: -j {jobs} is more than {options.settings.max_jobs_per_core} workers per core; using {most}", err=True)
        jobs = most
    with _signals_stop_the_run():
        try:
            stats = run_batch(
                files, options, sink, jobs=jobs, input_format=input_format, field=field, fail_fast=fail_fast,
                site_memory=site_memory, explain=_explain_lines if explain else None, progress=progress,
                total=documents_known(files, input_format),
            )
            sink.close()
        except OutputError as exc:
            sink.abort()
            if output is None:
                _drop_stdout()  # what stdout still buffers would fail again at exit
            click.echo(printable(f"clean: {exc}"), err=True)
            sys.exit(EXIT_OUTPUT)
        except BrokenPipeError:  # `clean ... | head`: the reader has all it wants
            sink.abort()
            _drop_stdout()
            sys.exit(EXIT_OK)
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM or SIGHUP (_signals_stop_the_run)
            sink.abort()
            sys.exit(128 + getattr(exc, "signum", signal.SIGINT))
        except BaseException:  # a bug: still no half-written output
            sink.abort()
            raise
    if not quiet and (progress or stats.documents > 1):
        click.echo(f"clean: {stats.summary()}", err=True)
    sys.exit(EXIT_UNREADABLE if stats.errors else EXIT_EMPTY if stats.empty or empty_dirs else EXIT_OK)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: the run stops as Ctrl-C stops it (workers ended, no partial output)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_stop_the_run() -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers
        return
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _drop_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class _Diagnostics:
    """stderr for messages: what cannot be written (stderr on a full disk, or closed) is
    dropped, never a traceback; the exit code still says what happened."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self._stream.write(text)  # type: ignore[union-attr]
        return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self._stream.flush()  # type: ignore[union-attr]

    def isatty(self) -> bool:
        return _is_terminal(self._stream)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no stdin at all, or a closed one
        return False


def _check_options(fmt: str, with_meta: bool, output: str | None, to_dir: bool, args: tuple[str, ...]) -> None:
    """Usage errors that need the parsed options together."""
    if with_meta and fmt in ("json", "jsonl"):
        raise click.UsageError(f"--meta goes with --format text or markdown; {fmt} records hold every metadata field already")
    if to_dir and output is not None:
        real = os.path.realpath(output)
        for arg in args:
            if arg != STDIN and os.path.isdir(arg) and os.path.realpath(arg) == real:
                raise click.UsageError(
                    f"-o {output} is the input folder {arg}: a later run would read these outputs as inputs; write them to another folder"
                )


def _format_of(output: str | None) -> str:
    """The format a -o FILE's name asks for; text otherwise."""
    name = (output or "").lower()
    for suffix, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".md", "markdown")):
        if name.endswith(suffix):
            return fmt
    return "text"


def _sink(output: str | None, to_dir: bool, fmt: str, *, many: bool, meta: bool, evidence: bool, files: list[InputFile]) -> StreamSink | FileSink | DirSink:
    if output is None:
        if sys.stdout is None:
            raise OutputError("cannot write to stdout: it is closed")
        # UTF-8 whatever the locale; names that are not valid UTF-8 print with U+FFFD.
        sys.stdout.flush()
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="replace", newline="")
        return StreamSink(out, Formatter(fmt, many=many, meta=meta, evidence=evidence), detach=True)
    ids = identities(files)
    if to_dir:
        return DirSink(Path(output), fmt, meta=meta, evidence=evidence, inputs=ids)
    with contextlib.suppress(OSError):
        st = os.stat(output)
        if (st.st_dev, st.st_ino) in ids:
            raise click.UsageError(f"-o {output} is one of the inputs (or a file in an input folder); an input is never overwritten")
    return FileSink(Path(output), Formatter(fmt, many=many, meta=meta, evidence=evidence))


def _ruleset(rule_dirs: tuple[str, ...], no_default: bool) -> RuleSet:
    base = RuleSet() if no_default else default_rules()
    if rule_dirs:
        base = base.merged(load_rules(tuple(rule_dirs)))
    return base


def _expand(inputs: tuple[str, ...], skip: Iterable[str] = ()) -> Iterator[str]:
    """The input paths: a folder's files recursively, sorted (see inputs.expand)."""
    return (f.path for f in expand(inputs, skip=skip))


def _read(source: str) -> bytes:
    return read_bytes(source, DEFAULT.max_input_bytes)


def _explain_lines(doc: Document) -> Iterator[str]:
    return explain_lines(explain(doc))


@click.command("report", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-o", "--output", required=True, help="report.html: one file. DIR/ (a trailing slash or an existing folder): index.html plus one page per capture.")
@click.option("--against", "fixture_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=str), help="A fixture folder (fixtures/<slug>) or a folder of them: report its capture and mark what differs from its goldens. Repeatable.")
@click.option("--kind", type=click.Choice(["auto", "html", "markdown", "text"]), default="auto", show_default=True, help="Override input kind detection (not for --against).")
@click.option("--url", help="The page's address (not for --against, which reads case.yaml).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True), help="More rule files or folders, on top of the bundled ones. Repeatable.")
@click.option("--no-default-rules", is_flag=True, help="Do not load the bundled rules.")
@click.option("--timeout", type=_TIMEOUT, default=DEFAULT.doc_timeout_seconds, show_default=True, callback=_finite, help=_TIMEOUT_HELP)
def report(
    inputs: tuple[str, ...], output: str, fixture_dirs: tuple[str, ...], kind: str, url: str | None, rule_dirs: tuple[str, ...],
    no_default_rules: bool, timeout: float,
) -> None:
    """Write an HTML review page of what was kept and removed from each INPUT, and why.

    \b
    Exit codes: 0 written; 1 nothing extracted for some input;
    2 usage error or invalid rule file; 3 some input unreadable (the report still shows it);
    4 the report cannot be written.
    """
    from .golden import Golden, compare, fixture_folders, load_golden
    from .report import Entry, check_output, write_report

    try:
        rules = _ruleset(rule_dirs, no_default_rules)
        goldens = [load_golden(f) for d in fixture_dirs for f in fixture_folders(d)]
    except RuleError as exc:
        click.echo(printable(f"clean: invalid rule file: {exc}"), err=True)
        sys.exit(EXIT_USAGE)
    except (OSError, ValueError) as exc:
        click.echo(printable(f"clean: --against: {exc}"), err=True)
        sys.exit(EXIT_USAGE)
    # A report folder inside an input folder is not read as input; a report file there is
    # an input like any other file, and refused below.
    to_folder = output.endswith(("/", os.sep)) or os.path.isdir(output)
    jobs: list[tuple[str, Golden | None]] = [
        (source, None) for source in _expand(inputs or (() if goldens else ("-",)), skip=[output] if to_folder else [])
    ]
    jobs += [(str(g.capture), g) for g in goldens]
    try:
        as_folder = check_output(output, len(jobs))
        _check_report_output(output, as_folder, [source for source, _ in jobs])
    except ValueError as exc:
        click.echo(printable(f"clean: {exc}"), err=True)
        sys.exit(EXIT_USAGE)
    captures, status = [], EXIT_OK
    options = Options(rules, None, kind, timeout or None, keep_blocks=True)
    with _cleaner(options) as clean_one:
        for source, golden in jobs:
            try:
                item = Item(source, raw=_read(source), url=golden.url if golden else url)
            except CleanerError as exc:
                item = Item(source, error=str(exc))
            result = clean_one(item, golden.kind if golden else None)
            doc = result.doc
            if doc is None:  # one bad input never stops the batch
                click.echo(printable(f"clean: {source}: {result.error}"), err=True)
                captures.append(Entry(source, error=result.error))
                status = max(status, EXIT_UNREADABLE)
                continue
            if not doc.text:
                status = max(status, EXIT_EMPTY)
            ex = explain(doc)
            captures.append(Entry(source, ex, diff=compare(ex, golden) if golden else None))
    try:
        written = write_report(captures, rules, output)
    except (OSError, OutputError) as exc:
        click.echo(printable(f"clean: cannot write the report: {exc}"), err=True)
        sys.exit(EXIT_OUTPUT)
    size = sum(p.stat().st_size for p in written)
    click.echo(printable(f"clean: wrote {written[0]} ({counted(len(captures), 'capture')}, {counted(len(written), 'file')}, {size / 1e6:.1f} MB)"), err=True)
    sys.exit(status)


@contextlib.contextmanager
def _cleaner(options: Options) -> Iterator[Callable[[Item, str | None], Result]]:
    """clean_item, in a child process when there is a time limit (see isolate.py)."""
    if not options.timeout or not isolate.available():
        yield lambda item, kind: clean_item(item, options if kind is None else replace(options, kind=kind))
        return
    warm_up(options, html=False)
    child = isolate.Child(options)
    try:
        yield child.clean
    finally:
        child.close()


def _check_report_output(output: str, as_folder: bool, sources: list[str]) -> None:
    """ValueError when the report would replace an input: -o naming one, or a folder
    holding some (its pages would go among them)."""
    files = [s for s in sources if s != STDIN]
    if as_folder:
        real = Path(os.path.realpath(output))
        inside = [s for s in files if Path(os.path.realpath(s)).is_relative_to(real)]
        if inside:
            raise ValueError(f"-o {output} holds inputs ({inside[0]}, ...); write the report to another folder")
        return
    with contextlib.suppress(OSError):
        st = os.stat(output)
        if (st.st_dev, st.st_ino) in identities(InputFile(s, s) for s in files):
            raise ValueError(f"-o {output} is one of the inputs; an input is never overwritten")


@click.group("rules", context_settings=CONTEXT)
def rules_group() -> None:
    """List and check rule files."""


@rules_group.command("list")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True), help="More rule files or folders.")
@click.option("--no-default-rules", is_flag=True)
def rules_list(rule_dirs: tuple[str, ...], no_default_rules: bool) -> None:
    """Show id, scope and why for each rule."""
    try:
        rules = _ruleset(rule_dirs, no_default_rules)
    except RuleError as exc:
        click.echo(printable(f"clean: invalid rule file: {exc}"), err=True)
        sys.exit(EXIT_USAGE)
    for rule in rules:
        click.echo(f"{rule.id}\t{_scope_text(rule.scope)}\t{rule.action.value}\t{rule.why}")


def _scope_text(scope) -> str:  # type: ignore[no-untyped-def]
    parts = []
    if scope.hosts:
        parts.append("host=" + ",".join(p.pattern for p in scope.hosts))
    if scope.signatures:
        parts.append("signature=" + "|".join(scope.signatures))
    if scope.languages:
        parts.append("language=" + ",".join(scope.languages))
    if scope.kinds:
        parts.append("kind=" + ",".join(scope.kinds))
    return " ".join(parts) or "always"


@rules_group.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def rules_check(paths: tuple[str, ...]) -> None:
    """Validate rule files (default: the bundled ones) and run their examples. Every
    broken file, rule and failing example is reported, each with its file and line."""
    rules, errors = check_rules(tuple(paths) or (str(bundled_rules_dir()),))
    for error in errors:
        click.echo(printable(f"clean: invalid rule file: {error}"), err=True)
    failures = [msg for rule in rules for msg in check_examples(rule)]
    for msg in failures:
        click.echo(printable(f"FAIL {msg}"), err=True)
    examples = sum(len(v) for rule in rules for v in rule.examples.values())
    line = f"{counted(len(rules), 'rule')} in {counted(len(rules.sources), 'file')}, {counted(examples, 'example')}, {len(failures)} failing"
    click.echo(line + (f"; {counted(len(errors), 'error')} in the rule files" if errors else ""))
    sys.exit(EXIT_USAGE if failures or errors else EXIT_OK)


main.subcommands = {"report": report, "rules": rules_group}
