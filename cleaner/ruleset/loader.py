"""Load rule files safely, validating every key. Errors name the file, line and rule id."""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import re2
import yaml

from ..errors import RuleError
from ..model import BlockKind
from ..settings import DEFAULT, Settings
from .schema import FIELDS, Action, Matcher, Remove, Rule, Scope, SectionEnd, Selectors, compile_regex, fold

_FILE_KEYS = {"family", "why", "scope", "rules"}
_RULE_KEYS = {
    "id", "why", "scope", "match", "selectors", "action", "field", "remove", "replace", "until", "max_blocks", "comment_section", "tail_only",
    "any_share", "examples",
}
_SCOPE_KEYS = {"always", "host", "signature", "language", "kind"}
_MATCH_KEYS = {"literal", "prefix", "contains", "regex", "kind", "min_chars", "max_chars", "next", "not", "links_only"}
_SELECTOR_KEYS = {"css", "xpath"}
# What a DOM rule can do: prune the matched elements, or read a metadata field from them.
_DOM_ACTIONS = (Action.DROP, Action.EXTRACT)
_EXAMPLE_KEYS = {"drop", "keep", "extract", "rewrite"}
_EXAMPLE_FIELDS = {"text", "kind", "next", "links", "value", "rest", "out"}
_LINE = "__line__"


# A rule file nests about six levels deep. PyYAML composes recursively, so thousands of
# nested brackets ended in a RecursionError traceback (found while fuzzing).
_MAX_YAML_DEPTH = 40


# libyaml's parser when PyYAML has it: the pure-Python one took most of start-up.
_SafeBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):
    """A safe loader that records each mapping's line and refuses duplicate keys. Aliases
    and deep nesting are refused by _check_events before anything is composed."""


class _Refused(yaml.YAMLError):
    """A rule file refused before it is composed, with the mark the message points at
    (read as any PyYAML error's problem and problem_mark are)."""

    def __init__(self, problem: str, problem_mark: Any) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = problem_mark


def _check_events(text: str) -> None:
    """Refuse aliases (a "billion laughs" of nested aliases expands exponentially when
    examples are printed) and deep nesting (composing recurses: thousands of nested
    brackets ended in a RecursionError traceback, found while fuzzing)."""
    depth = 0
    for event in yaml.parse(text, Loader=_SafeBase):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("aliases (*name) are not allowed in rule files", event.start_mark)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth >= _MAX_YAML_DEPTH:
                raise _Refused(f"nested more than {_MAX_YAML_DEPTH} levels deep", event.start_mark)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain value", key_node.start_mark) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


class _Seq(list[Any]):
    """A YAML sequence that knows the line of each item, so that a failing example's
    message can name it."""

    lines: list[int]


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    seq = _Seq(loader.construct_sequence(node, deep=True))
    seq.lines = [item.start_mark.line + 1 for item in node.value]
    return seq


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# A date-like value stays a string: rules match text, and "2024-13-01" made PyYAML's
# timestamp constructor raise (found by fuzzing).
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class RuleSet:
    """Rules in load order, from one or more folders or files."""

    rules: list[Rule] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules)

    def merged(self, other: RuleSet) -> RuleSet:
        _check_unique(self.rules + other.rules)
        return RuleSet(self.rules + other.rules, self.sources + other.sources)

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path], settings: Settings = DEFAULT) -> RuleSet:
        return load_rules(tuple(str(p) for p in paths), settings)


@functools.cache  # default_rules() asks on every clean() call; resolving the path cost 30 µs
def bundled_rules_dir() -> Path:
    """rules/ inside the installed package, or the repository's top-level rules/ in a checkout."""
    here = Path(__file__).resolve().parent.parent
    inside = here / "rules"
    return inside if inside.is_dir() else here.parent / "rules"


