"""cleaner.decode: bytes -> str (BOM, declared charset, detection, gzip, binary refusal)."""
from __future__ import annotations

import codecs
import gzip
import os
import zlib

import pytest

from cleaner.decode import declared_charset, decode, gunzip
from cleaner.errors import InputError
from cleaner.settings import Settings

KOREAN = (
    "대한민국의 수도는 서울입니다. 오늘은 날씨가 매우 맑고 따뜻합니다. "
    "많은 사람들이 공원에서 산책을 즐기고 있습니다. 정부는 새로운 경제 정책을 발표했습니다. "
    "전문가들은 이 정책이 경제 성장에 도움이 될 것이라고 말했습니다."
)
JAPANESE = (
    "日本語のテキストです。今日はとても良い天気ですね。東京は日本の首都です。"
    "多くの人々が公園で散歩を楽しんでいます。政府は新しい経済政策を発表しました。"
)
CHINESE = (
    "中华人民共和国是一个位于东亚的国家。今天天气很好，很多人在公园里散步。"
    "政府宣布了新的经济政策，专家认为这将有助于经济增长。"
)
# Curly quotes, apostrophes and dashes: the characters cp1252 has and latin-1 lacks.
CURLY = (
    "The minister said \u201cwe will not back down\u201d on Tuesday, and the committee\u2019s "
    "report \u2014 published in full on its website \u2014 agreed with her. \u2018It\u2019s over,\u2019 "
    "one member told reporters outside the caf\u00e9 after the vote.\n"
)


# --- Unicode and BOMs --------------------------------------------------------------


def test_plain_utf8() -> None:
    text = "Grüße aus Köln — naïve café, 東京, 서울\n"
    assert decode(text.encode("utf-8")) == text


def test_utf8_bom_is_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + "héllo wörld".encode()) == "héllo wörld"


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")], ids=["le", "be"])
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    text = "Grüße — “quoted” 서울"
    assert decode(bom + text.encode(codec)) == text


# --- declared charsets ----------------------------------------------------------------


def test_declared_euc_kr_is_read_as_cp949() -> None:
    # 똠 exists only in cp949 (the superset browsers use for the euc-kr label).
    body = KOREAN + " 똠방각하."
    with pytest.raises(UnicodeDecodeError):
        "똠".encode("cp949").decode("euc-kr")
    data = ('<meta charset="euc-kr">\n' + body).encode("cp949")
    assert decode(data) == '<meta charset="euc-kr">\n' + body


