"""Shared fixtures: one pipeline per session (loading the rule pack compiles every pattern once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from escalate.pipeline import Analysis, Pipeline
from escalate.resources import seeds_dir

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
