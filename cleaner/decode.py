"""bytes -> str: the BOM first, then a declared charset, then charset-normalizer."""
from __future__ import annotations

import codecs
import gzip
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
    """Inflate gzip data, refusing to grow past max_decompressed_bytes (a gzip bomb)."""
    inflater = zlib.decompressobj(wbits=47)  # 32 + 15: gzip or zlib header
    limit = settings.max_decompressed_bytes
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data: {exc}") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise InputError(f"gzip data inflates past the {limit}-byte limit")
    return out


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
    if data[:2] == _GZIP_MAGIC:
        data = gunzip(data, settings)
    if len(data) > settings.max_input_bytes:
        raise InputError(f"input is {len(data)} bytes, above the {settings.max_input_bytes}-byte limit")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _clean_text(data.decode(encoding, errors="replace"), settings)
    declared = declared_charset(data)
    if declared:
        try:
            return _clean_text(data.decode(declared), settings)
        except UnicodeDecodeError:
            pass  # the declaration lies: fall through to detection
    try:
        return _clean_text(data.decode("utf-8"), settings)
    except UnicodeDecodeError:
        pass
    _refuse_binary(data, settings)
    best = from_bytes(data[: 256 * 1024]).best()
    if best is None:
        # Mostly UTF-8 with a few bad bytes: keep the text, mark the bad bytes.
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > len(text) * settings.max_binary_share:
            raise InputError("cannot detect the text encoding (binary data?)")
        return _clean_text(text, settings)
    encoding = _SUPERSETS.get(best.encoding, best.encoding)
    return _clean_text(data.decode(encoding, errors="replace"), settings)


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
