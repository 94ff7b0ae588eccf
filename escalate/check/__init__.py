"""``escalate rules check``: validate a rule pack, run its cases, property-test its consistency.

1. schema: every file loads (YAML syntax, unknown keys, types, categories, ranges, duplicate ids),
   every problem with file:line:column;
2. validators: ``never_fires``, ``conflicting_labels``, ``shadowed``, ``stable_without_cases``;
3. cases: every ``*.cases.yaml`` case beside the rules (``case_failed``);
4. properties: hypothesis over generated event sets, per rule and for the pack
   (see ``escalate.check.properties``), violations shrunk to a small event table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from escalate.check.base import Issue, check_id
from escalate.errors import RulesError

CHECKS = {
    "schema": "files load: YAML syntax, unknown keys, types, categories, ranges, duplicate ids",
    "never_fires": "a rule no event of the lexicon can satisfy, or whose cue can never be met",
    "conflicting_labels": "two rules that may label the same pair differently",
    "shadowed": "a rule that a higher-priority rule always beats",
    "stable_without_cases": "a stable rule without a link and a nolink case",
    "case_failed": "a case beside a rule does not hold",
    "property": "a consistency property fails on generated events",
}


@dataclass
class CheckResult:
    issues: list[Issue] = field(default_factory=list)
    rules: int = 0
    cases: int = 0

    @property
    def failed(self) -> bool:
        return any(i.severity == "error" for i in self.issues)


def run_checks(rules_dir: Path, *, max_examples: int = 40, seed: int | None = None,
               skip: frozenset[str] = frozenset()) -> CheckResult:
    from escalate.check.properties import check_properties, event_table
    from escalate.check.validators import NeverFiresCheck, pairwise
    from escalate.events.lexicon import load_events
    from escalate.links.cases import load_cases, run_case
    from escalate.pipeline import Pipeline

    res = CheckResult()

    def add(check: str, severity: str, message: str, lr=None, example: str = "", path: str = "", line: int = 0,
            column: int = 0):
        if check in skip:
            return
        res.issues.append(Issue(path=lr.path if lr else path, line=lr.line if lr else line, check=check,
                                severity=severity, message=message, rule=lr.rule.id if lr else "", example=example,
                                column=column))

    try:
        pipe = Pipeline(rules_dir)
    except RulesError as exc:
        for p in exc.problems:
            add(p.check, p.severity, p.message, path=p.path, line=p.line, column=p.column)
        return res
    from escalate.links.rules import load_rules

    located = list(load_rules(pipe.res.rules_dir))
    res.rules = len(located)
    NeverFiresCheck(load_events(pipe.res.rules_dir), pipe.res.cues).run(
        located, lambda lr, msg, sev: add("never_fires", sev, msg, lr))
    order = [r.id for r in pipe.res.linker.rules]
    pairwise(located, order, lambda lr, msg: add("conflicting_labels", "info", msg, lr),
             lambda lr, msg: add("shadowed", "warning", msg, lr))
    try:
        cases = load_cases(pipe.res.rules_dir)
    except RulesError as exc:
        for p in exc.problems:
            add("schema", "error", p.message, path=p.path, line=p.line, column=p.column)
        cases = []
    res.cases = len(cases)
    kinds: dict[str, set[str]] = {}
    known = {lr.rule.id for lr in located}
    for path, line, case in cases:
        kinds.setdefault(case.rule, set()).add(case.expect)
        if case.rule not in known:
            add("case_failed", "error", f"case {case.name!r} names unknown rule {case.rule!r}", path=str(path), line=line)
            continue
        if "case_failed" in skip:
            continue
        r = run_case(pipe, path, line, case)
        if not r.ok:
            add("case_failed", "error", f"{case.rule}: case {case.name!r}: {r.message}", path=str(path), line=line)
    for lr in located:
        if lr.rule.status == "stable" and not {"link", "nolink"} <= kinds.get(lr.rule.id, set()):
            add("stable_without_cases", "error",
                f"stable rule has no {' and no '.join(sorted({'link', 'nolink'} - kinds.get(lr.rule.id, set())))} "
                "case (add them to a .cases.yaml file beside it, or mark it experimental)", lr)
    if "property" not in skip:
        active = [lr for lr in located if lr.rule.status != "deprecated"]

        def violation(lr, prop, detail, events):
            where = lr.rule.id if lr else "the whole pack"
            add("property", "error", f"{where}: property {prop} fails: {detail}", lr,
                example="shrunk counterexample:\n" + event_table(events),
                path=str(pipe.res.rules_dir / "links"))

        check_properties(active, active, max_examples, seed, violation)
    res.issues.sort()
    return res


__all__ = ["CHECKS", "CheckResult", "Issue", "check_id", "run_checks"]
