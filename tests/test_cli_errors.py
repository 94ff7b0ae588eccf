"""Bad input: a clear message and a non-zero exit, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys

from escalate.resources import rules_dir


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "escalate.cli", *args], capture_output=True, text=True, timeout=120)


def test_unparseable_date():
    r = run("chain", "--from", "the day after never")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "not a date I can read" in r.stderr


def _pack_with(tmp_path, rel: str, old: str, new: str):
    """A copy of the shipped rule pack with one edit in one file."""
    pack = tmp_path / "rules"
    shutil.copytree(rules_dir(), pack)
    f = pack / rel
    f.write_text(f.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return pack


def test_malformed_rule_pack(tmp_path):
    pack = _pack_with(tmp_path, "links/retaliation.yaml", "cue: stated\n", "cue: stated\n    colour: red\n")
    (pack / "links" / "broken.yaml").write_text("rules:\n  - id: a.b\n    label: [unclosed\n", encoding="utf-8")
    r = run("chain", "--rules", str(pack))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "retaliation.yaml:" in r.stderr and "unknown field 'colour'" in r.stderr
    assert "broken.yaml:" in r.stderr and "YAML syntax" in r.stderr
    check = run("rules", "check", str(pack))
    assert check.returncode == 1 and "unknown field 'colour'" in check.stdout


def test_empty_corpus(tmp_path):
    r = run("events", str(tmp_path))
    assert r.returncode == 2 and "empty corpus" in r.stderr and "Traceback" not in r.stderr


def test_graph_never_overwrites(tmp_path):
    out = tmp_path / "g.graphml"
    out.write_text("mine", encoding="utf-8")
    r = run("graph", "-o", str(out))
    assert r.returncode == 2 and "never overwrites" in r.stderr
    assert out.read_text(encoding="utf-8") == "mine"


def test_every_command_has_help_with_example():
    for cmd in (["chain"], ["events"], ["timeline"], ["timex"], ["graph"], ["explain"], ["rules", "check"],
                ["eval", "timebank"], ["eval", "cnc"], ["eval", "plover"], ["eval", "acled"]):
        r = run(*cmd, "--help")
        assert r.returncode == 0 and "Example:" in r.stdout, cmd


def test_option_errors_and_impossible_dates(tmp_path):
    r = run("chain", "--top", "0")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "--top" in r.stderr
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: x\npublished: 2020-13-01\n---\nText.\n", encoding="utf-8")
    r = run("events", str(bad))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "bad.md:2:1" in r.stderr


def test_participle_details_must_name_a_category(tmp_path):
    pack = _pack_with(tmp_path, "events/roles.yaml", "PROTEST: [COERCE/destroy]", "PROTEST: [BURN/destroy]")
    r = run("events", "--rules", str(pack))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "roles.yaml" in r.stderr and "'BURN/destroy' is not CATEGORY or CATEGORY/mode" in r.stderr


def test_an_alliance_with_an_unknown_actor_is_a_located_error(tmp_path):
    pack = _pack_with(tmp_path, "actors/armed_groups.yaml", "allies: [ttp]", "allies: [no_such_group]")
    r = run("chain", "--rules", str(pack))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "armed_groups.yaml:" in r.stderr and "no_such_group" in r.stderr
