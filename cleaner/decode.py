"""bytes -> str: the BOM, strict UTF-8, the declared charset, then charset-normalizer."""
from __future__ import annotations

import codecs
import functools
import re
import zlib

from .errors import InputError
from .settings import DEFAULT, Settings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x">, <meta http-equiv content="...; charset=x">, <?xml encoding="x"?>
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# Labels browsers map to a superset; decoding with the superset loses nothing.
_SUPERSETS = {
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252", "latin-1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
    "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
}
# Codecs Python knows that no page can be written in. A declaration found by scanning
# ASCII bytes cannot be UTF-16 or UTF-32 (browsers read those labels as UTF-8), and
# browsers never decode UTF-7.
_NOT_PAGE_CHARSETS = frozenset({
    "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-7",
    "idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined",
})
_PROBE_BYTES = 2048  # browsers look for <meta charset> in the first 1024 bytes; be generous
_GZIP_MAGIC = b"\x1f\x8b"


def gunzip(data: bytes, settings: Settings = DEFAULT) -> bytes:
    """Inflate gzip data, refusing to grow past max_decompressed_bytes (a gzip bomb).

    Every member of a multi-member file is inflated (`cat a.gz b.gz` is valid gzip).
    """
    limit = settings.max_decompressed_bytes
    parts: list[bytes] = []
    size = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=47)  # 32 + 15: gzip or zlib header
        try:
            out = inflater.decompress(rest, limit - size + 1)
        except zlib.error as exc:
            raise InputError(f"corrupt gzip data: {exc}") from None
        size += len(out)
        if size > limit or inflater.unconsumed_tail:
            raise InputError(f"gzip data inflates past the {limit}-byte limit")
        parts.append(out)
        rest = inflater.unused_data
        if rest[:2] != _GZIP_MAGIC:
            break  # a truncated last member keeps what it had; trailing padding is ignored, as gzip(1) does
    return b"".join(parts)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares, as a Python codec name; None if none or not a charset."""
    match = _DECLARED.search(data[:_PROBE_BYTES])
    if not match:
        return None
    return codec_of(match.group(1).decode("ascii"))


def codec_of(label: str | None) -> str | None:
    """A charset label (from a page, or an HTTP Content-Type) as a Python codec name; None
    if it names no text encoding a web page can be in."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):  # ValueError: a NUL in the label ("utf-8\0")
        return None
    # 'uu', 'base64', 'rot13'... are codecs but not text encodings (found by fuzzing); a
    # declaration read as ASCII cannot be in EBCDIC (cp037, cp500...).
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CHARSETS or not _ascii_compatible(info.name):
        return None
    return info.name


@functools.lru_cache(maxsize=64)
def _ascii_compatible(encoding: str) -> bool:
    printable = bytes(range(0x20, 0x7F))
    try:
        return printable.decode(encoding) == printable.decode("ascii")
    except UnicodeError:
        return False


def decode(data: bytes, settings: Settings = DEFAULT, charset: str | None = None) -> str:
    """Decode a raw capture. `charset` is what the transport said (an HTTP Content-Type's
    charset, from a WARC record): it comes before the page's own declaration, as in
    browsers. Raises InputError for binary or undecodable data."""
    if len(data) > settings.max_input_bytes:
        raise InputError(f"input is {len(data)} bytes, above the {settings.max_input_bytes}-byte limit")
    if data[:2] == _GZIP_MAGIC:
        data = gunzip(data, settings)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _clean_text(data.decode(encoding, errors="replace"), settings)
    declared = codec_of(charset) or declared_charset(data)
    if declared is None or not data.isascii():
        # Strict UTF-8 before any declaration: valid UTF-8 with non-ASCII letters is
        # almost never an accident in another charset, while declarations lie (a page
        # re-saved as UTF-8 keeps its old iso-8859-1 <meta>). All-ASCII bytes read the
        # same in any declared charset but the 7-bit ISO-2022 ones, which are left to it.
        try:
            return _clean_text(data.decode("utf-8"), settings, utf8=data)
        except UnicodeDecodeError:
            pass
        if (text := _mostly_utf8(data)) is not None:
            return _clean_text(text, settings)
    if declared:
        try:
            return _clean_text(data.decode(declared), settings)
        except UnicodeError:
            pass  # the declaration lies: fall through to detection
    _refuse_binary(data, settings)
    best = _detect(data[: 256 * 1024])
    if best is None:
        # Mostly UTF-8 with a few bad bytes: keep the text, mark the bad bytes.
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > len(text) * settings.max_binary_share:
            raise InputError("cannot detect the text encoding (binary data?)")
        return _clean_text(text, settings)
    encoding = _SUPERSETS.get(best, best)
    return _clean_text(data.decode(encoding, errors="replace"), settings)


