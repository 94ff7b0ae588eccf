"""The pipeline: documents -> sentences -> timexes -> mentions -> events -> graph -> links.

Per-article stages fill a ``Document``; corpus stages fill an ``Analysis``. Each stage is
registered by name with what it requires and assigns (``escalate.registry``); ``Pipeline``
checks the order once, loads every resource once and runs the stages.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from escalate import registry
from escalate.errors import RulesError
from escalate.events.actors import ActorLexicon, load_actors
from escalate.events.extract import Extractor
from escalate.events.lexicon import load_events
from escalate.events.merge import Merger
from escalate.graph.temporal import Order, TemporalGraph
from escalate.links.cues import CueMatcher, load_cues
from escalate.links.linker import Linker, Stated, stated_pairs
from escalate.links.rules import load_rules
from escalate.models import ActorRef, Document, Event, Link, Report, TemporalIssue, When
from escalate.rank.chains import RankSpec, load_rank
from escalate.report.narrative import load_wording
from escalate.resources import rules_dir as default_rules_dir
from escalate.text.boilerplate import load_boilerplate
from escalate.text.reader import ReadResult, read_corpus
from escalate.text.sentences import load_splitter
from escalate.time import TimeTagger, load_tagger
from escalate.trie import lowered

DOCUMENT_STAGES = ["text.boilerplate", "text.sentences", "time.timexes", "links.cues", "events.mentions"]
CORPUS_STAGES = ["events.merge", "graph.temporal", "links.rules"]


@dataclass
class Resources:
    rules_dir: Path
    tagger: TimeTagger
    actors: ActorLexicon
    extractor: Extractor
    cues: CueMatcher
    linker: Linker
    rank: RankSpec
    boilerplate: object
    splitter: object


@dataclass
class Analysis:
    documents: list[Document]
    events: list[Event] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    stated: list[Stated] = field(default_factory=list)
    issues: list[TemporalIssue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mention_event: dict[str, str] = field(default_factory=dict)

    def report(self, chains=None, with_links: bool = True) -> Report:
        return Report(
            documents=[{"id": d.id, "title": d.title, "published": d.published.isoformat() if d.published else None,
                        "published_from": d.published_from, "url": d.url, "source": d.source, "path": d.path,
                        "sentences": len(d.sentences)} for d in self.documents],
            events=self.events, links=self.links if with_links else [], chains=chains or [], issues=self.issues,
        )


def camp(ref: ActorRef) -> frozenset[str]:
    """An actor's side, its sponsors' sides and its armed-group networks. An unidentified party
    ("militants") has no side of its own: two unrelated unknowns are never taken for one side."""
    own = set() if ref.id.startswith("unknown.") else {ref.side or ref.id}
    return frozenset({*own, *ref.backed_by, *ref.networks})


# ---------------------------------------------------------------------- document stages
@registry.stage("text.boilerplate", scope="document", requires=("text",), assigns=("boilerplate",))
def _boilerplate(res: Resources):
    bp = res.boilerplate

    def run(doc: Document) -> None:
        doc.boilerplate = bp.spans(doc.text, doc.body_start)  # type: ignore[attr-defined]

    return run


@registry.stage("text.sentences", scope="document", requires=("text", "boilerplate"), assigns=("sentences",))
def _sentences(res: Resources):
    sp = res.splitter

    def run(doc: Document) -> None:
        doc.sentences = sp.split(doc.id, doc.text, doc.body_start, doc.boilerplate)  # type: ignore[attr-defined]

    return run


@registry.stage("time.timexes", scope="document", requires=("sentences",), assigns=("timexes",))
def _timexes(res: Resources):
    def run(doc: Document) -> None:
        doc.timexes = res.tagger.tag(doc.text, doc.published, spans=[(s.start, s.end) for s in doc.sentences])

    return run


@registry.stage("links.cues", scope="document", requires=("sentences",), assigns=("cues",))
def _cues(res: Resources):
    def run(doc: Document) -> None:
        low = lowered(doc.text)
        doc.cues = [c for s in doc.sentences for c in res.cues.find(doc.text, s.start, s.end, low)]

    return run


@registry.stage("events.mentions", scope="document", requires=("sentences", "timexes", "cues"),
                assigns=("mentions",))
def _mentions(res: Resources):
    def run(doc: Document) -> None:
        # trigger words inside a cue are part of the cue ("in retaliation for"), unless the cue also
        # tells an event ("vowed revenge")
        doc.mentions = res.extractor.document(
            doc, [(c.start, c.end) for c in doc.cues if c.cue not in res.cues.event_cues])

    return run


# ---------------------------------------------------------------------- corpus stages
@registry.stage("events.merge", scope="corpus", requires=("mentions",), assigns=("events",))
def _merge(res: Resources):
    merger = Merger(camp, res.extractor.symmetric, res.extractor.distinct_modes, res.extractor.generic_words,
                    res.extractor.one_act_modes)

    def run(a: Analysis) -> None:
        per_doc = [merger.document(d.mentions) for d in a.documents]
        a.events = merger.corpus(per_doc)
        a.mention_event = {m: e.id for e in a.events for m in e.mentions}

    return run


@registry.stage("graph.temporal", scope="corpus", requires=("events",), assigns=("bounds", "stated"))
def _graph(res: Resources):
    def run(a: Analysis) -> None:
        ev = {e.id: e for e in a.events}
        def asserted(doc: Document, sent_start: int, cue) -> bool:
            return res.extractor.modality_before(doc, sent_start, cue.start) == "asserted"

        for d in a.documents:
            a.stated.extend(stated_pairs(d, a.mention_event, ev, keep=asserted))
        published = {d.id: d.published for d in a.documents}
        reported: dict[str, date | None] = {}
        for e in a.events:
            dates = [published[c.doc] for c in e.citations if published.get(c.doc)]
            reported[e.id] = min(dates) if dates else None
        tg = TemporalGraph(a.events, reported)
        # each cue's first reading an answer can have (its categories taken by a rule the cue supports)
        for s in res.linker.readings(a.stated, ev):
            tg.add_order(Order(s.cause, s.effect, f"{s.sentence}: “{s.cue}”", s.strength))
        bounds = tg.solve()
        a.issues.extend(tg.issues)
        for e in a.events:
            b = bounds[e.id]
            e.when = When(text=e.when.text, value=e.when.value, mod=e.when.mod, earliest=b.earliest, latest=b.latest)
        # time order after reasoning (an undated event now sits where its bounds put it)
        a.events.sort(key=lambda e: (e.when.earliest or date.max, e.when.latest or date.max,
                                     e.citations[0].doc, e.citations[0].start, e.id))

    return run


@registry.stage("links.rules", scope="corpus", requires=("events", "bounds", "stated"), assigns=("links",))
def _links(res: Resources):
    def run(a: Analysis) -> None:
        links, issues = res.linker.link(a.events, a.stated)
        a.links = links
        a.issues.extend(issues)

    return run


registry.check_order(DOCUMENT_STAGES, {"text"})
registry.check_order(CORPUS_STAGES, {"text", "boilerplate", "sentences", "timexes", "cues", "mentions"})


# The stages allocate many small objects and free nearly all of them by reference counting; the
# cyclic collector's default young-generation threshold (700) makes it sweep every few sentences for
# cycles that are not there (about a tenth of the run). A higher threshold while stages run.
_GC_YOUNG = 50_000


@contextmanager
def relaxed_gc() -> Iterator[None]:
    """Run a block with a high young-generation threshold for the cyclic collector, then restore it."""
    old = gc.get_threshold()
    if old[0] >= _GC_YOUNG or old[0] == 0:
        yield
        return
    gc.set_threshold(_GC_YOUNG, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


class Pipeline:
    def __init__(self, rules_dir: Path | None = None):
        rd = (rules_dir or default_rules_dir()).resolve()
        problems = []
        loaded = {}
        for name, loader in (
            ("boilerplate", load_boilerplate), ("splitter", load_splitter), ("tagger", load_tagger),
            ("actors", load_actors), ("events", load_events), ("cues", load_cues), ("rules", load_rules),
            ("rank", load_rank), ("wording", load_wording),
        ):
            try:
                loaded[name] = loader(rd)
            except RulesError as exc:
                problems.extend(exc.problems)
        if problems:
            raise RulesError(problems)
        self.res = Resources(
            rules_dir=rd, tagger=loaded["tagger"], actors=loaded["actors"],
            extractor=Extractor(loaded["events"], loaded["actors"]), cues=loaded["cues"],
            linker=Linker(loaded["rules"], camp, loaded["actors"].state_names()), rank=loaded["rank"], boilerplate=loaded["boilerplate"],
            splitter=loaded["splitter"],
        )
        self.doc_stages = [registry.STAGES[n].factory(self.res) for n in DOCUMENT_STAGES]
        self.corpus_stages = [registry.STAGES[n].factory(self.res) for n in CORPUS_STAGES]

    def parse_date(self, line: str):
        """A byline's date: a full date, or (None, month, day) when the year is missing."""
        for t in self.res.tagger.tag(line, None):
            if t.type != "DATE":
                continue
            v = t.value
            if len(v) == 10 and v[:4].isdigit():
                try:
                    return date.fromisoformat(v)
                except ValueError:
                    continue
            if len(v) == 10 and v.startswith("XXXX-") and v[5:7].isdigit() and v[8:10].isdigit():
                return (None, int(v[5:7]), int(v[8:10]))
        return None

    def read(self, paths: list[Path], published: date | None = None) -> ReadResult:
        return read_corpus(paths, self.parse_date, published)

    def process(self, doc: Document) -> Document:
        with relaxed_gc():
            for run in self.doc_stages:
                run(doc)
        return doc

    def process_all(self, docs: list[Document]) -> list[Document]:
        """The per-document stages on every document, under one relaxed collector (restoring it after each
        document made a young collection per document, a twentieth of the run on short ones)."""
        with relaxed_gc():
            for d in docs:
                self.process(d)
        return docs

    def analyse(self, docs: list[Document], warnings: list[str] | None = None, processed: bool = False) -> Analysis:
        """Run every stage (``processed``: the per-document stages have run already)."""
        docs = sorted(docs, key=lambda d: d.id)
        if not processed:
            self.process_all(docs)
        a = Analysis(documents=docs, warnings=list(warnings or []))
        with relaxed_gc():
            for run in self.corpus_stages:
                run(a)
        return a
