"""Shared fixtures: one pipeline per session (loading the rule pack compiles every pattern once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from escalate.pipeline import Analysis, Pipeline
from escalate.resources import rules_dir, seeds_dir

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"


@pytest.fixture(scope="session")
def pipe() -> Pipeline:
    return Pipeline()


def analyse(pipe: Pipeline, *paths: Path) -> Analysis:
    read = pipe.read(list(paths))
    return pipe.analyse(read.documents, read.warnings)


@pytest.fixture(scope="session")
def seed(pipe: Pipeline) -> Analysis:
    return analyse(pipe, seeds_dir())


def linked_pack(tmp_path: Path, edit: str = "links") -> Path:
    """A rule pack under ``tmp_path`` for tests that change one folder of the shipped pack.

    The folder ``edit`` is a real folder whose files link to the shipped ones (a test adds files to
    it, or replaces one by first unlinking it); every other folder links to the shipped folder, so
    the loaders, cached by each folder's real path, reuse the lexicons the session compiled once."""
    shipped = rules_dir()
    pack = tmp_path / "rules"
    pack.mkdir()
    for entry in sorted(shipped.iterdir()):
        if entry.name == edit:
            (pack / edit).mkdir()
            for f in sorted(entry.iterdir()):
                (pack / edit / f.name).symlink_to(f)
        else:
            (pack / entry.name).symlink_to(entry)
    return pack


def add_file(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` as ``folder/name``, replacing a link there without writing through it."""
    target = folder / name
    if target.is_symlink():
        target.unlink()
    target.write_text(text, encoding="utf-8")
    return target
