"""The catalogue of broken and hostile inputs (issue 7). Each ends in a Document or a clean
error, within a time limit, with a documented exit code (0, 1 or 3; 2 for rule files),
no traceback, and bounded memory. Inputs are made here, in memory."""
from __future__ import annotations

import codecs
import contextlib
import gzip
import json
import os
import random
import resource
import select
import socket
import struct
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import CleanerError, Document, InputError, RuleError, RuleSet, clean
from cleaner.cli import main
from cleaner.decode import decode
from cleaner.limits import time_limit
from cleaner.settings import DEFAULT, Settings

# Every case here takes well under a second on the test machine; the limit is a net that
# turns a hang into a failure rather than a stuck test run.
LIMIT_SECONDS = 20.0

SENTENCES = [
    "The minister said on Tuesday that the government would not change its plans for the budget.",
    "She added that there was no reason to think that the talks would fail before the end of the year.",
    "It is not clear when the vote will take place, but most members expect it within a few weeks.",
    "Officials in the capital said the new hospitals in the north would open on time next spring.",
]
ARTICLE = "\n\n".join(" ".join(SENTENCES[i:] + SENTENCES[:i]) for i in range(4)) + "\n"
HTML = (
    "<!DOCTYPE html><html lang='en'><head><title>Budget talks</title></head><body><article><h1>Budget talks</h1>"
    + "".join(f"<p>{' '.join(SENTENCES[i:] + SENTENCES[:i])}</p>" for i in range(4))
    + "</article></body></html>"
)
KOREAN = (
    "대한민국의 수도는 서울입니다. 오늘은 날씨가 매우 맑고 따뜻합니다. 많은 사람들이 공원에서 산책을 즐기고 "
    "있습니다. 정부는 새로운 경제 정책을 발표했습니다. 전문가들은 이 정책이 경제 성장에 도움이 될 것이라고 "
    "말했습니다. 시민들은 정책의 효과를 기대하고 있으며 언론은 이를 자세히 보도했습니다.\n"
)


def outcome(raw: bytes | str, limit: float = LIMIT_SECONDS, **kwargs) -> Document | CleanerError:  # type: ignore[no-untyped-def]
    """clean() under a wall-time limit: the Document, or the clean error it raised."""
    started = time.monotonic()
    try:
        with time_limit(limit):
            return clean(raw, **kwargs)
    except CleanerError as exc:
        assert not isinstance(exc, InputError) or "time limit" not in str(exc), f"took {time.monotonic() - started:.1f} s"
        return exc


def run_cli(tmp_path: Path, name: str, data: bytes, *args: str) -> Result:
    path = tmp_path / name
    path.write_bytes(data)
    return cli(str(path), *args)


def cli(*args: str, stdin: bytes | None = None) -> Result:
    result = CliRunner().invoke(main, [*args, "--format", "jsonl", "-j", "1", "-q"], input=stdin, catch_exceptions=False)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def records(result: Result) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in result.stdout.splitlines()]


# --- empty, blank and non-text -----------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  \n", "\u00a0\u3000\n".encode()], ids=["empty", "whitespace", "unicode-spaces"])
def test_empty_and_blank_input_extract_nothing(tmp_path: Path, data: bytes) -> None:
    doc = outcome(data)
    assert isinstance(doc, Document) and doc.text == ""
    result = run_cli(tmp_path, "blank.txt", data)
    assert result.exit_code == 1
    assert "nothing extracted" in result.stderr


def _png() -> bytes:
    rng = random.Random(5)
    chunk = zlib.compress(bytes(rng.getrandbits(8) for _ in range(4000)))
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + chunk + b"IEND\xaeB`\x82"


