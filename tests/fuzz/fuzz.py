"""Coverage-guided fuzzing with atheris (`make fuzz`). Not part of the test suite or CI.

    python tests/fuzz/fuzz.py TARGET [libFuzzer flags]
    python tests/fuzz/fuzz.py TARGET .fuzz/crashes/FILE     # run one input again

TARGET is one of: decode, segment, html, rules, clean. Each runs one entry point on
arbitrary bytes and fails on anything but the documented error (InputError, RuleError)
or a broken invariant. The corpus lives in .fuzz/corpus/TARGET (seeded from fixtures/
and rules/), crashing inputs in .fuzz/crashes/. A crash found here becomes a regression
test in tests/test_hostile.py; see tests/FUZZING.md for what was run and found.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["cleaner"]):
    from cleaner import clean
    from cleaner.decode import decode
    from cleaner.errors import CleanerError, InputError, RuleError
    from cleaner.html.parse import parse
    from cleaner.model import BlockKind
    from cleaner.ruleset import RuleSet
    from cleaner.ruleset.engine import check_examples
    from cleaner.ruleset.loader import _check_unique, _load_file
    from cleaner.settings import DEFAULT
    from cleaner.text.inline import parse_inline
    from cleaner.text.segment import segment

_NO_RULES = RuleSet()
_RULE_FILE = Path(tempfile.mkdtemp(prefix="cleaner-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)) / "fuzz.yaml"


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def fuzz_decode(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError:
        return
    assert isinstance(text, str)
    assert "\r" not in text and "\x00" not in text


def fuzz_segment(data: bytes) -> None:
    markdown = bool(data[:1]) and data[0] & 1 == 1
    text = _text(data[1:])
    lines = text.split("\n")
    for block in segment(text, markdown=markdown):
        assert 1 <= block.start <= block.end <= len(lines), (block.start, block.end, len(lines))
        assert 0 <= block.link_chars <= len(block.text), block
        if block.kind not in (BlockKind.TABLE, BlockKind.CODE):
            assert "\n" not in block.text, block
    for line in lines[:50]:
        inline = parse_inline(line)
        assert 0 <= inline.link_chars <= len(inline.text)


def fuzz_html(data: bytes) -> None:
    text = _text(data)
    try:
        parse(text)
    except InputError:
        pass
    try:
        clean(data, kind="html", rules=_NO_RULES)
    except CleanerError:
        pass


def fuzz_rules(data: bytes) -> None:
    _RULE_FILE.write_bytes(data)
    try:
        rules = _load_file(_RULE_FILE, DEFAULT)
        _check_unique(rules)
    except RuleError:
        return
    for rule in rules:
        check_examples(rule)
    if rules:
        clean("Share\n\nA paragraph of text that the rules may or may not drop.\n", rules=RuleSet(rules))


def fuzz_clean(data: bytes) -> None:
    try:
        clean(data, rules=None)  # the bundled rules: must not raise
        doc = clean(data, rules=_NO_RULES)  # rewrite rules may change words: check without
    except CleanerError:
        return
    assert doc.kind in ("html", "markdown", "text")
    source = decode(data)
    if doc.kind == "text":
        # No invented text: every word of the body occurs in the capture.
        for word in set(doc.text.split()):
            assert word in source, word
    elif doc.kind == "markdown":
        # Markup goes ("[a](b)c" reads "ac"), but no letter comes from nowhere.
        missing = {c for c in doc.text if c.isalnum()} - set(source)
        assert not missing, missing


TARGETS = {
    "decode": fuzz_decode,
    "segment": fuzz_segment,
    "html": fuzz_html,
    "rules": fuzz_rules,
    "clean": fuzz_clean,
}


def _seed(target: str, corpus: Path) -> None:
    """Start from real captures and rule files: the fuzzer mutates structure it can see."""
    if any(corpus.iterdir()):
        return
    sources = sorted((ROOT / "rules").glob("*.yaml")) if target == "rules" else sorted((ROOT / "fixtures").glob("*/capture.*"))
    for i, path in enumerate(sources):
        data = path.read_bytes()
        for j in range(0, min(len(data), 64 * 1024), 4096):  # small slices mutate faster than whole pages
            (corpus / f"seed-{i}-{j}").write_bytes(data[j : j + 4096])
    if target in ("html", "clean", "decode"):
        (corpus / "seed-html").write_bytes(
            b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body>'
            b"<article><h1>Headline</h1><p>This paragraph is long enough for the classifier to keep it, "
            b"since it has many words in it.</p><ul><li><a href='/x'>Link</a></li></ul></article></body></html>"
        )


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer flags]")
    target = sys.argv[1]
    corpus = ROOT / ".fuzz" / "corpus" / target
    crashes = ROOT / ".fuzz" / "crashes"
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    _seed(target, corpus)
    flags = [a for a in sys.argv[2:]]
    defaults = {"-max_len": "65536", "-timeout": "20", "-rss_limit_mb": "3072", "-artifact_prefix": f"{crashes}/{target}-"}
    flags += [f"{k}={v}" for k, v in defaults.items() if not any(a.startswith(k + "=") for a in flags)]
    if target == "clean" or target == "html":
        clean("warm-up: load the rules, the language model and the HTML engine once")
    # Given input files (a crash to reproduce), run just those; else fuzz the corpus.
    inputs = [] if any(os.path.isfile(a) for a in flags) else [str(corpus)]
    atheris.Setup([sys.argv[0], *flags, *inputs], TARGETS[target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