@functools.lru_cache(maxsize=16)
def load_rules(paths: Sequence[str], settings: Settings = DEFAULT) -> RuleSet:
    """Load every *.yaml / *.yml file under the given folders (sorted) or the given files.
    The first error raises RuleError."""
    rules: list[Rule] = []
    files = _rule_files(paths)
    for f in files:
        rules.extend(_load_file(f, settings))
    _check_unique(rules)
    return RuleSet(rules, [str(f) for f in files])


def check_rules(paths: Sequence[str], settings: Settings = DEFAULT) -> tuple[RuleSet, list[RuleError]]:
    """Load as load_rules does, going on past errors (for `clean rules check`): the rules
    that load, and one RuleError per broken file, rule or duplicate id, in file order."""
    errors: list[RuleError] = []
    rules: list[Rule] = []
    files = _rule_files(paths, errors)
    for f in files:
        try:
            rules.extend(_load_file(f, settings, errors))
        except RuleError as exc:
            errors.append(exc)
    errors.extend(_duplicates(rules))
    return RuleSet(rules, [str(f) for f in files]), errors


def _rule_files(paths: Sequence[str], errors: list[RuleError] | None = None) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix in (".yaml", ".yml") and f.is_file()))
        elif p.is_file():
            files.append(p)
        elif errors is None:
            raise RuleError(str(p), "no such rule file or folder")
        else:
            errors.append(RuleError(str(p), "no such rule file or folder"))
    return files


def _check_unique(rules: list[Rule]) -> None:
    for error in _duplicates(rules):
        raise error


def _duplicates(rules: list[Rule]) -> list[RuleError]:
    seen: dict[str, Rule] = {}
    errors = []
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            errors.append(RuleError(rule.path, f"duplicate rule id (first defined at {first.path}:{first.line})", line=rule.line, rule_id=rule.id))
        else:
            seen[rule.id] = rule
    return errors


