"""Command line: parses options, calls the library, prints what a reporter rendered."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from escalate.errors import EscalateError, InputError

app = typer.Typer(
    name="escalate",
    help="Read conflict news, place events on a temporal graph and tell cited tit-for-tat escalation chains.\n\n"
    'Example: escalate chain --from "Dec 2019"',
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score escalate on public corpora (skips cleanly when the data is absent).",
                       no_args_is_help=True)
rules_app = typer.Typer(help="Work with rule packs.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(rules_app, name="rules")


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


class GraphFormat(StrEnum):
    graphml = "graphml"
    dot = "dot"
    json = "json"


CorpusArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders (.txt/.md with optional front matter, .jsonl). "
                   "Default: the bundled seeds.", show_default=False),
]
RulesOpt = Annotated[Path | None, typer.Option("--rules", help="Rule pack folder (default: the bundled rules).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date for every document (overrides front matter).")
]


def _out(text: str) -> None:
    sys.stdout.write(text)


def _warn(msg: str) -> None:
    typer.echo(f"escalate: warning: {msg}", err=True)


def _pipeline(rules: Path | None):
    from escalate.pipeline import Pipeline

    if rules is not None and not rules.is_dir():
        raise InputError(f"{rules}: rule pack folder not found")
    return Pipeline(rules)


def _date_arg(pipe, expr: str | None, option: str, dct: date | None = None, day: bool = False):
    if expr is None:
        return None
    t = pipe.res.tagger.parse_when(expr, dct)
    if t is None or t.earliest is None or t.latest is None:
        raise InputError(f"{option} {expr!r}: not a date I can read (try \"Dec 2019\", \"2019-12-27\", "
                         "\"early January 2020\")")
    if day:
        if t.earliest != t.latest:
            raise InputError(f"{option} {expr!r}: give a single day, e.g. 2020-03-13")
        return t.earliest
    return t


def _analyse(corpus: list[Path] | None, rules: Path | None, published: str | None):
    from escalate.resources import seeds_dir

    pipe = _pipeline(rules)
    pub = _date_arg(pipe, published, "--published", day=True)
    paths = list(corpus) if corpus else [seeds_dir()]
    read = pipe.read(paths, pub)
    for w in read.warnings:
        _warn(w)
    analysis = pipe.analyse(read.documents, read.warnings)
    return pipe, analysis


def _view(pipe, analysis, chains=None, with_links=True, title="escalate"):
    from escalate.report.narrative import load_wording
    from escalate.report.render import View

    names = {k: a.name for k, a in pipe.res.actors.actors.items()}
    return View(analysis.report(chains, with_links), load_wording(pipe.res.rules_dir), names, title)


def _actor_filter(pipe, query: str | None):
    if not query:
        return None
    q = query.strip().lower()
    lex = pipe.res.actors
    ids: set[str] = set()
    for surface, cands in lex._surface.items():
        if surface.lower() == q:
            ids.update(lex.root(c[0]) for c in cands)
            ids.update(c[0] for c in cands)

    def match(ref) -> bool:
        if ref is None:
            return False
        fields = {ref.id.lower(), ref.name.lower(), (ref.country or "").lower(), (ref.side or "").lower(),
                  ref.text.lower()}
        return q in fields or bool(ids & {ref.id, ref.side, *ref.backed_by})

    return match


@app.command()
def chain(
    corpus: CorpusArg = None,
    rules: RulesOpt = None,
    format: FormatOpt = Format.text,
    published: PublishedOpt = None,
    from_: Annotated[str | None, typer.Option("--from", help='Earliest date: "Dec 2019", "2019-12-27", '
                                              '"early January 2020".')] = None,
    to: Annotated[str | None, typer.Option("--to", help="Latest date (same forms as --from).")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only chains involving this actor (name, alias "
                                              "or ISO code).")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many chains to show.")] = 5,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                  help="Ignore links below this confidence.")] = 0.0,
    rank_by: Annotated[str, typer.Option("--rank-by", help="score, confidence, length, evidence, escalation, "
                                         "tempo or force.")] = "score",
) -> None:
    """Tell ranked escalation chains, each step cited.

    Example: escalate chain --from "Dec 2019" --format markdown
    """
    from escalate.rank.chains import COMPONENTS, ChainQuery, build_chains
    from escalate.report import render

    if rank_by != "score" and rank_by not in COMPONENTS:
        raise InputError(f"--rank-by {rank_by!r}: use score or one of {', '.join(COMPONENTS)}")
    pipe, a = _analyse(corpus, rules, published)
    dct = max((d.published for d in a.documents if d.published), default=None)
    start = _date_arg(pipe, from_, "--from", dct)
    end = _date_arg(pipe, to, "--to", dct)
    from escalate.pipeline import camp

    q = ChainQuery(start=start.earliest if start else None, end=end.latest if end else None,
                   actor=_actor_filter(pipe, actor), min_confidence=min_confidence, top=top, rank_by=rank_by)
    chains = build_chains(a.events, a.links, camp, pipe.res.rank, q)
    view = _view(pipe, a, chains, title="Escalation chains")
    _out({Format.json: render.to_json, Format.markdown: render.chains_markdown,
          Format.text: render.chains_text}[format](view))


@app.command()
def events(
    corpus: CorpusArg = None,
    rules: RulesOpt = None,
    format: FormatOpt = Format.text,
    published: PublishedOpt = None,
) -> None:
    """List the events found, each with its citations.

    Example: escalate events articles/ --format json
    """
    from escalate.report import render

    pipe, a = _analyse(corpus, rules, published)
    # JSON carries every link too (the event graph's edges); the tables list events only
    view = _view(pipe, a, with_links=format == Format.json, title="Events")
    _out({Format.json: render.to_json, Format.markdown: render.events_markdown,
          Format.text: render.events_text}[format](view))


@app.command()
def timeline(
    corpus: CorpusArg = None,
    rules: RulesOpt = None,
    format: FormatOpt = Format.text,
    published: PublishedOpt = None,
) -> None:
    """Events in time order, with their dates at the precision known.

    Example: escalate timeline seeds/ --format markdown
    """
    from escalate.report import render

    pipe, a = _analyse(corpus, rules, published)
    view = _view(pipe, a, title="Timeline")
    _out({Format.json: render.to_json, Format.markdown: render.timeline_markdown,
          Format.text: render.timeline_text}[format](view))


@app.command()
def timex(
    files: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    dct: Annotated[str | None, typer.Option("--dct", help="Document creation time YYYY-MM-DD "
                                            "(default: front matter or byline).")] = None,
    rules: RulesOpt = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="json, text or markdown.")] = Format.json,
) -> None:
    """Tag and normalise temporal expressions (TIMEX3).

    Example: escalate timex article.txt --dct 2020-03-13 --format text
    """
    import json

    pipe = _pipeline(rules)
    override = _date_arg(pipe, dct, "--dct", day=True)
    read = pipe.read(files, override)
    for w in read.warnings:
        _warn(w)
    docs = []
    for d in read.documents:
        tx = pipe.res.tagger.tag(d.text, d.published)
        docs.append({"doc": d.id, "dct": d.published.isoformat() if d.published else None,
                     "timexes": [t.model_dump(mode="json") for t in tx]})
    if format == Format.json:
        _out(json.dumps({"documents": docs}, indent=2, ensure_ascii=False) + "\n")
    elif format == Format.markdown:
        lines = []
        for d in docs:
            lines += [f"## {d['doc']} (DCT {d['dct']})", "", "| offsets | type | value | mod | text | interval |",
                      "|---|---|---|---|---|---|"]
            for t in d["timexes"]:
                text = t["text"].replace("|", "\\|")
                lines.append(f"| {t['start']}-{t['end']} | {t['type']} | {t['value']} | {t['mod'] or ''} | "
                             f"{text} | {t['earliest'] or ''}..{t['latest'] or ''} |")
            lines.append("")
        _out("\n".join(lines))
    else:
        lines = []
        for d in docs:
            lines.append(f"# {d['doc']} (DCT {d['dct']})")
            for t in d["timexes"]:
                mod = f" mod={t['mod']}" if t["mod"] else ""
                lines.append(f"{t['start']:>6}-{t['end']:<6} {t['type']:<8} {t['value']:<14}{mod}  "
                             f"{t['text']!r}  [{t['earliest']}..{t['latest']}]")
        _out("\n".join(lines) + "\n")


@app.command()
def graph(
    corpus: CorpusArg = None,
    rules: RulesOpt = None,
    format: Annotated[GraphFormat, typer.Option("--format", "-f", help="graphml, dot or json.")] = GraphFormat.graphml,
    published: PublishedOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this new file "
                                                "(never overwrites).")] = None,
) -> None:
    """Export the event/link graph for Gephi (GraphML), Graphviz (dot) or code (JSON).

    Example: escalate graph seeds/ --format graphml -o seed.graphml
    """
    from escalate.report.graph import export

    pipe, a = _analyse(corpus, rules, published)
    view = _view(pipe, a, title="Event graph")
    text = export(view, format.value)
    if output is None:
        _out(text)
        return
    if output.exists():
        raise InputError(f"{output}: already exists; escalate never overwrites a file (choose another name)")
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


@app.command()
def explain(
    item: Annotated[str, typer.Argument(help="An event id (ev_...) or link id (ln_...).")],
    corpus: CorpusArg = None,
    rules: RulesOpt = None,
    published: PublishedOpt = None,
) -> None:
    """Explain one event (mentions, actors, time reasoning) or link (rule, cue, timing).

    Example: escalate explain ev_0123456789 seeds/
    """
    from escalate.report.explain import explain_item

    pipe, a = _analyse(corpus, rules, published)
    view = _view(pipe, a, title="Explain")
    text = explain_item(view, a, item)
    if text is None:
        raise InputError(f"{item}: no such event or link in this corpus (ids: `escalate events --format json`)")
    _out(text)


@eval_app.command("timebank")
def eval_timebank(
    folder: Annotated[Path, typer.Argument(help="Folder of TimeML (.tml) files.")] = Path("../shared/data/timebank"),
    worst: Annotated[int, typer.Option(help="How many worst misses to list.")] = 20,
) -> None:
    """TempEval-3 style scores of the temporal tagger on TimeML files.

    Example: escalate eval timebank ../shared/data/timebank
    """
    from escalate.eval import timebank

    raise typer.Exit(timebank.main([str(folder), "--worst", str(worst)]))


@eval_app.command("cnc")
def eval_cnc(
    folder: Annotated[Path, typer.Argument(help="Causal News Corpus folder.")] = Path("../shared/data/cnc"),
) -> None:
    """Score the causal-cue lexicon on the Causal News Corpus (signal spans, direction, sentences).

    Example: escalate eval cnc ../shared/data/cnc
    """
    from escalate.eval import cnc

    raise typer.Exit(cnc.main([str(folder)]))


@eval_app.command("plover")
def eval_plover(
    path: Annotated[Path, typer.Argument(help="PLOVER gold records (JSON).")] = Path("../shared/data/plover-gsr/dev.json"),
    worst: Annotated[int, typer.Option(help="How many worst misses to list.")] = 20,
) -> None:
    """Score event extraction on PLOVER gold records (category, extra events, source and target).

    Example: escalate eval plover ../shared/data/plover-gsr/dev.json
    """
    from escalate.eval import plover

    raise typer.Exit(plover.main([str(path), "--worst", str(worst)]))


@eval_app.command("acled")
def eval_acled(
    path: Annotated[Path, typer.Argument(help="ACLED export (CSV with a notes column).")] = Path(
        "../shared/data/acled/acled-world-2020-05.csv"),
    worst: Annotated[int, typer.Option(help="How many worst misses to list.")] = 20,
) -> None:
    """Score event extraction on ACLED notes (category recall, dates, actors, fatalities).

    Example: escalate eval acled ../shared/data/acled/acled-world-2020-05.csv
    """
    from escalate.eval import acled

    raise typer.Exit(acled.main([str(path), "--worst", str(worst)]))


@rules_app.command("check")
def rules_check(
    dirs: Annotated[list[Path] | None, typer.Argument(help="Rule pack folders (default: the bundled rules).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    max_examples: Annotated[int, typer.Option("--max-examples", min=1, help="Generated examples per property "
                                              "and rule.")] = 40,
    seed: Annotated[int | None, typer.Option("--seed", help="Random seed for the property tests "
                                             "(default: derandomised).")] = None,
    skip: Annotated[list[str] | None, typer.Option("--skip", help="Check ids to skip (repeatable): "
                                                   "schema, never_fires, conflicting_labels, shadowed, "
                                                   "stable_without_cases, case_failed, property.")] = None,
) -> None:
    """Validate rule packs, run the cases beside the rules and property-test their consistency.

    Every problem is printed as path:line: severity: [check_id] message; property violations come
    with hypothesis's shrunk counterexample as an event table. Exit status 1 on any error.

    Example: escalate rules check rules/ --max-examples 100 --seed 1
    """
    import json

    from escalate.check import CHECKS, run_checks
    from escalate.resources import rules_dir

    unknown = [s for s in skip or [] if s not in CHECKS]
    if unknown:
        raise InputError(f"--skip {', '.join(unknown)}: unknown check id (known: {', '.join(CHECKS)})")
    issues, n_rules, n_cases = [], 0, 0
    for d in dirs or [rules_dir()]:
        if not d.is_dir():
            raise InputError(f"{d}: rule pack folder not found")
        res = run_checks(d, max_examples=max_examples, seed=seed, skip=frozenset(skip or []))
        issues.extend(res.issues)
        n_rules += res.rules
        n_cases += res.cases
    errors = sum(i.severity == "error" for i in issues)
    if format == Format.json:
        _out(json.dumps({"rules": n_rules, "cases": n_cases, "errors": errors,
                         "issues": [i.__dict__ for i in issues]}, indent=2, ensure_ascii=False) + "\n")
    else:
        body = "".join(f"{i}\n" for i in issues)
        _out(body + f"{n_rules} rules, {n_cases} cases: {errors} errors, "
             f"{sum(i.severity == 'warning' for i in issues)} warnings, "
             f"{sum(i.severity == 'info' for i in issues)} notes\n")
    raise typer.Exit(1 if errors else 0)


def main() -> None:
    """Console entry point: user errors become a message and exit status 2, never a traceback."""
    try:
        from escalate.registry import load_plugins

        load_plugins()  # stages and reporters from installed plug-ins (entry-point group escalate.plugins)
        rc = app(standalone_mode=False)
        sys.exit(rc if isinstance(rc, int) else 0)
    except EscalateError as exc:
        typer.echo(f"escalate: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("escalate: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # usage errors from the option parser: its own message, no traceback
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            sys.exit(exc.exit_code)
        raise


if __name__ == "__main__":
    main()
