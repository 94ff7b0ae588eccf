"""Pydantic contracts shared by the pipeline stages.

Everything that crosses a stage boundary or is written to disk is one of these models.
The JSON report (``Report``) is the public contract: fields may be added, never renamed.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "negated", "hypothetical", "future", "habitual", "denied"]


class Strict(BaseModel):
    """Base model: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- text
class Span(Strict):
    start: int
    end: int


class Sentence(Strict):
    id: str  # "<doc>:<n>", n counts from 1 over the document's kept sentences
    doc: str
    n: int
    start: int  # character offsets into Document.text
    end: int
    text: str  # == Document.text[start:end]
    paragraph: int = 0


class Document(Strict):
    """One article as read, carried through the per-article stages."""

    id: str
    path: str | None = None
    title: str | None = None
    published: date | None = None
    published_from: Literal["override", "front-matter", "byline", "record", "none"] = "none"
    url: str | None = None
    source: str | None = None
    text: str  # the whole decoded file (front matter included) or the JSONL record's text
    body_start: int = 0  # offset of the first character after front matter / title / byline
    boilerplate: list[Span] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    cues: list[CueMatch] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class CueMatch(Strict):
    """A causal or temporal cue in a text; offsets are absolute and ``text == input[start:end]``."""

    start: int
    end: int
    text: str
    cue: str
    kind: Literal["causal", "temporal"]
    direction: Literal["cause_first", "effect_first"]
    anaphoric: bool
    strength: float
    label: str | None = None


# --------------------------------------------------------------------------- time
class Timex(Strict):
    """A TIMEX3 temporal expression with a concrete interval for reasoning."""

    start: int
    end: int
    text: str
    type: TimexType = "DATE"
    value: str  # TIMEX3 value: 2019-12, 2020-01-03, 2020-W02, P3D, PRESENT_REF, XXXX-XX-XX ...
    mod: str | None = None  # START, MID, END, APPROX, BEFORE, AFTER, ...
    earliest: date | None = None
    latest: date | None = None


class When(Strict):
    text: str | None = None
    value: str | None = None
    mod: str | None = None
    earliest: date | None = None
    latest: date | None = None


# --------------------------------------------------------------------------- events
class ActorRef(Strict):
    id: str
    name: str
    text: str  # as written in the cited sentence
    country: str | None = None  # ISO 3166 alpha-3
    kind: str | None = None
    backed_by: list[str] = Field(default_factory=list)
    side: str | None = None  # the state or group whose side the actor is on
    # armed-group networks the actor belongs to ("JNIM" -> al-Qaeda): on their side for merging and
    # linking, not its sponsors
    networks: list[str] = Field(default_factory=list)


class Citation(Strict):
    doc: str
    sentence: str
    start: int
    end: int
    text: str


class Trigger(Strict):
    text: str
    start: int
    end: int


class Mention(Strict):
    """One event as mentioned in one sentence."""

    id: str
    doc: str
    sentence: str
    category: str  # PLOVER
    mode: str | None = None
    mode_told: bool = False  # the mode is the trigger's own ("air strikes"), not guessed from its sentence
    cameo: str | None = None
    intensity: float = 0.0  # Goldstein -10..+10
    trigger: Trigger
    lemma: str | None = None  # the trigger's lexicon entry ("strike" for "struck")
    actor: ActorRef | None = None
    target: ActorRef | None = None
    when: When | None = None
    modality: Modality = "asserted"
    fatalities: int | None = None
    injuries: int | None = None
    location: str | None = None
    definite: bool = False  # a definite reference ("the attack") that may corefer
    latest: bool = False  # "the latest attack": refers to the most recent event of its kind
    indefinite: bool = False  # "a retaliatory attack": introduces a new event
    cued: bool = False  # its sentence has a causal or temporal cue: it is related to, not part of, the focus
    answered: bool = False  # a cue's object ("in retaliation for the attacks"): another act than its sentence's
    narrative_day: date | None = None  # no date of its own: the day of the act told just before (a fallback)
    told_after: date | None = None  # no date of its own: a statement of the story, made since its news day (a fallback)
    citation: Citation