def _load_file(path: Path, settings: Settings, errors: list[RuleError] | None = None) -> list[Rule]:
    """The file's rules. A broken rule raises RuleError, or with `errors` is noted there
    and the file's other rules still load."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, f"cannot read: {exc}") from None
    try:
        _check_events(text)
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleError(name, f"invalid YAML: {problem}", line=mark.line + 1 if mark else None) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a value PyYAML cannot build
        raise RuleError(name, f"invalid YAML: {exc}") from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise RuleError(name, "a rule file is a mapping with a 'rules' list", line=1)
    _unknown(data, _FILE_KEYS, name, None)
    file_scope = _scope(data.get("scope"), name, None, settings)
    raw_rules = data.get("rules") or []
    if not isinstance(raw_rules, list):
        raise RuleError(name, "'rules' must be a list", line=data[_LINE])
    if errors is None:
        return [_rule(r, name, file_scope, settings) for r in raw_rules]
    rules = []
    for raw in raw_rules:
        try:
            rules.append(_rule(raw, name, file_scope, settings))
        except RuleError as exc:
            errors.append(exc)
    return rules


def _unknown(mapping: dict[str, Any], allowed: set[str], path: str, rule_id: str | None) -> None:
    extra = sorted(str(k) for k in mapping if k != _LINE and k not in allowed)
    if extra:
        raise RuleError(path, f"unknown key(s) {', '.join(extra)}; allowed: {', '.join(sorted(allowed))}", line=mapping.get(_LINE), rule_id=rule_id)


def _strings(value: Any, path: str, line: int | None, rule_id: str | None, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return (str(value),)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return tuple(str(v) for v in value)
    raise RuleError(path, f"'{key}' must be a string or a list of strings", line=line, rule_id=rule_id)


def _regex(pattern: str, path: str, line: int | None, rule_id: str | None, settings: Settings) -> Any:
    try:
        return compile_regex(pattern, settings.rule_regex_max_mem_bytes)
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        lacks = _re2_lacks(pattern, detail)
        hint = f" (RE2, which keeps every rule linear-time, does not support {lacks})" if lacks else ""
        raise RuleError(path, f"bad regex {pattern!r}: {detail}{hint}", line=line, rule_id=rule_id) from None


# What RE2 leaves out of Perl's syntax to stay linear-time, by the opening of the construct
# its error message quotes; a pattern that is simply broken ("missing )") gets no hint.
_RE2_LACKS = {
    "(?=": "lookahead", "(?!": "lookahead", "(?<=": "lookbehind", "(?<!": "lookbehind",
    "(?>": "atomic groups", "(?P=": "backreferences", "(?P>": "recursion",
}


def _re2_lacks(pattern: str, detail: str) -> str | None:
    """The Perl feature RE2 refused in `pattern`, from RE2's error message; None when the
    pattern is invalid in any syntax."""
    if detail.startswith("invalid perl operator: "):
        quoted = detail.removeprefix("invalid perl operator: ")
        for opening, feature in _RE2_LACKS.items():
            if opening.startswith(quoted) and opening in pattern:
                return feature
    if detail.startswith("invalid escape sequence: \\") and detail[len("invalid escape sequence: \\"):][:1] in set("123456789kg"):
        return "backreferences"
    if detail.startswith("bad repetition operator: ") and detail.endswith("+") and detail[-2:-1] in ("*", "+", "?", "}"):
        return "possessive quantifiers"
    return None


def _scope(raw: Any, path: str, rule_id: str | None, settings: Settings, default: Scope | None = None) -> Scope:
    if raw is None:
        return default or Scope()
    if not isinstance(raw, dict):
        raise RuleError(path, "'scope' must be a mapping", rule_id=rule_id)
    line = raw.get(_LINE)
    _unknown(raw, _SCOPE_KEYS, path, rule_id)
    if raw.get("always"):
        return Scope()
    kinds = _strings(raw.get("kind"), path, line, rule_id, "kind")
    bad = [k for k in kinds if k not in ("html", "markdown", "text")]
    if bad:
        raise RuleError(path, f"unknown capture kind(s) {bad}", line=line, rule_id=rule_id)
    return Scope(
        hosts=tuple(_regex(h, path, line, rule_id, settings) for h in _strings(raw.get("host"), path, line, rule_id, "host")),
        signatures=_strings(raw.get("signature"), path, line, rule_id, "signature"),
        languages=tuple(s.lower() for s in _strings(raw.get("language"), path, line, rule_id, "language")),
        kinds=kinds,
    )


def _block_kinds(value: Any, path: str, line: int | None, rule_id: str) -> frozenset[BlockKind]:
    names = _strings(value, path, line, rule_id, "kind")
    try:
        return frozenset(BlockKind(n) for n in names)
    except ValueError:
        raise RuleError(path, f"unknown block kind in {list(names)}; known: {[k.value for k in BlockKind]}", line=line, rule_id=rule_id) from None


def _flag(value: Any, path: str, line: int | None, rule_id: str, key: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise RuleError(path, f"'{key}' must be true or false", line=line, rule_id=rule_id)
    return value


def _int(value: Any, path: str, line: int | None, rule_id: str, key: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(path, f"'{key}' must be a whole number >= 0", line=line, rule_id=rule_id)
    return value


def _matcher(raw: Any, path: str, line: int, rule_id: str, settings: Settings) -> Matcher:
    if not isinstance(raw, dict):
        raise RuleError(path, "'match' must be a mapping", line=line, rule_id=rule_id)
    mline = raw.get(_LINE, line)
    _unknown(raw, _MATCH_KEYS, path, rule_id)
    regex = raw.get("regex")
    nxt = raw.get("next")
    neg = raw.get("not")
    for key, val in (("regex", regex), ("next", nxt), ("not", neg)):
        if val is not None and not isinstance(val, str):
            raise RuleError(path, f"'{key}' must be a string", line=mline, rule_id=rule_id)
    matcher = Matcher(
        literals=frozenset(fold(s) for s in _strings(raw.get("literal"), path, mline, rule_id, "literal")),
        prefixes=tuple(fold(s) for s in _strings(raw.get("prefix"), path, mline, rule_id, "prefix")),
        contains=tuple(fold(s) for s in _strings(raw.get("contains"), path, mline, rule_id, "contains")),
        regex=_regex(regex, path, mline, rule_id, settings) if regex else None,
        kinds=_block_kinds(raw.get("kind"), path, mline, rule_id),
        min_chars=_int(raw.get("min_chars"), path, mline, rule_id, "min_chars"),
        max_chars=_int(raw.get("max_chars"), path, mline, rule_id, "max_chars"),
        next_regex=_regex(nxt, path, mline, rule_id, settings) if nxt else None,
        not_regex=_regex(neg, path, mline, rule_id, settings) if neg else None,
        links_only=bool(raw.get("links_only", False)),
    )
    if not (matcher.literals or matcher.prefixes or matcher.contains or matcher.regex or matcher.kinds or matcher.links_only):
        raise RuleError(path, "'match' needs at least one of literal, prefix, contains, regex, kind, links_only", line=mline, rule_id=rule_id)
    return matcher


def _enum(enum_cls: Any, value: Any, path: str, line: int, rule_id: str, key: str) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum_cls)
        raise RuleError(path, f"'{key}' must be one of: {allowed} (got {value!r})", line=line, rule_id=rule_id) from None


def _rule(raw: Any, path: str, file_scope: Scope, settings: Settings) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError(path, "each rule must be a mapping")
    line = raw[_LINE]
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise RuleError(path, "rule has no 'id'", line=line)
    _unknown(raw, _RULE_KEYS, path, rule_id)
    why = raw.get("why")
    if not isinstance(why, str) or not why.strip():
        raise RuleError(path, "rule has no 'why'", line=line, rule_id=rule_id)
    if ("match" in raw) == ("selectors" in raw):
        raise RuleError(path, "a rule needs one of 'match' (lines of text) or 'selectors' (HTML elements)", line=line, rule_id=rule_id)
    action = _enum(Action, raw.get("action", "drop"), path, line, rule_id, "action")
    selectors = _selectors(raw["selectors"], path, line, rule_id) if "selectors" in raw else None
    if selectors is not None and action not in _DOM_ACTIONS:
        raise RuleError(path, f"a rule with 'selectors' can only drop or extract (got {action.value!r})", line=line, rule_id=rule_id)
    rule = Rule(
        id=rule_id,
        why=" ".join(why.split()),
        path=path,
        line=line,
        matcher=Matcher() if selectors is not None else _matcher(raw["match"], path, line, rule_id, settings),
        selectors=selectors,
        action=action,
        scope=_scope(raw.get("scope"), path, rule_id, settings, default=file_scope),
        field=raw.get("field"),
        remove=_enum(Remove, raw.get("remove", "block"), path, line, rule_id, "remove"),
        replace=str(raw.get("replace", "")),
        until=_enum(SectionEnd, raw.get("until", "links"), path, line, rule_id, "until"),
        max_section_blocks=_int(raw.get("max_blocks"), path, line, rule_id, "max_blocks") or 40,
        comment_section=_flag(raw.get("comment_section"), path, line, rule_id, "comment_section"),
        tail_only=_flag(raw.get("tail_only"), path, line, rule_id, "tail_only"),
        any_share=_flag(raw.get("any_share"), path, line, rule_id, "any_share"),
        examples=_examples(raw.get("examples"), path, line, rule_id),
        example_lines=_example_lines(raw.get("examples")),
    )
    if action is Action.EXTRACT and rule.field not in FIELDS:
        raise RuleError(path, f"extract needs 'field', one of: {', '.join(FIELDS)}", line=line, rule_id=rule_id)
    if action is not Action.EXTRACT and rule.field is not None:
        raise RuleError(path, "'field' only goes with action: extract", line=line, rule_id=rule_id)
    if rule.comment_section and action is not Action.CUT_REST:
        raise RuleError(path, "'comment_section' only goes with action: cut-rest", line=line, rule_id=rule_id)
    if rule.tail_only and action is not Action.CUT_REST:
        raise RuleError(path, "'tail_only' only goes with action: cut-rest", line=line, rule_id=rule_id)
    if rule.any_share and (selectors is None or action is not Action.DROP):
        raise RuleError(path, "'any_share' only goes with 'selectors' and action: drop", line=line, rule_id=rule_id)
    if selectors is not None and any(k in raw for k in ("until", "replace", "max_blocks", "remove")):
        raise RuleError(path, "'until', 'replace', 'max_blocks' and 'remove' act on lines of text, not on 'selectors'", line=line, rule_id=rule_id)
    if action is Action.REWRITE and rule.matcher.regex is None:
        raise RuleError(path, "rewrite needs 'match.regex'", line=line, rule_id=rule_id)
    if not rule.examples:
        raise RuleError(path, "rule has no 'examples' (lines it must drop and lines it must keep)", line=line, rule_id=rule_id)
    for key, needs in (("extract", Action.EXTRACT), ("rewrite", Action.REWRITE)):
        if key in rule.examples and action is not needs:
            raise RuleError(path, f"examples.{key} go with action: {needs.value}", line=line, rule_id=rule_id)
    return rule


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """text with A-Z made a-z and nothing else changed, as XPath's translate() below does
    (str.lower, for the ASCII names nearly every page uses, is some twenty times faster)."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


