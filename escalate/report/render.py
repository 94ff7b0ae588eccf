"""Reporters: JSON (the public contract), Markdown, and terminal text via rich.

Reporters only render a finished ``View``; they never compute links or ranks.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from escalate.models import Chain, Event, Link, Report
from escalate.registry import reporter
from escalate.report.narrative import Wording, code_text, what_text, when_text

WIDTH = 100


@dataclass
class View:
    """What a command shows: the report plus what reporters need to word it."""

    report: Report
    wording: Wording
    names: dict[str, str] = field(default_factory=dict)
    title: str = "escalate"
    warnings: list[str] = field(default_factory=list)

    @property
    def events(self) -> dict[str, Event]:
        return {e.id: e for e in self.report.events}

    @property
    def links(self) -> dict[str, Link]:
        return {ln.id: ln for ln in self.report.links}


def to_json(view: View) -> str:
    return json.dumps(view.report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _link_reason(ln: Link) -> str:
    how = f"stated: “{ln.cue.text}” ({ln.cue.sentence})" if ln.cue else "inferred from actors and timing"
    return f"{ln.label} · {ln.rule} · {how} · confidence {ln.confidence:.2f}"


def _chain_span(view: View, c: Chain) -> str:
    evs = view.events
    return f"{when_text(view.wording, evs[c.events[0]])} → {when_text(view.wording, evs[c.events[-1]])}"


# ---------------------------------------------------------------------- markdown
def chains_markdown(view: View) -> str:
    out = [f"# {view.title}", ""]
    if not view.report.chains:
        out.append("No escalation chain found.")
    evs, lns = view.events, view.links
    for c in view.report.chains:
        out.append(f"## Chain {c.rank}: {_chain_span(view, c)}")
        out.append("")
        out.append(f"Score {c.score:.2f} · {len(c.events)} events · trend {c.trend} · "
                   + ", ".join(f"{k} {v:.2f}" for k, v in c.components.items()))
        out.append("")
        for i, step in enumerate(c.steps, start=1):
            e = evs[step.event]
            out.append(f"{i}. **{when_text(view.wording, e)}** · *{step.role}* · "
                       f"{what_text(view.wording, e, view.names)} ({code_text(e)})")
            if step.link:
                out.append(f"   - linked as {_link_reason(lns[step.link])}")
            for cit in e.citations[:3]:
                out.append(f"   > “{cit.text}” — `{cit.sentence}`")
            out.append("")
        if c.branches:
            out.append("Branches: " + ", ".join(f"`{b}` ({when_text(view.wording, evs[b])}, {evs[b].category})"
                                                for b in c.branches))
            out.append("")
    if view.report.issues:
        out += ["## Temporal reasoning notes", ""] + [f"- {iss.message}" for iss in view.report.issues] + [""]
    return "\n".join(out).rstrip() + "\n"


def events_markdown(view: View) -> str:
    out = [f"# {view.title}", "", "| id | when | what | code | cited |", "|---|---|---|---|---|"]
    for e in view.report.events:
        cites = "; ".join(c.sentence for c in e.citations)
        mod = "" if e.modality == "asserted" else f" *({e.modality})*"
        out.append(f"| `{e.id}` | {when_text(view.wording, e)} | {what_text(view.wording, e, view.names)}{mod} | "
                   f"{code_text(e)} | {cites} |")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------- text (rich)
def _finish(buf: io.StringIO) -> str:
    """Rich pads lines to the console width; the text we hand over has no trailing blanks."""
    return "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())


def _console(buf: io.StringIO) -> Console:
    return Console(file=buf, width=WIDTH, force_terminal=False, color_system=None, soft_wrap=False,
                   highlight=False, emoji=False)


def _block(con: Console, text: str, indent: int, style: str = "") -> None:
    con.print(Padding(Text(text, style=style), (0, 0, 0, indent)))


def chains_text(view: View) -> str:
    buf = io.StringIO()
    con = _console(buf)
    evs, lns = view.events, view.links
    if not view.report.chains:
        con.print("No escalation chain found.")
    for c in view.report.chains:
        con.rule(f"Chain {c.rank} · {_chain_span(view, c)}", align="left")
        _block(con, f"{len(c.events)} events · trend {c.trend} · score {c.score:.2f}", 0)
        con.print()
        for i, step in enumerate(c.steps, start=1):
            e = evs[step.event]
            _block(con, f"{i}. {when_text(view.wording, e)} — {step.role}", 0, "bold")
            _block(con, f"{what_text(view.wording, e, view.names)} [{code_text(e)}]", 3)
            if step.link:
                _block(con, f"↳ {_link_reason(lns[step.link])}", 3)
            for cit in e.citations[:2]:
                _block(con, f"“{cit.text}” — {cit.sentence} [{cit.start}:{cit.end}]", 6)
            if len(e.citations) > 2:
                _block(con, f"(+{len(e.citations) - 2} more citations)", 6)
        if c.branches:
            _block(con, "Branches: " + ", ".join(
                f"{b} ({when_text(view.wording, evs[b])}, {evs[b].category})" for b in c.branches), 3)
        con.print()
    if view.report.issues:
        con.print("Temporal reasoning notes:")
        for iss in view.report.issues:
            _block(con, f"- {iss.message}", 2)
    return _finish(buf)


def events_text(view: View) -> str:
    buf = io.StringIO()
    con = _console(buf)
    table = Table(title=view.title, show_lines=False, expand=True)
    for col in ("when", "what", "code", "cited"):
        table.add_column(col)
    for e in view.report.events:
        mod = "" if e.modality == "asserted" else f" ({e.modality})"
        table.add_row(escape(when_text(view.wording, e)), escape(what_text(view.wording, e, view.names) + mod),
                      escape(code_text(e)), escape(", ".join(c.sentence for c in e.citations)))
    con.print(table)
    return _finish(buf)


def timeline_text(view: View) -> str:
    buf = io.StringIO()
    con = _console(buf)
    for e in view.report.events:
        if e.modality != "asserted":
            continue
        con.print(f"[bold]{escape(when_text(view.wording, e))}[/bold]  {escape(what_text(view.wording, e, view.names))}"
                  f"  [{escape(code_text(e))}]")
        con.print(f"    “{escape(e.citations[0].text)}” — {escape(e.citations[0].sentence)}")
    return _finish(buf)


def timeline_markdown(view: View) -> str:
    out = [f"# {view.title}", ""]
    for e in view.report.events:
        if e.modality != "asserted":
            continue
        out.append(f"- **{when_text(view.wording, e)}** — {what_text(view.wording, e, view.names)} ({code_text(e)})")
        out.append(f"  > “{e.citations[0].text}” — `{e.citations[0].sentence}`")
    return "\n".join(out) + "\n"


reporter("chains.text")(chains_text)
reporter("chains.markdown")(chains_markdown)
reporter("events.text")(events_text)
reporter("events.markdown")(events_markdown)
reporter("timeline.text")(timeline_text)
reporter("timeline.markdown")(timeline_markdown)
reporter("json")(to_json)