class Event(Strict):
    id: str
    category: str
    mode: str | None = None
    cameo: str | None = None
    intensity: float = 0.0
    actor: ActorRef | None = None
    target: ActorRef | None = None
    when: When = Field(default_factory=When)
    fatalities: int | None = None
    injuries: int | None = None
    location: str | None = None
    modality: Modality = "asserted"
    citations: list[Citation] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)
    sources: int = 1  # number of documents that report it (evidence count)


# --------------------------------------------------------------------------- links & chains
class Cue(Strict):
    text: str
    sentence: str


class Link(Strict):
    id: str
    cause: str
    effect: str
    label: str
    rule: str
    stated: bool
    confidence: float
    cue: Cue | None = None


class ChainStep(Strict):
    event: str
    role: str  # strike, retaliation, counter-retaliation, ...
    link: str | None = None  # link into this step


class Chain(Strict):
    rank: int
    score: float
    events: list[str]
    links: list[str]
    steps: list[ChainStep] = Field(default_factory=list)
    components: dict[str, float] = Field(default_factory=dict)
    trend: str | None = None  # rising | falling | flat
    branches: list[str] = Field(default_factory=list)  # events branching off this chain


class TemporalIssue(Strict):
    kind: str
    message: str
    events: list[str] = Field(default_factory=list)


class Report(Strict):
    schema_version: int = SCHEMA_VERSION
    documents: list[dict] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    chains: list[Chain] = Field(default_factory=list)
    issues: list[TemporalIssue] = Field(default_factory=list)


Document.model_rebuild()


# ---------------------------------------------------------------------- trusted construction
M = TypeVar("M", bound=BaseModel)


@functools.cache
def _plan(cls: type[BaseModel]) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...], frozenset[str]] | None:
    """The fields in declaration order (serialisation follows it) with their static defaults
    (``_REQUIRED`` where there is none), the fields made by a default factory, and the required
    fields; or None when ``trusted`` cannot build the model (aliases, post-init hooks, extra fields,
    factories that read other fields)."""
    if cls.__pydantic_post_init__ or cls.__pydantic_root_model__ or cls.model_config.get("extra") == "allow":
        return None
    defaults: dict[str, Any] = {}
    factories = []
    for name, f in cls.__pydantic_fields__.items():
        if f.alias is not None or f.validation_alias is not None or \
                getattr(f, "default_factory_takes_validated_data", False):
            return None
        if f.default_factory is not None:
            defaults[name] = _REQUIRED
            factories.append((name, f.default_factory))
        else:
            defaults[name] = _REQUIRED if f.is_required() else f.default
    required = frozenset(n for n, f in cls.__pydantic_fields__.items() if f.is_required())
    return defaults, tuple(factories), required


_REQUIRED = object()


def trusted(cls: type[M], **values: Any) -> M:
    """An instance of ``cls`` from values the pipeline itself made and typed (no validation), as
    ``cls.model_construct`` but without its per-field bookkeeping: the hot path builds thousands."""
    plan = _plan(cls)
    if plan is None:
        return cls.model_construct(**values)
    defaults, factories, required = plan
    if not required <= values.keys() or not values.keys() <= defaults.keys():
        return cls.model_construct(**values)  # a missing or an unknown field: the general way
    data = defaults.copy()  # declaration order, kept by update()
    data.update(values)
    for name, factory in factories:
        if name not in values:
            data[name] = factory()
    m = cls.__new__(cls)
    object.__setattr__(m, "__dict__", data)
    object.__setattr__(m, "__pydantic_fields_set__", set(values))
    object.__setattr__(m, "__pydantic_extra__", None)
    object.__setattr__(m, "__pydantic_private__", None)
    return m