_XPATH_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


@functools.lru_cache(maxsize=1)
def _translator() -> Any:
    """cssselect's HTML dialect with classes and ids matched in any ASCII case, as browsers
    match them in quirks mode: pages name the same box "footer", "Footer" and "FOOTER", and a
    rule should not have to list each spelling."""
    from cssselect import HTMLTranslator

    class AnyCase(HTMLTranslator):
        def xpath_class(self, class_selector: Any) -> Any:
            xpath = self.xpath(class_selector.selector)
            return self.xpath_attrib_includes(xpath, _XPATH_LOWER.format("@class"), ascii_lower(class_selector.class_name))

        def xpath_hash(self, id_selector: Any) -> Any:
            xpath = self.xpath(id_selector.selector)
            return self.xpath_attrib_equals(xpath, _XPATH_LOWER.format("@id"), ascii_lower(id_selector.id))

    return AnyCase()


def css_selector(css: str) -> Any:
    """lxml's CSSSelector for a rule's CSS (classes and ids in any case). Raises
    cssselect.SelectorError or lxml.etree.XPathError."""
    from lxml.cssselect import CSSSelector

    return CSSSelector(css, translator=_translator())


def _selectors(raw: Any, path: str, line: int, rule_id: str) -> Selectors:
    """{css: [...], xpath: [...]}: each must compile; together they become one XPath union."""
    import cssselect
    import lxml.etree

    if not isinstance(raw, dict):
        raise RuleError(path, "'selectors' must be a mapping with 'css' and/or 'xpath' lists", line=line, rule_id=rule_id)
    sline = raw.get(_LINE, line)
    _unknown(raw, _SELECTOR_KEYS, path, rule_id)
    css = _strings(raw.get("css"), path, sline, rule_id, "css")
    xpath = _strings(raw.get("xpath"), path, sline, rule_id, "xpath")
    if not (css or xpath):
        raise RuleError(path, "'selectors' needs at least one 'css' or 'xpath' entry", line=sline, rule_id=rule_id)
    paths = []
    probe = _probe()
    for sel in css:
        try:
            paths.append(css_selector(sel).path)
        except (cssselect.SelectorError, lxml.etree.XPathError) as exc:
            raise RuleError(path, f"bad CSS selector {sel!r}: {exc}", line=sline, rule_id=rule_id) from None
    for expr in xpath:
        try:
            lxml.etree.XPath(expr)(probe)  # some errors show only when it runs
        except lxml.etree.XPathError as exc:
            raise RuleError(path, f"bad XPath {expr!r}: {exc}", line=sline, rule_id=rule_id) from None
        beyond = _beyond_xpath_1(expr)
        if beyond:
            raise RuleError(
                path, f"bad XPath {expr!r}: {beyond!r} is not XPath 1.0 (extension functions and namespace prefixes "
                "would fail on every page)", line=sline, rule_id=rule_id,
            )
        paths.append(expr)
    try:
        compiled = lxml.etree.XPath(" | ".join(f"({p})" for p in paths))
    except lxml.etree.XPathError as exc:
        raise RuleError(path, f"selectors do not combine into one XPath: {exc}", line=sline, rule_id=rule_id) from None
    return Selectors(css, xpath, compiled)


