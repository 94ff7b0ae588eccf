"""Builtin converters from captured text to field values (the ``value:`` of a pattern).

A converter factory takes the loaded tables and returns ``f(text) -> value | None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, Any]]
Converter = Callable[[str], Any]

_WS = re.compile(r"[\s\-]+")


def norm_key(text: str) -> str:
    """Table key form: lower case, no dots, hyphens as spaces, single spaces."""
    return _WS.sub(" ", text.lower().replace(".", "").replace("’", "'")).strip()


def _int(tables: Tables) -> Converter:
    digits = re.compile(r"\d+")

    def conv(text: str) -> Any:
        m = digits.search(text)
        return int(m.group()) if m else None

    return conv


def _ordinal(tables: Tables) -> Converter:
    table = tables.get("ordinal", {})
    digits = re.compile(r"\d+")

    def conv(text: str) -> Any:
        m = digits.search(text)
        if m:
            return int(m.group())
        return table.get(norm_key(text))

    return conv


def _number(tables: Tables) -> Converter:
    table = tables.get("number", {})
    frac = re.compile(r"^(\d+(?:\.\d+)?)(?: (\d)/(\d))?$")

    def conv(text: str) -> Any:
        key = norm_key(text).replace(",", "")
        m = frac.match(key)
        if m:
            v = float(m.group(1))
            if m.group(2):
                v += int(m.group(2)) / int(m.group(3))
            return int(v) if v == int(v) else v
        if key in table:
            return table[key]
        half = key.endswith(" and a half")
        if half:
            key = key[: -len(" and a half")]
        total = 0
        current = 0
        for tok in key.split(" "):
            v = table.get(tok)
            if v is None:
                return None
            if v == "X":
                return "X"
            if v == 100:
                current = max(current, 1) * 100
            elif v >= 1000:
                total += max(current, 1) * v
                current = 0
            else:
                current += v
        n: float = total + current
        if half:
            n += 0.5
        return n

    return conv


def _year2(tables: Tables) -> Converter:
    def conv(text: str) -> Any:
        d = int(re.sub(r"\D", "", text))
        return 1900 + d if d >= 30 else 2000 + d

    return conv


def _year_words(tables: Tables) -> Converter:
    num = _number(tables)

    def conv(text: str) -> Any:
        key = norm_key(text)
        if key.startswith("two thousand"):
            rest = key[len("two thousand"):].replace(" and", "").strip()
            return 2000 + (num(rest) if rest else 0)
        first, _, rest = key.partition(" ")
        hi = num(first)
        if not isinstance(hi, int):
            return None
        rest = rest.replace("oh ", "")
        if rest == "hundred":
            return hi * 100
        lo = num(rest)
        return hi * 100 + lo if isinstance(lo, (int, float)) else None

    return conv


def _decade(tables: Tables) -> Converter:
    def conv(text: str) -> Any:
        return int(re.sub(r"\D", "", text)) // 10

    return conv


def _decade2(tables: Tables) -> Converter:
    def conv(text: str) -> Any:
        d = int(re.sub(r"\D", "", text))
        return (190 if d >= 30 else 200) + d // 10

    return conv


def _decade_word(tables: Tables) -> Converter:
    table = tables.get("decade_word", {})

    def conv(text: str) -> Any:
        v = table.get(norm_key(text))
        return None if v is None else 190 + int(v)

    return conv


def _clock(tables: Tables) -> Converter:
    rx = re.compile(r"(\d{1,2})(?::?(\d\d))?")

    def conv(text: str) -> Any:
        low = text.lower()
        if "noon" in low:
            return "12:00"
        if "midnight" in low:
            return "24:00"
        m = rx.search(low)
        if not m:
            return None
        h = int(m.group(1))
        mi = int(m.group(2) or 0)
        if "p" in low.replace("pst", "").replace("pdt", "") and ("p.m" in low or "pm" in low) and h < 12:
            h += 12
        elif ("a.m" in low or "am" in low.split()) and h == 12:
            h = 0
        if h > 24 or mi > 59:
            return None
        return f"{h:02d}:{mi:02d}"

    return conv


def _iso(tables: Tables) -> Converter:
    def conv(text: str) -> Any:
        parts = [int(p) for p in re.findall(r"\d+", text)]
        return (parts[0], parts[1], parts[2] if len(parts) > 2 else None)

    return conv


def _numeric_date(tables: Tables) -> Converter:
    def conv(text: str) -> Any:
        a, b, y = (int(p) for p in re.findall(r"\d+", text))
        if a <= 12 and b <= 31:
            return (y, a, b)
        if b <= 12 and a <= 31:
            return (y, b, a)
        return None

    return conv


def _dmy_date(tables: Tables) -> Converter:
    def conv(text: str) -> Any:
        d, m, y = (int(p) for p in re.findall(r"\d+", text))
        return (y, m, d) if 1 <= m <= 12 and 1 <= d <= 31 else None

    return conv


CONVERTERS: dict[str, Callable[[Tables], Converter]] = {
    "int": _int,
    "ordinal": _ordinal,
    "number": _number,
    "year2": _year2,
    "year_words": _year_words,
    "decade": _decade,
    "decade2": _decade2,
    "decade_word": _decade_word,
    "clock": _clock,
    "iso": _iso,
    "numeric_date": _numeric_date,
    "dmy_date": _dmy_date,
}