@pytest.mark.parametrize(
    "head, want",
    [
        (b'<meta charset="euc-kr">', "cp949"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "cp932"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?>', "cp1252"),
        (b"<meta charset='gb2312'>", "gb18030"),
        (b'<meta charset="utf-8">', "utf-8"),
        (b'<meta charset="no-such-charset">', None),
        (b"no declaration here", None),
    ],
)
def test_declared_charset_labels(head: bytes, want: str | None) -> None:
    assert declared_charset(head + b"\nbody") == want


def test_declaration_beyond_the_probe_window_is_ignored() -> None:
    assert declared_charset(b" " * 5000 + b'<meta charset="euc-kr">') is None


def test_declared_charset_that_lies_still_gives_readable_text() -> None:
    # Declares utf-8, but the bytes are cp1252: decoding must fall back, not raise.
    text = '<meta charset="utf-8">\n' + CURLY * 3
    assert decode(text.encode("cp1252")) == text


def test_valid_utf8_wins_over_a_legacy_declaration() -> None:
    text = '<meta charset="iso-8859-1">\nLe café est très bon, dit-elle, et la crème brûlée aussi.\n'
    assert decode(text.encode("utf-8")) == text


# --- undeclared legacy encodings (detection) --------------------------------------------


def test_undeclared_cp949_korean() -> None:
    assert decode(KOREAN.encode("cp949")) == KOREAN


def test_undeclared_shift_jis() -> None:
    assert decode(JAPANESE.encode("shift_jis")) == JAPANESE


def test_undeclared_gb18030() -> None:
    assert decode(CHINESE.encode("gb18030")) == CHINESE


def test_undeclared_windows_1252_curly_quotes() -> None:
    text = CURLY * 3
    assert decode(text.encode("cp1252")) == text


def test_undeclared_windows_1252_latin_letters() -> None:
    text = ("The report called the plan na\u00efve and the caf\u00e9 owners \u201cworried\u201d. " * 4).strip()
    assert decode(text.encode("cp1252")) == text


# --- gzip ------------------------------------------------------------------------------


def test_gzip_input_is_inflated() -> None:
    text = "Compressed capture: ünïcödé and “quotes”.\n" * 10
    assert decode(gzip.compress(text.encode("utf-8"))) == text


def test_gzip_at_the_limit_is_accepted_and_one_byte_more_is_not() -> None:
    settings = Settings(max_decompressed_bytes=1000)
    assert len(decode(gzip.compress(b"a" * 1000), settings)) == 1000
    with pytest.raises(InputError, match="limit"):
        decode(gzip.compress(b"a" * 1001), settings)


def _gzip_bomb(megabytes: int) -> bytes:
    """`megabytes` MiB of zeros, gzip-compressed a chunk at a time (about 200 kB for 200 MiB)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container
    chunk = bytes(1 << 20)
    parts = [deflate.compress(chunk) for _ in range(megabytes)]
    parts.append(deflate.flush())
    return b"".join(parts)


def test_gzip_bomb_is_refused() -> None:
    bomb = _gzip_bomb(200)
    assert len(bomb) < 1 << 20  # the test itself stays small
    with pytest.raises(InputError, match="limit"):
        decode(bomb, Settings(max_decompressed_bytes=1 << 20))


def test_corrupt_gzip_is_an_input_error() -> None:
    with pytest.raises(InputError, match="gzip"):
        decode(b"\x1f\x8b" + b"this is not deflate data at all")


def test_multi_member_gzip_keeps_every_member() -> None:
    assert gunzip(gzip.compress(b"first part, ") + gzip.compress(b"second part")) == b"first part, second part"


# --- binary and control characters -----------------------------------------------------


def test_random_bytes_are_refused() -> None:
    rng = __import__("random").Random(1234)
    with pytest.raises(InputError):
        decode(bytes(rng.getrandbits(8) for _ in range(4096)))


def test_png_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + os.urandom(2000)
    with pytest.raises(InputError):
        decode(png)


def test_a_few_nul_bytes_inside_text_are_removed() -> None:
    line = "This is a normal line of article text.\n"
    data = (line * 20).encode() + b"\x00" + (line * 20).encode() + b"\x00\x00"
    out = decode(data)
    assert "\x00" not in out
    assert out == line * 40


def test_mostly_nul_bytes_are_refused() -> None:
    # UTF-16 without a BOM looks like text with a NUL after every letter.
    with pytest.raises(InputError):
        decode("hello world, this is text".encode("utf-16-le"))


def test_line_endings_are_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\nfour\r\n") == "one\ntwo\nthree\nfour\n"


def test_empty_input_is_empty_text() -> None:
    assert decode(b"") == ""


def test_input_above_the_size_limit_is_refused() -> None:
    settings = Settings(max_input_bytes=100)
    assert decode(b"x" * 100, settings) == "x" * 100
    with pytest.raises(InputError, match="limit"):
        decode(b"x" * 101, settings)


def test_a_transport_charset_comes_before_detection_and_a_bogus_one_is_ignored() -> None:
    data = "<p>Привет, мир. Это тест.</p>".encode("koi8-r")
    assert decode(data, charset="KOI8-R") == "<p>Привет, мир. Это тест.</p>"
    assert decode(data, charset="base64") == decode(data) == decode(data, charset="no-such-charset")
    utf8 = "<p>Größe</p>".encode()
    assert decode(utf8, charset="iso-8859-1") == "<p>Größe</p>"  # valid UTF-8 still wins, as over a <meta>