# UTF-8 with a few broken spots (a truncated or spliced page) stays UTF-8, the broken
# bytes marked U+FFFD, when at least this many well-formed non-ASCII characters come
# per broken spot (a run of bad bytes). Read as a legacy charset instead, every accented
# letter turned to mojibake. Legacy text read as UTF-8 has few well-formed sequences per
# broken spot: none in cp1252, cp1251 or koi8-r prose, 0.5 in CP949, Shift_JIS and Big5,
# 1.2 in GB18030 and 1.4 in EUC-JP (measured on the test texts of tests/test_decode.py).
_UTF8_GOOD_PER_BAD_SPOT = 8
_BAD_SPOTS = re.compile("\ufffd+")


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    spots = sum(1 for _ in _BAD_SPOTS.finditer(text))
    return text if good > 0 and good >= _UTF8_GOOD_PER_BAD_SPOT * spots else None


# Western European first: charset-normalizer scores cp1250, cp1252 and cp1257 the same on
# English or French text whose only non-ASCII letters are common to all three, and lists
# cp1250 first ('naïve' came out 'naďve').
_TIE_PREFERENCE = ("cp1252",)


def _detect(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8 (start-up)

    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for preferred in _TIE_PREFERENCE:
        for m in matches:
            if m.chaos == best.chaos and m.coherence == best.coherence and preferred in (m.encoding, *m.could_be_from_charset):
                return preferred
    return best.encoding


_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_str(text: str, settings: Settings = DEFAULT) -> str:
    """An already decoded capture: the same size limit, control characters and line ends."""
    if len(text) > settings.max_input_bytes:
        raise InputError(f"input is {len(text)} characters, above the {settings.max_input_bytes}-byte limit")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (JSON's "\ud800"), which no encoding can write: marked as
            # a bad byte is, with U+FFFD.
            text = _SURROGATE.sub("\ufffd", text)
    return _clean_text(text, settings)


def _refuse_binary(data: bytes, settings: Settings) -> None:
    sample = data[:65536]
    if not sample:
        return
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls > len(sample) * settings.max_binary_share:
        raise InputError("input looks binary, not text")


# The control characters removed from text (tab, line feed and carriage return stay), as
# bytes for _has_control: each is one byte in UTF-8.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROL = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "]")


def _clean_text(text: str, settings: Settings, utf8: bytes | None = None) -> str:
    """utf8: the text's UTF-8 bytes when the caller has them (the capture it decoded)."""
    if _has_control(text, utf8):
        if _CONTROL.search(text[:65536]) and len(_CONTROL.findall(text[:65536])) > len(text[:65536]) * settings.max_binary_share:
            raise InputError("input looks binary, not text")
        text = _CONTROL.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _has_control(text: str, utf8: bytes | None = None) -> bool:
    """Whether the text holds a control character: deleting them from its UTF-8 bytes is
    several times faster than a regex search over the text, and most pages have none.
    utf8: those bytes, when the caller has them (encoding a page again took half of decode)."""
    data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)
