"""cleaner.cli: inputs, formats, --explain on stderr, exit codes, and the `rules` subcommands."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import default_rules
from cleaner.cli import main

from .texts import GOOD_1, GOOD_2, GOOD_3

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

TITLE = "Council Approves New Budget For Northern Hospitals"
ARTICLE = f"{TITLE}\n\nBy Maria Jansen\n\nShare\n\n{GOOD_1}\n\n{GOOD_2}\n\n{GOOD_3}\n"
# The subheading follows a paragraph: a body that opened with it would, cleaned again as
# plain text, read it as a <title> line, so idempotency (issue 7) takes it out with the title.
MARKDOWN = (
    f"# {TITLE}\n\n{GOOD_1} See [the report](https://example.com/report) "
    f"and [the summary](#).\n\n## What the minister said\n\n{GOOD_2}\n\n{GOOD_3}\n"
)
NOTHING = "Share\n\nSign In\n"
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
REQUIRED = ("source", "kind", "title", "subtitle", "byline", "authors", "date", "dateline", "site", "language", "text", "markdown", "removed")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, args: list[str], stdin: bytes | str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(main, args, input=stdin, catch_exceptions=False)


# --- stdin ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["-"]], ids=["no-argument", "dash"])
def test_stdin(runner: CliRunner, args: list[str]) -> None:
    result = invoke(runner, args, ARTICLE.encode())
    assert result.exit_code == 0, result.stderr
    # The title, the byline and the share button are not body text.
    assert result.stdout.rstrip("\n").split("\n\n") == [GOOD_1, GOOD_2, GOOD_3]


def test_python_dash_m_reads_stdin() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "--format", "json"],
        input=ARTICLE.encode(), capture_output=True, env=env, cwd=ROOT, timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(done.stdout)
    assert doc["source"] == "-"
    assert doc["title"] == TITLE
    assert doc["authors"] == ["Maria Jansen"]
    assert doc["text"].startswith(GOOD_1)


# --- formats ---------------------------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order_as_jsonl(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "z.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "b.md").write_text(MARKDOWN)
    (tmp_path / "a.txt").write_text(ARTICLE.replace(TITLE, "A Different Headline For The Same Story"))
    result = invoke(runner, ["--format", "jsonl", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md"), str(tmp_path / "z.txt")]
    for record in records:
        missing = [f for f in REQUIRED if f not in record]
        assert not missing, missing
        assert GOOD_1 in record["text"]
        assert isinstance(record["authors"], list) and isinstance(record["removed"], int)
    assert [r["kind"] for r in records] == ["text", "markdown", "text"]
    assert [r["title"] for r in records] == ["A Different Headline For The Same Story", TITLE, TITLE]


def test_json_format_is_one_document(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = invoke(runner, ["--format", "json", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert {f for f in REQUIRED} <= doc.keys()
    assert doc["title"] == TITLE and doc["byline"] == "By Maria Jansen" and doc["authors"] == ["Maria Jansen"]
    assert doc["removed"] >= 1  # at least the share button


def test_json_format_with_several_inputs_is_valid_json(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    result = invoke(runner, ["--format", "json", str(tmp_path)])
    docs = json.loads(result.stdout)  # one array, in input order
    assert [d["source"] for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_markdown_and_text_formats(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(MARKDOWN)
    md = invoke(runner, ["--format", "markdown", str(page)])
    text = invoke(runner, ["--format", "text", str(page)])
    assert md.exit_code == text.exit_code == 0
    assert "## What the minister said" in md.stdout
    assert "[the report](https://example.com/report)" in md.stdout
    assert "[the summary]" not in md.stdout and "the summary" in md.stdout  # '#' links lose their markup
    assert "What the minister said" in text.stdout and "##" not in text.stdout
    assert "the report and the summary." in text.stdout and "](" not in text.stdout


def test_meta_header(runner: CliRunner) -> None:
    result = invoke(runner, ["--meta"], ARTICLE.encode())
    assert result.stdout.startswith(f"Title: {TITLE}\n")
    assert "Byline: By Maria Jansen\n" in result.stdout


STANDFIRST = "The plan adds beds in three towns and a new clinic in the hills"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_meta_prints_every_field_taken_out_of_the_body(runner: CliRunner, fmt: str) -> None:
    page = f"{TITLE}\n\n{STANDFIRST}\n\n{GOOD_1}\n\n{GOOD_2}\n\n{GOOD_3}\n\nCopyright 2025 The Northern Herald\n"
    plain = invoke(runner, ["--format", fmt], page.encode())
    assert STANDFIRST not in plain.stdout and "Northern Herald" not in plain.stdout  # out of the body...
    result = invoke(runner, ["--meta", "--format", fmt], page.encode())
    header = result.stdout.split("\n\n")[0].splitlines()  # ...and in the header
    assert f"Subtitle: {STANDFIRST}" in header and "Site: The Northern Herald" in header


@pytest.mark.parametrize("args", [["--format", "json"], ["--format", "jsonl"], ["-o", "out.json"]], ids=["json", "jsonl", "json-by-name"])
def test_meta_with_json_is_a_usage_error(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    args = [str(tmp_path / a) if a.endswith(".json") else a for a in args]
    result = invoke(runner, ["--meta", *args], ARTICLE.encode())
    assert result.exit_code == 2 and result.stdout == "" and not (tmp_path / "out.json").exists()
    assert "--meta goes with --format text or markdown" in result.stderr


# --- usage, help, version -------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_names_the_command_as_typed(runner: CliRunner, flag: str) -> None:
    result = invoke(runner, [flag])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: clean [OPTIONS] [INPUTS]...\n")
    assert "clean run" not in result.stdout and "clean report" in result.stdout


def test_usage_errors_point_to_clean_help(runner: CliRunner) -> None:
    result = invoke(runner, ["--no-such-option"])
    assert result.exit_code == 2
    assert "Usage: clean [OPTIONS] [INPUTS]..." in result.stderr and "Try 'clean --help' for help." in result.stderr
    assert "clean run" not in result.stderr


def test_version(runner: CliRunner) -> None:
    from cleaner import __version__

    result = invoke(runner, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"clean {__version__}\n"


def test_subcommands_still_work_with_their_own_usage(runner: CliRunner) -> None:
    assert invoke(runner, ["report", "-h"]).stdout.startswith("Usage: clean report [OPTIONS] [INPUTS]...")
    assert invoke(runner, ["rules", "--help"]).stdout.startswith("Usage: clean rules [OPTIONS] COMMAND [ARGS]...")
    assert invoke(runner, ["rules", "list"]).exit_code == 0
    bad = invoke(runner, ["rules", "list", "--bogus"])
    assert bad.exit_code == 2 and "Try 'clean rules list --help' for help." in bad.stderr


def test_stdin_at_a_terminal_gets_a_hint(tmp_path: Path) -> None:
    import pty
    import termios

    leader, follower = pty.openpty()
    attrs = termios.tcgetattr(follower)
    attrs[3] &= ~termios.ECHO  # nobody reads the echo
    termios.tcsetattr(follower, termios.TCSANOW, attrs)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "cleaner"], stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    os.close(follower)
    try:
        os.write(leader, ARTICLE.encode() + b"\x04")  # Ctrl-D at the start of a line: end of input
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(leader)
    assert proc.returncode == 0, err.decode()
    assert b"reading a capture from the terminal; end it with Ctrl-D" in err
    assert GOOD_1.encode() in out


def test_no_hint_when_stdin_is_not_a_terminal(runner: CliRunner) -> None:
    assert "terminal" not in invoke(runner, [], ARTICLE.encode()).stderr


# --- --explain -------------------------------------------------------------------------------------------


def test_explain_goes_to_stderr_with_rule_ids(runner: CliRunner) -> None:
    plain = invoke(runner, [], ARTICLE.encode())
    result = invoke(runner, ["--explain"], ARTICLE.encode())
    assert result.exit_code == 0
    assert result.stdout == plain.stdout  # stdout is unchanged by --explain
    assert "generic.share" in result.stderr
    share = [line for line in result.stderr.splitlines() if line.endswith("\tShare")]
    assert share and share[0].startswith("-:5\t")  # source:line, then the reason
    assert "generic.share" not in result.stdout


# --- exit codes ----------------------------------------------------------------------------------------------


def test_nothing_extracted_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "chrome.txt"
    empty.write_text(NOTHING)
    result = invoke(runner, [str(empty)])
    assert result.exit_code == 1
    assert result.stdout.strip() == ""
    assert "nothing extracted" in result.stderr and str(empty) in result.stderr


def test_unreadable_input_exits_3_and_the_others_still_come_out(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(BINARY)
    (tmp_path / "b.txt").write_text(ARTICLE)
    result = invoke(runner, ["--format", "jsonl", str(tmp_path)])
    assert result.exit_code == 3
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["source"] == str(tmp_path / "a.bin") and first["error"]
    assert second["source"] == str(tmp_path / "b.txt") and GOOD_1 in second["text"]
    assert str(tmp_path / "a.bin") in result.stderr


def test_an_empty_folder_says_so_and_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke(runner, [str(tmp_path / "empty")])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"clean: {tmp_path / 'empty'}: no files in this folder\n"
    (tmp_path / "a.txt").write_text(ARTICLE)
    mixed = invoke(runner, [str(tmp_path / "a.txt"), str(tmp_path / "empty")])
    assert mixed.exit_code == 1 and GOOD_1 in mixed.stdout and "no files in this folder" in mixed.stderr


def test_missing_file_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ARTICLE)
    result = invoke(runner, [str(tmp_path / "missing.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 3
    assert GOOD_1 in result.stdout


def test_invalid_rules_file_exits_2_without_a_traceback(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: t.x\n    why: y\n    match: {regexp: a}\n    examples: {drop: [a]}\n")
    result = invoke(runner, ["--rules", str(bad)], ARTICLE.encode())
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(bad) in result.stderr and "t.x" in result.stderr and "regexp" in result.stderr
    assert "Traceback" not in result.stderr


def test_extra_rules_file_is_applied(runner: CliRunner, tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "rules:\n  - id: local.vote\n    why: test\n    match: {prefix: ['It is not clear when the vote']}\n"
        "    examples: {drop: ['It is not clear when the vote will take place.']}\n"
    )
    result = invoke(runner, ["--rules", str(extra), "--explain"], ARTICLE.encode())
    assert result.exit_code == 0
    assert GOOD_3 not in result.stdout and GOOD_2 in result.stdout
    assert "local.vote" in result.stderr


# --- default rules, sample --------------------------------------------------------------------------------


def test_no_default_rules_changes_the_result(runner: CliRunner) -> None:
    seed = SEEDS / "004_01b4c5cb378ddb19.txt"
    if not seed.is_file():
        pytest.skip("seed captures not available")
    with_rules = invoke(runner, ["--explain", str(seed)])
    without = invoke(runner, ["--explain", "--no-default-rules", str(seed)])
    assert "\trule:generic.share\t" in with_rules.stderr
    assert "\trule:" not in without.stderr  # no rule decided anything
    # The classifier alone now gets this seed's body right too; the widgets seed still
    # needs its rules ("Diplomatic defense visit image" stays without them).
    widgets = SEEDS / "002_79d4d6c87ce816ea.txt"
    assert invoke(runner, [str(widgets)]).stdout != invoke(runner, ["--no-default-rules", str(widgets)]).stdout


def test_sample(runner: CliRunner) -> None:
    result = invoke(runner, ["--sample", "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"].endswith("ap-news.md")
    assert doc["dateline"] == "BRUSSELS (AP)"
    assert "Hegseth" in doc["text"]


# --- rules subcommands -------------------------------------------------------------------------------------


def test_rules_list_shows_every_id(runner: CliRunner) -> None:
    result = invoke(runner, ["rules", "list"])
    assert result.exit_code == 0
    listed = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert listed == [r.id for r in default_rules()]
    assert "generic.share" in listed


def test_rules_check_passes_on_the_bundled_rules(runner: CliRunner) -> None:
    result = invoke(runner, ["rules", "check"])
    assert result.exit_code == 0, result.stderr
    assert "0 failing" in result.stdout


def test_rules_check_fails_on_a_failing_example_naming_its_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        "rules:\n  - id: t.share\n    why: w\n    match: {literal: [Share]}\n"
        "    examples:\n      drop:\n        - Share\n        - Tweet\n      keep: ['Share prices fell.']\n"
    )
    result = invoke(runner, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"FAIL {tmp_path / 'r.yaml'}:8: t.share: should match but does not: 'Tweet'\n"
    assert result.stdout == "1 rule in 1 file, 3 examples, 1 failing\n"


RULE = "  - id: t.{id}\n    why: w\n    match: {match}\n    examples: {{drop: [Share]}}\n"


def test_rules_check_reports_every_broken_file_and_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("rules:\n" + RULE.format(id="a", match="{literal: [Share]}") + "  - id: t.bad\n    why: w\n")
    (tmp_path / "b.yaml").write_text("rules:\n  - id: t.b\n    why: a: b\n")  # not YAML
    (tmp_path / "c.yaml").write_text("rules:\n" + RULE.format(id="c", match="{literal: [Share]}"))
    (tmp_path / "d.yaml").write_text("rules:\n" + RULE.format(id="c", match="{literal: [Share]}"))  # the same id again
    result = invoke(runner, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 3 and all(e.startswith("clean: invalid rule file: ") for e in errors)
    assert f"{tmp_path / 'a.yaml'}:6: rule 't.bad': " in errors[0] and f"{tmp_path / 'b.yaml'}:3: invalid YAML" in errors[1]
    assert f"{tmp_path / 'd.yaml'}:2: rule 't.c': duplicate rule id" in errors[2]
    assert result.stdout == "3 rules in 4 files, 3 examples, 0 failing; 3 errors in the rule files\n"


@pytest.mark.parametrize(
    "regex, hint",
    [("'Share(?= now)'", "does not support lookahead"), ("'(Sh)are\\1'", "does not support backreferences"), ("'Share(now'", None)],
    ids=["lookahead", "backreference", "unbalanced"],
)
def test_the_re2_hint_appears_only_where_re2_is_the_cause(runner: CliRunner, tmp_path: Path, regex: str, hint: str | None) -> None:
    (tmp_path / "r.yaml").write_text("rules:\n" + RULE.format(id="x", match="{regex: " + regex + "}"))
    result = invoke(runner, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 2 and f"{tmp_path / 'r.yaml'}:4: rule 't.x': bad regex" in result.stderr
    assert ("RE2" in result.stderr) == (hint is not None)
    assert hint is None or hint in result.stderr


def test_rules_check_on_an_invalid_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("rules:\n  - id: t.x\n    why: a: b\n")
    result = invoke(runner, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 2
    assert "r.yaml:3" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "86401", "-1"])
@pytest.mark.parametrize("command", [[], ["report", "-o", "report.html"]], ids=["run", "report"])
def test_a_timeout_that_is_not_a_number_of_seconds_is_a_usage_error(runner: CliRunner, value: str, command: list[str]) -> None:
    # nan, inf and 1e308 were accepted, and then every document failed with an internal
    # error in the system's timers.
    result = invoke(runner, [*command, "--timeout", value, "-"], stdin=ARTICLE)
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--timeout'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e308, -1.0])
def test_clean_many_refuses_a_timeout_that_is_not_a_number_of_seconds(value: float) -> None:
    from cleaner import clean_many

    with pytest.raises(ValueError, match="timeout"):
        next(clean_many([ARTICLE], timeout=value, jobs=1))
