"""The `clean` command: I/O, flags and exit codes only. The work happens in pipeline.py."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from . import clean, default_rules
from .errors import CleanerError, InputError, RuleError
from .explain import explain, explain_lines
from .model import Document
from .ruleset import RuleSet, bundled_rules_dir, load_rules
from .ruleset.engine import check_examples

EXIT_OK, EXIT_EMPTY, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
SAMPLE = Path(__file__).parent / "samples" / "ap-news.md"


class _DefaultGroup(click.Group):
    """`clean FILE...` runs the cleaner; `clean rules ...` and friends are subcommands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands:
            args.insert(0, "run")
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup)
def main() -> None:
    """Clean raw web captures into article text and metadata."""


@main.command("run", hidden=True, epilog="Subcommands: `clean rules list`, `clean rules check [DIR]`.")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "jsonl"]), default="text", show_default=True, help="Output format.")
@click.option("--kind", type=click.Choice(["auto", "html", "markdown", "text"]), default="auto", show_default=True, help="Override input kind detection.")
@click.option("--url", help="The page's address (host-scoped rules match against it).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True), help="More rule files or folders, on top of the bundled ones. Repeatable.")
@click.option("--no-default-rules", is_flag=True, help="Do not load the bundled rules.")
@click.option("--explain", is_flag=True, help="Print every dropped block and why to stderr.")
@click.option("--meta", "with_meta", is_flag=True, help="With --format text or markdown: print title, byline and date above the body.")
@click.option("--sample", is_flag=True, help="Clean the bundled sample capture (an AP News page).")
def run(inputs: tuple[str, ...], fmt: str, kind: str, url: str | None, rule_dirs: tuple[str, ...], no_default_rules: bool, explain: bool, with_meta: bool, sample: bool) -> None:
    """Clean INPUT files, folders (recursively, sorted) or - (stdin; the default).

    \b
    Exit codes: 0 ok; 1 nothing extracted for some input;
    2 usage error or invalid rule file; 3 unreadable or undecodable input.
    """
    try:
        rules = _ruleset(rule_dirs, no_default_rules)
    except RuleError as exc:
        click.echo(f"clean: invalid rule file: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if sample:
        inputs = (*inputs, str(SAMPLE))
    status = EXIT_OK
    sources = list(_expand(inputs or ("-",)))
    many = len(sources) > 1
    out = click.get_text_stream("stdout")
    for source in sources:
        try:
            doc = clean(_read(source), url=url, kind=kind, rules=rules, explain=True, source=source)
        except Exception as exc:  # one bad input never stops the batch
            message = str(exc) if isinstance(exc, CleanerError) else f"internal error ({type(exc).__name__}: {exc})"
            status = max(status, EXIT_UNREADABLE)
            click.echo(f"clean: {source}: {message}", err=True)
            if fmt in ("json", "jsonl"):
                _emit_json(out, {"source": source, "error": message}, fmt)
            continue
        if explain:
            _explain(doc)
        if not doc.text:
            status = max(status, EXIT_EMPTY)
            click.echo(f"clean: {source}: nothing extracted", err=True)
        if fmt in ("json", "jsonl"):
            _emit_json(out, doc.to_dict(evidence=explain), fmt)
        else:
            if many:
                out.write(f"==> {source} <==\n")
            if with_meta:
                out.write(_meta_header(doc))
            out.write((doc.text if fmt == "text" else doc.markdown) + "\n")
            if many:
                out.write("\n")
    out.flush()
    sys.exit(status)


def _ruleset(rule_dirs: tuple[str, ...], no_default: bool) -> RuleSet:
    base = RuleSet() if no_default else default_rules()
    if rule_dirs:
        base = base.merged(load_rules(tuple(rule_dirs)))
    return base


def _expand(inputs: tuple[str, ...]) -> Iterator[str]:
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.is_file())
        else:
            yield item


def _read(source: str) -> bytes:
    try:
        if source == "-":
            return sys.stdin.buffer.read()
        with open(source, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None


def _emit_json(out, record: dict, fmt: str) -> None:  # type: ignore[no-untyped-def]
    indent = 2 if fmt == "json" else None
    out.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")


def _meta_header(doc: Document) -> str:
    fields = (("Title", doc.title), ("Byline", doc.byline), ("Date", doc.date), ("Dateline", doc.dateline), ("Language", doc.language))
    return "".join(f"{label}: {value or '(not found)'}\n" for label, value in fields) + "\n"


def _explain(doc: Document) -> None:
    for line in explain_lines(explain(doc)):
        click.echo(line, err=True)


@main.group("rules")
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
        click.echo(f"clean: invalid rule file: {exc}", err=True)
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
    """Validate rule files (default: the bundled ones) and run their examples."""
    try:
        rules = load_rules(tuple(paths) or (str(bundled_rules_dir()),))
    except RuleError as exc:
        click.echo(f"clean: invalid rule file: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    failures = [msg for rule in rules for msg in check_examples(rule)]
    for msg in failures:
        click.echo(f"FAIL {msg}", err=True)
    examples = sum(len(v) for rule in rules for v in rule.examples.values())
    click.echo(f"{len(rules)} rules in {len(rules.sources)} files, {examples} examples, {len(failures)} failing")
    sys.exit(EXIT_USAGE if failures else EXIT_OK)
