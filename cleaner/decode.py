"""bytes -> str: the BOM first, then a declared charset, then charset-normalizer."""
from __future__ import annotations

import codecs
import functools
import re
import zlib

from charset_normalizer import from_bytes

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
    match = _DECLARED.search(data[:_PROBE_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes, settings: Settings = DEFAULT) -> str:
    """Decode a raw capture. Raises InputError for binary or undecodable data."""
    if len(data) > settings.max_input_bytes:
        raise InputError(f"input is {len(data)} bytes, above the {settings.max_input_bytes}-byte limit")
    if data[:2] == _GZIP_MAGIC:
        data = gunzip(data, settings)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _clean_text(data.decode(encoding, errors="replace"), settings)
    declared = declared_charset(data)
    if declared and not _single_byte(declared):
        try:
            return _clean_text(data.decode(declared), settings)
        except UnicodeDecodeError:
            pass  # the declaration lies: fall through to detection
    try:
        # Before a single-byte declaration: every byte string decodes in cp1252, but valid
        # UTF-8 with non-ASCII letters is almost never an accident. A page re-saved as UTF-8
        # often keeps its old iso-8859-1 <meta>.
        return _clean_text(data.decode("utf-8"), settings)
    except UnicodeDecodeError:
        pass
    if declared and _single_byte(declared):
        try:
            return _clean_text(data.decode(declared), settings)
        except UnicodeDecodeError:
            pass
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


@functools.lru_cache(maxsize=64)
def _single_byte(encoding: str) -> bool:
    """One byte, one character: cp1252, iso-8859-x, koi8-r... (not UTF-8, cp949, shift_jis)."""
    try:
        return len(bytes(range(256)).decode(encoding, errors="replace")) == 256 and encoding != "utf-8"
    except LookupError:
        return False


# Western European first: charset-normalizer scores cp1250, cp1252 and cp1257 the same on
# English or French text whose only non-ASCII letters are common to all three, and lists
# cp1250 first ('naïve' came out 'naďve').
_TIE_PREFERENCE = ("cp1252",)


def _detect(sample: bytes) -> str | None:
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for preferred in _TIE_PREFERENCE:
        for m in matches:
            if m.chaos == best.chaos and m.coherence == best.coherence and preferred in (m.encoding, *m.could_be_from_charset):
                return preferred
    return best.encoding


def decode_str(text: str, settings: Settings = DEFAULT) -> str:
    """An already decoded capture: the same size limit, control characters and line ends."""
    if len(text) > settings.max_input_bytes:
        raise InputError(f"input is {len(text)} characters, above the {settings.max_input_bytes}-byte limit")
    return _clean_text(text, settings)


def _refuse_binary(data: bytes, settings: Settings) -> None:
    sample = data[:65536]
    if not sample:
        return
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls > len(sample) * settings.max_binary_share:
        raise InputError("input looks binary, not text")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_text(text: str, settings: Settings) -> str:
    if text and _CONTROL.search(text[:65536]) and len(_CONTROL.findall(text[:65536])) > len(text[:65536]) * settings.max_binary_share:
        raise InputError("input looks binary, not text")
    text = _CONTROL.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")
