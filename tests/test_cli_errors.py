"""Bad input: a clear message and a non-zero exit, never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from escalate.cli import main

from .conftest import add_file, linked_pack


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str) -> Run:
    """The console entry point ``main()`` in this process, as a user's shell would run it: its exit
    status and what it wrote. An exception that escapes ``main()`` (a traceback) fails the test."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["escalate", *args]
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
    return Run(code, out.getvalue(), err.getvalue())


def test_the_installed_module_runs_in_its_own_process():
    r = subprocess.run([sys.executable, "-m", "escalate.cli", "chain", "--top", "0"], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "--top" in r.stderr


def test_unparseable_date():
    r = run("chain", "--from", "the day after never")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "not a date I can read" in r.stderr


def _pack_with(tmp_path, rel: str, old: str, new: str):
    """A pack linking to the shipped one, with one edit in one file (the shipped file stays)."""
    folder, name = rel.split("/")
    pack = linked_pack(tmp_path, edit=folder)
    add_file(pack / folder, name, (pack / rel).read_text(encoding="utf-8").replace(old, new, 1))
    return pack


def test_malformed_rule_pack(tmp_path):
    pack = _pack_with(tmp_path, "links/retaliation.yaml", "cue: stated\n", "cue: stated\n    colour: red\n")
    add_file(pack / "links", "broken.yaml", "rules:\n  - id: a.b\n    label: [unclosed\n")
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