def _pdf() -> bytes:
    rng = random.Random(6)
    stream = zlib.compress(bytes(rng.getrandbits(8) for _ in range(6000)))
    return (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + f"4 0 obj\n<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream\nendobj\nxref\n0 5\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


BINARY = {
    "random": random.Random(4).randbytes(64 * 1024),
    "png": _png(),
    "pdf": _pdf(),
    "nul-only": bytes(10_000),
}


@pytest.mark.parametrize("name", BINARY)
def test_binary_input_is_refused_with_exit_3(tmp_path: Path, name: str) -> None:
    assert isinstance(outcome(BINARY[name]), InputError)
    result = run_cli(tmp_path, f"capture.{name}", BINARY[name])
    assert result.exit_code == 3
    [record] = records(result)
    assert record["error"] and record["source"].endswith(name)


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("page.html", ARTICLE.encode(), "text"),  # text named .html
        ("page.md", HTML.encode(), "html"),  # HTML named .md
        ("page.txt", ("# Budget talks\n\n" + ARTICLE.replace("the budget", "[the budget](https://a.b/)")).encode(), "markdown"),
        ("page.html.gz", ARTICLE.encode(), "text"),  # not gzip at all
        ("page.txt.gz", gzip.compress(HTML.encode()), "html"),  # gzip without saying so
    ],
    ids=["text-as-html", "html-as-md", "markdown-as-txt", "plain-as-gz", "gzip-as-txt"],
)
def test_wrong_kind_for_the_extension_is_read_by_content(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    result = run_cli(tmp_path, name, data)
    assert result.exit_code == 0, result.stderr
    [record] = records(result)
    assert record["kind"] == kind
    assert SENTENCES[0] in record["text"]
    assert "<p>" not in record["text"] and "](" not in record["text"]


@pytest.mark.parametrize("kind", ["html", "markdown", "text"])
def test_a_forced_wrong_kind_is_best_effort(kind: str) -> None:
    for raw in (ARTICLE, HTML, BINARY["png"]):
        result = outcome(raw.encode() if isinstance(raw, str) else raw, kind=kind)
        assert isinstance(result, (Document, InputError))


# --- broken encodings ----------------------------------------------------------------------


def test_invalid_utf8_in_the_middle_of_a_page_keeps_the_rest() -> None:
    text = "Le café est très bon, dit-elle, et la crème brûlée aussi. " * 3 + ARTICLE
    data = text.encode() + b"\xff\xfe\xc3 broken \x80\x80 " + text.encode()
    # Both halves intact, not mojibake (cafÃ© or cafĆ©); the broken bytes marked.
    assert decode(data) == text + "\ufffd\ufffd\ufffd broken \ufffd\ufffd " + text
    doc = outcome(data)
    assert isinstance(doc, Document)
    assert "café" in doc.text and SENTENCES[1] in doc.text


def test_utf16_with_a_bom() -> None:
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        doc = outcome(bom + ("Grüße — “quoted”. " + ARTICLE).encode(codec))
        assert isinstance(doc, Document) and SENTENCES[0] in doc.text and "Grüße" in doc.text


def test_nul_bytes_inside_text_are_dropped(tmp_path: Path) -> None:
    data = ARTICLE.encode().replace(b"minister", b"mini\x00ster", 1).replace(b". ", b".\x00 ")
    doc = outcome(data)
    assert isinstance(doc, Document)
    assert "\x00" not in doc.text and "minister" in doc.text
    assert run_cli(tmp_path, "nul.txt", data).exit_code == 0


def test_undeclared_cp949() -> None:
    doc = outcome((KOREAN * 3).encode("cp949"))
    assert isinstance(doc, Document)
    assert "대한민국의 수도는 서울입니다." in doc.text


@pytest.mark.parametrize(
    "declared, codec, body",
    [
        ("utf-8", "cp1252", "Le café est très “bon”, dit-elle, et la crème brûlée aussi. "),  # says UTF-8, is cp1252
        ("iso-8859-1", "utf-8", "Le café est très “bon”, dit-elle, et la crème brûlée aussi. "),  # says Latin-1, is UTF-8
        ("shift_jis", "utf-8", KOREAN),  # says Shift_JIS, is UTF-8 Korean
        ("euc-kr", "cp1252", "Le café est très “bon”, dit-elle, et la crème brûlée aussi. "),  # says EUC-KR, is cp1252
        ("uu", "utf-8", "Le café est très “bon”. "),  # not even a text encoding
        ("utf-16", "utf-8", "Le café est très “bon”. "),  # impossible in a page read as ASCII
    ],
)
def test_a_declared_charset_that_lies(declared: str, codec: str, body: str) -> None:
    page = f'<html><head><meta charset="{declared}"><title>x</title></head><body><p>{body * 4}</p><p>{ARTICLE}</p></body></html>'
    doc = outcome(page.encode(codec), kind="html")
    assert isinstance(doc, Document)
    assert body.split(".")[0].strip() in doc.text


# --- oversized and pathological -----------------------------------------------------------------


def _big_page(nbytes: int) -> bytes:
    """An article of distinct paragraphs (identical ones would be dropped as repeats)."""
    rng = random.Random(8)
    words = " ".join(SENTENCES).lower().replace(".", "").split()
    pool = [" ".join(rng.choice(words) for _ in range(30)) for _ in range(1000)]
    parts = ["<!DOCTYPE html><html><head><title>Big</title></head><body><article><h1>Big</h1>\n"]
    size, i = 0, 0
    while size < nbytes:
        parts.append(f"<p>Paragraph {i}: {pool[i % len(pool)]}.</p>\n")
        size += len(parts[-1])
        i += 1
    return ("".join(parts) + "</article></body></html>").encode()


def test_a_30_mb_html_page_ends_within_its_time_limit_in_bounded_memory() -> None:
    page = _big_page(30 * 1024 * 1024)
    assert len(page) > 30 * 1024 * 1024
    # The HTML path reads such a page up to html_max_text_chars (about 3 s on the test
    # machine; over a minute before): within the default time limit it gives a result.
    limit = DEFAULT.doc_timeout_seconds
    with time_limit(limit):
        doc = clean(page, kind="html", explain=True)
    assert "Paragraph 0:" in doc.text
    assert any(b.drop is not None and b.drop.reason == "html-max-text-chars" for b in doc.blocks)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    assert peak_mib < 3 * 1024, f"peak memory {peak_mib} MiB"


def test_a_5_mb_single_line(tmp_path: Path) -> None:
    line = (" ".join(SENTENCES) + " ") * (5 * 1024 * 1024 // (len(" ".join(SENTENCES)) + 1))
    for kind in ("text", "markdown"):
        doc = outcome(line.encode(), kind=kind)
        assert isinstance(doc, Document), doc
        assert doc.text.startswith(SENTENCES[0])
    assert run_cli(tmp_path, "line.txt", line.encode()).exit_code == 0
    # A minified page: 5 MB of HTML on one line (about 1.5 s on the test machine, 15 s before
    # html_max_text_chars); it ends as a Document or at its time limit, never later.
    minified = _big_page(5 * 1024 * 1024).replace(b"\n", b"")
    limit = 3.0
    started = time.monotonic()
    try:
        with time_limit(limit):
            doc = clean(minified, kind="html")
        assert "Paragraph 0:" in doc.text
    except InputError as exc:
        assert "time limit" in str(exc)
    assert time.monotonic() - started < limit + 3


@pytest.mark.parametrize("unit", ["**a ", "*a ", "_a ", "[a](", "![a](b", "`a ", "<http://a ", "\\*a "])
def test_a_long_line_of_unclosed_markdown_is_linear(unit: str) -> None:
    # Emphasis once scanned to the end of the line from every opener: 64 kB of "**a " took 45 s.
    # CPU time, not wall time: the bound is on the work, and a busy machine does not move it.
    line = unit * 250_000
    started = time.process_time()
    doc = outcome("# Title\n\n" + line + "\n", kind="markdown", rules=RuleSet())
    assert isinstance(doc, Document)
    assert time.process_time() - started < 5


def test_a_comment_count_under_every_teaser_is_not_quadratic() -> None:
    # Each "N comments" asked whether a thread's quote controls follow by scanning the rest
    # of the page: 8,000 of them took 32 s of CPU; the controls are now found once (4.7 s here).
    # The bound is on CPU time; the wall-time net is wider, as this case alone takes seconds of
    # CPU and a loaded machine (two test runs on two cores) stretched it past 20 s of wall time.
    capture = (SENTENCES[0] + "\n\n") * 5 + "".join(f"Teaser {i} about the budget vote\n\n{i} comments\n\n" for i in range(8000))
    started = time.process_time()
    assert isinstance(outcome(capture, limit=4 * LIMIT_SECONDS, kind="text"), Document)
    assert time.process_time() - started < 15


@pytest.mark.parametrize("unit", ["<!-- x --> ", "<!--", "](", "<div "])
def test_kind_detection_on_a_pathological_head(unit: str) -> None:
    # 2,000 comments not followed by <html> once backtracked exponentially in detect.py.
    head = unit * (20_000 // len(unit))
    started = time.process_time()
    assert isinstance(outcome(head + "\n\n" + ARTICLE), Document)
    assert time.process_time() - started < 5


def test_100000_nested_divs_keep_their_text(tmp_path: Path) -> None:
    n = 100_000
    page = f"<html><body><h1>Deep</h1>{'<div>' * n}<p>{ARTICLE}</p>{'</div>' * n}<p>{SENTENCES[3]} And after the divs.</p></body></html>"
    doc = outcome(page.encode(), kind="html")
    assert isinstance(doc, Document)
    assert SENTENCES[0] in doc.text and "And after the divs." in doc.text
    result = run_cli(tmp_path, "deep.html", page.encode())
    assert result.exit_code == 0


def test_a_layout_copied_deep_in_the_tree_is_read_once_in_bounded_time() -> None:
    # The copy check finds the box around each run of repeated blocks by walking up the
    # tree: two walks for a run, not one for each of its blocks. 250 boxes deep (about
    # as deep as the parser keeps), 10,000 paragraphs in each layout: about 2 s of CPU here.
    body = "".join("<div>" + "".join(f"<p>Level {d} paragraph {k}. {SENTENCES[(d + k) % 4]}</p>" for k in range(40)) for d in range(250))
    body += "</div>" * 250
    page = f"<html><body><article><h1>Deep</h1><div class='d-none d-md-block'>{body}</div><div class='d-md-none'>{body}</div></article></body></html>"
    started = time.process_time()
    doc = outcome(page.encode(), kind="html")
    assert isinstance(doc, Document)
    assert doc.text.count("Level 150 paragraph 3.") == 1
    assert time.process_time() - started < 15


def test_unclosed_tags_everywhere(tmp_path: Path) -> None:
    # Past libxml2's depth limit the rest of the page used to vanish (256, then 2048 levels).
    items = "".join(f"<div><font><b>Item {i}: {SENTENCES[i % 4]}<br>" for i in range(1500))
    page = f"<html><body><h1>Unclosed</h1>{items}<p>Final paragraph. {SENTENCES[2]}</p>"
    doc = outcome(page.encode(), kind="html")
    assert isinstance(doc, Document)
    assert "Item 1499:" in doc.text and "Final paragraph." in doc.text
    # Unclosed markup in every other way: attributes, comments, scripts, a table.
    broken = "<html><body><p>" + ARTICLE + "<p class='a><div id=\"x'>" + SENTENCES[0] + "<!-- never closed <script>var a = '<p>'"
    assert isinstance(outcome(broken.encode(), kind="html"), (Document, InputError))
    assert run_cli(tmp_path, "unclosed.html", page.encode()).exit_code in (0, 1)


# --- hostile -------------------------------------------------------------------------------------


@contextlib.contextmanager
def no_network() -> Iterator[socket.socket]:
    """A loopback listener that must see no connection, and Python sockets that refuse to connect."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    real_connect = socket.socket.connect

    def refuse(self, address):  # type: ignore[no-untyped-def]
        raise AssertionError(f"network access to {address}")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    try:
        yield listener
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        ready, _, _ = select.select([listener], [], [], 0.2)
        listener.close()
        assert not ready, "something connected to the loopback listener"


def test_xml_doctype_with_external_entities_reads_no_file_and_touches_no_network(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-7d3f")
    with no_network() as listener:
        port = listener.getsockname()[1]
        body = f"<p>Before &xxe; and &net; and &pe; after. {SENTENCES[0]} {SENTENCES[1]}</p>"
        pages = [
            f'<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY xxe SYSTEM "file://{secret}">\n'
            f'<!ENTITY net SYSTEM "http://127.0.0.1:{port}/e">\n<!ENTITY % pe SYSTEM "http://127.0.0.1:{port}/pe"> %pe;\n]>\n'
            f"<html><body>{body}</body></html>",
            f'<!DOCTYPE html SYSTEM "http://127.0.0.1:{port}/dtd"><html><body>{body}</body></html>',
            f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><xi:include href="file://{secret}" parse="text"/>{body}</body></html>',
            f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css"></head><body><img src="http://127.0.0.1:{port}/i.png">{body}</body></html>',
        ]
        for page in pages:
            for kind in ("auto", "html"):
                doc = outcome(page.encode(), kind=kind, url=f"http://127.0.0.1:{port}/article")
                assert isinstance(doc, Document)
                assert "TOPSECRET" not in doc.text + doc.markdown + json.dumps(doc.to_dict())
            result = run_cli(tmp_path, "xxe.html", page.encode())
            assert result.exit_code in (0, 1) and "TOPSECRET" not in result.stdout


def test_billion_laughs_entities_do_not_expand() -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    page = f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{levels}]><html><body><p>&l9; {ARTICLE}</p></body></html>'
    doc = outcome(page.encode(), kind="html")
    assert isinstance(doc, Document)
    assert "lollol" not in doc.text and len(doc.text) < 2 * len(page)


def _gzip_bomb(mebibytes: int) -> bytes:
    """mebibytes MiB of zeros as one gzip member of about 1 KB per MiB, made in a second:
    after a full flush the deflate state starts afresh, so one compressed MiB repeats."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    piece = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    trailer = struct.pack("<II", crc, (mebibytes << 20) & 0xFFFFFFFF)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + piece * mebibytes + deflate.flush() + trailer


def test_the_gzip_bomb_is_real() -> None:
    assert gzip.decompress(_gzip_bomb(3)) == bytes(3 << 20)


def test_a_gzip_bomb_is_bounded_with_a_clear_error(tmp_path: Path) -> None:
    bomb = _gzip_bomb(1024)  # 1 GiB of zeros in about 1 MB
    assert len(bomb) < 2 << 20
    started = time.monotonic()
    error = outcome(bomb)
    assert isinstance(error, InputError) and "limit" in str(error)
    result = run_cli(tmp_path, "bomb.html.gz", bomb)
    assert result.exit_code == 3
    assert "limit" in records(result)[0]["error"]
    assert time.monotonic() - started < 10
    # A bomb split into many small members is bounded the same way.
    members = gzip.compress(bytes(1 << 20)) * 20
    assert isinstance(outcome(members, settings=Settings(max_decompressed_bytes=10 << 20)), InputError)


def test_an_adversarial_line_against_the_rule_regexes(tmp_path: Path) -> None:
    rules = tmp_path / "evil.yaml"
    rules.write_text(
        "rules:\n"
        "  - id: t.evil\n    why: exponential in a backtracking engine\n    match: {regex: '(a+)+$'}\n"
        "    examples: {drop: [aaa], keep: [aab]}\n"
        "  - id: t.evil2\n    why: polynomial in a backtracking engine\n    match: {regex: '^(\\w+\\s?)*$', next: '(x+x+)+y'}\n"
        "    examples: {drop: [{text: ab, next: xxy}], keep: [{text: ab, next: xx}]}\n"
    )
    line = "a" * 50_000
    capture = f"{SENTENCES[0]}\n\n{line}b\n\n{line}\n\n{'x' * 50_000}\n\n{SENTENCES[1]}\n"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["--rules", str(rules), "--explain", "-j", "1", "-q"], input=capture.encode(), catch_exceptions=False)
    assert result.exit_code == 0
    assert "t.evil" in result.stderr  # the all-'a' line was dropped by the rule...
    assert time.monotonic() - started < 10  # ...in linear time
    doc = outcome(capture, rules=RuleSet.from_paths([rules]))
    assert isinstance(doc, Document)
    # And against the bundled rules.
    assert isinstance(outcome(capture), Document)


# --- broken rule files -------------------------------------------------------------------------------

RULE = "rules:\n  - id: t.share\n    why: Share buttons.\n    match: {literal: [Share]}\n    examples: {drop: [Share], keep: ['Share prices fell.']}\n"
BROKEN_RULES = {
    # name: (file text, line, rule id or None, a word of the message). The word is always
    # the cleaner's own, never a library's: PyYAML's wording changes between releases.
    "invalid-yaml": ("rules:\n  - id: t.x\n    why: a: b\n", 3, None, "invalid YAML"),
    "unknown-key": (RULE.replace("    why:", "    colour: red\n    why:"), 2, "t.share", "colour"),
    "duplicate-id": (RULE + RULE.removeprefix("rules:\n"), 6, "t.share", "duplicate rule id"),
    "bad-regex": (RULE.replace("literal: [Share]", "regex: '(unclosed'"), 4, "t.share", "bad regex"),
    "backreference": (RULE.replace("literal: [Share]", "regex: '(a+)\\1'"), 4, "t.share", "bad regex"),
    "lookbehind": (RULE.replace("literal: [Share]", "regex: '(?<!x)a'"), 4, "t.share", "bad regex"),
    "huge-repetition": (RULE.replace("literal: [Share]", "regex: '((a{1000}){1000}){1000}'"), 4, "t.share", "bad regex"),
    "python-object-tag": ("rules:\n  - id: t.x\n    why: !!python/object/apply:os.system ['touch {dir}/pwned']\n", 3, None, "invalid YAML"),
    "python-name-tag": ("rules: !!python/name:os.system\n", 1, None, "invalid YAML"),
    "alias": (RULE.replace("keep: ['Share prices fell.']", "keep: &k ['Share prices fell.']") + "family: *k\n", 6, None, "aliases"),
    # Thousands deep: whichever refuses first (the loader's depth check or PyYAML's own
    # limit), the user sees an invalid rule file at its line, with no traceback.
    "deep-nesting": ("rules: " + "[" * 5000 + "]" * 5000 + "\n", 1, None, "invalid YAML"),
    # Deeper than a rule file ever is, shallower than PyYAML's limit: the loader's own check.
    "nesting-past-the-loaders-limit": ("rules: " + "[" * 100 + "]" * 100 + "\n", 1, None, "nested more than"),
    "unhashable-key": ("rules:\n  - {[a]: b}\n", 2, None, "key"),
    "example-of-unknown-kind": (RULE.replace("drop: [Share]", "drop: [{text: Share, kind: banner}]"), 5, "t.share", "block kind"),
    "binary-file": ("\x00\x01\x02", None, None, "invalid YAML"),
}


@pytest.mark.parametrize("text, line, rule_id, word", BROKEN_RULES.values(), ids=BROKEN_RULES.keys())
def test_a_broken_rule_file_exits_2_naming_file_line_and_rule(tmp_path: Path, text: str, line: int | None, rule_id: str | None, word: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace("{dir}", str(tmp_path)))
    for args in (["--rules", str(path)], ["rules", "check", str(path)]):
        result = CliRunner().invoke(main, args, input=ARTICLE.encode(), catch_exceptions=False)
        assert result.exit_code == 2, result.stderr
        assert result.stdout.strip() == "" or args[0] == "rules"
        message = result.stderr
        assert "Traceback" not in message
        assert f"{path}:{line}:" in message if line else str(path) in message
        assert word in message, message
        if rule_id:
            assert repr(rule_id) in message
    assert not (tmp_path / "pwned").exists()


def test_a_catastrophic_regex_loads_and_cannot_hang(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(RULE.replace("literal: [Share]", "regex: '^(a|a)*(a+)+$'"))
    result = CliRunner().invoke(main, ["rules", "check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2  # loads (RE2 is linear), but the examples fail
    assert f"FAIL {path}:" in result.stderr and ": t.share: should match" in result.stderr


# --- filesystem --------------------------------------------------------------------------------------


def test_a_folder_with_symlink_loops(tmp_path: Path) -> None:
    folder = tmp_path / "captures"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "sub" / "b.txt").write_text(ARTICLE)
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # a loop through a folder
    (folder / "self").symlink_to(folder / "self")  # a link to itself
    (folder / "ping").symlink_to(folder / "pong")
    (folder / "pong").symlink_to(folder / "ping")  # two links to each other
    started = time.monotonic()
    result = cli(str(folder))
    assert time.monotonic() - started < LIMIT_SECONDS
    got = {Path(r["source"]).name: r for r in records(result)}
    assert SENTENCES[0] in got["a.txt"]["text"] and SENTENCES[0] in got["b.txt"]["text"]
    assert "up" not in got  # folder links are not followed
    for name in ("self", "ping", "pong"):
        assert got[name]["error"]  # reported, not followed forever
    assert result.exit_code == 3


def test_an_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "captures"
    folder.mkdir()
    locked = folder / "a-locked.txt"
    locked.write_text(ARTICLE)
    (folder / "b.txt").write_text(ARTICLE)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make this one file fail as it would for a user
        import builtins

        real_open = builtins.open

        def guarded(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            if os.fspath(file) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", guarded)
    result = cli(str(folder))
    assert result.exit_code == 3
    first, second = records(result)
    assert first["source"] == str(locked) and "Permission denied" in first["error"]
    assert SENTENCES[0] in second["text"]
    assert str(locked) in result.stderr


# --- found by fuzzing (tests/FUZZING.md) ------------------------------------------------------------

REGRESSIONS = sorted((Path(__file__).parent / "fuzz" / "regressions").iterdir())


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_fuzzing_regressions(path: Path) -> None:
    """Each file is an input that once crashed its entry point; named target-what."""
    target = path.name.split("-")[0]
    data = path.read_bytes()
    if target == "decode":
        with contextlib.suppress(InputError):
            assert isinstance(decode(data), str)
    elif target == "rules":
        with pytest.raises(RuleError):
            RuleSet.from_paths([path])
        result = CliRunner().invoke(main, ["rules", "check", str(path)], catch_exceptions=False)
        assert result.exit_code == 2 and "Traceback" not in result.stderr
    else:
        assert target == "clean", path
        for rules in (None, RuleSet()):
            assert isinstance(outcome(data, rules=rules), (Document, InputError))


def test_a_link_target_that_urllib_refuses() -> None:
    # "[BBC](httpINCIPLES](#)": the masthead step split "//httpINCIPLES](#" and urllib
    # raised "Invalid IPv6 URL".
    raw = "* [BBC](httpINCIPLES](#)\n* [News](http://[::1/x)\n\n# Title\n\n" + ARTICLE
    for url in (None, "http://[bad", "https://example.com/a"):
        doc = outcome(raw.encode(), kind="markdown", url=url)
        assert isinstance(doc, Document) and SENTENCES[0] in doc.text
