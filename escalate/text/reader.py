"""Reading corpora: files and folders of .txt/.md articles and .jsonl records.

A document's ``text`` is the whole decoded file (front matter included) or the JSON Lines
record's ``text``; every offset later in the pipeline points into it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml
from pydantic import ValidationError

from escalate.errors import InputError
from escalate.models import Document, Strict

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

DateParser = Callable[[str], "date | None | tuple[int | None, int, int]"]


SITE_KEYS = frozenset({
    "author", "authors", "byline", "tags", "categories", "category", "section", "keywords", "description",
    "summary", "excerpt", "subtitle", "layout", "slug", "permalink", "draft", "image", "images", "thumbnail",
    "lang", "language", "updated", "lastmod", "modified", "weight", "type", "aliases", "canonical_url",
    "canonical", "location", "dateline", "publisher",
})


class FrontMatter(Strict):
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    id: str | None = None


class JsonlRecord(Strict):
    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_BYLINE = re.compile(
    r"^\s*[*_>#\s]*(?:by\b|published\b|posted\b|updated\b|date\s*:|dated\b|first published\b)", re.I
)
# a wire dateline: "BAGHDAD, March 13 (Reuters) -", "JERUSALEM/SANAA, May 5 (Wire) -", "KYIV, May 5 -"
DATELINE = (r"\s*[A-Z][A-Za-z .'\-]{1,40}(?:/[A-Z][A-Za-z .'\-]{1,40})*(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?,?\s+"
            r"(?:[^()\n]{0,40}?\((?:[A-Z][\w .&-]{1,30})\)"
            r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)\s*[-–—]")
_DATELINE = re.compile("^" + DATELINE)
# a header line that is only a date ("29 September 2020", "Tue 29 Sep 2020 10:41 GMT"): short, and
# no sentence (a sentence ends in a full stop after a word)
_DATE_LINE_MAX = 48
_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?]\s*$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _collect_paths(inputs: Iterable[Path], warnings: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    out.append(child)
        elif p.is_file():
            out.append(p)
        elif not p.exists():
            raise InputError(f"{p}: no such file or folder")
        else:
            warnings.append(f"{p}: not a regular file, skipped")
    seen: set[Path] = set()
    unique = []
    for p in out:
        r = p.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(p)
    return unique


def _decode(path: Path, warnings: list[str]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        warnings.append(f"{path}: cannot read ({exc.strerror}), skipped")
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.append(f"{path}: not UTF-8 text (byte {exc.start}), skipped")
        return None


def _parse_front_matter(path: Path, text: str) -> tuple[FrontMatter | None, int]:
    m = _FRONT.match(text)
    if not m:
        return None, 0
    body = m.group(1) or ""
    try:
        data = yaml.safe_load(body) or {}
    except ValueError as exc:  # an impossible date such as 2020-13-01
        raise InputError(f"{path}:2:1: front matter: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = (mark.line + 2) if mark else 1
        col = (mark.column + 1) if mark else 1
        raise InputError(f"{path}:{line}:{col}: front matter is not valid YAML: {exc.problem}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}:2:1: front matter must be a mapping of title/published/url/source")
    # a timestamp ("date: 2021-05-21T10:00:00Z", as static-site generators write it) is its day
    data = {k: (v.date().isoformat() if isinstance(v, datetime) else v.isoformat() if isinstance(v, date) else v)
            for k, v in data.items()}
    # what static-site generators and newsroom tools also write there: accepted and left aside (a key
    # outside both lists is still an error, so that a misspelt "publised" is caught)
    data = {k: v for k, v in data.items() if str(k).lower() not in SITE_KEYS}
    if "date" in data:  # the name Jekyll, Hugo and most front matter use for the publication date
        if "published" in data and str(data["published"]) != str(data["date"]):
            raise InputError(f"{path}:{_key_line(body, 'date')}:1: front matter: 'date' and 'published' "
                             "disagree; give one")
        data["published"] = data.pop("date")
    try:
        fm = FrontMatter.model_validate(data)
    except ValidationError as exc:
        msgs = []
        for err in exc.errors():
            key = err["loc"][0] if err["loc"] else ""
            line = _key_line(body, str(key))
            what = f"unknown field {key!r}" if err["type"] == "extra_forbidden" else f"{key}: {err['msg']}"
            msgs.append(f"{path}:{line}:1: front matter: {what}")
        raise InputError("\n".join(msgs)) from None
    return fm, m.end()


# an e-mail style header ("Title: ...", "Published: 2024-01-18", a blank line): the metadata block
# that plain-text exports, MultiMarkdown and many scrapers write instead of YAML front matter
_HEADER_BLOCK = re.compile(r"\A(?:\ufeff)?((?:[A-Za-z][A-Za-z _-]{0,30}:[^\n]*\n)+)(?:[ \t]*\n|\Z)")
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}):[ \t]*([^\n]*)")
_HEADER_KEYS = frozenset(FrontMatter.model_fields) | {"date"}


def _parse_header_block(path: Path, text: str, parse_date: DateParser) -> tuple[FrontMatter | None, int]:
    """An e-mail style header of known keys only (``Title``, ``Published`` or ``Date``, ``URL``,
    ``Source``, ``ID``, and the site keys left aside), or None: a block with any other key is text."""
    m = _HEADER_BLOCK.match(text)
    if not m:
        return None, 0
    data: dict[str, str] = {}
    for lineno, line in enumerate(m.group(1).splitlines(), start=1):
        km = _HEADER_LINE.fullmatch(line)
        key = km.group(1).strip().lower().replace(" ", "_") if km else ""
        if km is None or (key not in _HEADER_KEYS and key not in SITE_KEYS):
            return None, 0
        if key not in _HEADER_KEYS:
            continue  # a site key ("Author: ..."), left aside
        value = km.group(2).strip()
        if key in ("date", "published"):
            try:
                day: object = date.fromisoformat(value[:10])
            except ValueError:
                day = parse_date(value)
            if not isinstance(day, date):
                raise InputError(f"{path}:{lineno}:{km.start(2) + 1}: header: {km.group(1)} {value!r} is no date "
                                 "(write it as YYYY-MM-DD)")
            key, value = "published", day.isoformat()
        data[key] = value
    if not data.keys() & {"title", "published"}:
        return None, 0
    return FrontMatter.model_validate(data), m.end()


def _key_line(body: str, key: str) -> int:
    for i, line in enumerate(body.splitlines(), start=2):
        if line.split(":", 1)[0].strip() == key:
            return i
    return 2


def _date_line_shape(line: str) -> bool:
    """Short enough to be a header line that is only a date, and no sentence."""
    return len(line.strip()) <= _DATE_LINE_MAX and not _SENTENCE_END.search(line)


def _lines_with_offsets(text: str, start: int, limit: int) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"[^\n]*", text[start:]):
        if len(out) >= limit:
            break
        line = m.group(0)
        if line.strip():
            out.append((start + m.start(), start + m.end(), line))
    return out


def _header(
    text: str, start: int, parse_date: DateParser
) -> tuple[str | None, date | None, int, bool]:
    """Title, byline date, where the body starts, and whether the year was inferred."""
    lines = _lines_with_offsets(text, start, 6)
    if not lines:
        return None, None, start, False
    title = lines[0][2].strip().lstrip("#").strip() or None
    body_start = lines[0][1]
    for _s, e, line in lines[1:5]:
        date_only = _date_line_shape(line)
        byline = _BYLINE.match(line) is not None
        if byline or date_only or _DATELINE.match(line):
            parsed = parse_date(line)
            if byline:
                body_start = e  # "By SAM MEDNICK Associated Press": a byline, dated or not, is no body
            if date_only and not isinstance(parsed, date):
                continue  # a short line that is no date
            if date_only:
                body_start = e
            if parsed is None:
                continue
            if isinstance(parsed, date):
                return title, parsed, body_start, False
            year, month, day = parsed
            years = [int(y) for y in _YEAR.findall(text[start:])]
            if year is None and years:
                try:
                    return title, date(max(years), month, day), body_start, True
                except ValueError:
                    continue
    return title, None, body_start, False


def read_corpus(
    inputs: list[Path],
    parse_date: DateParser,
    published: date | None = None,
) -> ReadResult:
    """Read every article under ``inputs`` (sorted, recursive). Raise ``InputError`` if none."""
    result = ReadResult()
    paths = _collect_paths(inputs, result.warnings)
    for path in paths:
        text = _decode(path, result.warnings)
        if text is None:
            continue
        if path.suffix.lower() in JSONL_SUFFIXES:
            result.documents.extend(_read_jsonl(path, text, published, result.warnings))
        else:
            doc = _read_text(path, text, published, parse_date, result.warnings)
            if doc is not None:
                result.documents.append(doc)
    ids: dict[str, str] = {}
    for doc in result.documents:
        if doc.id in ids:
            raise InputError(f"{doc.path}: document id {doc.id!r} also used by {ids[doc.id]}; ids must be unique")
        ids[doc.id] = doc.path or doc.id
    if not result.documents:
        where = ", ".join(str(p) for p in inputs) or "(nothing)"
        raise InputError(f"empty corpus: no readable .txt, .md or .jsonl article in {where}")
    result.documents.sort(key=lambda d: d.id)
    return result


def _read_text(
    path: Path, text: str, published: date | None, parse_date: DateParser, warnings: list[str]
) -> Document | None:
    if not text.strip():
        warnings.append(f"{path}: empty file, skipped")
        return None
    fm, body_at = _parse_front_matter(path, text)
    if fm is None:
        fm, body_at = _parse_header_block(path, text, parse_date)
        if fm is not None:  # a byline or a date line under an e-mail style header is no body either
            for _s, e, line in _lines_with_offsets(text, body_at, 3):
                if not (_BYLINE.match(line) or (_date_line_shape(line) and isinstance(parse_date(line), date))):
                    break
                body_at = e
    doc_id = (fm.id if fm and fm.id else None) or path.stem
    title = fm.title if fm else None
    pub = fm.published if fm else None
    source = "front-matter" if pub else "none"
    if fm is not None:
        body_start = body_at  # with front matter, the body is all text: no title line, no byline
    else:
        head_title, head_date, body_start, inferred = _header(text, body_at, parse_date)
        title = title or head_title
        if pub is None and head_date is not None:
            pub, source = head_date, "byline"
            if inferred:
                warnings.append(f"{path}: dateline has no year; took {head_date.year} from the text")
    if published is not None:
        pub, source = published, "override"
    if pub is None:
        warnings.append(
            f"{path}: no publication date (front matter, byline or --published); relative dates stay unresolved"
        )
    return Document(
        id=doc_id, path=str(path), title=title, published=pub, published_from=source,
        url=fm.url if fm else None, source=fm.source if fm else None, text=text, body_start=body_start,
    )


def _read_jsonl(path: Path, text: str, published: date | None, warnings: list[str]) -> list[Document]:
    docs = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
        try:
            rec = JsonlRecord.model_validate(data)
        except ValidationError as exc:
            msgs = []
            for err in exc.errors():
                key = ".".join(str(p) for p in err["loc"])
                what = f"unknown field {key!r}" if err["type"] == "extra_forbidden" else f"{key}: {err['msg']}"
                msgs.append(f"{path}:{lineno}:1: {what}")
            raise InputError("\n".join(msgs)) from None
        pub = published or rec.published
        if pub is None:
            warnings.append(f"{path}:{lineno}: record {rec.id!r} has no publication date")
        docs.append(
            Document(
                id=rec.id, path=f"{path}:{lineno}", title=rec.title, published=pub,
                published_from="override" if published else ("record" if rec.published else "none"),
                url=rec.url, source=rec.source, text=rec.text, body_start=0,
            )
        )
    return docs
