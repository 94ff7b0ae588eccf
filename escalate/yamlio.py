"""YAML loading that remembers where every value came from.

Rule packs and lexicons are user-written data: every problem must be reported as
``path:line:column: message``. ``load_yaml`` returns plain ``dict``/``list`` subclasses
that carry the line and column of each key and item, and ``validate`` turns pydantic
errors into located messages, all of them at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from escalate.errors import Problem, RulesError

M = TypeVar("M", bound=BaseModel)


class LocDict(dict):
    """A mapping that knows the (line, column) of itself and of each key (1-based)."""

    mark: tuple[int, int] = (1, 1)
    key_marks: dict[Any, tuple[int, int]]


class LocList(list):
    mark: tuple[int, int] = (1, 1)
    item_marks: list[tuple[int, int]]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


# libyaml's parser (C) when this PyYAML has it: a rule pack parses about five times faster; marks,
# errors and the constructors below are the same
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader with YAML 1.2 booleans: only true/false, so "on", "no", "off" stay words."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _Loader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocDict:
    loader.flatten_mapping(node)
    out = LocDict()
    out.mark = _mark(node)
    out.key_marks = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_marks[key] = _mark(key_node)
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocList:
    out = LocList(loader.construct_object(child, deep=True) for child in node.value)
    out.mark = _mark(node)
    out.item_marks = [_mark(child) for child in node.value]
    return out


def _construct_timestamp_as_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Keep dates as written ("2020-01-03"); models parse them, and errors quote the text.
    return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_str)


@dataclass(frozen=True)
class Located:
    """A loaded YAML document with its path."""

    path: Path
    data: Any


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RulesError([Problem(str(path), 1, 1, f"not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise RulesError([Problem(str(path), 0, 0, f"cannot read: {exc.strerror}")]) from None


def load_yaml(path: Path, text: str | None = None) -> Located:
    """Parse one YAML file; syntax errors become a located ``RulesError``."""
    if text is None:
        text = read_text(path)
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        msg = exc.problem or str(exc)
        if exc.context:
            msg = f"{msg} ({exc.context})"
        raise RulesError([Problem(str(path), line, col, f"YAML syntax: {msg}")]) from None
    except yaml.YAMLError as exc:
        raise RulesError([Problem(str(path), 0, 0, f"YAML: {exc}")]) from None
    return Located(path, data)


def locate(data: Any, loc: Iterable[Any]) -> tuple[int, int]:
    """Best line/column for a pydantic error location inside loaded YAML."""
    best = getattr(data, "mark", (1, 1))
    node = data
    for part in loc:
        if isinstance(node, LocDict) and part in node:
            best = node.key_marks.get(part, best)
            node = node[part]
        elif isinstance(node, LocList) and isinstance(part, int) and 0 <= part < len(node):
            best = node.item_marks[part]
            node = node[part]
        else:
            break
        best = getattr(node, "mark", best) if isinstance(node, (LocDict, LocList)) and not isinstance(
            part, str
        ) else best
    return best


def problems_from_validation(path: Path, data: Any, exc: ValidationError, prefix: tuple = ()) -> list[Problem]:
    out: list[Problem] = []
    for err in exc.errors():
        loc = prefix + tuple(err["loc"])
        line, col = locate(data, loc)
        where = ".".join(str(p) for p in loc if not str(p).startswith("function-"))
        kind = err["type"]
        if kind == "extra_forbidden":
            msg = f"unknown field {loc[-1]!r}" + (f" in {'.'.join(map(str, loc[:-1]))}" if len(loc) > 1 else "")
        else:
            msg = f"{where}: {err['msg']}" if where else err["msg"]
        out.append(Problem(str(path), line, col, msg, check="schema"))
    return out


def validate(model: type[M], located: Located, data: Any = None, prefix: tuple = ()) -> M:
    """Validate ``data`` (default: the whole file) against ``model``; raise all problems at once."""
    payload = located.data if data is None else data
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise RulesError(problems_from_validation(located.path, located.data, exc, prefix)) from None


@dataclass
class Listed:
    """What ``load_listed`` read: items with their file and line, the file models (and each one's
    loaded YAML, for the marks of its other keys), the problems."""

    items: list[tuple[Path, int, Any]]
    files: list[Any]
    problems: list[Problem]
    located: list[Located] = field(default_factory=list)


def load_listed(paths: Iterable[Path], model: type[M], key: str, unique: str | None = None) -> Listed:
    """Validate every file against ``model`` and list the items under ``key`` with their path and line.

    With ``unique`` (an attribute name such as ``"id"``), a later item repeating an earlier one's value
    is left out with a ``duplicate_id`` problem. Problems of all files are collected, not raised, so
    a caller can report them all at once."""
    out = Listed([], [], [])
    seen: dict[Any, str] = {}
    for path in paths:
        try:
            located = load_yaml(path)
            spec = validate(model, located)
        except RulesError as exc:
            out.problems.extend(exc.problems)
            continue
        out.files.append(spec)
        out.located.append(located)
        marks = getattr(located.data.get(key), "item_marks", [])
        for i, item in enumerate(getattr(spec, key)):
            line = marks[i][0]
            if unique is not None:
                value = getattr(item, unique)
                if value in seen:
                    out.problems.append(Problem(str(path), line, 1, f"duplicate {unique} {value!r} (first at "
                                                f"{seen[value]})", check="duplicate_id"))
                    continue
                seen[value] = f"{path}:{line}"
            out.items.append((path, line, item))
    return out
