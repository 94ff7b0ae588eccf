"""The temporal rule pack is data: malformed files give located errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from escalate import resources
from escalate.errors import RulesError
from escalate.time import load_tagger


def _copy_pack(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(resources.rules_dir() / "time", root / "time")
    return root


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_bundled_pack_loads() -> None:
    tagger = load_tagger()
    assert len(tagger.pack.rules) > 50
    assert tagger.pack.index


def test_unknown_pattern_is_located(tmp_path: Path) -> None:
    root = _copy_pack(tmp_path)
    _write(root / "time/en/rules/zz_extra.yaml", 'rules:\n  - name: bad\n    match: "{no_such_pattern} later"\n')
    with pytest.raises(RulesError) as err:
        load_tagger(root)
    msg = str(err.value)
    assert "zz_extra.yaml:3:" in msg and "no_such_pattern" in msg


def test_unknown_field_is_located(tmp_path: Path) -> None:
    root = _copy_pack(tmp_path)
    _write(root / "time/en/rules/zz_extra.yaml", 'rules:\n  - name: bad\n    match: "x"\n    colour: red\n')
    with pytest.raises(RulesError) as err:
        load_tagger(root)
    assert "zz_extra.yaml:4:" in str(err.value) and "colour" in str(err.value)


def test_unknown_slot_is_located(tmp_path: Path) -> None:
    root = _copy_pack(tmp_path)
    _write(root / "time/en/rules/zz_extra.yaml", 'rules:\n  - name: bad\n    match: "{month} x"\n    day: $day\n')
    with pytest.raises(RulesError) as err:
        load_tagger(root)
    assert "zz_extra.yaml:4:" in str(err.value) and "$day" in str(err.value)


def test_unknown_table_is_located(tmp_path: Path) -> None:
    root = _copy_pack(tmp_path)
    _write(root / "time/en/patterns/zz.yaml", "patterns:\n  thing:\n    words: [x]\n    value: nowhere\n")
    with pytest.raises(RulesError) as err:
        load_tagger(root)
    assert "zz.yaml:4:" in str(err.value) and "nowhere" in str(err.value)


def test_bad_regex_and_yaml(tmp_path: Path) -> None:
    root = _copy_pack(tmp_path)
    _write(root / "time/en/rules/zz_extra.yaml", 'rules:\n  - name: bad\n    match: "(unclosed"\n')
    with pytest.raises(RulesError) as err:
        load_tagger(root)
    assert "zz_extra.yaml:2:" in str(err.value) and "bad regex" in str(err.value)
    _write(root / "time/en/rules/zz_extra.yaml", "rules: [\n")
    with pytest.raises(RulesError) as err:
        load_tagger(root)
    assert "zz_extra.yaml" in str(err.value)


def test_extra_rule_is_used(tmp_path: Path) -> None:
    root = _copy_pack(tmp_path)
    _write(
        root / "time/en/rules/zz_extra.yaml",
        'rules:\n  - name: ramadan_start\n    match: "the eve of the holiday"\n    unit: D\n    shift: 0\n',
    )
    tagger = load_tagger(root)
    found = tagger.tag("They struck on the eve of the holiday.", None)
    assert [t.text for t in found] == ["the eve of the holiday"]


def test_second_expression_needs_fields(tmp_path: Path) -> None:
    root = _copy_pack(tmp_path)
    _write(root / "time/en/rules/zz_extra.yaml", 'rules:\n  - name: bad\n    match: "<<{month}>> x [[{day}]]"\n')
    with pytest.raises(RulesError) as err:
        load_tagger(root)
    assert "zz_extra.yaml:3:" in str(err.value) and "second" in str(err.value)


def test_duplicate_rule_name_is_located(tmp_path: Path) -> None:
    root = _copy_pack(tmp_path)
    _write(root / "time/en/rules/zz_extra.yaml", 'rules:\n  - name: today\n    match: "this very day"\n')
    with pytest.raises(RulesError) as err:
        load_tagger(root)
    assert "zz_extra.yaml:2:" in str(err.value) and "already used" in str(err.value)