# XPath 1.0's own functions and node tests: libxml2 knows no others in a plain XPath (no
# document(), no EXSLT, no re:), and no namespace prefix is bound, so anything else would
# be an XPathEvalError on every page.
_XPATH_1_FUNCTIONS = frozenset(
    "last position count id local-name namespace-uri name string concat starts-with contains substring-before "
    "substring-after substring string-length normalize-space translate boolean not true false lang number sum "
    "floor ceiling round node text comment processing-instruction and or div mod".split()
)
# String literals, then a name: QName-like, with what follows it (a "(" makes it a call).
_XPATH_TOKEN = re2.compile(r"""'[^']*'|"[^"]*"|([A-Za-z_][\w.-]*)(:[A-Za-z_*][\w.-]*)?(\s*\()?""")


def _beyond_xpath_1(expr: str) -> str | None:
    """The first function call or prefixed name in `expr` that plain XPath 1.0 lacks."""
    for m in _XPATH_TOKEN.finditer(expr):
        name, local, call = m.group(1), m.group(2), m.group(3)
        if name is None:
            continue  # a string literal
        if local is not None and name != "xml":  # xml: is bound in every XPath
            return name + local  # a namespace prefix ("re:test", "svg:g")
        if call is not None and name not in _XPATH_1_FUNCTIONS:
            return name + "()"
    return None


@functools.cache  # read-only: one small page serves every rule's check
def _probe() -> Any:
    import lxml.html

    return lxml.html.fromstring('<html><body><div id="a" class="b"><p>x <a href="/">y</a></p></div></body></html>')


def _examples(raw: Any, path: str, line: int, rule_id: str) -> dict[str, list[Any]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise RuleError(path, "'examples' must be a mapping", line=line, rule_id=rule_id)
    _unknown(raw, _EXAMPLE_KEYS, path, rule_id)
    out: dict[str, list[Any]] = {}
    for key in _EXAMPLE_KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            raise RuleError(path, f"examples.{key} must be a list", line=raw.get(_LINE, line), rule_id=rule_id)
        out[key] = [_example(v, path, raw.get(_LINE, line), rule_id) for v in value]
    return out


def _example_lines(raw: Any) -> dict[str, list[int]]:
    if not isinstance(raw, dict):
        return {}
    return {key: value.lines for key, value in raw.items() if isinstance(value, _Seq)}


def _example(raw: Any, path: str, line: int, rule_id: str) -> Any:
    """A line of text, or {text, kind, next, links, value, rest, out} with plain values."""
    if isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
        return raw
    if not isinstance(raw, dict):
        raise RuleError(path, f"an example is a line of text or a mapping with {', '.join(sorted(_EXAMPLE_FIELDS))}", line=line, rule_id=rule_id)
    line = raw.get(_LINE, line)
    _unknown(raw, _EXAMPLE_FIELDS, path, rule_id)
    example = {k: v for k, v in raw.items() if k != _LINE}
    if any(isinstance(v, (list, dict)) for v in example.values()):
        raise RuleError(path, "an example's values are plain strings, numbers or booleans", line=line, rule_id=rule_id)
    if "kind" in example:
        _block_kinds(example["kind"], path, line, rule_id)
    return example
