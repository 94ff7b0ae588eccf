"""Event mentions: who did what to whom, when, in each sentence.

No parser: compiled trigger and actor patterns, then role assignment by local syntax
(voice, "by"-agents, possessives and modifiers, support verbs, attribution, relative
clauses, victims), modality from a window of cue words, casualties from number patterns,
and dates bound to the trigger they modify. All vocabulary is in ``rules/events/``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from escalate.events.actors import ActorLexicon, ActorMatch
from escalate.events.lexicon import _IRREGULAR_PAST, EventLexicon, ModeScan, Trigger, _alternation, _phrases
from escalate.models import ActorRef, Citation, CueMatch, Document, Mention, Sentence, Timex, When, trusted
from escalate.models import Trigger as TriggerModel
from escalate.text.reader import DATELINE
from escalate.text.sentences import RELATIVE_ASIDE
from escalate.time.calendar import add_days
from escalate.time.engine import CLOCK_HEADING as _CLOCK_HEADING
from escalate.trie import Caseless, alternation, lowered, trie_pattern

_SPACES = re.compile(r"\s+")
# what may stand between a passive verb and "by" + its agent: a particle and one short place or time phrase
# ("were shot down over the Red Sea by", "was hit on Sunday by")
# (or two: "had been kidnapped while on patrol along the border by <group>")
_BEFORE_BY = (r"(?:\s+(?:down|up|out|off|back))?"
              r"(?:\s+(?:while\s+)?(?:over|in|near|off|across|inside|outside|on|at|during|along)\s+(?:the\s+)?"
              r"(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+){0,2}")
_BY_NEXT = re.compile(_BEFORE_BY + r"\s+by\b")
_BY = r"\s+by\s+(?:(?:the|a|an)\s+)?"  # "by" and its determiner, before an agent
_BY_NAME = re.compile(_BY + r"(?=[A-Z])")
_BY_AGENT = re.compile(_BY, re.I)  # right after a passive verb: "were killed by security forces"
# a demonym, its head noun, the verb: "Azerbaijani drones struck"
# ("Azerbaijani drones struck", "Turkish drones and aircraft had hit")
# (a weapon's proper name and a modifier may stand before the head: "Iranian Silkworm missile", "Russian
# Kalibr cruise missiles")
_HEAD_NOUN_GAP = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:[a-z][\w-]*\s+)?[a-z][\w-]*(?:\s+(?:and|or)\s+[a-z][\w-]*)?"
                            r"(?:\s+(?:had|have|has|was|were|also|reportedly|later|then)(?:\s+been)?)?\s+")
# between a subject and its verb: at most an adverb or auxiliary ("drones struck", "forces later hit")
_SUBJECT_GAP = re.compile(r"\s+(?:[\w'’-]+\s+)?")
# between a main clause's act and a participle clause that details it: "opened fire ..., killing
# one person and arresting 12" (a comma, then maybe an earlier participle and "and")
_ADJUNCT_GAP = re.compile(r"[^;:.()\"“”]*,\s*(?:[a-z]+ing\b[^,;:.]*?\s(?:and|or)\s+)?", re.I)
_NEXT_WORD = re.compile(r"\s+(?:[a-z]+\s+)?([a-z]+)", re.I)  # "police sources said": one noun may stand between
_DIGIT = re.compile(r"\d")
# a perfect ("had fired", "has since launched"): told out of the narrative's order
_PERFECT_BEFORE = re.compile(r"\b(?:had|has|have|'d)\s+(?:\w+ly\s+|since\s+|also\s+|already\s+|not\s+)*(?:been\s+)?$", re.I)
_RECIPIENT_BEFORE = re.compile(r"\b(?:gave|give|gives|giving|granted|grants|granting|handed|hands|offered|offers)\s+(?:the\s+)?$", re.I)
_MODAL_HEADS = frozenset({"will", "would", "shall", "can", "could", "may", "might"})  # ("must", "should": the addressee)
_INFINITIVE_OR_CONJUNCT = re.compile(r"\b(?:to|and|or)\s*$", re.I)  # an infinitive, or a verb after a conjunction
# days, weeks or months; or hours (that day or the next); "days later", "months later": an unknown count (X)
_OFFSET = re.compile(r"P(\d+|X)([DWM])|(?P<hours>PT(?:X|\d+)H)")
# an unknown count of days, weeks or months ("days later", "months later"): (first day after the
# anchor, further days possible)
_SOME = {"D": (1, 9), "W": (7, 49), "M": (28, 302)}
_UNIT_DAYS = {"D": 1, "W": 7}
_MONTH_DAYS = 31
_ON_ITS = re.compile(r"\s+(?:on|against|at|targeting)\s+(its|their)\s+[\w-]", re.I)  # "the attack on its airfields"
_CLAIM_BEFORE = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:responsibility\s+for\s+)?(?:the|a|an|any|these|those|this|that)?\s*(?:[\w-]+\s+){0,2}$", re.I)
# a gerund after one of these has the main clause's subject ("warned Iraq before firing missiles")
_SUBORDINATORS = r"(?:before|after|while|without|when|since)"
_SUBORDINATE_ING = re.compile(rf"\b{_SUBORDINATORS}\s+$", re.I)
_DET_GAP = re.compile(r"\s*(?:the\s+)?", re.I)
_OBJECT_THEN_SUBORDINATE = re.compile(rf"(?:\s+[\w'’.-]+){{0,3}}?\s+{_SUBORDINATORS}\s+", re.I)
# a support verb split by a date: its preposition before the act ("retaliated on Tuesday with strikes"),
# what may follow the date ("night", a comma) and lead it ("late on", "early")
_SUPPORT_PREP = re.compile(r"(?<![\w'’-])(with|by)\s+$", re.I)
_DATE_TAIL = re.compile(r"(?:\s+(?:night|morning|evening|afternoon))?,?\s*", re.I)
_DATE_LEAD = re.compile(r"(?<![\w'’-])(?:(?:late|early)\s+)?(?:on|in|at|overnight|during)?\s*$", re.I)
_ADJECTIVES_BEFORE = (re.compile(r"(?<=\s)[a-z][\w'’-]*\s+$"), re.compile(r"(?<=\s)(?:[a-z][\w'’-]*\s+){2}$"))
_INVOLVEMENT_BEFORE = re.compile(r"\b(?:involvement|responsibility|role|part|hand)\s+(?:in|for)\s+"
                                 r"(?:the|a|an|any|these|those|this|that)?\s*(?:[\w-]+\s+){0,2}$", re.I)
# "<noun> used by X", "weapons supplied by Iran": a reduced relative clause; the word before the participle
# tells a passive verb ("was hit by X") apart
# (or a later conjunct of its agents: "designated a terrorist group by Turkey, the United States and the EU")
_REDUCED_BY = re.compile(r"(?:^|[,(]\s*|\b([\w'’-]+)\s+)(?:\w+ed|\w+en|held|run|built|made|sold|sent|bought|owned)"
                         r"(?:\s+(?:a|an|the|as)?\s*[\w'’-]+(?:\s+[\w'’-]+)?)?\s+by\s+"
                         r"(?:(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}(?:,\s+|\s+and\s+|,\s+and\s+)){0,4}(?:the\s+)?$", re.I)
_BE_AUX = frozenset({"was", "were", "been", "is", "are", "be", "being", "am", "get", "got", "gets", "getting",
                     "has", "have", "had"})
_WITH_PARTNER = re.compile(r"\s+with\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
_FIGHTS = frozenset({"ASSAULT"})  # "fighting/clashes with X": the clause's subject fought X
_VIOLENT = frozenset({"ASSAULT", "COERCE"})  # acts that have victims: "accused of killing civilians"
# a condition, a question or a counterfactual before an act still to come: no act announced
_UNREAL_BEFORE = re.compile(r"\b(?:if|unless|whether|could\s+have|would\s+have|should\s+have|might\s+have|may\s+have)\b"
                            r"[^.;:]*$", re.I)
# a preposition (a word or two) before a base or -s form, after an act of its category, makes it that act's
# means, a noun ("pounded the city with glide bombs")
_NOUN_PREPS = frozenset("with of from by into onto against without".split())
_AIM_TAIL = re.compile(r"\b(?:at|against|toward|towards)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_GROUP_KINDS = frozenset({"armed_group", "party", "organisation"})  # named groups a state's possessive describes
_IT_KINDS = frozenset({"state", "government", "organisation", "armed_group", "military", "police", "party"})
_TO_WORD = re.compile(r"\bto\b", re.I)
_AND_VERB = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+|jointly\s+)?$", re.I)
_CONTRAST = re.compile(r"\b(?:but|while|whereas|although|though|yet|however|instead)\b")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}")  # ", the largest American ..."
_COMMA_ING = re.compile(r"\s*,\s*\w+ing\b")  # a participle clause after a date: ", accusing it of ..."
# "the worst fighting between the neighbours since their 2020 war", "the deadliest attack since 2019":
# the date a superlative is measured from is no event's date
_SINCE_COMPARED = re.compile(
    r"\b(?:worst|deadliest|bloodiest|heaviest|fiercest|biggest|largest|highest|gravest|sharpest|most\s+\w+|"
    r"first)\b[^.;:]{0,90}\bsince\s+(?:(?:the|their|its|his|her|a|an|last)\s+)?(?:[\w-]+\s+){0,3}$", re.I)


# words that end the reach of a negation or modal before a trigger ("stopped short of offering help and
# instead agreed to send a mission": agreed)
_MODAL_STOPS = frozenset((",", ".", "but", "that", "which", "who", "instead"))
_REL_PRESENT = re.compile(r",\s*(?:which|who|whose\s+[\w'’-]+(?:\s+[\w'’-]+)?|(?:a|an)\s+(?:charge|charges|claim|claims|"
                          r"accusation|accusations|allegation|allegations)(?:\s+that)?\s+[\w'’-]+)\s+(?:[\w'’-]+\s+){0,2}$",
                          re.I)  # (", a charge Kigali denies": the reduced relative of a standing position)
_NOUN_SUBJECT_GAP = re.compile(r"\s+(?:(?:has|have|had|reportedly|also|then)\s+)?")
_AND_NEXT_VERB = re.compile(r"\band\s+(?:then\s+|later\s+|also\s+|\w+ly\s+)?$", re.I)
_PERFECT_AUX = re.compile(r"\b(?:has|have|had|having|never)\b|n['’]t\s+been|\bnot\s+been\b", re.I)
# a cue's object: a few words (determiners, owners, adjectives) between the cue and the act, no clause break
_CUE_OBJECT_GAP = re.compile(r"\s+(?:[\w'’.-]+\s+){0,4}")
_CARRIED_GAP = re.compile(r"\s*(?:(?:on|in|at|by|early|late|overnight|earlier|later)\s+){0,2}", re.I)
_APPOSITION_GAP = re.compile(r"\s*,\s*(?:the|a|an|its|their|his|her)\b", re.I)
_QUOTE_MARKS = frozenset(('"', "“", "”"))
_ING_AT = re.compile(r"[a-z]+ing\b")  # a present participle ("accusing")
_WITH_NEXT = re.compile(r"\s*,\s+with\s", re.I)  # a date right before an absolute "with" clause
_WITH_CLAUSE = re.compile(r"[^;:]*,\s+with\s+[^;:,]*", re.I)  # "..., with jets striking"
_AND_CLAUSE = re.compile(r"[^;:,]*\s(?:and|while)\s+[^;:,]*", re.I)  # "... and the group launching"
_PARTICIPLE_CUE = re.compile(r"[a-z]+ed\s+(?:by|at|over)", re.I)  # "angered by", "outraged at"
_FEW_WORDS = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}")
# names in apposition between a party and its verb ("the destroyers Kidd, Young, Leftwich and Hoel opened fire")
_NAMES_GAP = re.compile(r"\s+[A-Z][\w'’-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’-]*)*\s+")
# a sentence opening with a "when" clause (a quote mark may open it) ... whose main clause, after its comma,
# is future or modal: a rule for whenever it happens, not a telling
_WHEN_OPENING = re.compile(r"[\s\"“‘']*(?:when|whenever|every\s+time|each\s+time)\b[^,;:.!?]*$", re.I)
_FUTURE_MAIN = re.compile(r"[^;:.!?]*?,\s*(?:[\w'’-]+\s+){0,3}?(?:will|would|shall|must|can|['’]ll)\b", re.I)
# "blamed [the deadly] attacks on Iran", "pinned the bombing on the group": the act blamed, then its author
_BLAME_BEFORE = re.compile(r"\b(?:blam(?:e|es|ed|ing)|pinn?(?:ed|ing|s)?)\s+(?:(?:the|a|an|these|those|this|that|its|their)\s+)?"
                           r"(?:[\w-]+\s+){0,2}$", re.I)
_BLAMED_ON = re.compile(r"(?:\s+(?:on|against|at)\s+[^,;.]{1,40}?)?\s+on\s+(?:the\s+)?", re.I)
# words that stand in no noun phrase between its determiner and its head ("the man was released")
_NOT_MODIFIERS = frozenset({"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "and", "or", "but",
                            "by", "to", "of", "in", "on", "at", "for", "with", "from", "that", "which", "who", "not"})
# verbs whose object is a bare infinitive: the base form after them is a verb ("helped seize the tanker")
_BARE_INFINITIVE_AFTER = frozenset({"help", "helps", "helped", "helping"})
# between a party's possessive and an act it took part in ("Libya's [alleged] role in the [1988] bombing")
_ROLE_IN_GAP = re.compile(r"\s+(?:(?:alleged|suspected|direct|reported|apparent|possible|key|central|leading)\s+)?"
                          r"(?:role|involvement|part|hand|complicity)\s+in\s+(?:[\w'’-]+\s+){0,4}", re.I)
# between a modifier and the noun it qualifies ("retaliatory [air] strikes")
_MODIFIER_GAP = re.compile(r"\s+(?:(?!(?:his|her|its|their|our|my|your|the|a|an|this|that|these|those|any)\s)[\w-]+\s+)?",
                           re.I)
# the means of an answer after the act it answers: "by" or "with" and a few words, right before it
_MEANS_BEFORE = re.compile(r"\s(?:by|with)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# a verb telling a party to act, right before it ("ordered French troops to leave")
_TOLD_TO = re.compile(r"\b(?:ordered|orders|ordering|told|tells|telling|asked|asks|gave|gives|giving)\s+(?:the\s+|all\s+|its\s+)?$", re.I)
_COORDINATOR = re.compile(r"\b(?:and|or|as well as)\b", re.I)
_WORDS = re.compile(r"[\w'’-]+")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?", re.I)
_RELATIVE_WORD = re.compile(r"\b(?:which|who|whom|whose)\b", re.I)
_FIRST_WORD = re.compile(r"\s+([\w'’-]+)")
_ADJUNCT_AND = re.compile(r"[^,;:.]*?\s(?:and|or)\s+", re.I)
# "to" (or "for") right before a verb, or before a first verb it is coordinated with
_TO_BEFORE = re.compile(r"\b(?:to|for)\s+([\w-]+,?\s+(?:and|or)\s+)?[`'\"“‘]*$")
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|rejected|dismissed|not|never|no)\b", re.I)
_QUOTE = re.compile(r"[“”\"]")
_SEMI_COLON = re.compile(r"[;:]")
_CLAUSE_PUNCT = re.compile(r"[,;:]")
_LAST_WORD = re.compile(r"(\w+)$")
_NON_SPACE = re.compile(r"\S+")
# a modifier coordinated with the word right before a role noun ("Peruvian air and artillery attacks")
_COORDINATED_MODIFIER = re.compile(r"\s+[a-z][\w-]*\s+(?:and|or)\s+")
# a preposition of origin, all that stands between a verb and a party ("fired from Iranian-held territory")
_ORIGIN_GAP = re.compile(r"\s*(?:from|out\s+of)\s+(?:the\s+)?", re.I)
_RENAMES_ACT = re.compile(r"\s*(?:in\s+)?(?:a|an|what)\s", re.I)  # after a comma: "in a retaliation that"
_WORD_H = re.compile(r"[\w-]+")
_LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)?\s*(?:[\w-]+\s+){0,4}?")
_AND_OR = re.compile(r"\b(?:and|or)\b|,")
_TO_END = re.compile(r"\bto\s*$")
_TO_VERB_END = re.compile(r"\bto\s+([a-z]+)\s+(?:(?:new|more|further|tougher|fresh|additional|the|a|an)\s+)?$")
_COMMA_REL = re.compile(r",\s*(?:which|who|whom|whose)\b")
_PAREN_COMMA = re.compile(r"\s*(?:\([^)]*\))?\s*,")
# a timeline entry's date: "**April 22** - Gunmen opened fire", "April 22: India ...", "May 7 — ..."
_HEADER_TAIL = re.compile(r"\s*(?:[*_]{1,2})?\s*(?:[-–—]|:)(?:[*_]{1,2})?\s")
_TO_COMMA = re.compile(r"[^,;:]*,\s*")
# "..., killing 33 soldiers and wounding 30": a participle coordinated with a casualty participle
# that details the act before it
_CASUALTY_WORDS = frozenset({"killing", "wounding", "injuring", "leaving"})
_AND_CASUALTY = re.compile(rf"[^,;:]*,\s*(?:{'|'.join(sorted(_CASUALTY_WORDS))})\b[^,;:]*\s(?:and|,)\s*", re.I)
_CALLED_OFF_AFTER = re.compile(r"\s+(?:(?:that|which)\s+)?(?:[\w'’]+\s+){0,2}?(?:had|has|have|was|were|is|are|been)?\s*"
                               r"(?:abandoned|called\s+off|cancell?ed|aborted|averted|thwarted|foiled)\b", re.I)
_AND_ONLY = re.compile(r"\s+(?:and|or)\s+(?:\w+ly\s+)?", re.I)
# the rest of a verb phrase, then "and" and the next verb ("forced a jet to land and arrested")
_AND_CLAUSE_GAP = re.compile(r"(?:\s+[\w'’-]+){0,8}?\s+and\s+(?:\w+ly\s+)?", re.I)
_ADJECTIVE_MODAL_AND = re.compile(r"\b(?:potential|possible|hypothetical)\b.*\b(?:and|but)\s+(?:\w+ly\s+)?$", re.I | re.S)
_MODAL_VERB = re.compile(r"\b(?:could|would|might|may|should|must|if|unless|whether)\b|'d\b", re.I)
# a bare year between a determiner and a noun names the thing, not when an act was done
_DETERMINER_END = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|\w['’]s)\s+$", re.I)
_NOUN_NEXT = re.compile(r"\s+(?!(?:and|or|to|when|after|before|in|on|at|as|by|for)\b)[A-Za-z]")
_BARE_YEARS = re.compile(r"\d{4}(?:\s*[-–]\s*\d{2,4})?")
# a century as an adjective ("the 11th-century Hindu temple"): the age of a thing, no act's date
_CENTURY_ADJ = re.compile(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)-century", re.I)


# the head words of a noun phrase after its modifier, up to a relative pronoun ("Syrian| mortar bomb |that")
_HEAD_WORDS = re.compile(r"(?:\s+(?!(?:of|in|on|at|and|or|to|with|from|by|for|near|against)\b)[a-z][\w-]*){1,3}\s*")
# "... each other's ambassadors", "accused one another of": an act done both ways
_EACH_OTHER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:each\s+other|one\s+another)(?:['’]s?)?(?![\w-])", re.I)


def _before_spaces(text: str, lo: int, s: int) -> int:
    """Where the run of spaces right before ``s`` starts (not before ``lo``)."""
    while s > lo and text[s - 1] in " \t\n":
        s -= 1
    return s


def _after_clause_punct(text: str, sent: Sentence, s: int) -> bool:
    """Does a comma, semicolon, colon or closing bracket stand right before ``s`` (spaces aside)?"""
    j = _before_spaces(text, sent.start, s)
    return j > sent.start and text[j - 1] in ",;:)"


def _names_a_thing(text: str, sent: Sentence, t: Timex) -> bool:
    """"talks on the 2015 nuclear deal", "tore up a 2015 peace agreement", "since the 1950-53 Korean War": a
    year between a determiner (or a possessive) and a noun is part of a name (an event noun right after it takes it first, as "the 2015 deal");
    so is a date in the possessive ("next week's conference")."""
    if text[t.end:t.end + 2] in ("'s", "’s") and _NOUN_NEXT.match(text, t.end + 2, sent.end) is not None:
        return True  # "pulled out of next week's conference on Tuesday": the conference's date
    return _BARE_YEARS.fullmatch(t.text) is not None \
        and _DETERMINER_END.search(text, max(sent.start, t.start - 7), t.start) is not None \
        and _NOUN_NEXT.match(text, t.end, sent.end) is not None


_IF_PROVOKED_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:if|unless|should\s+they\s+be|when)\s+(?:they\s+are\s+|it\s+is\s+)?"
                                r"(?:attacked|provoked|fired\s+(?:up)?on|threatened|necessary|needed|required|ordered)\b", re.I)
_NO_SIGN_THAT = re.compile(r"\b(?:no|not\s+any|little|scant)\s+(?:indication|evidence|sign|signs|proof|suggestion)\s+"
                           r"(?:yet\s+|so\s+far\s+)?that\b[^.;:]*$", re.I)
# a prepositional phrase the noun may take before its verb ("its attacks on northern Israel would continue")
_NOUN_PP = r"(?:\s+(?:on|in|against|at|from|across|along|into)\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)?"
# "more strikes were planned in the coming days", "further talks are expected next month": to come
_PLANNED_AFTER = re.compile(_NOUN_PP + r"\s+(?:was|were|is|are|had\s+been|have\s+been|has\s+been|remain|remained|remains)\s+"
                            r"(?:still\s+|also\s+|now\s+)?(?:planned|expected|scheduled|due|likely|set|envisaged|"
                            r"foreseen|being\s+planned|being\s+prepared|in\s+preparation|under\s+consideration)\b", re.I)
# "another clash could erupt", "its attacks on northern Israel would continue": none told yet
_MAY_HAPPEN_AFTER = re.compile(_NOUN_PP + r"\s+(?:could|would|might|may|will|shall|can)\s+(?:\w+ly\s+)?(?:erupt|break\s+out|happen|"
                               r"occur|follow|take\s+place|resume|start|begin|spread|ensue|continue|go\s+on|persist|"
                               r"intensify|escalate)\b", re.I)
# "a similar incursion ...", "any such attack ...", "another such raid ..." followed by "would be": an act judged
# before it happens
_SUCH_BEFORE = re.compile(r"\b(?:a\s+similar|any\s+similar|any\s+such|another\s+such|such\s+an?|any|another)"
                          r"(?:\s+[\w-]+)?\s+$", re.I)
_MODAL_BE_AFTER = re.compile(_NOUN_PP + r"\s+(?:would|could|will|might|may)\s+(?:\w+ly\s+)?(?:be|constitute|amount\s+to|"
                             r"mean|trigger|provoke|draw|prompt)\b", re.I)
_FROM_OR_TO = re.compile(r"(?:\s+[a-z]+)?\s+(?:coming|flying|travelling|traveling|going|arriving|departing)\s+"
                         r"(?:from|to)(?:\s+or\s+(?:[a-z]+\s+)?(?:from|to))?\s+(?:the\s+)?")
_AIMED_AT_BEFORE = re.compile(r"\b(?:aimed|aiming|designed)\s+at\s+$", re.I)
_PREP_OF_BLANK = re.compile(r"(?<![\w-])(?:in|on|at|during|since|until|by)(?=\s{3,})", re.I)
_ANY_WORDS = frozenset({"any", "whatever", "whichever"})
# words that cannot stand between a verb of threat and the act noun it has for object: a preposition or a
# clause word makes the noun something else's ("threatened Iran over the strike", "vowed after the attack")
_OBJECT_STOPS = frozenset({
    "over", "after", "for", "following", "against", "on", "in", "at", "by", "since", "during", "before", "with",
    "from", "to", "into", "about", "that", "which", "who", "and", "or", "but", "if", "when", "as", "despite",
    "amid", "of", ",", "the",
})
_TO_CONJ = re.compile(r"(?:[^,;:.]|(?<=[A-Z])\.)*?(?:,\s*|\s)(?:and|or)\s+")
# a party tied to the event noun before it by a preposition ("asylum to 18 rebels", "raids by Pakistan")
_TIE_PREPS = r"(?:to|from|for|on|upon|against|at|into|toward|towards|of|with|by)"
_NOUN_TIE_REST = re.compile(r"\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,4}?", re.I)
_NOUN_TIE = re.compile(rf"\s+{_TIE_PREPS}{_NOUN_TIE_REST.pattern}", re.I)
_TIE_WORD = re.compile(rf"\b{_TIE_PREPS}$", re.I)
_IN_DURING = re.compile(r"\s+(?:in|during)\s+(?:[\w'’-]+\s+){0,3}")
_UP_TO_THREE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# ", a key U.S. ally ...,", ", visiting Israel,": an aside between a subject and its verb (one opened by a
# participle only when a verb-like word follows it: not ", killing two militants, a day after ...")
# A past participle's aside runs to the comma before the verb, past the commas of a list of its agents:
# "The PKK, designated a terrorist organisation by Turkey, the United States and the EU, claimed ..."
_PARENTHETICAL = re.compile(  # (a comma inside a number, "28,500 troops", ends nothing)
    r",\s*(?:(?:who|which|whose|whom|a|an)\b(?:[^,;]|(?<=\d),(?=\d))*,|[a-z]+ing\b[^,;]*,(?=\s*(?!(?:a|an|the|in|on|at|as|"
    r"after|before|and|but|or|while|with|when|its|their|his|her|this|that|to|from|for|by|of)\b)[a-z])"
    r"|(?:designated|branded|listed|labell?ed|classified|considered|regarded|backed|supported|funded|armed)"
    r"\b[^;]*?,(?=\s*(?!(?:the|a|an|and|or|its|their|his|her)\b)[a-z]))")
# a participle and the words before its object party ("shooting (down two) Indian jets")
_ING_WORD = re.compile(r"[A-Za-z]+ing\b")
_PARTICIPLE_OBJECT = re.compile(r"(?:\s+(?:down|up|out|off))?\s+(?:(?!(?:by|of)\s)[\w'’-]+\s+){0,2}", re.I)  # (not "shelling by X")
# between an alleged act and its accused: "(torture) against (Russian troops)", "(shelling) by (Rwanda)"
_AGAINST_OR_BY = re.compile(r"\s+(?:committed\s+|carried\s+out\s+)?(?:against|by)\s+(?:the\s+)?", re.I)
# a definite noun phrase between commas, the word after it no determiner or conjunction (see _appositions)
_APPOSITION_ASIDE = re.compile(r",\s*the\s+[^,;.!?\"“”]{1,60}?,(?=\s*(?!(?:the|a|an|and|or|but|its|their|his|her|in|on|at|as|"
                         r"after|before|while|with|when|to|from|for|by|of|which|who|said|says)\b)[a-z])")
_NP_STOPS = frozenset("and or of for to by on in with as at from into against over after before during "
                      "since than like about".split())
_MODAL_DEMANDS = frozenset({"must", "should", "ought"})
# between a subject and its verb ("the two countries had jointly agreed")
_AUX_ADVERBS = frozenset("""had has have having would will could can may might shall should must was were is are
be been being also not n't already now then jointly formally finally later earlier still just reportedly
allegedly apparently""".split())
# words that are no subject's noun ("that", "and", prepositions)
_CLAUSE_GLUE = frozenset("that the a an to on in at of and or but with for by from".split())
_PARENS = re.compile(r"\([^()]*\)")
# a wire dateline opening the first sentence: "KHARTOUM, June 14 (Reuters) -", "NEW DELHI/ISLAMABAD, May 11 -"
_DATELINE = re.compile(DATELINE)
# words after which a participle right before a party is its epithet ("suggested that jailed PKK leader X
# could be paroled", "a portrait of slain commander Y"), not an act; "" is the sentence's start
_BEFORE_EPITHET = frozenset({"", "that", "of", "for", "with", "from", "on", "about", "including", "as", "the", "a",
                             "an", "his", "her", "its", "their", "our", "whose"})
# a verb form in -s right after these is a plural noun ("fired missiles at ships", "attacks on ships")
_NOUN_AFTER_PREP = frozenset("at on of with from against toward towards about into onto aboard".split())
_DETERMINERS = frozenset("the a an his her its their our these those".split())
# prepositions of place or path: an -ed form right after one is an adjective ("strayed off agreed routes")
_PLACE_PREPS = frozenset("off along across into onto within beyond outside inside through behind toward towards".split())
# after an -ed form: a word that makes it an adjective (a noun or another modifier follows, not a verb,
# a preposition or the end of the clause: "the besieged city" / "the wounded were taken")
_ADJECTIVE_USE = re.compile(r"[\s-]+(?!(?:were|was|are|is|had|have|has|by|in|at|on|and|or|to|from|with|of|after|"
                            r"during|when|who|which|that|as|for|into|near|said|say|says|will|would|could)\b)([A-Za-z][\w-]*)")
_SUBJECT_PRONOUNS = frozenset({"they", "he", "she", "we"})  # never an object: a clause of its own begins
# cues that name the act answered ("in retaliation for", "in response to"): what follows them is an
# earlier event, not dated by the sentence's opening date
_ANSWER_LABELS = frozenset({"retaliation", "response"})
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
# at most two words ("On", "Around", "Early on") before it, or a part of the day ("On the night of", "In the
# early hours of", "On the morning of")
_OPENING_DATE = re.compile(r"^\W*(?:(?:\w+\W+){0,2}|(?:on|in|during|late\s+on|early\s+on)\s+the\s+(?:early\s+|late\s+)?"
                           r"(?:night|morning|evening|afternoon|hours|early\s+hours|small\s+hours|eve)\s+of\s+)$", re.I)
_RELATIVE_TAIL = re.compile(r"\b(?:after|before|following|prior to)$", re.I)
_COORD = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")  # ("Saudi Arabia, the UAE and Bahrain")
_BE = frozenset("was were been being be is are am got get gets 's".split())
_HAVE = frozenset("has have had".split())
# "to" (or "in order to") right before a trigger, or before "<verb> their|the ..." and a trigger noun
_PURPOSE_TO = re.compile(r"(?<![\w-])(?P<mark>(?:in order|so as|in an? (?:bid|effort|attempt))\s+)?to\s+"
                         r"(?:(?P<verb>[a-z][\w-]*)\s+(?:the|a|an|their|its|his|her|our)\s+(?:[\w-]+\s+)?)?$")
# "fighting erupted on Sunday between X and Y": a few words, then "between" (see Extractor._between)
_BETWEEN = re.compile(r"(?:[\s,]+[\w'’-]+){0,5}?\s+between\s+(?:the\s+)?", re.I)
_BETWEEN_AND = re.compile(r"\s+(?:the\s+)?", re.I)  # right after a phrase ending in "between"
_AND = re.compile(r"\s+and\s+(?:the\s+)?", re.I)
# prepositions before a gerund ("accused of shelling villages", "blamed for killing civilians")
_GERUND_PREPS = frozenset("of for by after before without since".split())
_SUBORDINATE = frozenset("which who whom whose where when while as after before because since if unless that until "
                         "whether".split())


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    low: str


class Tokens(list[Tok]):
    """The tokens of a sentence, with their start offsets and the indices of clause breaks among them
    (made once per sentence: role look-ups are then binary searches)."""

    starts: list[int]
    breaks: list[int]

    def __init__(self) -> None:
        super().__init__()
        self.starts = []
        self.breaks = []


@dataclass(slots=True)
class Hit:
    """A trigger occurrence with everything found about it."""

    start: int
    end: int
    text: str
    trig: Trigger
    actor: ActorMatch | None = None
    target: ActorMatch | None = None
    actor_ref: ActorRef | None = None
    target_ref: ActorRef | None = None
    timex: Timex | None = None
    modality: str = "asserted"
    definite: bool = False
    indefinite: bool = False
    latest: bool = False
    passive: bool = False
    reading: str = "noun"  # verb | noun: how the trigger is used here
    fold_into: int | None = None  # index of the hit this one details
    complement: bool = False  # told inside another act's complement: part of it, adds nothing
    fatalities: int | None = None
    injuries: int | None = None
    location: str | None = None
    extra: dict = field(default_factory=dict)


def _other_modes(a: Hit, b: Hit) -> bool:
    """Do two hits name two ways of acting (both modes known and different)?"""
    return bool(a.trig.spec.mode and b.trig.spec.mode and a.trig.spec.mode != b.trig.spec.mode)


def _is_modifier(text: str, cue: CueMatch, h: Hit) -> bool:
    """Is the cue a one-word modifier of the act noun right after it ("retaliatory [air] strikes",
    "tit-for-tat attacks"), not a verb or a phrase with an object of its own ("vowed to avenge his killing")?"""
    return cue.anaphoric and h.reading == "noun" and h.start >= cue.end and " " not in cue.text \
        and _MODIFIER_GAP.fullmatch(text, cue.end, h.start) is not None


def _in_relative(text: str, h: Hit, t: Timex) -> bool:
    """Is date ``t`` told in a relative clause after event ``h`` ("rebels who entered two years ago"), or in
    one set off by commas before it ("The PKK, which has fought since 1984, denied")?"""
    if h.end <= t.start and _RELATIVE_WORD.search(text, h.end, t.start) is not None:
        return True
    lo = max(0, t.start - 160)
    if text.rfind("wh", lo, t.start) < 0:  # (a cheap look first: most dates have no relative pronoun before them)
        return False
    return any(a <= t.start and t.end <= b and not a <= h.start < b
               for a, b in (m.span() for m in RELATIVE_ASIDE.finditer(text, lo, t.end + 160)))


# the preposition that makes a date an adverbial ("promised on Wednesday to hit back")
_ADVERBIAL_PREP = re.compile(r"(?<![\w-])(?:on|in|at|during)\s+$", re.I)


# after a weapon (``interception.weapons``) a verb in the past ("a missile struck British troops"), or one
# whose present and past forms are one ("a missile hit the warship"), has that weapon as its subject; not
# the noun a weapon modifies ("missile strikes on the city"): a determiner follows such a verb
_DETERMINER_NEXT = re.compile(r"\s+(?:the|a|an|its|their|his|her|two|three|several)\b", re.I)


# between a threat and the act it threatens: modifiers of an act not yet told ("would not rule out
# further attacks", "threatened new strikes"); not a definite one ("vowed revenge for the attacks")
_THREATENED_ACT_GAP = re.compile(r"\s+(?:(?:further|more|new|fresh|possible|renewed|any|an?|military|retaliatory|"
                                 r"additional|large-scale|massive|punitive)\s+)*", re.I)


def _blank_dates(text: str, timexes: list[Timex], types: tuple[str, ...] | None = ("DATE", "TIME"),
                 preps: bool = False) -> str:
    """``text`` with each temporal expression of ``types`` (all if None) replaced by as many spaces
    (offsets unchanged; overlapping expressions blank their union); with ``preps``, the preposition
    before one too, so that a phrase reads through the adverbial ("promised on Wednesday to hit back")."""
    parts: list[str] = []
    pos = 0
    for t in sorted(timexes, key=lambda t: t.start):
        if (types is not None and t.type not in types) or t.end <= pos:
            continue
        start = max(t.start, pos)
        if preps:
            m = _ADVERBIAL_PREP.search(text, max(pos, start - 8), start)
            if m is not None:
                start = m.start()
        parts.append(text[pos:start])
        parts.append(" " * (t.end - start))
        pos = t.end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _words(items: list[str]) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in items)


_HAD = re.compile(r"\bhad\b", re.I)
# a claim told as the speaker's account: "said that", "said ... had fired" (see _reported_accusations)
_REPORTED_CLAIM = re.compile(r"\b(?:that|had|have|has)\b", re.I)
# a "when" clause after a comma, up to the act (no other clause between)
_WHEN_BEFORE = re.compile(r",\s+when\s+[^,;:]*$", re.I)
# what a rebuttal answers (see _rebutted; the link rule rebuttal.stated says the same)
_REBUTTED = frozenset({"ACCUSE", "REQUEST"})
# parties a pair anaphor ("both countries", "the two sides") stands for: states and their bodies, armed groups
_PAIR_KINDS = frozenset({"state", "armed_group", "military", "government"})
# between a verb and its object ("urged both sides", "called on both countries", "appealed to the two sides")
_OBJECT_LEAD = re.compile(r"\s*(?:on\s+|to\s+|upon\s+)?", re.I)
# acts that tell an accusation already: a hostile act told after one is its content, no new accusation
_STANCES_SAID = frozenset({"ACCUSE", "REJECT", "THREATEN"})
# named parties a plural pronoun may stand for though their name is no plural noun ("The Taliban said they
# ...", "the Houthis said their drone attack"; a generic "military" is told plural when it is: "forces")
_PLURAL_NAMED_KINDS = frozenset({"armed_group", "party"})
# parties that may be named as the perpetrators of an attack ("the attackers were members of X")
_PERPETRATOR_KINDS = frozenset({"armed_group", "military", "police"})


_HEDGE = r"(?:\s+(?:(?:almost|most|very|highly|quite)\s+)?(?:all|both|reportedly|allegedly|apparently|likely|probably|" \
         r"possibly|certainly|clearly|definitely|undoubtedly|believed\s+to\s+(?:be|have\s+been)|" \
         r"thought\s+to\s+(?:be|have\s+been)|suspected\s+to\s+be|said\s+to\s+(?:be|have\s+been)))?"


def _hedged(links: list[str]) -> str:
    """An alternation of copular links ("was behind", "were members of") that lets a hedge stand after
    their first word ("was reportedly behind", "were believed to be members of"); longest first."""
    out = []
    for link in links:
        first, _, rest = link.lower().strip().partition(" ")
        out.append(re.escape(first) + _HEDGE + (r"\s+" + r"\s+".join(map(re.escape, rest.split())) if rest else ""))
    return "|".join(sorted(out, key=len, reverse=True))


def _identification_pattern(spec) -> Caseless:
    """"the (two) attackers were (reportedly) members of", "identified the gunmen as (members of)": ends
    where the identifying party's name begins."""
    perps = alternation(p.lower() for p in spec.perpetrators)
    pattern = rf"\b(?:{perps})\s+(?:{_hedged(spec.links)})\s+(?:the\s+)?(?=\S)"
    if spec.verbs:
        pattern += (rf"|\b(?:{alternation(v.lower() for v in spec.verbs)})\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{perps})\s+as"
                    rf"(?:\s+(?:members|militants|fighters|operatives)\s+of)?\s+(?:the\s+)?(?=\S)")
    return Caseless(pattern)


class Extractor:
    """Event mentions of a document. An instance keeps per-sentence working state (dates, cues,
    conjuncts of the sentence being read): use one per thread or process."""

    def __init__(self, events: EventLexicon, actors: ActorLexicon):
        self.ev = events
        self.ac = actors
        r = events.roles
        self.breaks = _words(r.clause_breaks)
        self.reporting = _words(r.reporting_verbs)
        self.support = _alternation(r.support_verbs)
        self.support_end = re.compile(
            r"(?<![\w'’-])(?:" + alternation(r.support_verbs) + r")\s*$", re.I  # a whole word: not the "led" of "called"
        )
        self.attr_verbs = re.compile(  # "blamed Hamas", "blamed the PKK"
            r"(?:" + alternation(r.attribution_verbs) + r")\s+(?:the\s+)?$",
            re.I,
        )
        # "were accused of", "is blamed for", "was held responsible for"
        self.attr_participles = frozenset(v.lower() for v in r.attribution_verbs
                                          if v.lower().endswith("ed") or v.lower() in _IRREGULAR_PAST)
        links = alternation(r.attribution_links)
        # a link, then the event's noun phrase up to the event noun ("for [the deadly] ...")
        np_tail = r"\s+(?:(?:a|an|the|its|their|this|that|these|those)\s+)?(?:[\w-]+\s+){0,3}$"
        self.attr_link = re.compile(rf"^\s+(?:{links}){np_tail}", re.I)
        # "the PKK was behind the attack", "Hamas is believed to be responsible for the bombing"
        self.perp_link = re.compile(rf"^\s+(?:{_hedged(r.perpetrator_links)}){np_tail}", re.I) \
            if r.perpetrator_links else None
        agents = f"(?:{alternation(r.agent_phrases)})"
        if r.affiliate_nouns and r.affiliate_links:
            # "claimed by a new group affiliated with the Hafiz Gul Bahadur group": the named party acted
            agents += (rf"(?:\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation(r.affiliate_nouns)})"
                       rf"\s+(?:{alternation(r.affiliate_links)}))?")
        # "by Hamas", "were shot down over the Red Sea by a U.S. destroyer": a particle and one short place
        # or time phrase may stand between the act and its agent
        self.agent_after = re.compile(
            r"^(?:\s*,)?(?:\s+(?:was|were|is|are|has been|have been|had been|reportedly|allegedly|apparently|being))*"
            + _BEFORE_BY + rf"\s+(?:{agents})\s+(?:(?:the|a|an)\s+)?$",
            re.I,
        )
        self.agent_far = re.compile(
            rf"(?:\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+\s+)?(?:{agents})"
            rf"|\b(?:that|which)\s+(?:[\w'’]+\s+){{1,3}}(?:blamed|blames|blame|pinned|pins)\s+on)\s+(?:the\s+)?$",
            re.I,
        )
        preps = alternation(r.target_prepositions)
        self.agent_after_pp = re.compile(
            rf"\s+(?:{preps})\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w'’-]+\s+){{0,4}}?(?<!ed\s)(?<!en\s)(?<!out\s)by\s+(?:the\s+)?", re.I)
        def target_prep(extra: list[str]) -> re.Pattern[str]:
            # a target preposition, then up to four words before the party ("on the group's positions");
            # a category's extra prepositions only right before it ("aid to Albanian rebels", not "aid
            # convoys to feed starving civilians")
            more = rf"|(?:{alternation(extra)})\s+(?:(?:a|an|the|its|their)\s+)?" if extra else ""
            # ... or past a place and a day ("strikes in eastern Syria on Thursday against"), and past
            # what the party owns ("against facilities belonging to Iran-backed militias")
            # (the words before the preposition are no coordinated verb: "capture and called on the government")
            return re.compile(rf"^(?:\s+(?!(?:and|but|or|then)\b)[\w-]+){{0,2}}?(?:\s+(?:in|on|near|across|inside)\s+(?:[\w'’.-]+\s+){{0,2}}?[\w'’.-]+){{0,2}}"
                              rf"\s+(?:(?:{preps})\s+(?:(?:a|an|the|its|their)\s+)?"
                              # (no subordinator among those words: "erupted on Thursday when Georgia launched")
                              rf"(?:(?!(?:when|while|as|after|before|where|which|who|that|because|since|until|if)\s)"
                              rf"[\w-]+\s+){{0,4}}?(?:(?:belonging|linked|tied|loyal)\s+to\s+|(?:used|run|operated|"
                              rf"controlled|held|manned)\s+by\s+)?(?:the\s+)?{more})$", re.I)

        self.target_prep = target_prep([])
        self.noun_target_prep = {cat: target_prep(extra) for cat, extra in r.noun_target_prepositions.items()}
        self.extra_preps = {cat: tuple(extra) for cat, extra in r.noun_target_prepositions.items()}
        self.victim = _alternation(r.victim_verbs)
        self.victim_nouns = _words(r.victim_nouns)
        # "were hit by (a)", "was killed in": a passive harm verb whose means is the noun after it
        self.passive_means = re.compile(
            rf"\b(?:was|were|is|are|been|being|got|get|gets)\s+(?:\w+ly\s+)?(?:{alternation(r.means_participles)})"
            r"\s+(?:by|in|with)\s+(?:(?:a|an|the|their|its|his|her)\s+)?$", re.I
        ) if r.means_participles else None
        members = alternation(r.member_prepositions)
        self.member_after = re.compile(rf"^\s+(?:{members})\s+(?:the\s+)?$", re.I) if members else None
        self.identify = _identification_pattern(r.identification) if r.identification else None
        self.response_of = self.response_with = self.response_after = None
        if r.response_nouns and r.response_copulas:
            answers = alternation(w.lower() for w in r.response_nouns)
            # event noun ... copula [det] PARTY: the party's response follows it
            self.response_of = re.compile(
                rf"^(?:\s+[\w-]+){{0,3}}?\s+(?:{_hedged(r.response_copulas)})\s+(?:(?:a|an|the|its|their|his|her)\s+)?$",
                re.I)
            self.response_after = re.compile(rf"(?:'s|’s|’|')?\s+(?:[\w-]+\s+)?(?:{answers})\b", re.I)
            # PARTY's response came ..., with [det] event noun
            self.response_with = re.compile(
                rf"^(?:'s|’s)?\s+(?:{answers})\s+(?:came|arrived|followed|began|started)\b[^.;:]{{0,60}}?\bwith\s+"
                rf"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){{0,3}}$", re.I)
        self.scope_barriers = _words(r.scope_barriers)
        self.detail = _words(r.detail_verbs)
        self.relative = _words(r.relative_markers)
        self.symmetric = frozenset(r.symmetric_categories)
        self.pair_acts = frozenset(r.pair_acts)
        self.pair_appeals = frozenset(r.pair_appeals)
        # "<party>, in turn, said": a short aside between a speaker and its reporting verb
        self.speaker_aside = re.compile(rf",\s*(?:{alternation(r.speaker_asides)})\s*,\s*", re.I) \
            if r.speaker_asides else None
        self.distinct_modes = frozenset(r.distinct_modes)
        self.generic_words = frozenset(w.lower() for w in r.generic_words)
        self.one_act_modes = frozenset(r.one_act_modes)
        self.speech = _words(r.speech_verbs)
        self.future_content = frozenset(r.future_content_categories)
        self.instruments = frozenset(w.lower() for w in r.instrument_nouns)
        self.force_objects = frozenset(r.force_object_categories)
        self.named_place = re.compile(rf"\s+(?:international\s+)?{_phrases(r.named_place_nouns)}", re.I) \
            if r.named_place_nouns else None
        self.listener = _words(r.listener_verbs)
        # (a place may stand between: "bases in Iraq housing U.S. troops", "the base, which hosts")
        self.hosting = re.compile(r"(?:\s+(?:in|near)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?,?\s+(?:"
                                  + alternation(r.hosting_verbs) + r")\s+(?:the\s+)?", re.I) \
            if r.hosting_verbs else None
        # the entry a reported accusation is told with (see _reported_accusations): "accused", if the
        # lexicon has it
        self._accuse_trig = next((t for t in events.surface.get("accused", []) if t.category == "ACCUSE"), None)
        self._threat_trig = next((t for t in events.surface.get("threatened", []) if t.category == "THREATEN"), None)
        self.alleged_of = re.compile(r"(?<![\w-])(?:" + alternation(r.allegation_nouns) + r")\s+of\s+$", re.I) \
            if r.allegation_nouns else None
        naming = r"(?<![\w-])(?:" + alternation(r.naming_verbs) + r")\s+(?:operation\s+)?" if r.naming_verbs else None
        # "dubbed "Decisive Storm"": a quoted name after a naming verb (at most six words)
        self.naming = re.compile(naming + r"([\"“‘'][^\"“”‘’']{1,60}?[\"”’'])", re.I) if naming else None
        # a name right after a naming verb ("code-named Safed Sagar") is no place
        self.named_after = re.compile(naming + "$", re.I) if naming else None
        self.verbal = {c: spec.quad.startswith("verbal") for c, spec in events.categories.items()}
        self.complement_heads = frozenset(r.complement_heads)
        self.complement_keeps = frozenset(r.complement_keeps)
        self.complement_targets = frozenset(r.complement_targets)
        self.process_nouns = _words(r.process_nouns)
        self.quantity = alternation(r.quantity_nouns) if r.quantity_nouns else None
        self.quantity_before = re.compile(
            rf"(?:(?:a|an|the|two|three|several|new|fresh|more)\s+)?(?:{self.quantity})\s+of\s+$", re.I) \
            if self.quantity else None
        self.targeted_by = frozenset(r.targeted.by)
        self.targeted_names = frozenset(r.targeted.names)
        self.coord_conj = _words(r.coordination.conjunctions)
        self.coord_skip = _words(r.coordination.skip)
        self.participle_details = {c: frozenset(v) for c, v in r.participle_details.items()}
        self.complement_irrealis = frozenset(r.complement_irrealis)
        self.complement_verb_heads = frozenset(r.complement_verb_heads)
        self.inf_heads = _words(r.infinitive_heads)
        # after a possessor: "France's (sudden) decision to <verb>"
        self.intention_to = re.compile(
            rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation(r.intention_nouns)})\s+to\s+", re.I) \
            if r.intention_nouns else None
        self.intercept_verbs = _alternation(r.interception.verbs)
        self.weapon_words = _words([w for w in r.interception.weapons if " " not in w])
        self.weapon_participles = _words(r.weapon_participles)
        self.state_aircraft = re.compile(rf"\b(?:a|an|one|the)\s+(?:[\w'’-]+\s+){{0,4}}?"
                                         rf"(?:{alternation(r.interception.state_aircraft)})$", re.I) \
            if r.interception.state_aircraft else None
        self.intercepted = re.compile(
            # (a count may stand before the weapons: "downed nearly all of the Iranian drones")
            r"\s+(?:[\w'’-]+\s+){0,6}?(?:" + alternation(r.interception.weapons) + r")(?![\w-])", re.I)
        self.complement_window = r.complement_window
        m = r.modality
        self.mod_window = m.window
        self.mod = {
            "denied": _alternation(m.denied), "negated": _alternation(m.negated),
            "hypothetical": _alternation(m.hypothetical), "future": _alternation(m.future),
            "habitual": _alternation(m.habitual),
        }
        self.mod_any = _alternation(m.denied + m.negated + m.hypothetical + m.future + m.habitual)
        # ... right before the -ing trigger (adverbs aside): "have been rocketing", not "have been accused
        # of firing rockets" (the accusation's aspect, not the act's)
        self.progressive = re.compile(rf"(?:{_phrases(m.habitual_progressive)})\s+(?:\w+ly\s+)?$", re.I) \
            if m.habitual_progressive else None
        self.aggregate = re.compile(rf"[^.;:,]*?{_phrases(m.aggregate)}", re.I) if m.aggregate else None
        self.named_act = re.compile(
            r"(?:[^\W\d][\w'’-]*\s+){1,8}?(?:" + alternation(m.named_act)
            + r")(?![\w'’-])(?!\s+(?:being|under\s+way|\w+ing\b|\w+ed\b))", re.I) if m.named_act else None
        self.named_act_not_before = _words(m.named_act_not_before)
        # "threatened (further|more|a new wave of) strikes": the verb, then up to three words that are no
        # preposition, clause word or party, right before the act noun
        self.threatened_object = re.compile(
            rf"(?<![\w-])(?:{alternation(m.threatened_object)})((?:\s+[\w'’-]+){{0,3}}?)\s+$", re.I) \
            if m.threatened_object else None
        self.conditional = _words(m.conditional_scope)
        self.requested = _alternation(m.requested)
        self.future_clause = _alternation(m.future_clause)
        self.scheduled = _alternation(m.scheduled)
        self.aspectual = _words(m.infinitive_aspectual)
        self.definite = _words(r.definite)
        self.noun_cues = _words(r.noun_cues)
        self.verb_cues = _words(r.verb_cues)
        self.latest = _alternation(r.latest)
        def words(ws: Iterable[str]) -> str:  # lower case: the casualty patterns are Caseless
            return alternation(w.lower() for w in ws)

        num_re = r"(?:\d[\d,]*|" + words(r.numbers) + r")"
        quant = words(r.quantifiers)
        self.numbers = {k.lower(): v for k, v in r.numbers.items()}
        self.num_re = num_re
        self.scales = {k.lower(): v for k, v in r.number_scales.items()}
        self.scale = re.compile(rf"\s+({alternation(self.scales)})\b", re.I) if self.scales else None
        # per kind: (count then cue, cue then count, "no casualties"), run on the lower-cased sentence
        self.cas: dict[str, tuple[Caseless, Caseless, Caseless | None]] = {}
        self.cas_cue: dict[str, Caseless] = {}
        for kind in ("fatalities", "injuries"):
            cues = getattr(r.casualties, kind)
            after = words(cues.after_number)
            before = words(cues.before_number)
            # the count-then-cue pattern begins with a look-behind, which the regex engine tries at every
            # position: it runs only in sentences where one of its cue words occurs at all
            self.cas_cue[kind] = Caseless(rf"(?:{after})\b")
            self.cas[kind] = (
                # "27 people, including two civilians, were killed" (the included count is part of the first);
                # "four police officers and two civilians were killed" (the two counts add up)
                Caseless(rf"(?<![\w-])(?:(?:{quant})\s+)?(?P<n>{num_re})(?P<mid>(?:\s+[\w-]+){{0,4}}?)"
                         rf"(?:\s+and\s+(?:(?:{quant})\s+)?(?P<n2>{num_re})(?:\s+[\w-]+){{1,3}}?)?"
                         rf"(?:\s*[,(]\s*(?:including|among\s+them)\s+[^,;()]{{1,50}}[,)])?\s+(?:{after})\b"),
                Caseless(rf"\b(?:{before})\s+(?:(?:{quant})\s+)?(?P<n>{num_re})\b(?:(?:\s+[\w-]+){{0,4}}?\s+and\s+(?:(?:{quant})\s+)?(?P<n2>{num_re})\b)?"),
                Caseless(_phrases(cues.none)) if cues.none else None,
            )
        carriers = r.date_carriers
        self.carrier = re.compile(
            r"\s*(?:the|this|that|his|her|its|their)\s+(?P<noun>"
            + alternation(carriers.nouns)
            + r")\s+(?:"
            + alternation(carriers.verbs)
            + r")\b",
            re.I,
        )
        self.carrier_nouns = {k.lower(): list(v) for k, v in carriers.nouns.items()}
        self._timexes: list[Timex] = []
        self._blanked_of: tuple[str | None, list[Timex] | None] = (None, None)  # what _blanked was made from
        self._blanked = ""
        self._conjuncts: list[ActorMatch] = []
        self._cue_spans: list[tuple[int, int]] = []
        self._fences: list[int] = []
        self._sentence_cues: list[CueMatch] = []
        self._purpose_cues: list[tuple[int, int]] = []
        self._sentence_hits: list[Hit] = []
        g = actors.generic
        # definite descriptions that refer back ("the group", "the paramilitary group", "the rebels"):
        # the kinds whose unnamed "the ..." mentions take the last named actor of that kind
        self.anaphor_kinds = frozenset(g.anaphors)
        self.context_kinds = frozenset(g.context_kinds)
        # "the group's positions", "the regime's forces": a bare party owned by a definite description
        self._anaphor_kind = {w.lower(): kind for kind, ws in g.anaphors.items() for w in ws}
        # the heads of those descriptions ("the group", "the terror group", "the Palestinian movement"):
        # up to two lower-case words may stand between "the" and the head; not "the group of ..."
        # (not "the country", "the state": places as often as parties, "across the country")
        # (only heads that are no role noun: "the rebels" is found as a generic party already)
        roles = {n.lower() for ns in g.role_nouns.values() for n in ns}
        self._anaphor_head = {w.split()[-1].lower(): kind for kind, ws in g.anaphors.items() for w in ws
                              if w.lower().startswith("the ") and w.split()[-1].lower() not in ("country", "state")
                              and w.split()[-1].lower() not in roles}
        # their stems, looked for in the lower-cased sentence before the pattern runs
        self._head_stems = tuple(sorted({h.rstrip("s") for h in self._anaphor_head}))
        self._head_rx = re.compile(rf"(?<![\w-])the\s+(?:[a-z][\w-]*\s+){{0,2}}?({alternation(self._anaphor_head)})"
                                   r"(?![\w-])(?!\s+of\b)", re.I) if self._anaphor_head else None
        self._owner_rx = re.compile(rf"(?<![\w-])({alternation(self._anaphor_kind)})['’]s\s+$", re.I) \
            if self._anaphor_kind else None
        self.government_words = _words(g.government_words)
        self.place_targets = frozenset(r.place_target_categories)
        self.coordinated_topics = frozenset(r.coordinated_topic_heads)
        self._org_heads = frozenset(w.lower() for w in g.organisation_heads)
        self._org_rx = re.compile(rf"\bthe ({alternation(g.organisation_heads)})(?![\w-])", re.I) \
            if g.organisation_heads else None
        # "the North", "the South's": capitalised, as written (see _refer_back)
        self._compass_rx = re.compile(rf"(?<=\b[Tt]he )({alternation(g.compass_names)})('s|’s)?(?![\w-])") \
            if g.compass_names else None
        # a capitalised title before a full name ("President <Given> <Surname>", "Prime Minister <Given> <Surname>")
        self.titled_rx = re.compile(rf"(?<![\w-])(?:{trie_pattern(t.title() for t in g.person_titles)})"
                                    r"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+") if g.person_titles else None
        self.pair_rx = re.compile(rf"(?<![\w-])(?:{alternation(g.pair_anaphors)})(?![\w-])", re.I) \
            if g.pair_anaphors else None
        self.person_pron = _words(g.pronouns.person)
        self.group_pron = _words(g.pronouns.group)
        self.thing_pron = _words(g.pronouns.thing)
        self.first_pron = _words(g.pronouns.first_person)
        self.possessive_pron = _words(g.pronouns.possessive)
        self.first_possessive = _words(g.pronouns.first_person_possessive)  # "our forces": the speaker's side
        self._named_preps: dict[str, re.Pattern[str]] = {}  # see _named_prep
        self._dct: date | None = None  # per document: its publication date
        self._home: str | None = None  # per document: the state its dateline names (see _dateline_state)
        self._dateline_end = 0  # per document: where its dateline ends (see _dateline_state)
        self._story: str | None = None  # per document: see _story_state ("" for none)
        self._lowered = False  # per document: is ``_low_text`` the text lower-cased? (see ``document``)
        self._stimex: list[Timex] = []  # per sentence: its temporal expressions
        self._sentence_actors: list[ActorMatch] = []  # per sentence: its parties
        self._low_text = ""
        self._states_seen: list[str] = []  # per document: see ``document``

    # ------------------------------------------------------------------ helpers
    def _num(self, s: str) -> int | None:
        s = s.lower().replace(",", "")
        if s.isdigit():
            return int(s)
        return self.numbers.get(s)

    def _tokens(self, text: str, start: int, end: int) -> Tokens:
        low = text[start:end].lower().replace("’", "'")
        out = Tokens()
        if len(low) != end - start:  # a character whose lower case is longer ("İ"): word by word
            out.extend(Tok(m.start(), m.end(), m.group(0).lower().replace("’", "'"))
                       for m in _TOKEN.finditer(text, start, end))
            out.starts = [t.start for t in out]
        else:
            spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
            out.extend([Tok(a, b, low[a - start:b - start]) for a, b in spans])
            out.starts = [a for a, _b in spans]
        breaks = self.breaks
        out.breaks = [i for i, t in enumerate(out) if t.low in breaks]
        if len(out.breaks) > 1:
            # a word or two in scare quotes ('it had "adequately" responded', 'took "local and limited"
            # measures') is no quotation: its marks end no clause
            quoted = {i for a, b in zip(out.breaks, out.breaks[1:], strict=False)
                      if b - a <= 4 and out[a].low in _QUOTE_MARKS and out[b].low in _QUOTE_MARKS
                      and all(out[k].low[:1].isalnum() for k in range(a + 1, b))
                      for i in (a, b)}
            if quoted:
                out.breaks = [i for i in out.breaks if i not in quoted]
        return out

    def _definite_before(self, text: str, sent: Sentence, s: int) -> bool:
        """Does a determiner of a definite noun stand one or two modifiers before ``s`` ("the new offensive",
        "the April 13 barrage")?"""
        words = text[max(sent.start, s - 40):s].lower().split()[-3:]
        for k in (2, 3):  # the determiner, then one or two modifiers that are no verb or function word
            if len(words) >= k and words[-k] in self.definite and not any(
                    w in _NOT_MODIFIERS or not w[:1].isalnum() or not w[-1:].isalnum() for w in words[1 - k:]):
                return True
        return False

    @staticmethod
    def _tok_index(toks: Tokens, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(toks.starts, pos)

    # ------------------------------------------------------------------ document
    def document(self, doc: Document, cue_spans: list[tuple[int, int]] | None = None) -> list[Mention]:
        text = doc.text
        dct = doc.published
        self._dct = dct
        cue_spans = cue_spans or []
        mentions: list[Mention] = []
        subjects: list[tuple[Sentence, ActorMatch]] = []  # first actor of each sentence, for pronouns
        speakers = _Speakers(self, text)  # paragraph -> speaker of its quotations
        timexes = sorted(doc.timexes, key=lambda t: t.start)
        self._timexes = timexes
        prev_by_sentence: list[tuple[Sentence, list[Mention]]] = []
        headers: dict[int, Timex] = {}  # paragraph -> the day heading it, in a timeline
        named: dict[str, ActorMatch] = {}  # kind -> the last named actor of that kind
        scan = _blank_dates(text, timexes, preps=True)
        # lower-cased copies for the lexicon scans (case-sensitive patterns run faster), unless
        # lower-casing changes the length: then the case-insensitive patterns on the text as written
        low_text = lowered(text)
        self._lowered = low_text is not None
        low_scan = (low_text if scan is text else scan.lower()) if low_text is not None else None
        self._low_text = low_text if low_text is not None else text
        trig_rx = self.ev.regex.pick(self._lowered)
        self._named_log: list[tuple[str, ActorMatch]] = []  # (kind, party) named so far, in text order
        self._states_seen = []  # states named so far, as parties or places, in text order
        self._name_heads: dict[str, str] = {}  # last word of a party's name as written ("Guards") -> the party
        self._org_words: dict[str, str] = {}  # a head word in an organisation's name ("court") -> the last one named
        # first and last word of a person's full name as written (given name and surname) -> that person
        self._person_parts: dict[str, str] = {}
        # head noun of a party described with its owner ("Niger's military junta") -> that party
        self._owned_heads: dict[str, str] = {}
        self._home = self._dateline_state(text, doc.sentences)
        self._story = None
        # a live blog's entries ("21:30 IST", then the entry) and section headings ("HOW THE FIGHTING
        # STARTED"): headings tell no event; an entry under a clock heading tells the page's day
        headings, live = _headings(doc.sentences, dct is not None)
        live_day = _day_timex(dct) if live and dct is not None else None
        self._text = text
        # parties of sentences with no trigger word are found only when a later sentence needs them
        # (its pronouns and "the group" refer back through them), in order: most sentences of an
        # article tell no event
        pending: list[Sentence] = []
        # the day of the news: the newest act the first sentence telling acts dates to a day, if recent (see
        # _told_in_story)
        lede_read, story_day = False, None
        went_back = False  # the last date the story named lies before its news day

        def parties(s: Sentence) -> list[ActorMatch]:
            # the dateline's city and agency ("ANKARA, Oct 24 (Reuters) -") are where and who reports,
            # no party to the story: neither a subject nor what a later "they" refers to
            start = max(s.start, self._dateline_end) if s.start < self._dateline_end < s.end else s.start
            found = [a for a in self.ac.find(text, start, s.end, low_text, self._dct) if not self._is_source(text, a, s.end)
                     and not self._instrument(text, a, start) and not self._place_named_after(text, a, s.end)]
            return self._refer_back(text, found, named, start, s.end)

        def note_subject(s: Sentence, actors: list[ActorMatch]) -> None:
            firsts = [a for a in actors if not a.locative and not a.modifier]
            closing = _quote_end(s.text)
            if closing is not None:
                # '"Pakistan rejects terrorism," Musharraf said.': the speaker is what a later "he" refers to
                firsts = [a for a in firsts if a.start >= s.start + closing] or firsts
            if firsts:
                subjects.append((s, firsts[0]))

        # time expressions and cues by start offset: each sentence takes its own by binary search
        tx_starts = [t.start for t in timexes]
        cue_spans = sorted(cue_spans)
        span_starts = [a for a, _ in cue_spans]
        doc_cues = sorted(doc.cues, key=lambda c: c.start)
        cue_starts = [c.start for c in doc_cues]
        for sent in doc.sentences:
            self._told_span = (doc.sentences[0].start, sent.start)  # the document told before this sentence
            self._told_norm: str | None = None
            self._mode_found: dict[tuple[int, str], list[tuple[int, int]]] = {}
            stimex = [t for t in timexes[bisect_left(tx_starts, sent.start):bisect_left(tx_starts, sent.end)]
                      if t.end <= sent.end]
            scues = [(a, b) for a, b in cue_spans[bisect_left(span_starts, sent.start):bisect_left(span_starts, sent.end)]
                     if b <= sent.end]
            self._cue_spans = scues
            self._stimex = stimex
            # cues that bring in another event ("in retaliation for the attack"), not "came in response,"
            self._sentence_cues = doc_cues[bisect_left(cue_starts, sent.start):bisect_left(cue_starts, sent.end)]
            self._fences = [c.start for c in self._sentence_cues if not c.anaphoric and c.direction == "effect_first"]
            self._purpose_cues = [(c.start, c.end) for c in self._sentence_cues if c.label == "purpose"]
            quoted = _QUOTE.search(sent.text) is not None
            words = scan if stimex else text
            lwords = words if low_scan is None else low_scan if stimex else self._low_text
            actors: list[ActorMatch] | None = None
            if sent.n in headings or (not quoted and trig_rx.search(lwords, sent.start, sent.end) is None):
                pending.append(sent)
                hits: list[Hit] = []
            else:
                for ps in pending:
                    note_subject(ps, parties(ps))
                pending.clear()
                actors = parties(sent)
                hits = self._triggers(lwords, text, sent, actors, stimex, scues)
                if hits:  # "a military operation": a generic noun inside an act's words is no party
                    actors = [a for a in actors if not (a.actor.startswith("unknown.")
                                                        and any(h.start <= a.start and a.end <= h.end for h in hits))]
            # words are needed for roles and for a quotation's speaker; most sentences of an
            # article tell no event and skip them
            toks = self._tokens(text, sent.start, sent.end) if hits else Tokens()
            if quoted and actors is not None:  # its speaker is found when a first-person pronoun asks
                speakers.add(sent, toks if hits else None, actors)
            self._sentence_hits = hits
            self._sentence_actors = actors or []
            if hits:
                resolve = functools.partial(self._resolve, sent=sent, subjects=subjects, speakers=speakers, text=text)
                for i, h in enumerate(hits):
                    self._roles(text, sent, toks, actors, hits, i, h, resolve)
                    self._modality(text, sent, toks, hits, i, h)
                    h.location = self._location(text, sent, actors, h, hits)
                self._gerund_subjects(text, hits)
                self._participle_subject(text, sent, actors, hits)
                self._coordinated_other(text, actors, hits)
                self._denied_after(text, hits)
                for h in hits:
                    self._context_parties(h)
                    self._pair(text, sent, h)
                    self._rebutted(text, h, mentions)
                self._blamed_after(text, hits)
                self._casualties(sent, hits)
                self._bind_time(text, sent, toks, hits, stimex)
                self._date_before_and(text, hits)
                self._fold(text, hits, scues)
                self._threatened_acts(text, hits)
                for h in hits:  # "a rocket strike that killed 12 children ... in the Israeli-controlled Golan"
                    j = h.fold_into
                    while j is not None and hits[j].fold_into is not None:
                        j = hits[j].fold_into
                    head = hits[j] if j is not None else None
                    if head is not None and head.timex is None and h.timex is not None \
                            and head.end <= h.timex.start and h.timex.end <= h.start \
                            and not _names_a_thing(text, sent, h.timex):
                        # "told Trump in a phone call on Wednesday that Russia would respond": the date
                        # between an act and the detail folded into it is the act's
                        head.timex = h.timex
                    elif head is not None and head.timex is None and h.timex is not None and h.complement \
                            and h.definite and h.reading == "noun" and h.timex.start >= h.end:
                        # "rejected the demand on Tuesday": a definite noun refers to an act told before;
                        # the date after it is the rejection's
                        head.timex = h.timex
                    if head is not None and h.target is not None and h.target.how == "context" \
                            and head.target is not None and head.target.actor == "unknown.population" \
                            and (head.target.start, head.target.end) == (h.target.start, h.target.end):
                        head.target = h.target  # the victims' country, found from the detail's place
                    elif head is not None and h.target is not None and head.target is not None \
                            and head.target.how in ("context", "capital") and h.target.how not in ("context", "capital") \
                            and not h.target.actor.startswith("unknown.") and h.trig.category == head.trig.category:
                        # "a drone strike at Baghdad airport killed commander X": whom the act killed, not
                        # the state where it struck
                        head.target = h.target
                for h in hits:
                    if h.fold_into is None:
                        self._civilians_side(actors, h)
            if hits and self._accuse_trig is not None:
                # (before the dates of the sentence go out: "**May 8** - India said Pakistan had tried to
                # attack": a timeline entry's day is the accusation's too)
                hits.extend(self._reported_accusations(text, sent, toks, actors, hits, stimex))
            if hits and self._threat_trig is not None:
                hits.extend(self._announced_threats(text, sent, toks, actors, hits, stimex))
            carrier = self.carrier.match(text, sent.start, sent.end) if stimex or hits else None
            if hits and not carrier:
                self._sentence_date(text, sent, hits, stimex)
            if hits and stimex:
                self._date_by_offset(hits, stimex, prev_by_sentence)
            if len(hits) > 1:
                self._when_clause(text, sent, hits)
            header = self._timeline_date(text, sent, stimex)
            if header is not None:
                headers[sent.paragraph] = header
            elif hits and sent.paragraph in headers:
                # the later sentences of a timeline entry tell acts of its day, unless dated otherwise
                fence = self._answer_fence(sent.start, sent.end)
                for h in hits:
                    if h.timex is None and h.fold_into is None and h.start < fence:
                        h.timex = headers[sent.paragraph]
            elif hits and live_day is not None and sent.paragraph in live:
                # "20:15 IST / India summoned Pakistan's envoy": a live blog's entry tells its page's day
                fence = self._answer_fence(sent.start, sent.end)
                for h in hits:
                    if h.timex is None and h.fold_into is None and h.start < fence and h.modality == "asserted":
                        h.timex = live_day
            elif hits and prev_by_sentence:
                self._narrative_day(text, sent, hits, stimex, prev_by_sentence[-1][1])
            if hits and dct is not None and not quoted:
                # "Addis Ababa accuses Asmara of arming rebels": a charge, denial or demand told in the present
                # stands at the report's date
                for h in hits:
                    if h.timex is None and h.fold_into is None and h.reading == "verb" and h.trig.form == "s" \
                            and h.modality == "asserted" and self.verbal.get(h.trig.category):
                        h.timex = _day_timex(dct)
            if story_day is not None:
                dated = [t.latest for t in stimex if t.type == "DATE" and t.latest is not None]
                if dated:
                    went_back = max(dated) < story_day  # the story goes back in time (or returns to its day)
                elif hits and not stimex and not went_back:
                    self._told_in_story(text, sent, hits, story_day)
            sent_mentions = []
            for h in hits:
                if h.fold_into is not None:
                    continue
                sent_mentions.append(self._mention(doc, sent, h, dct, cued=bool(scues),
                                                   answered=self._cue_object(text, h.start)))
            # "The strikes came on Friday": the date right after the carrier's verb ("came two days after
            # the Houthis fired ... on Tuesday": a count and the cause's day, not the strikes')
            carried = next((t for t in stimex if t.type in ("DATE", "TIME") and t.start >= carrier.end()
                            and _CARRIED_GAP.fullmatch(text, carrier.end(), t.start)), None) if carrier else None
            if carried is not None:
                self._carry_date(carrier.group("noun").lower(), carried, prev_by_sentence, sent_mentions)
            if self.identify is not None:
                found = self.identify.pick(self._lowered).search(self._low_text, sent.start, sent.end)
                if found is not None:
                    self._identify(text, sent, found, [*mentions, *sent_mentions])
            mentions.extend(sent_mentions)
            prev_by_sentence.append((sent, sent_mentions))
            if sent_mentions and not lede_read:
                lede_read = True
                story_day = _story_day(sent_mentions, dct)
            if actors is not None:
                note_subject(sent, actors)
        return mentions

    @staticmethod
    def _is_source(text: str, a: ActorMatch, end: int) -> bool:
        """Is the party only the source of what the sentence tells ("according to U.S. officials, cruise
        missiles struck", "struck what India described as a training camp")? No actor or target, then."""
        if a.start < 4 or text[a.start - 1] not in " \t\n":
            return False
        before = _SOURCE_BEFORE.search(text, max(0, a.start - 16), a.start)
        if before is None:
            return False
        return before.group(1) is not None or _SOURCE_VERB_AFTER.match(text, a.end, end) is not None

    def _identify(self, text: str, sent: Sentence, found: re.Match[str], told: list[Mention]) -> None:
        """"Police said the attackers were members of the PKK": the party named identifies the unnamed
        perpetrators of the violent acts told before (not one on its own side: no party attacks itself),
        unless a denial or negation comes first ("denied the gunmen were ...")."""
        if _DENIAL.search(text, sent.start, found.start()):
            return
        party = next((a for a in self.ac.find(text, found.end(), sent.end, self._low_text if self._lowered else None, self._dct)
                      if a.start - found.end() <= 1), None)
        if party is None or party.locative or party.actor.startswith("unknown.") \
                or self.ac.actors[party.actor].kind not in _PERPETRATOR_KINDS:
            return
        mine = self._camp(party)
        for m in told:
            if m.category not in _VIOLENT or m.modality != "asserted" \
                    or (m.sentence == sent.id and m.trigger.start >= found.start()):
                continue
            if m.actor is not None and not m.actor.id.startswith("unknown."):
                continue
            day = (m.when.earliest if m.when is not None and m.when.earliest == m.when.latest else None) or self._dct
            if m.target is not None and not m.target.id.startswith("unknown.") and mine & self.ac.camp(m.target.id, day):
                continue
            m.actor = self.ac.ref(party, day)

    def _dateline_state(self, text: str, sentences: list[Sentence]) -> str | None:
        """The one state a wire dateline names ("OUAGADOUGOU, Burkina Faso (AP) —", "KYIV, June 6 (Reuters) -"),
        if the story opens with one; None for none or several ("JERUSALEM/SANAA"). Sets
        ``self._dateline_end``: where the dateline ends (0 for none)."""
        self._dateline_end = 0
        for sent in sentences[:2]:
            m = _DATELINE.match(text, sent.start, sent.end)
            if m is None:
                continue
            self._dateline_end = m.end()
            head = text[sent.start:m.end()]
            titled = _PARENS.sub(" ", head).title()  # "OUAGADOUGOU" is the capital "Ouagadougou"; no agency
            parties = {self.ac.root(a.actor) for a in self.ac.find(titled, 0, len(titled), when=self._dct)
                       if a.how in ("alias", "capital", "place")}
            home = next(iter(parties)) if len(parties) == 1 else None  # "JERUSALEM/SANAA": two parties, no home
            return home if home in self.ac.actors and self.ac.actors[home].kind == "state" else None
        return None

    def _refer_back(self, text: str, actors: list[ActorMatch], named: dict[str, ActorMatch],
                    start: int = 0, end: int = 0) -> list[ActorMatch]:
        """"the paramilitary group", "the rebels" after a named armed group are that group; ``named``
        carries the last named actor of each kind through the document. A definite description whose
        head is no role noun ("the group", "the terror group", "the movement") is found here."""
        extra: list[ActorMatch] = []

        def free(m: re.Match[str]) -> bool:
            return not any(a.start < m.end() and m.start() < a.end for a in (*actors, *extra))

        heads = self._name_heads
        if heads and end > start:
            # "Iran's Revolutionary Guards ... the Guards fired": the last word of a name the text gave is
            # that party
            extra += [ActorMatch(m.start(), m.end(), m.group(), heads[m.group(1)], "anaphor",
                                 plural=m.group(1).endswith("s"))
                      for m in _THE_NAME_HEAD.finditer(text, start, end) if m.group(1) in heads and free(m)]
        parts = self._person_parts
        if parts and end > start:
            # "<Given> <Surname> ... <Given> dismissed the figures": one part of a full name told before
            extra += [ActorMatch(m.start(), m.end(), m.group(), parts[m.group()], "anaphor")
                      for m in _CAPITAL_WORD.finditer(text, start, end) if m.group() in parts and free(m)]
        if self._compass_rx is not None and end > start and self._states_seen:
            # "the North": the state named before whose name opens with the word; "the North's soldiers": its
            # forces
            for m in self._compass_rx.finditer(text, start, end):
                state = next((x for x in reversed(self._states_seen)
                              if self.ac.actors[x].name.startswith(m.group(1) + " ")), None)
                if state is None or not free(m):
                    continue
                head = next((a for a in actors if 0 <= a.start - m.end() <= 1 and a.how == "generic"
                             and a.actor.startswith("unknown.")), None) if m.group(2) else None
                if head is not None:
                    actors = [a for a in actors if a is not head]
                    extra.append(ActorMatch(m.start(), head.end, text[m.start():head.end],
                                            self.ac._derive(state, self.ac.actors[head.actor].kind, None), "anaphor",
                                            plural=head.plural))
                else:
                    extra.append(ActorMatch(m.start(), m.end(), m.group(), state, "anaphor",
                                            possessive=m.group(2) is not None))
        if self._org_words and self._org_rx is not None and end > start:
            # "the court rejected Venezuela's objections": the organisation named before with that word (a
            # generic party read in those words gives way)
            for m in self._org_rx.finditer(text, start, end):
                if m.group(1).lower() not in self._org_words:
                    continue
                generic = [a for a in actors if a.start < m.end() and m.start() < a.end
                           and a.how == "generic" and a.actor.startswith("unknown.")]
                actors = [a for a in actors if a not in generic]
                if free(m):
                    extra.append(ActorMatch(m.start(), m.end(), m.group(), self._org_words[m.group(1).lower()],
                                            "anaphor"))
        seg = self._low_text[start:end] if self._head_rx is not None and end > start and named else ""
        if seg and any(stem in seg for stem in self._head_stems):
            for m in self._head_rx.finditer(text, start, end):
                kind = self._anaphor_head[m.group(1).lower()]
                if kind in named and free(m):
                    extra.append(ActorMatch(m.start(), m.end(), m.group(), named[kind].actor, "anaphor",
                                            plural=m.group(1).lower().endswith("s")))
        if extra:
            actors = sorted(actors + extra, key=lambda x: (x.start, -x.end))
        out = []
        for a in actors:
            actor = self.ac.actors[a.actor]
            kind = actor.kind
            if kind == "state" and a.how != "anaphor":
                self._states_seen.append(a.actor)  # also a place ("into South Korea"): see the compass names
            owner = self._owner_rx.search(text, max(0, a.start - 40), a.start) \
                if self._owner_rx is not None and a.actor.startswith("unknown.") and a.how == "generic" \
                and a.start >= 3 and text[a.start - 2] == "s" and text[a.start - 3] in "'’" else None
            owner_kind = self._anaphor_kind[_SPACES.sub(" ", owner.group(1).lower())] if owner is not None else None
            if owner_kind is not None and owner_kind in named:
                # "Washington and London bombed the group's positions": the named group's
                a = ActorMatch(owner.start(), a.end, text[owner.start():a.end],
                               self.ac._derive(named[owner_kind].actor, kind, None), "anaphor", plural=a.plural)
            elif a.how == "generic" and a.actor.startswith("unknown.") \
                    and (owned := self._owned_heads.get(a.text.rsplit(None, 1)[-1].lower())) is not None \
                    and _THE_BEFORE.search(text, max(0, a.start - 5), a.start):
                # "Niger's military junta ... The junta seized power": the party told with the same head noun
                a = ActorMatch(a.start, a.end, a.text, owned, "anaphor", possessive=a.possessive, plural=a.plural)
            elif a.actor.startswith("unknown.") and kind in self.anaphor_kinds and kind in named \
                    and _THE_BEFORE.search(text, max(0, a.start - 5), a.start):
                a = ActorMatch(a.start, a.end, a.text, named[kind].actor, "anaphor", possessive=a.possessive,
                               plural=a.plural)
            elif actor.derived and actor.backed_by and kind in self.anaphor_kinds and kind in named \
                    and actor.backed_by[0] in self.ac.camp(named[kind].actor) \
                    and _THE_BEFORE.search(text, max(0, a.start - 5), a.start):
                # "the Iran-aligned group" after the Houthis are named: the named group its sponsor backs
                a = ActorMatch(a.start, a.end, a.text, named[kind].actor, "anaphor", possessive=a.possessive,
                               plural=a.plural)
            elif not a.actor.startswith("unknown.") and a.how != "anaphor" and not a.locative:
                if a.how == "generic" and kind == "government" and " " in a.text.strip():
                    # (a government body: the forces of a state are found by context, see context_kinds)
                    self._owned_heads[a.text.rsplit(None, 1)[-1].lower()] = a.actor
                named[kind] = a
                self._named_log.append((kind, a))
                last = a.text.rsplit(None, 1)[-1] if a.how == "alias" and " " in a.text.strip() else ""
                if len(last) >= 4 and last[0].isupper() and last[1:].islower() and kind not in ("state", "person"):
                    self._name_heads[last] = a.actor
                if kind == "organisation" and self._org_heads:
                    for w in actor.name.lower().split():
                        if w in self._org_heads:
                            self._org_words[w] = a.actor
                # ("President <Given> <Surname>": the title is no part of the name; only words of the person's name,
                # or of a name the lexicon does not hold told after a state's title)
                names = [w for w in a.text.split() if w in actor.name.split()] if kind == "person" else \
                    self._titled_name(a) if a.how == "generic" else []
                if len(names) >= 2:
                    for part in (names[0], names[-1]):
                        if len(part) >= 3 and part[1:].islower():
                            self._person_parts[part] = a.actor
            out.append(a)
        return out

    # ------------------------------------------------------------------ triggers
    def _triggers(self, scan, text, sent, actors, stimex, cue_spans) -> list[Hit]:
        """Trigger words of a sentence. ``scan`` is the text with dates blanked, so that a phrase
        reads through a date the way wire copy writes it ("called Thursday on Arabs to unite"),
        lower-cased if ``self._lowered``."""
        hits: list[Hit] = []
        low = ""
        suppressed: list[tuple[int, int]] | None = None  # made at the first trigger word, if any
        names: list[tuple[int, int]] | None = None  # quoted names, made at the first trigger word
        for m in self.ev.regex.pick(self._lowered).finditer(scan, sent.start, sent.end):
            s, e = m.span(1)
            if suppressed is None:
                low = self.ev.normal(sent.text)
                sup = self.ev.suppress
                suppressed = [(x.start() + sent.start, x.end() + sent.start)
                              for x in sup.pick(self._lowered).finditer(self._sentence_low(sent))] if sup else []
            if any(a <= s and e <= b for a, b in suppressed):
                continue
            if any(a.start <= s and e <= a.end for a in actors):
                continue
            if any(t.start <= s and e <= t.end for t in stimex):
                continue
            if names is None:
                names = [x.span(1) for x in self.naming.finditer(text, sent.start, sent.end)] \
                    if self.naming is not None and _QUOTE.search(sent.text) is not None else []
            if any(a <= s and e <= b for a, b in names):
                continue  # "an operation dubbed "Decisive Storm"": a name, no act
            if any(a < e and s < b and (s >= a or " " not in m.group(1)) for a, b in cue_spans):
                continue  # a cue's words are no act (a phrase that opens before one is: "no choice but to fight back")
            surface = _SPACES.sub(" ", m.group(1).lower())
            # "on June 2 ordered" (a verb), not "the January 16 attack" (a determiner before the date)
            in_time = any(t.start < s and s - t.end <= 1 and self._prev_word(text, sent, t.start) not in self.noun_cues
                          for t in stimex)
            prev = self._prev_word(text, sent, s)
            reading = self._reading(text, sent, s, actors, in_time, prev)
            chosen = None
            # the longest surface first; when no entry of it fits, a shorter one at the same start ("landed on"
            # is a weapon's impact, "landed" forces put ashore)
            for alt, alt_e in self._surfaces(surface, text, s, e):
                cands = sorted(self.ev.surface.get(alt, []), key=lambda t: (t.reading != reading))
                chosen, final = self._choose(cands, low, text, sent, s, actors, prev, reading)
                if chosen is not None:
                    surface, e = alt, alt_e
                if chosen is not None or final:
                    break
            if chosen is None:
                continue
            # the chosen entry decides, except that a verb form after a determiner is a noun ("the wounded")
            # (a date right before the word is no determiner: "on Wednesday night killed")
            after_det = ((prev in self.noun_cues or _DIGIT.match(prev) is not None) and not in_time
                         and not _after_clause_punct(text, sent, s)
                         and not (prev in self.weapon_words and chosen.reading == "verb" and (
                             chosen.form == "ed" or _DETERMINER_NEXT.match(text, e, sent.end) is not None))
                         # ("The United States military destroyed a boat": a past form after a party's head noun)
                         and not (chosen.form == "ed" and chosen.reading == "verb" and any(
                             0 <= s - a.end <= 1 and not a.modifier and not a.possessive and not a.locative
                             and a.how != "demonym" for a in actors))) or \
                (prev in _NOUN_AFTER_PREP and chosen.form == "s" and chosen.reading == "verb") or \
                (chosen.form == "s" and chosen.reading == "verb" and _REDUCED_RELATIVE.match(text, e) is not None) or \
                any(a.modifier and 0 <= s - a.end <= 1 for a in actors) or \
                (chosen.form in ("base", "s") and chosen.reading == "verb"
                 and any(o.trig.category == chosen.category for o in hits)  # the means of an act told before
                 and _NOUN_PREPS.intersection(w.lower() for w in _WORDS.findall(text, max(sent.start, s - 40), s)[-2:])) or \
                ((prev.endswith("ed") or prev in _IRREGULAR_PAST) and chosen.form in ("base", "s")
                 and chosen.reading == "verb" and prev not in _BARE_INFINITIVE_AFTER) or \
                (chosen.form in ("base", "s") and chosen.reading == "verb"  # "struck Islamic Jihad targets"
                 and any(0 <= s - a.end <= 1 and any(o.end <= a.start and a.start - o.end <= 30
                                                     and not _CLAUSE_PUNCT.search(text, o.end, a.start) for o in hits)
                         for a in actors))  # "struck more than 60 Houthi targets"
            if chosen.reading == "verb" and after_det and chosen.form in ("base", "s"):
                continue  # "60 targets", "the fire": a verb-only entry used as a noun is not this event
            if chosen.form == "ed" and chosen.pos == "verb" and prev in _BEFORE_EPITHET \
                    and any(0 <= a.start - e <= 1 and not a.locative for a in actors) \
                    and not (prev == "that" and self._relative_that(text, sent, s)):
                # "jailed PKK leader Abdullah Ocalan", "the slain Hamas commander": an epithet, no act
                # (but "terrorist groups that opposed Iraq": a relative clause tells one)
                continue
            if chosen.form == "ed" and chosen.pos == "verb" and (prev in _DETERMINERS or prev in _PLACE_PREPS) \
                    and surface.endswith("ed"):
                adj = _ADJECTIVE_USE.match(text, e, sent.end)
                if adj is not None and adj.group(1).lower() not in self.ac.person_heads:
                    # "the annexed Crimean Peninsula", "the besieged city": a state of a place or a thing,
                    # no act told ("the wounded were taken to hospital", "the abducted men" stay)
                    continue
            if chosen.pos == "phrase" and not after_det:
                head = surface.split(" ")[0]
                # "ordered Rwanda's ambassador to leave the country": an infinitive is a verb, and so is a
                # phrase opening with a modal ("Moscow would have to respond": it has a subject)
                # ("agreed to ban imports": a phrase after an infinitive's "to" is a verb too)
                reading = "verb" if head.endswith(("ed", "ing")) or head in _IRREGULAR_PAST or head == "to" \
                    or head.lower() in _MODAL_HEADS or prev == "to" else reading
            else:
                # ("Pakistan's pledge to pull back": a verb entry's base form after a possessive is a noun,
                # the possessor's act)
                reading = "noun" if chosen.reading == "noun" or after_det or (
                    chosen.form == "base" and any(a.possessive and not a.locative and 0 <= s - a.end <= 1
                                                  for a in actors)) else "verb"
            hits.append(Hit(s, e, text[s:e], chosen, reading=reading))
        return hits

    def _choose(self, cands, low, text, sent, s, actors, prev, reading):
        """The first entry of ``cands`` whose context the sentence meets, and whether no other may take the word."""
        for trig in cands:
            req, exc = self.ev.context[id(trig.spec)]
            if req is None and id(trig.spec) in self.ev.party_kinds and not self._party_meets(trig.spec, actors):
                continue  # "requires_party" alone: "Indian troops retaliated", not "markets retaliated"
            # "In response to the expulsion, ...": a definite noun may find its context (whose
            # expulsion: an ambassador's) earlier in the document
            if req is not None and not req.search(low) and not self._party_meets(trig.spec, actors):
                if self._told_span[0] >= self._told_span[1] or (
                        prev not in self.definite and not (reading == "noun" and self._definite_before(text, sent, s))):
                    continue
                if self._told_norm is None:  # once per sentence, and only when a definite noun asks
                    self._told_norm = self.ev.normal(text[self._told_span[0]:self._told_span[1]])
                before = self._told_norm
                if not req.search(before) or (exc is not None and exc.search(before)):
                    continue
            if exc is not None and exc.search(low):
                continue
            grounds = self.ev.not_after.get(id(trig.spec))
            if grounds is not None and reading == "noun" and grounds.search(text, max(sent.start, s - 60), s):
                return None, True  # the word names the grounds of something else, no act: no other entry takes it
            after = self.ev.only_after.get(id(trig.spec))
            if after is not None and not after.search(text, max(sent.start, s - 40), s):
                continue
            return trig, False
        return None, False

    def _surfaces(self, surface: str, text: str, s: int, e: int):
        """``surface`` (ending at ``e``), then its shorter word prefixes that are triggers, with their ends."""
        yield surface, e
        words = surface.split(" ")
        if len(words) > 1:
            ends = [m.end() for m in _NON_SPACE.finditer(text, s, e)]
            for k in range(len(words) - 1, 0, -1):
                alt = " ".join(words[:k])
                if alt in self.ev.surface and k <= len(ends):
                    yield alt, ends[k - 1]

    def _place_named_after(self, text: str, a: ActorMatch, hi: int) -> bool:
        """"an oil platform in the Mubarak field", "flights from Ben Gurion airport": a person's name
        that names a place, no party."""
        return self.named_place is not None and a.how == "person" and self.named_place.match(text, a.end, hi) is not None

    def _instrument(self, text: str, a: ActorMatch, lo: int) -> bool:
        """"opened fire with artillery", "shelled its positions using mortars and artillery": a role noun
        that is the weapon an act is done with, no party (neither actor nor target)."""
        return a.how == "generic" and a.actor.startswith("unknown.") \
            and _SPACES.sub(" ", a.text.lower()) in self.instruments \
            and _WITH_BEFORE.search(text, max(lo, a.start - 40), a.start) is not None

    def _civilians_side(self, actors: list[ActorMatch], h: Hit) -> None:
        """"Armenia accused Baku of strikes on civilian settlements", "Armenian troops shelled villages,
        killing five civilians, Azerbaijan said": civilians an act hit are those of the one state of the
        other side the sentence names."""
        t = h.target
        if t is None or t.actor != "unknown.population" or h.actor is None or h.trig.category not in self.place_targets:
            return
        states = {self.ac.root(a.actor) for a in self._other_side(actors, h.actor)
                  if a is not t and not a.actor.startswith("unknown.")}
        states = {r for r in states if self.ac.actors[r].kind == "state"}
        if len(states) == 1:
            h.target = ActorMatch(t.start, t.end, t.text, self.ac._derive(states.pop(), "population", None),
                                  "generic", plural=t.plural)

    def _party_meets(self, spec, actors: list[ActorMatch]) -> bool:
        """Does the sentence name a party of a kind the entry's ``requires_party`` accepts ("The RSF
        stormed Zamzam")?"""
        kinds = self.ev.party_kinds.get(id(spec))
        return kinds is not None and any(not a.locative and self.ac.actors[a.actor].kind in kinds for a in actors)

    def _relative_that(self, text, sent, s) -> bool:
        """Is the "that" before ``s`` a relative pronoun ("groups that opposed Iraq"), not a conjunction
        after a verb of saying or thinking ("said that", "suggested that")?"""
        at = text.rfind("that", max(sent.start, s - 30), s)
        before = self._prev_word(text, sent, at) if at >= 0 else ""
        return not (before in self.reporting or before.endswith("ed") or before in _IRREGULAR_PAST)

    @staticmethod
    def _prev_word(text, sent, s) -> str:
        """The word before ``s`` (within 30 characters, in the sentence), lower case: a word is a run
        of word characters and apostrophes (a walk back over the characters, no pattern search)."""
        lo = max(sent.start, s - 30)
        j = s
        while j > lo and not _word_char(text[j - 1]):
            j -= 1
        k = j
        while k > lo and _word_char(text[k - 1]):
            k -= 1
        return text[k:j].lower().replace("’", "'")

    def _reading(self, text, sent, s, actors, in_time: bool = False, prev: str | None = None) -> str:
        """Is the word at ``s`` used as a noun or as a verb? (``prev``: the word before it, if known)"""
        if prev is None:
            prev = self._prev_word(text, sent, s)
        if in_time:
            return "verb"
        if (prev in self.noun_cues or _DIGIT.match(prev)) and not _after_clause_punct(text, sent, s):
            return "noun"  # (not "which has fought since 1984, denied": the number ends a clause)
        if prev in self.verb_cues:
            return "verb"
        if text[max(sent.start, s - 3):s].rstrip().endswith(","):
            # "Pakistan retaliated, shooting down two Indian jets": a participle with its object
            w = _ING_WORD.match(text, s)
            if w is not None and w.group().lower() not in self.detail \
                    and any(not a.locative and _PARTICIPLE_OBJECT.fullmatch(text, w.end(), a.start)
                            for a in actors if w.end() < a.start <= w.end() + 30):
                return "verb"
        for a in actors:
            if 0 <= s - a.end <= 1 and not a.modifier and not a.possessive:
                kind = self.ac.actors[a.actor].kind
                return "verb" if a.plural or kind == "person" or a.how == "pronoun" else "noun"
        return "noun"

    # ------------------------------------------------------------------ roles
    def _clause_left(self, toks: Tokens, idx: int) -> int:
        """Index of the first token of the clause that contains token ``idx``."""
        k = bisect_left(toks.breaks, idx) - 1
        return toks.breaks[k] + 1 if k >= 0 else 0

    def _clause_right(self, toks: Tokens, idx: int) -> int:
        """Index of the clause break at or after token ``idx`` (or the number of tokens)."""
        k = bisect_left(toks.breaks, idx)
        return toks.breaks[k] if k < len(toks.breaks) else len(toks)

    def _subject(self, text, sent, toks, actors, pos: int, resolve, active: bool = False) -> ActorMatch | None:
        """Nearest actor left of ``pos`` in its clause: not a place, not a speaker, not inside a
        parenthetical relative clause; for coordinated subjects ("US and British jets"), the first
        (and ``self._conjuncts`` the coordinated parties, empty unless this call found some). For the
        subject of an active verb (``active``), not the agent of a reduced relative clause ("pagers used
        by Hezbollah members exploded"; passive, "drones launched by the Houthis were shot down", the
        owners are what was hit)."""
        self._conjuncts = []  # (a pronoun subject returns early: never the conjuncts of an earlier call)
        idx = self._tok_index(toks, pos)
        ante = self._antecedent(text, toks, idx, actors)
        if ante is not None:
            return ante
        left = self._clause_left(toks, idx)
        lo = toks[left].start if left < len(toks) else sent.start
        # a reporting verb between an actor and the trigger makes that actor a speaker
        # (a word inside a name is no verb: "United States"; nor one inside a parenthetical relative
        # clause: "The Resistance Front, which India says is a proxy of X, claimed the attack")
        # (searched a little past ``pos``: an aside is known by the word after its closing comma)
        aside = [m.span() for m in _PARENTHETICAL.finditer(text, lo, pos + 2) if m.end() <= pos]
        reporting = self.reporting
        for j in range(idx - 1, left - 1, -1):
            if toks[j].low not in reporting or (aside and any(hs <= toks[j].start < he for hs, he in aside)):
                continue
            if not _inside(toks[j], actors):
                obj = next((a for a in actors if a.start >= toks[j].end), None) if active else None
                if obj is not None and _DET_GAP.fullmatch(text, toks[j].end, obj.start) is not None \
                        and _ING_AT.match(text, pos) is not None \
                        and _OBJECT_THEN_SUBORDINATE.fullmatch(text, obj.end, pos) is not None:
                    # "Iran warned Iraq before firing missiles": the party after the verb is its object, and
                    # the gerund after the subordinator has the main clause's subject
                    break
                lo = max(lo, toks[j].end)
                # "briefed Reuters that ...", "told reporters that ...": the listener is no subject
                listener = next((a for a in actors if 0 <= a.start - toks[j].end <= 1), None) \
                    if toks[j].low in self.listener else None
                if listener is not None and listener.end <= pos:
                    lo = max(lo, listener.end)
                break
        hidden = [m.span() for m in _PARENTHETICAL.finditer(text, lo, pos + 2) if m.end() <= pos]
        hidden += self._appositions(text, actors, lo, pos)
        # "Rebels fighting the army seized the town": a participle describing the subject hides its object
        hidden += [(o.start, pos) for o in self._sentence_hits if o.extra.get("reduced") and lo <= o.start < pos]
        # "protesters gathered outside the parliament, accusing Pashinyan", "Iran summoned the British
        # ambassador, demanding ...": a participle clause after a comma has the clause's subject, the
        # first party, not the nearest one (an object or a place)
        participle = text[max(lo, pos - 3):pos].rstrip().endswith(",") and _ING_AT.match(text, pos) is not None
        if active and not participle:
            # "spoke to Kagame and called for a ceasefire", "warned Iraq before firing missiles": a verb
            # with no subject of its own after "and" or a subordinator shares the clause's first party
            participle = _AND_NEXT_VERB.search(text, max(lo, pos - 20), pos) is not None or (
                _ING_AT.match(text, pos) is not None and _SUBORDINATE_ING.search(text, max(lo, pos - 12), pos) is not None)
        best: ActorMatch | None = None
        for a in actors:
            if a.end > pos or a.start < lo or a.locative or a.possessive or a.modifier:
                continue
            if hidden and any(hs <= a.start < he for hs, he in hidden):
                continue
            if _RECIPIENT_BEFORE.search(text, max(lo, a.start - 12), a.start):
                continue  # "Pyongyang gave Seoul 48 hours to halt the broadcasts": the recipient is no subject
            w0 = max(lo, a.start - 120)
            red = _REDUCED_BY.search(text, w0, a.start) if active and text.find(" by ", w0, a.start) >= 0 else None
            if red is not None and (red.group(1) or "").lower() not in _BE_AUX:
                continue  # "pagers used by Hezbollah members exploded": the users are no subject
            best = a
            if participle:
                break
        for j in range(idx - 1, left - 1, -1):
            t = toks[j]
            if t.start < lo or (best is not None and t.start < best.end):
                break
            if hidden and any(hs <= t.start < he for hs, he in hidden):
                continue
            if participle and t.low in self.possessive_pron:
                continue  # "flew a drone over its positions and then opened fire": an owner is no subject
            if t.low in self.person_pron or t.low in self.group_pron or t.low in self.first_pron \
                    or t.low in self.thing_pron:
                r = resolve(t, actors=actors)
                if r is not None:
                    return r
        if best is not None and best.how == "generic" and best.actor.startswith("unknown."):
            owned = self._owned(text, toks, actors, best, resolve)
            if owned is not None:
                return owned
        if best is None:
            # "Azerbaijani drones struck": a demonym before the subject's head noun names its side (also
            # across a relative clause set off by commas: "Cambodian rockets, which Thailand said were
            # fired from launchers, then slammed into villages")
            return next((a for a in actors if a.modifier and a.start >= lo and a.end <= pos
                         and (_HEAD_NOUN_GAP.fullmatch(text, a.end, pos) or any(
                             a.end < hs and _HEAD_NOUN_GAP.fullmatch(text[a.end:hs] + " " + text[he:pos])
                             for hs, he in hidden))), None)
        # walk back over coordination to the first conjunct
        i = actors.index(best)
        while i > 0:
            prev = actors[i - 1]
            if prev.locative or prev.start < lo or not _COORD.fullmatch(text[prev.end:actors[i].start]):
                break
            if prev.actor.startswith("unknown.") and self.ac.actors[actors[i].actor].kind == "person" \
                    and text[prev.end:actors[i].start].strip() == ",":
                break  # "Its chief spokesman, Zabihullah Mujahid, condemned": an apposition names the party
            if any(lo <= o.start and o.end <= prev.start and prev.start - o.end <= 30 for o in self._sentence_hits):
                break  # "accused of killing Druze civilians, and Israel began striking": an act's object
            i -= 1
        first = actors[i]
        self._conjuncts = actors[i:actors.index(best) + 1]
        if first is not best and first.how in ("alias", "demonym") and best.how == "generic":
            # "US and British warplanes": the first conjunct takes the kind of the head noun
            kind = self.ac.actors[best.actor].kind
            derived = self.ac._derive(first.actor, kind, None)
            return ActorMatch(first.start, best.end, text[first.start:best.end], derived, "generic", plural=True)
        return first

    def _of_kind(self, actor_id: str, kind: str) -> str | None:
        """The party of ``kind`` that a named party is or acts for ("Sudan's army-led government": the
        army; an office holder: the body he heads), if any."""
        if self.ac.actors[actor_id].kind == kind:
            return actor_id
        p = self.ac.principal(actor_id)
        return p if p is not None and p in self.ac.actors and self.ac.actors[p].kind == kind else None

    def _forces_of(self, state: str, kind: str) -> str:
        """The party of ``kind`` acting for ``state``: its own (an office holder's body) or a derived one."""
        return self._of_kind(state, kind) or self.ac._derive(state, kind, None)

    def _group_based_in(self, country: str | None) -> bool:
        """Has the document named (so far) an armed group based in ``country``?"""
        return country is not None and any(
            kind == "armed_group" and self.ac.actors[n.actor].country == country for kind, n in self._named_log)

    def _pair(self, text: str, sent: Sentence, h: Hit) -> None:
        """"the two countries had agreed to a ceasefire", "both sides exchanged fire": a mutual act whose
        subject is a pair named before takes the last two parties of opposite sides (states, armed groups)."""
        if self.pair_rx is not None and h.target is None and h.actor is not None and h.fold_into is None:
            # "Ban urged both countries to exercise restraint", "called on both sides": the pair is the object
            obj = self.pair_rx.match(text, _OBJECT_LEAD.match(text, h.end).end())
            if obj is not None and obj.end() <= sent.end:
                pair = self._salient_pair(obj.start(), exclude=self._camp(h.actor))
                if pair is not None:
                    h.target = ActorMatch(obj.start(), obj.end(), obj.group(0), pair[0].actor, "anaphor", plural=True)
                return
        if h.target is None and h.actor is not None and not h.actor.actor.startswith("unknown.") \
                and h.fold_into is None and h.modality == "asserted" and (
                h.trig.category in self.pair_appeals or f"{h.trig.category}/{h.trig.spec.mode}" in self.pair_appeals):
            # "The United States called for calm": a third party's appeal is aimed at the story's two sides
            two = self._salient_pair(h.start, exclude=frozenset())
            if two is not None and not self._camp(h.actor) & (self._camp(two[0]) | self._camp(two[1])):
                h.target = ActorMatch(h.start, h.end, h.text, two[0].actor, "anaphor", plural=True)
            return
        mutual = h.trig.category in self.symmetric or h.trig.spec.target in ("mutual", "none")
        if self.pair_rx is None or h.fold_into is not None or h.reading != "verb" \
                or not (mutual or _EACH_OTHER.match(text, h.end, sent.end) or h.trig.category in self.pair_acts):
            return  # ("the two neighbours summoned each other's ambassadors", "both sides withdrew": done both ways)
        pair = None
        for m in self.pair_rx.finditer(text, sent.start, h.start):
            pair = m
        if pair is None or not _FEW_WORDS.fullmatch(text, pair.end(), h.start) \
                or (h.actor is not None and h.actor.end > pair.start()):
            return  # (a subject of its own after the pair; "with each side accusing the other": the pair's)
        # a one-sided act done both ways is between the story's two sides, not the last two parties a
        # background sentence named
        two = self._last_pair(pair.start()) if mutual else self._salient_pair(pair.start(), exclude=frozenset())
        if two is not None:
            # told in that order ("India and Pakistan"): the earlier named acts, the other is its party
            h.actor = ActorMatch(pair.start(), pair.end(), pair.group(0), two[0].actor, "anaphor", plural=True)
            h.target = ActorMatch(pair.start(), pair.end(), pair.group(0), two[1].actor, "anaphor", plural=True)

    @staticmethod
    def _when_clause(text: str, sent: Sentence, hits: list[Hit]) -> None:
        """"Heavy fighting resumed on Sunday, when a Cambodian shell struck the village": an act in a "when"
        clause after a dated act happened on its day."""
        for k, h in enumerate(hits):
            if h.timex is not None or h.fold_into is not None or not k:
                continue
            when = _WHEN_BEFORE.search(text, sent.start, h.start)
            if when is None:
                continue
            day = next((o.timex for o in reversed(hits[:k]) if o.end <= when.start() and o.timex is not None
                        and o.timex.earliest is not None and o.timex.earliest == o.timex.latest), None)
            if day is not None and day.start < when.start():
                h.timex = day

    def _rebutted(self, text: str, h: Hit, told: list[Mention]) -> None:
        """"Qatar rejected the accusations": a rejection of a charge or a demand (a rebuttal cue) is aimed at
        whoever made the last one against the rejecting side."""
        if h.trig.category != "REJECT" or h.actor is None:
            return
        if h.target is not None and h.trig.spec.mode == "deny" and h.target.how != "anaphor" \
                and (h.target.actor.startswith("unknown.") or self.ac.actors[h.target.actor].kind == "population"):
            h.target = None  # "denied targeting civilians": the civilians are the charge's content, not its maker
        if h.target is not None:
            return
        cue = next((c for c in self._sentence_cues if c.label == "rebuttal" and c.start <= h.start < c.end), None)
        mine = self._camp(h.actor)
        if cue is None or not mine:
            return
        made = next((m for m in reversed(told) if m.category in _REBUTTED and m.actor is not None and m.target is not None
                     and self.ac.camp(m.target.id) & mine and not self.ac.camp(m.actor.id) & mine), None)
        if made is not None:
            h.target = ActorMatch(cue.start, cue.end, text[cue.start:cue.end], made.actor.id, "anaphor")

    def _salient_pair(self, before: int, exclude: frozenset[str]) -> tuple[ActorMatch, ActorMatch] | None:
        """The two parties of opposite sides the story has named most before ``before`` (ties: the later
        named), neither of the side ``exclude``: "urged both sides" in a story of Pakistan and Afghanistan
        is not the Taliban a background sentence named last."""
        count: dict[str, int] = {}
        last: dict[str, tuple[int, ActorMatch]] = {}
        for k, (kind, n) in enumerate(self._named_log):
            if n.start >= before or kind not in _PAIR_KINDS:
                continue
            camp = self._camp(n)
            if not camp or camp & exclude:
                continue
            root = self.ac.root(n.actor)
            count[root] = count.get(root, 0) + 1
            last[root] = (k, n)
        ranked = sorted(count, key=lambda r: (-count[r], -last[r][0]))
        if not ranked:
            return None
        top = last[ranked[0]][1]
        other = next((last[r][1] for r in ranked[1:] if not self._camp(last[r][1]) & self._camp(top)), None)
        if other is None:
            return None
        return (top, other) if top.start <= other.start else (other, top)

    def _last_pair(self, before: int) -> tuple[ActorMatch, ActorMatch] | None:
        """The last two parties of opposite sides (states, armed groups) named before ``before``, the earlier
        named first."""
        first: ActorMatch | None = None
        for kind, n in reversed(self._named_log):
            if n.start >= before or kind not in _PAIR_KINDS:
                continue
            if first is None:
                first = n
            elif self._camp(n) and not self._camp(n) & self._camp(first):
                return n, first
        return None

    def _context_parties(self, h: Hit) -> None:
        """"military jets bombed a camp", "seized dozens of army outposts" in a story about Myanmar's army:
        a bare party of a context kind is the last party of that kind named before it (the country from
        context), unless that would put the act's actor and target on one side ("Ukrainian forces fired
        at the positions": the positions are not Ukraine's)."""
        accusation = h.extra.get("accused_in")
        if accusation is not None and h.actor is not None and accusation.target is not None \
                and (accusation.target.start, accusation.target.end) == (h.actor.start, h.actor.end):
            h.actor = accusation.target  # resolved with the accusation, told before this act
        a0 = h.actor
        if a0 is not None and (h.target is None or h.target.how in ("demonym", "capital", "context")) \
                and h.trig.spec.target == "mutual" and a0.how == "generic" \
                and a0.actor.startswith("unknown.") and self.ac.actors[a0.actor].kind in self.context_kinds:
            # "border troops exchanged fire": the forces of the two sides the story is about
            two = self._salient_pair(a0.start, exclude=frozenset())
            if two is not None:
                kind = self.ac.actors[a0.actor].kind
                h.actor = ActorMatch(a0.start, a0.end, a0.text, self._forces_of(self.ac.root(two[0].actor), kind),
                                     "context", plural=a0.plural)
                h.target = ActorMatch(a0.start, a0.end, a0.text, self._forces_of(self.ac.root(two[1].actor), kind),
                                      "context", plural=a0.plural)
                return
        t = h.target
        if t is not None and t.how == "generic" and t.actor.startswith("unknown."):
            # "closed its airspace to all civil and military aircraft coming from or going to Algeria": the
            # state the generic target comes from or goes to is whose they are
            went = _FROM_OR_TO.match(self._text, t.end)
            state = next((x for x in self._sentence_actors if x.start == went.end() and x.how in ("alias", "capital")
                          and self.ac.actors[x.actor].kind == "state"), None) if went is not None else None
            if state is not None and not self.ac.camp(state.actor) & self._camp(h.actor):
                h.target = ActorMatch(t.start, state.end, self._text[t.start:state.end],
                                      self.ac._derive(state.actor, self.ac.actors[t.actor].kind, None), "generic",
                                      plural=t.plural)
        for role, other in (("actor", "target"), ("target", "actor")):
            a: ActorMatch | None = getattr(h, role)
            if a is None or a.how not in ("generic", "pronoun") or not a.actor.startswith("unknown."):
                continue
            kind = self.ac.actors[a.actor].kind
            if kind not in self.context_kinds:
                continue
            verb_at = h.extra.get("support", h.start)  # the support verb of a noun ("took part in the raid")
            used = next((o for o in self._sentence_hits if role == "actor" and o is not h and o.reading == "verb"
                         and o.trig.category in self.force_objects and o.end <= a.start
                         and _FEW_WORDS.fullmatch(self._text, o.end, a.start) and o.actor is not None
                         and not o.actor.actor.startswith("unknown.")), None)
            root = self.ac.root(used.actor.actor) if used is not None else None
            if root is not None and root in self.ac.actors and self.ac.actors[root].kind == "state":
                # "Thailand responded by scrambling F-16 fighter jets, which bombed two targets": the forces a
                # state put to use are its own
                party = self._forces_of(root, kind)
                if not self.ac.camp(party) & self._camp(getattr(h, other)):
                    setattr(h, role, ActorMatch(a.start, a.end, a.text, party, "context", plural=a.plural))
                continue
            if role == "actor" and not (a.end <= verb_at and (_FEW_WORDS.fullmatch(self._text, a.end, verb_at)
                                                              or _NAMES_GAP.fullmatch(self._text, a.end, verb_at))) \
                    and not (h.reading == "verb" and _BY_AGENT.fullmatch(self._text, h.end, a.start)):
                # only a subject right before its verb ("military jets bombed", "troops had also shelled"),
                # or the agent right after a passive one ("were killed by security forces")
                continue
            party = None
            if self.government_words and self.government_words.intersection(
                    _WORDS.findall(self._text[max(0, a.start - 25):a.end].lower())[-3:]):
                # "government troops ... were accused of killing": the forces of the last government named
                # (a ministry, an office holder), not of a foreign state named as a party since
                party = next((self._forces_of(root, kind)
                              for _k, n in reversed(self._named_log) if n.start < a.start
                              and self.ac.actors[n.actor].kind in ("government", "person")
                              for root in (self.ac.root(n.actor),)
                              if root in self.ac.actors and self.ac.actors[root].kind == "state"), None)
            if party is None and role == "actor":
                # "Turkish howitzers opened fire on Syrian army positions ..., and gunners resumed shelling":
                # the side that did the same kind of act earlier in the sentence, not the last party of the
                # kind named (there, the one it hit)
                prior = next((o for o in reversed(self._sentence_hits) if o is not h and o.end <= a.start
                              and o.trig.category == h.trig.category and o.actor is not None
                              and not o.actor.actor.startswith("unknown.")), None)
                if prior is not None:
                    root = self.ac.root(prior.actor.actor)
                    if root in self.ac.actors and self.ac.actors[root].kind == "state":
                        party = self._forces_of(root, kind)
            if party is None:
                party = next((p for _k, n in reversed(self._named_log) if n.start < a.start
                              for p in (self._of_kind(n.actor, kind),) if p is not None), None)
            if party is None and role == "target":
                # none of that kind named yet: the forces hit are the last state's named as a party before
                # them ("Pakistan carried out air strikes ..., two days after a suicide attack on an army post")
                state = next((n for k, n in reversed(self._named_log) if k == "state" and n.start < a.start), None)
                party = self.ac._derive(state.actor, kind, None) if state is not None else None
            elif party is None and self._home is not None and (h.reading == "verb" or self._text[a.end:h.start].strip()) \
                    and self._story_state() is not None:
                # (not a bare noun right before an event noun: "Pakistan carried out military strikes")
                # none of that kind named: "The army said it responded with air strikes" in a story datelined
                # "OUAGADOUGOU, Burkina Faso (AP) —" is the army of the dateline's state
                party = self._forces_of(self._story_state(), kind)
            if party is None or self.ac.camp(party) & self._camp(getattr(h, other)):
                continue
            setattr(h, role, ActorMatch(a.start, a.end, a.text, party, "context", plural=a.plural))

    def _story_state(self) -> str | None:
        """The state whose forces a bare "the army" of a datelined story is: the dateline's, if the story
        names it as a party outside the dateline (or names no state at all), else the one state the
        story names ("BANGKOK (Reuters) -" over a story of Myanmar's war: Myanmar's army), else none.
        Found once per document, and only when a bare army asks."""
        if self._story is None:
            roots = {self.ac.root(a.actor) for a in self.ac.find(self._text, self._dateline_end, len(self._text), when=self._dct)
                     if not a.locative and not a.actor.startswith("unknown.")}
            states = sorted(r for r in roots if r in self.ac.actors and self.ac.actors[r].kind == "state")
            self._story = self._home if self._home in roots or not states else \
                states[0] if len(states) == 1 else ""
        return self._story or None

    def _owned(self, text, toks: list[Tok], actors, a: ActorMatch, resolve) -> ActorMatch | None:
        """"Azerbaijan said on Sunday its forces had launched ...": a possessive pronoun before a generic
        party makes it the party of what the pronoun stands for (a state's forces, a group's fighters)."""
        j = self._tok_index(toks, a.start) - 1
        first = j >= 0 and toks[j].low in self.first_possessive
        if j < 0 or not (first or toks[j].low in self.possessive_pron):
            return None
        owner = resolve(toks[j], actors=actors)
        if owner is not None and first and self.ac.actors[owner.actor].kind == "person":
            # '"Iran attacked our forces," Netanyahu said': "our" is the side the speaker speaks for
            root = self.ac.root(owner.actor, self._dct)
            owner = ActorMatch(owner.start, owner.end, owner.text, root, owner.how) \
                if root != owner.actor and self.ac.actors[root].kind == "state" else None
        if owner is None or self.ac.actors[owner.actor].kind == "person":
            return None
        kind = self.ac.actors[a.actor].kind
        return ActorMatch(toks[j].start, a.end, text[toks[j].start:a.end], self.ac._derive(owner.actor, kind, None),
                          "generic", plural=a.plural)

    def _antecedent(self, text, toks: list[Tok], idx: int, actors) -> ActorMatch | None:
        """"to Macedonia, which is preparing an offensive": a relative pronoun right before the verb
        (auxiliaries aside) stands for the party right before it, even one named as a place."""
        j = idx - 1
        while j >= 0 and (toks[j].low in _BE or toks[j].low in _HAVE):
            j -= 1
        if j <= 0 or toks[j].low not in self.relative:
            return None
        rel = toks[j].start
        ante = next((a for a in reversed(actors) if a.end <= rel), None)
        if ante is not None and ante.modifier and ante.how == "demonym" and not ante.locative \
                and _HEAD_WORDS.fullmatch(text, ante.end, rel):
            return ante  # "a Syrian mortar bomb that killed five civilians": the side whose weapon it was
        if ante is None or ante.modifier or text[ante.end:rel].strip(" ,"):
            return None
        return ante

    def _resolve(self, tok: Tok, sent: Sentence, subjects, speakers, text, actors=()) -> ActorMatch | None:
        word = text[tok.start:tok.end]
        sp = speakers.get(sent.paragraph) if tok.low in self.first_pron else None
        if sp is not None:
            return ActorMatch(tok.start, tok.end, word, sp.actor, "pronoun")
        # "Hungary has said it will support ...": the nearest fitting party earlier in the sentence
        cands = [a for a in actors if a.end <= tok.start and not a.locative and not a.modifier]
        if cands and text.find(",", cands[0].end, tok.start) >= 0:
            # "China, which has close ties with Cambodia, said it was concerned": a party inside a relative
            # clause closed before the pronoun is not what it stands for
            aside = [m.span() for m in _PARENTHETICAL.finditer(text, sent.start, tok.start) if m.end() <= tok.start]
            if aside:
                cands = [a for a in cands if not any(hs <= a.start < he for hs, he in aside)]
        if tok.low in self.thing_pron and tok.low in self.possessive_pron and cands and not cands[0].possessive \
                and not cands[0].plural \
                and self.ac.actors[cands[0].actor].kind not in ("person", "population") \
                and any(c.kind == "causal" and not c.anaphoric and cands[0].end <= c.start and c.end <= tok.start
                        for c in self._sentence_cues):
            # "Iran fired missiles at a base in Qatar in retaliation for U.S. strikes on its nuclear sites":
            # past a causal cue, "its" is the subject's, whose grievance the cue's object tells
            return ActorMatch(tok.start, tok.end, word, cands[0].actor, "pronoun")
        if tok.low in self.thing_pron and len(cands) > 1 and not cands[0].possessive and not cands[0].plural \
                and self.ac.actors[cands[0].actor].kind not in ("person", "population"):
            # "The United States told the Security Council that its strike was self-defence": in what the
            # subject tells someone, "its" is the teller's, not the hearer's
            said = _WORDS.findall(text, cands[0].end, tok.start)
            if len(said) > 2 and said[0].lower() in self.reporting and said[-1].lower() == "that" \
                    and "that" not in (w.lower() for w in said[:-1]):
                return ActorMatch(tok.start, tok.end, word, cands[0].actor, "pronoun")
        for a in reversed(cands):
            if a.possessive and self._in_object(a, cands):
                continue  # "Russia launched missiles at Ukraine's power plants, a day after its barrage": Russia's
            kind = self.ac.actors[a.actor].kind
            if tok.low in self.thing_pron and kind not in ("person", "population") and not a.plural:
                owner = self._pronoun_owner(a, sent, subjects, speakers, text, cands)
                return ActorMatch(tok.start, tok.end, word, owner or a.actor, "pronoun")
            if tok.low in self.person_pron and kind == "person":
                return ActorMatch(tok.start, tok.end, word, a.actor, "pronoun")
        if tok.low in self.group_pron:
            # "Two assailants stormed the compound ... before they were killed": the sentence's plural
            # subject, unless a pronoun stands before it ("They made it clear that Iran backed the
            # fighters ..., and they warned": the sentence continues the last one's subject)
            # (the owner before a named group is not the subject: "Iran's Revolutionary Guards said they")
            first = next((a for a in actors if not a.locative and not a.modifier and not (
                a.possessive and any(b.start - a.end in (0, 1) and b.how == "alias" for b in actors))), None)
            coordinated = first is not None and any(
                b.start > first.end and not b.locative and _AND.fullmatch(text, first.end, b.start) for b in actors)
            # a name in the plural ("the Revolutionary Guards") is a plural subject whatever its kind
            plural_name = first is not None and first.how == "alias" and not first.possessive and first.text.endswith("s") \
                and self.ac.actors[first.actor].kind != "state"  # ("the United States", "the Philippines")
            if first is not None and (first.plural or coordinated or plural_name
                                      or (first.how == "alias" and self.ac.actors[first.actor].kind in _PLURAL_NAMED_KINDS)) \
                    and first.end <= tok.start and self.ac.actors[first.actor].kind != "person" \
                    and not any(w.lower() in self.group_pron for w in _WORDS.findall(text, sent.start, first.start)):
                return ActorMatch(tok.start, tok.end, word, first.actor, "pronoun")
        if tok.low in self.thing_pron:
            # "Congo's foreign ministry said ... It accused Rwanda of ...": the subject of the sentence before
            for s, a in reversed(subjects):
                if s.id == sent.id:
                    continue
                if s.n == sent.n - 1 and not a.plural and self.ac.actors[a.actor].kind in _IT_KINDS:
                    return ActorMatch(tok.start, tok.end, word, a.actor, "pronoun")
                break
            return None
        if tok.low in self.person_pron:
            if self._unknown_titled(text, sent, tok.start):
                return None  # "President <Given> <Surname> said he would": a person the lexicon does not know
            for s, a in reversed(subjects):
                if s.id == sent.id:
                    continue
                kind = self.ac.actors[a.actor].kind
                if kind not in ("person", "government"):
                    continue
                return ActorMatch(tok.start, tok.end, word, a.actor, "pronoun")
        if tok.low in self.group_pron:
            # "they"/"their" with no plural subject in its sentence: the subject of the sentence just before
            # ("The two ministers did not name the group ... They made it clear"), not one further back ("The two Koreas
            # remain at war ... Their navies have clashed" is no Japanese prime minister's, named three
            # sentences earlier)
            for s, a in reversed(subjects):
                if s.id == sent.id:
                    continue
                if s.n == sent.n - 1:
                    return ActorMatch(tok.start, tok.end, word, a.actor, "pronoun")
                break
        return None

    def _unknown_titled(self, text: str, sent: Sentence, pos: int) -> bool:
        """Does a capitalised title and full name that no party of the sentence covers ("President <Given>
        <Surname>") stand before ``pos`` in the sentence? Then "he" is that person, not one named before."""
        if self.titled_rx is None:
            return False
        return any(not any(a.start < m.end() and m.start() < a.end and not a.actor.startswith("unknown.")
                           for a in self._sentence_actors)
                   for m in self.titled_rx.finditer(text, sent.start, pos))

    def _pronoun_owner(self, a: ActorMatch, sent: Sentence, subjects, speakers, text: str,
                       cands: list[ActorMatch]) -> str | None:
        """"Algeria hit back, its foreign ministry saying it rejected ...": a generic party that names no
        one, after a possessive pronoun, is the party of what the pronoun stands for (``it`` is then
        Algeria's government, not an unknown one). The derived actor's id, or None."""
        if a.how != "generic" or not a.actor.startswith("unknown."):
            return None
        k = _before_spaces(text, sent.start, a.start)
        j = k
        while j > sent.start and _word_char(text[j - 1]):
            j -= 1
        low = text[j:k].lower()
        if j == k or low not in self.possessive_pron:
            return None
        owner = self._resolve(Tok(j, k, low), sent, subjects, speakers, text,
                              actors=[c for c in cands if c.end <= j])
        if owner is None or self.ac.actors[owner.actor].kind == "person":
            return None
        return self.ac._derive(owner.actor, self.ac.actors[a.actor].kind, None)

    def _in_object(self, a: ActorMatch, cands: list[ActorMatch]) -> bool:
        """Does the possessive ``a`` stand in what an act of the sentence is done to, after a subject
        that is no possessive (an act of the sentence between them)?"""
        subj = next((b for b in cands if b.start < a.start and not b.possessive), None)
        return subj is not None and any(subj.end <= h.start and h.end <= a.start for h in self._sentence_hits)

    def _speaker(self, text, sent, toks, actors) -> ActorMatch | None:
        """The speaker of a quotation in this sentence ("..., the minister said" / "he said")."""
        for t in toks:
            if t.low in self.reporting:
                beside = _party_beside(text, t, actors)
                if beside is not None:
                    return beside
        return None

    def _roles(self, text, sent, toks, actors, hits, i, h: Hit, resolve) -> None:
        self._roles_local(text, sent, toks, actors, hits, i, h, resolve)
        if h.actor is None and h.trig.pos == "adj":
            # '"This was illegal," the military spokesman said': a damning word in a quotation is its speaker's
            closing = _quote_end(sent.text)
            if closing is not None and h.end <= sent.start + closing:
                h.actor = self._speaker(text, sent, toks, actors)
        if h.reading == "noun" and h.target is not None and h.target.start >= h.end \
                and _BLAMED_ON.fullmatch(text, h.end, h.target.start) \
                and _BLAME_BEFORE.search(text, max(sent.start, h.start - 50), h.start):
            # "Washington blamed the attacks on Iran": the party the act is blamed on did it (it was not hit)
            h.actor, h.target = h.target, None
        t = h.target
        if t is not None and h.trig.category in self.force_objects and h.reading == "verb" and t.start >= h.end \
                and t.how == "generic" and t.actor.startswith("unknown.") and self.ac.actors[t.actor].kind in ("military", "police"):
            h.target = t = None  # "Britain dispatched a naval task force": the force sent, no party hit
        if t is not None and t.how == "generic" and t.actor.startswith("unknown."):
            # "Al Udeid Air Base, the largest American military installation": the apposition names it
            nxt = next((a for a in actors if a.start >= t.end), None)
            if nxt is not None and not nxt.actor.startswith("unknown.") and not nxt.locative \
                    and _APPOSITION.fullmatch(text, t.end, nxt.start) \
                    and self.ac.actors[nxt.actor].kind == self.ac.actors[t.actor].kind:
                h.target = t = ActorMatch(t.start, nxt.end, text[t.start:nxt.end], nxt.actor, "generic",
                                          plural=t.plural)
        if t is not None and t.how == "generic" and self.hosting is not None \
                and self.ac.actors[t.actor].kind == "military":
            # "missiles at two bases in Iraq housing U.S. troops": the forces the bases host were hit
            host = self.hosting.match(text, t.end)
            guest = next((a for a in actors if host is not None and a.start == host.end() and not a.locative), None)
            if guest is not None and (h.actor is None or not self._camp(h.actor) & self._camp(guest)):
                h.target = t = ActorMatch(t.start, guest.end, text[t.start:guest.end], guest.actor, "generic",
                                          plural=t.plural)
        if t is not None and t.how == "generic" and t.actor.startswith("unknown.") and t.start > h.start:
            # "missile strikes on three of its air bases": the bases are the party "its" stands for (not
            # the act's actor: no side strikes its own bases)
            h.target = self._owned(text, toks, self._other_side(actors, h.actor), t, resolve) or t
        self._interception(text, h)
        if h.trig.category in ("THREATEN", "ACCUSE") and (h.target is None or h.target.actor.startswith("unknown.")):
            # "warned that his government could take bigger action against <state>", "denouncing the exercises as
            # an unfortunate provocation by the United States": the party the threat or charge is aimed at
            aimed = next((a for a in actors if h.end <= a.start and a.start - h.end <= 120 and not a.locative
                          and not (h.actor is not None and self._camp(a) & self._camp(h.actor))
                          and _AIMED_AT.search(text, max(h.end, a.start - 40), a.start)
                          and not _CLAUSE_BREAK_RX.search(text, h.end, a.start)), None)
            if aimed is not None:
                h.target = aimed
        if h.target is None and h.reading == "noun" and h.trig.category == "ACCUSE":
            # "over accusations that it backed <group>": the party the charge's clause is about
            that = _THAT_CLAUSE.match(text, h.end, sent.end)
            if that is not None:
                h.target = next((a for a in actors if a.start == that.end() and not a.locative), None)
                if h.target is None:
                    k = self._tok_index(toks, that.end())
                    if k < len(toks) and toks[k].start == that.end() and toks[k].low in self.thing_pron | self.group_pron:
                        h.target = resolve(toks[k], actors=[a for a in actors if a.end <= h.start])
        if h.target is None and h.actor is not None and " " in h.text \
                and any(w in self.possessive_pron for w in h.text.lower().split()[1:]):
            # "Sudan accused Ethiopia of violating its airspace": the party a possessive inside the act's
            # own words stands for, the last one before it on the other side (not the act's actor)
            h.target = next((a for a in reversed(actors) if a.end <= h.start and not a.locative and not a.modifier
                             and not self._camp(a) & self._camp(h.actor)), None)
        if self.verbal.get(h.trig.category):
            # "Russia said on Tuesday that Sudan must return the helicopter": in reported speech a
            # verbal act (demand, rejection, accusation) is the speaker's; the subject is its target
            # ... unless the act has its own subject in the reported clause ("X said Armenia accused Baku")
            modal = h.text.lower().split()[0] in _MODAL_DEMANDS  # "X said Y must return ...": Y is addressed
            own_subject = h.actor is not None and h.reading == "verb" and h.trig.pos == "verb" and not modal
            if own_subject and h.target is not None and self._camp(h.actor) & self._camp(h.target):
                # no party accuses, rejects or makes demands of its own side ("the ministry said Thai jets
                # bombed a road and accused Thailand of aggression"): that subject is not the act's
                own_subject = False
            verb = hits[i - 1] if i > 0 else None
            if h.reading == "noun" and verb is not None and verb.reading == "verb" \
                    and verb.trig.category == h.trig.category and _FEW_WORDS.fullmatch(text, verb.end, h.start):
                # "had agreed to a ceasefire": the noun completes the verb's act, whose actor it takes
                h.actor, own_subject = verb.actor, True
            elif h.actor is None and not modal and self._unnamed_subject(toks, h.start, hits):
                # "Trump announced that the two countries had agreed": a subject that names no known party
                # is still the act's own, not the speaker's
                own_subject = True
            speaker = None if own_subject else self._speaker_before(text, sent, toks, actors, h.start)
            if speaker is None and not own_subject:
                # '"The enemy bears full responsibility ..., and it will not go unanswered," he said': a
                # verbal act quoted is its speaker's, named or referred to after the quotation
                speaker = self._quote_speaker(text, sent, toks, actors, h.start, resolve)
            if speaker is not None and speaker.how == "generic" and speaker.actor.startswith("unknown."):
                speaker = self._owned(text, toks, actors, speaker, resolve) or speaker  # "its foreign ministry said"
            if speaker is not None and (h.actor is None or not self._camp(h.actor) & self._camp(speaker)):
                if h.actor is not None and h.target is None:
                    h.target = h.actor
                h.actor = speaker

    def _quote_speaker(self, text, sent, toks, actors, pos: int, resolve) -> ActorMatch | None:
        """The speaker of the quotation ``pos`` stands in, named or referred to right by the reporting
        verb after the closing quote ('..., and it will not go unanswered," he said'), if any."""
        quoted = self._quoted_said(text, sent, toks, pos, within=4)
        if quoted is None:
            return None
        said, close_end = quoted
        beside = _party_beside(text, said, [a for a in actors if a.start >= close_end])
        if beside is not None:
            return beside
        idx, j = self._tok_index(toks, close_end), self._tok_index(toks, said.start)
        pronoun = next((toks[k] for k in (j - 1, j + 1) if idx <= k < len(toks)
                        and (toks[k].low in self.person_pron or toks[k].low in self.group_pron)), None)
        return resolve(pronoun, actors=actors) if pronoun is not None else None

    def _unnamed_subject(self, toks: Tokens, pos: int, hits: Sequence[Hit] = ()) -> bool:
        """Right before ``pos`` (auxiliaries and adverbs aside), after a reporting verb, the noun of a
        subject that names no known party ("announced that the two countries had agreed"), not a
        conjunction ("said ... and accused": the speaker's own second act) and no act of ``hits`` ("said
        the strikes would not go unanswered": what the speaker's threat is about)?"""
        idx = self._tok_index(toks, pos)
        j = idx - 1
        while j >= 0 and toks[j].low in _AUX_ADVERBS:
            j -= 1
        if j < 0 or not toks[j].low[:1].isalpha() or toks[j].low in _CLAUSE_GLUE \
                or any(x.start <= toks[j].start < x.end for x in self._timexes):
            return False
        low = toks[j].low
        if low in self.person_pron or low in self.group_pron or low in self.thing_pron or low in self.first_pron:
            return False
        if any(x.start <= toks[j].start < x.end for x in hits):
            return False
        return any(toks[k].low in self.reporting for k in range(j - 1, -1, -1))

    def _interception(self, text: str, h: Hit) -> None:
        """"air defences shot down 30 Russian drones": shooting down the other side's drones, missiles or
        rockets is defence; the attack is the weapons' owner's, against the defender."""
        if self.intercept_verbs is None or h.trig.category != "ASSAULT" or h.reading != "verb" or h.passive:
            return  # ("a helicopter was shot down by a missile": the weapon after a passive is the means)
        verb = self.intercept_verbs.match(text, h.start)
        if verb is None or verb.end() < h.end:
            return
        weapon = self.intercepted.match(text, verb.end())
        if weapon is None:
            return
        if self.state_aircraft is not None and self.state_aircraft.search(weapon.group()) and h.target is not None \
                and self.ac.actors[self.ac.root(h.target.actor)].kind == "state":
            return  # "Iran shot down a US drone", "Syria downed a Turkish drone": not a defence, an act
        h.actor, h.target = h.target, h.actor

    def _speaker_before(self, text, sent, toks, actors, pos: int) -> ActorMatch | None:
        """"X said (that) ..." before ``pos``: the actor right before the reporting verb."""
        idx = self._tok_index(toks, pos)
        for j in range(idx - 1, -1, -1):
            t = toks[j]
            if t.low in (";",):
                return None
            if t.low in self.reporting and not _inside(t, actors):
                if t.low not in self.speech:
                    return None  # "Reuters reported", "they contend": not a principal speaking
                at = t.start
                rel = _REL_CLAUSE_BEFORE.search(text, max(sent.start, at - 160), at)
                if rel is not None:
                    at = rel.start()  # "Netanyahu, who cut short a visit to the United States, vowed": Netanyahu
                for a in reversed(actors):
                    if a.end <= at and at - a.end <= 3 and not a.locative and not a.modifier:
                        return a
                return None
        return None

    def _intention_owner(self, text: str, sent: Sentence, actors: list[ActorMatch], h: Hit) -> ActorMatch | None:
        """The possessor of a noun of intention right before the verb's "to" ("calling France's decision
        to suspend aid hostile": France suspends), or None."""
        if self.intention_to is None:
            return None
        return next((a for a in reversed(actors) if a.possessive and not a.locative and a.end < h.start
                     and h.start - a.end <= 60 and self.intention_to.fullmatch(text, a.end, h.start)), None)

    def _roles_local(self, text, sent, toks, actors, hits, i, h: Hit, resolve) -> None:
        spec = h.trig.spec
        idx = self._tok_index(toks, h.start)
        before = text[max(sent.start, h.start - 60):h.start]
        if h.reading == "verb":
            prev = toks[idx - 1].low if idx > 0 else ""
            prev2 = toks[idx - 2].low if idx > 1 else ""
            # "were hit by": a participle spelled like the base form, known by its "by"
            participle = h.trig.form == "ed" or (h.trig.form == "base" and _BY_NEXT.match(text, h.end) is not None)
            h.passive = spec.passive and participle and (
                prev in _BE or (prev.endswith("ly") and prev2 in _BE)
                # reduced relative: "a lunch hosted by the ambassador", "missiles fired by Hezbollah"
                or (prev not in ("has", "have", "had") and self._by_agent(text, sent, actors, h.end))
                # "two soldiers were killed and three wounded": the auxiliary of the verb before, elided
                or (prev2 in ("and", ",") and i > 0 and hits[i - 1].passive and self._num(prev) is not None)
            )
            if prev in self.relative and idx > 1:
                # "a strike that killed X": the verb details the noun before the marker
                for k in range(i - 1, -1, -1):
                    o = hits[k]
                    gap = text[o.end:toks[idx - 1].start]
                    if o.reading == "noun" and o.end <= toks[idx - 1].start and len(gap) < 90 \
                            and not _SEMI_COLON.search(gap):
                        h.fold_into = k
                        break
            if prev in self.weapon_words and not h.passive and h.text.split(" ", 1)[0].lower() in self.weapon_participles:
                # "intercepted the missiles fired at Al Udeid": a weapon does not fire; the participle
                # tells the weapons' attack, whose actor is only an agent after it ("fired by Iran")
                h.actor = self._agent_after(text, sent, actors, h.end)
                h.target = self._object(text, sent, toks, actors, h.end, spec.target,
                                        origin=h.trig.category in self.place_targets)
            elif h.passive:
                h.actor = self._agent_after(text, sent, actors, h.end)
                # "the frigate fired on U.S. aircraft and was sunk by jets": a passive conjunct shares the
                # subject of the act before it, which it hit (not that act's object, the nearest party)
                head = self._coordinated_head(text, toks, idx, hits, i)
                h.target = head.actor if head is not None else self._subject(text, sent, toks, actors, h.start, resolve)
            else:
                owner = self._intention_owner(text, sent, actors, h) if h.fold_into is None else None
                if owner is not None:
                    h.actor, conjuncts = owner, []
                elif h.fold_into is None:
                    h.actor = self._subject(text, sent, toks, actors, h.start, resolve, active=True)
                    conjuncts = list(self._conjuncts)
                    if h.actor is not None and self._object_of_noun(text, hits[:i], h.actor) is not None:
                        # "A suicide attack on an army post ... killed seven soldiers": the party after an
                        # act's preposition is what the act hit; the act itself is the verb's subject
                        h.actor, conjuncts = None, []
                    elif h.actor is not None and i > 0 and hits[i - 1].reading == "noun" \
                            and hits[i - 1].trig.category == h.trig.category \
                            and h.actor.end <= hits[i - 1].start and _NOUN_SUBJECT_GAP.fullmatch(text, hits[i - 1].end, h.start):
                        # "an offensive it launched after an air strike killed 33 of its soldiers": the act
                        # right before the verb is its subject, not the party named before that act
                        h.actor, conjuncts = None, []
                    head = self._adjunct_head(text, hits, i, h)
                    if head is not None:
                        h.actor, conjuncts = head.actor, []
                        h.extra["adjunct"] = True
                    else:
                        head = self._coordinated_head(text, toks, idx, hits, i)
                        if head is not None:
                            h.actor, conjuncts = head.actor, []
                if h.actor is not None and h.text[:3].lower() == "to ":
                    # "ordered Rwanda's ambassador to leave": the party told to act stands before "to"
                    h.target = next((a for a in actors if h.actor.end <= a.start and a.end <= h.start
                                     and not a.locative and _FEW_WORDS.fullmatch(text, a.end, h.start)), None)
                    if h.target is None and _TOLD_TO.search(text, max(sent.start, h.actor.start - 12), h.actor.start):
                        # "the junta ordered French troops to leave": the party found as the subject is the
                        # one told to go; who told it is the subject before the verb
                        teller = self._subject(text, sent, toks, actors, h.actor.start, resolve, active=True)
                        if teller is not None and teller.start < h.actor.start \
                                and not self._camp(teller) & self._camp(h.actor):
                            h.actor, h.target = teller, h.actor
                if h.target is None:
                    h.target = self._object(text, sent, toks, actors, h.end, spec.target,
                                            origin=h.trig.category in self.place_targets)
                    for prep in self.extra_preps.get(h.trig.category, ()) if h.target is None else ():
                        # "supplied drones to Russia": no object party, the recipient after "to"
                        h.target = self._object(text, sent, toks, actors, h.end, f"prep:{prep}")
                        if h.target is not None:
                            break
                    acts = [o for o in hits if o is not h and o.reading == "noun" and h.end <= o.start
                            and h.target is not None and o.end <= h.target.start]
                    if acts and not (_NOUN_TIE.fullmatch(text, acts[-1].end, h.target.start) or (
                            _TIE_WORD.search(acts[-1].text)  # "commitment to" the Zambian people
                            and _NOUN_TIE_REST.fullmatch(text, acts[-1].end, h.target.start))):
                        # "condemned the raids as a violation of Afghan sovereignty": the verb's object is
                        # the act; a party named after it, not tied to the act by a preposition ("asylum to
                        # 18 Rwandan rebels", "the raids by Pakistan"), is no object of the verb
                        h.target = None
                if spec.mode == "mediate":
                    # "Qatar and Egypt brokered the truce between Israel and Hamas": the parties mediated
                    # between, not the mediators' partner
                    pair = self._between(text, actors, h)
                    if pair is not None:
                        h.target = pair[0]
                if (h.target is None or h.target.actor.startswith("unknown.")) and h.actor is not None \
                        and h.fold_into is None and (h.trig.category in self.symmetric or spec.target == "mutual"
                                                     or _EACH_OTHER.match(text, h.end)):
                    # "Israel and Hamas agreed", "X and Y clashed": the other party is the target (not
                    # what they exchanged: "Russia and Ukraine swapped 390 prisoners")
                    mine = self._camp(h.actor)
                    others = [c for c in conjuncts if self._camp(c) and not self._camp(c) & mine]
                    if others:
                        h.target = others[0]
                if spec.target == "undergoer" and not h.passive:
                    # "the frigate, which struck a mine": the subject is what was hit, by no party told
                    h.target, h.actor = h.actor, None
                if spec.target == "drawn" and not h.passive:
                    # "the operation drew an angry protest from Islamabad": the subject drew it, from the
                    # party after "from"
                    h.target = h.actor
                    h.actor = self._object(text, sent, toks, actors, h.end, "prep:from")
                if spec.target == "subject" and not h.passive:
                    # "said North Korea would pay a price": its subject is threatened, by the speaker
                    # (or the first party of the sentence: "Israel's war cabinet nonetheless vowed that Iran ...")
                    h.target = h.actor
                    speaker = self._speaker(text, sent, toks, actors) or next(
                        (a for a in actors if a.end <= h.start and not a.locative and not a.modifier
                         and (h.target is None or a.start != h.target.start)), None)
                    h.actor = speaker if speaker is not None and not (
                        h.target is not None and self._camp(speaker) & self._camp(h.target)) else None
            return
        # event nouns and noun phrases
        h.definite = self._is_definite(toks, idx)
        h.indefinite = self._is_indefinite(toks, idx)
        h.latest = bool(self.latest and self.latest.search(before[-25:]))
        np_start = self._np_start(toks, idx)
        for a in actors:
            if np_start <= a.start and a.end <= h.start and (a.modifier or a.possessive or a.how in ("alias", "generic", "anaphor")):
                # ("Peruvian air and artillery attacks": an unidentified force does not replace the side named)
                if not a.locative and (h.actor is None or h.actor.actor.startswith("unknown.")
                                       or not a.actor.startswith("unknown.")):
                    h.actor = a
        if h.actor is not None and h.actor.how == "generic" and h.actor.actor.startswith("unknown."):
            # "Peruvian air and artillery attacks": the side named before a coordinated modifier
            side = next((a for a in actors if a.modifier and a.end <= h.actor.start
                         and _COORDINATED_MODIFIER.fullmatch(text, a.end, h.actor.start)), None)
            if side is not None:
                h.actor = ActorMatch(side.start, h.actor.end, text[side.start:h.actor.end],
                                     self.ac._derive(side.actor, self.ac.actors[h.actor.actor].kind, None), "generic",
                                     plural=h.actor.plural)
        if h.actor is None:
            # "Libya's role in the bombing", "evidence of Syria's involvement in the attack": the owner took part
            h.actor = next((a for a in reversed(actors) if a.possessive and not a.locative and a.end < np_start
                            and _ROLE_IN_GAP.fullmatch(text, a.end, h.start)), None)
        np_state = None
        if h.actor is not None and h.actor.how == "alias" and not h.actor.possessive \
                and self.ac.actors[h.actor.actor].kind == "state":
            # "Turkey launched a Syria ground operation": a state's bare name inside the noun phrase is
            # where the act goes when the support verb's subject is of another side
            det = _DETERMINER_END.search(text, max(sent.start, h.actor.start - 8), h.actor.start)
            end = det.start() if det is not None else h.actor.start
            sup = self.support_end.search(text, max(sent.start, end - 40), end)
            if sup is not None:
                subj = self._subject(text, sent, toks, actors, sup.start(), resolve, active=True)
                if subj is not None and not self._camp(subj) & self._camp(h.actor):
                    h.actor, np_state = subj, h.actor
        if h.actor is None and idx > 0:
            j = self._tok_index(toks, np_start)
            if j < idx and toks[j].low in self.possessive_pron and h.text.lower() not in self.victim_nouns:
                # "Israel said its strikes were a response": what the pronoun stands for acted (but
                # "his killing" befell him)
                h.actor = resolve(toks[j], actors=actors)
                # "Iran launched missiles at Israel in its first direct attack": the act told again is the
                # earlier act's, whose object the pronoun would otherwise take
                again = next((o for o in reversed(hits[:i]) if o.actor is not None and o.target is not None
                              and h.actor is not None and self._camp(o.target) & self._camp(h.actor)
                              and not any(o.end <= c.start and c.end <= h.start for c in self._sentence_cues)), None)
                if again is not None:
                    h.actor = again.actor
        if self.alleged_of is not None and self.alleged_of.search(text, max(sent.start, np_start - 30), np_start):
            # "allegations of torture against Russian troops": the accused party is the alleged actor
            accused = next((a for a in actors if h.end <= a.start and not a.locative
                            and _AGAINST_OR_BY.fullmatch(text, h.end, a.start)), None)
            if accused is not None:
                h.actor = accused
        befell = None
        if h.actor is not None and h.actor.possessive and h.text.lower() in self.victim_nouns \
                and self.ac.actors[h.actor.actor].kind == "person" and not _OF_AFTER.match(text, h.end):
            # "retaliation for Haniyeh's killing": the person it befell, not who did it
            befell, h.actor = h.actor, None
        if h.actor is None:
            h.actor = self._agent_after(text, sent, actors, h.end)
        if h.actor is None:
            # "the attack on the convoy by Hamas": the agent after the act's object (not "an investigation
            # into crimes committed by X": that "by" is the participle's)
            h.actor = next((a for a in actors if h.end <= a.start and a.start - h.end <= 60 and not a.locative
                            and self.agent_after_pp.fullmatch(text, h.end, a.start)), None)
        passive = self.passive_means.search(text, max(sent.start, np_start - 60), np_start) \
            if self.passive_means else None
        if passive is not None:
            # "two Red Cross vehicles were hit by gunfire": the event is the means of a passive
            # verb; its subject was hit, and did not act
            h.target = self._subject(text, sent, toks, actors, passive.start(), resolve)
            if h.target is not None and h.actor is not None and h.actor.start < passive.start():
                h.actor = None
            return
        if h.actor is None and self.member_after is not None:
            for a in actors:
                if a.start >= h.end and a.start - h.end < 25:
                    if self.member_after.match(text[h.end:a.start]) and self.ac.actors[a.actor].kind == "armed_group":
                        h.actor = a
                    break
        if h.actor is None:
            h.actor = self._agent_far(text, sent, actors, h.end, toks)
        if h.actor is None:
            accusation = self._passive_accusation(text, np_start)
            if accusation is not None:
                h.actor = accusation.target
                h.extra["accused_in"] = accusation  # its subject, as resolved there (_context_parties)
        if h.actor is None:
            h.actor = self._attribution(text, sent, actors, np_start)
        if h.actor is None and self.response_of is not None:
            h.actor = self._responder(text, actors, h, np_start)
        if h.actor is None:
            sup = self.support_end.search(text, max(sent.start, np_start - 40), np_start)
            if sup is None and np_start < h.start:
                # "said it had carried out air strikes": the phrase found for the noun ran back over its verb
                sup = self.support_end.search(text, max(sent.start, h.start - 40), h.start)
                np_start = h.start if sup is not None else np_start
            if sup is None:
                # "carried out pre-emptive strikes", "launched fresh air strikes": adjectives the noun phrase
                # did not take
                for rx in _ADJECTIVES_BEFORE:
                    adj = rx.search(text, max(sent.start, h.start - 30), h.start)
                    if adj is not None:
                        sup = self.support_end.search(text, max(sent.start, adj.start() - 40), adj.start())
                        if sup is not None:
                            np_start = adj.start()
                            break
            if sup is None and self.quantity is not None:
                # "responded with waves of air strikes", "carried out a series of raids"
                q = self.quantity_before.search(text, max(sent.start, np_start - 40), np_start)
                if q is not None:
                    sup = self.support_end.search(text, max(sent.start, q.start() - 40), q.start())
                    np_start = q.start() if sup else np_start
            sup_start = sup.start() if sup is not None and not text[sup.end():np_start].strip() else None
            if sup_start is None and sup is None:
                # "Israel retaliated late on Tuesday with air strikes": the verb before the date, its
                # preposition after it
                sup_start = self._support_across_date(text, sent, np_start)
            if sup_start is not None:
                # a finite support verb has an active subject ("The PKK, designated a terrorist group by
                # Turkey and the EU, claimed the bombing": not the EU); an infinitive may take the agent
                # before it ("infrastructure used by militants to plan attacks"), and a verb after "and" its
                # nearest party ("when gunmen approached and started shooting")
                finite = _INFINITIVE_OR_CONJUNCT.search(text, max(sent.start, sup_start - 5), sup_start) is None
                h.actor = self._subject(text, sent, toks, actors, sup_start, resolve, active=finite)
                h.extra["support"] = sup_start  # "jets took part in the raid": the subject before the verb
                head = self._coordinated_head(text, toks, self._tok_index(toks, sup_start), hits, i)
                if head is not None:  # "kidnapped 16 advisers and exploded a series of bombs"
                    h.actor = head.actor
        if h.actor is None and h.text.lower().endswith("ing") and idx > 0 and toks[idx - 1].low == "by":
            # "The RSF responded by shelling the city": the means has the clause's subject
            h.actor = self._subject(text, sent, toks, actors, toks[idx - 1].start, resolve)
        h.target = self._object(text, sent, toks, actors, h.end, "object", noun=True,
                                prep_rx=self.noun_target_prep.get(h.trig.category))
        if h.target is not None and h.actor is not None and h.target.start == h.actor.start:
            h.target = None  # the agent after "by" is no object
        if h.target is None:
            h.target = befell or np_state
        if h.actor is None and h.target is not None and _WITH_PARTNER.match(text, h.end, h.target.start) \
                and h.trig.category in _FIGHTS \
                and not any(o.trig.category == h.trig.category for o in hits[:i]):  # (else how that act went)
            # "rebels entered Goma after weeks of fighting with the Congolese army": who fought the army is
            # the clause's subject
            subj = self._subject(text, sent, toks, actors, h.start, resolve)
            if subj is not None and not self._camp(subj) & self._camp(h.target):
                h.actor = subj
        if h.target is None and idx > 0 and toks[idx - 1].low in _GERUND_PREPS and h.trig.category in _VIOLENT \
                and h.text.lower().endswith("ing"):
            # "accused of shelling Ukrainian villages", "blamed for killing civilians": a gerund after a
            # preposition takes its object as its verb does
            h.target = self._object(text, sent, toks, actors, h.end, spec.target)
        if h.target is None:
            h.target = self._victim(text, sent, actors, h.end)
        pair = self._between(text, actors, h) if h.trig.category in _FIGHTS or h.trig.category in self.symmetric \
            else None
        if pair is not None and (h.actor is None or h.actor.start == pair[0].start):
            # "fighting erupted on Sunday between Druze militias and Bedouin fighters", "talks between
            # Russia and Ukraine": the first party acted, with or against the second (either way round)
            h.actor, h.target = pair
            h.extra["mutual"] = True
        owned = _ON_ITS.match(text, h.end, sent.end) if h.target is None else None
        if owned is not None:
            # "the attack on its airfields": what was hit is the party "its" stands for (never the actor's)
            tok = toks[self._tok_index(toks, owned.start(1))]
            h.target = resolve(tok, actors=self._other_side(actors, h.actor))

    def _appositions(self, text: str, actors: list[ActorMatch], lo: int, pos: int) -> list[tuple[int, int]]:
        """Spans of definite noun phrases set off by commas right after a named party ("Iran, the main
        backer of the Houthis, condemned"): they describe it and hold no subject. (A comma-to-comma
        stretch after anything else may be a whole clause: "On 28 April, the brother of X opened fire, ...")"""
        out = []
        for a in actors:
            if a.end < lo or a.end >= pos or a.locative:
                continue
            m = _APPOSITION_ASIDE.match(text, a.end, pos + 2)
            if m is not None and m.end() <= pos and not any(w.lower() in self.reporting for w in _WORDS.findall(m.group())):
                out.append(m.span())
        return out

    def _reported_accusations(self, text: str, sent: Sentence, toks: Tokens, actors: list[ActorMatch],
                              hits: list[Hit], stimex: list[Timex]) -> list[Hit]:
        """"Pakistan's military said on Monday that Afghan forces had opened fire on Pakistani troops": a
        side that says the other side attacked it accuses that side (ACCUSE, on the day it said so). Only
        a named party telling of a hostile act aimed at its own side by a party of another: "police said
        gunmen killed three" is a source, no accusation."""
        out: list[Hit] = []
        for h in hits:
            if h.fold_into is not None or h.modality != "asserted" or h.trig.category not in _VIOLENT \
                    or h.actor is None:
                continue
            said, speaker, quoted = self._said_by(text, sent, toks, actors, h.start, self.reporting)
            if said is None or any(o.trig.category in _STANCES_SAID and o.start < h.start and o.fold_into is None
                                   for o in hits):
                continue  # ("accused Afghan forces of opening fire": the accusation is told already)
            mine = self._camp(speaker)
            if speaker is None or not mine or (speaker.start > said.start and not quoted) \
                    or mine & self._camp(h.actor) or not self._camp(h.actor):
                continue
            if not (mine & self._camp(h.target)) and not (
                    (h.target is None or h.target.actor.startswith("unknown.")) and self._side(speaker) and self._side(h.actor)):
                # "A said B had launched an attack on the front": a state telling of the
                # other side's attack on no one named accuses it too
                continue
            if not quoted and not _REPORTED_CLAIM.search(text, said.end, h.start) \
                    and not (h.start - said.end <= 20 and _HAD_AFTER.match(text, h.end, sent.end)):
                continue  # ("Israel said Hezbollah fired rockets": news of the day, told by its target)
            if any(said.end <= c.start and c.end <= h.start for c in self._sentence_cues) \
                    or any(o is not h and o.fold_into is None and self._camp(o.actor) & mine for o in hits):
                continue  # ("Hezbollah said it had fired rockets in retaliation for an Israeli strike": its own act)
            told = self._told_at(text, sent, said, quoted, stimex)
            if told is None and stimex and stimex[0].end <= said.start \
                    and _OPENING_DATE.match(_PARENS.sub(" ", text[sent.start:stimex[0].start])) \
                    and (_PAREN_COMMA.match(text, stimex[0].end) or _HEADER_TAIL.match(text, stimex[0].end)):
                told = stimex[0]  # "On Monday, A said ...", "**May 8** - A said ...": the day it was said
            if told is not None and h.timex is told and _HAD.search(text, said.end, h.start):
                h.extra["by"] = True  # "said on Monday that Afghan forces had opened fire": done by then
            if any(o.start == said.start and self._camp(o.target) == self._camp(h.actor) for o in out):
                continue  # (one accusation per saying: "said its forces had shot down drones launched by Russia")
            out.append(Hit(said.start, said.end, text[said.start:said.end], self._accuse_trig, actor=speaker,
                           target=h.actor, timex=told, reading="verb"))
        return out

    def _said_by(self, text: str, sent: Sentence, toks: Tokens, actors: list[ActorMatch], pos: int,
                 verbs: frozenset[str]) -> tuple[Tok | None, ActorMatch | None, tuple[Tok, int] | None]:
        """Who says what stands at ``pos``: the last of ``verbs`` before it and the party beside it, or, in a
        quotation a reporting verb follows ('"Iran attacked our forces in the Golan," Netanyahu said'), that
        verb and the party after the quotation; with the quotation's (verb, end) when quoted."""
        said = next((t for t in reversed(toks) if t.end <= pos and t.low in verbs), None)
        if said is not None:
            return said, _party_beside(text, said, actors, self.speaker_aside), None
        quoted = self._quoted_said(text, sent, toks, pos)
        if quoted is None:
            return None, None, None
        return quoted[0], _party_beside(text, quoted[0], [a for a in actors if a.start >= quoted[1]],
                                        self.speaker_aside), quoted

    def _told_at(self, text: str, sent: Sentence, said: Tok, quoted: tuple[Tok, int] | None,
                 stimex: list[Timex]) -> Timex | None:
        """The date it was said on: one telling the saying after its verb ("said on Sunday"), or, after a
        quotation, the first date after the verb."""
        if quoted:
            return next((t for t in stimex if t.start >= said.end), None)
        return next((t for t in stimex if t.start >= said.end and self._telling_date(text, sent, t)), None)

    def _announced_threats(self, text: str, sent: Sentence, toks: Tokens, actors: list[ActorMatch],
                           hits: list[Hit], stimex: list[Timex]) -> list[Hit]:
        """"Trump said any aircraft that put U.S. forces in danger would be shot down", '"We will find them and
        we will kill them," he said': a party announcing a violent act of its own side still to come threatens
        (THREATEN by the speaker, on the day it spoke; the act announced stays, still to come). Not a
        condition or a counterfactual ("if they attack us", "could have been arrested"), nor
        when the sentence tells a threat already ("warned that it would strike")."""
        out: list[Hit] = []
        if any(o.trig.category == "THREATEN" and o.fold_into is None for o in hits):
            return out
        for h in hits:
            if h.fold_into is not None or h.modality not in ("future", "hypothetical") or h.trig.category != "ASSAULT" \
                    or h.extra.get("named_act") or _UNREAL_BEFORE.search(text, max(sent.start, h.start - 60), h.start):
                continue
            said, speaker, quoted = self._said_by(text, sent, toks, actors, h.start, self.speech)
            mine = self._camp(speaker)
            if said is None or not mine or (h.actor is not None and not mine & self._camp(h.actor)):
                continue
            target = h.target if h.target is not None and not mine & self._camp(h.target) else None
            out.append(Hit(said.start, said.end, text[said.start:said.end], self._threat_trig, actor=speaker,
                           target=target, timex=self._told_at(text, sent, said, quoted, stimex), reading="verb"))
        return out

    def _titled_name(self, a: ActorMatch) -> list[str]:
        """The words of the name after a state's title in a generic mention ("<State>'s President <Given>
        <Surname>" -> its given name and surname), or none."""
        words = a.text.rstrip("'’s").split() if a.possessive else a.text.split()
        for k in range(len(words) - 2, -1, -1):
            if words[k].lower() in self.ac._titles:
                return words[k + 1:]
        return []

    def _side(self, a: ActorMatch) -> bool:
        """Is ``a`` a state (its government, forces or office holders) or an armed group: a side in a
        conflict (not a news agency or an international body telling the news)?"""
        if a.actor.startswith("unknown."):
            return False
        return self.ac.actors[self.ac.root(a.actor, self._dct)].kind in ("state", "armed_group")

    def _quoted_said(self, text: str, sent: Sentence, toks: Tokens, pos: int, within: int = 6) -> tuple[Tok, int] | None:
        """If ``pos`` stands inside a quotation that a reporting verb follows, within ``within`` words of its
        closing mark ('..., our forces," the army said'): that verb and where the quotation closes."""
        if sum(text.count(q, sent.start, pos) for q in _QUOTE_MARKS) % 2 == 0:
            return None
        close = _QUOTE.search(text, pos, sent.end)
        if close is None:
            return None
        idx = self._tok_index(toks, close.end())
        said = next((toks[j] for j in range(idx, min(len(toks), idx + within)) if toks[j].low in self.reporting), None)
        return (said, close.end()) if said is not None else None

    def _support_across_date(self, text: str, sent: Sentence, np_start: int) -> int | None:
        """Where a support verb starts whose preposition stands after a date that splits it from its
        verb ("retaliated late on Tuesday with air strikes", "responded on March 3 by shelling"), or None."""
        prep = _SUPPORT_PREP.search(text, max(sent.start, np_start - 8), np_start)
        if prep is None:
            return None
        for t in self._stimex:
            if t.end > prep.start() or not _DATE_TAIL.fullmatch(text, t.end, prep.start()):
                continue
            lead = _DATE_LEAD.search(text, max(sent.start, t.start - 24), t.start)
            verb_end = lead.start() if lead is not None else t.start
            lo = max(sent.start, verb_end - 40)
            joined = text[lo:verb_end].rstrip() + " " + prep.group(1).lower()
            sup = self.support_end.search(joined)
            return lo + sup.start() if sup is not None else None
        return None

    @staticmethod
    def _between(text: str, actors: list[ActorMatch], h: Hit) -> tuple[ActorMatch, ActorMatch] | None:
        """The two parties of "between X and Y" a few words after an event noun (or in its phrase:
        "talks between")."""
        lead = _BETWEEN_AND if h.text.lower().endswith("between") else _BETWEEN
        for k, x in enumerate(actors[:-1]):
            if x.start < h.end or x.locative:
                continue
            if x.start - h.end > 60 or not lead.fullmatch(text, h.end, x.start):
                return None
            y = actors[k + 1]
            return (x, y) if not y.locative and _AND.fullmatch(text, x.end, y.start) else None
        return None

    def _other_side(self, actors: list[ActorMatch], party: ActorMatch | None) -> list[ActorMatch]:
        """The parties not on ``party``'s side (all of them when it has no side)."""
        mine = self._camp(party)
        return [a for a in actors if not (mine and self._camp(a) & mine)]

    def _object_of_noun(self, text: str, before: list[Hit], a: ActorMatch) -> Hit | None:
        """The event noun told just before party ``a`` whose preposition's object it is ("an attack on an
        army post", "strikes against the group's bases"), if any."""
        return next((o for o in reversed(before) if o.reading == "noun" and o.end <= a.start and a.start - o.end < 40
                     and self.target_prep.match(text[o.end:a.start]) is not None), None)

    def _adjunct_head(self, text, hits, i, h: Hit) -> Hit | None:
        """"Police opened fire on the crowd, killing one and arresting 12": a participle clause
        after a main clause has no subject of its own; its actor is the main clause's (the nearest
        party to its left is only the main clause's object). An absolute clause with its own subject
        ("..., the rebels saying") keeps it."""
        if i == 0 or h.reading != "verb" or not h.text.split(" ", 1)[0].lower().endswith("ing"):
            return None
        o = hits[i - 1]
        if o.reading != "verb" or o.passive or o.actor is None or o.fold_into is not None:
            return None
        if h.actor is not None and h.actor.start >= o.end and (not text[h.actor.end:h.start].strip() or (
                not h.actor.actor.startswith("unknown.") and _FEW_WORDS.fullmatch(text, h.actor.end, h.start))):
            return None  # its own subject: "..., and Israel began striking their convoys"
        gap = (_ADJUNCT_AND if o.extra.get("adjunct") else _ADJUNCT_GAP).fullmatch(text, o.end, h.start)
        return o if gap is not None else None

    def _coordinated_head(self, text, toks: list[Tok], idx: int, hits, i) -> Hit | None:
        """"Rebels kidnapped 16 advisers from a bazaar and exploded a series of bombs", "Benin opened
        its borders but was still refusing admittance": a verb right after a conjunction (auxiliaries
        and adverbs aside), with no subject of its own, shares the subject of the act before it."""
        j = idx - 1
        while j >= 0 and toks[j].low in self.coord_skip:
            j -= 1
        if j <= 0 or toks[j].low not in self.coord_conj:
            return None
        asides = [m.span() for m in _PARENTHETICAL.finditer(text, toks[0].start, toks[j].start + 1)]
        for k in range(i - 1, -1, -1):
            o = hits[k]
            if o.end > toks[j].start or o.reading == "noun":
                # "asked Russia for military assistance and appealed to ...": a noun in the verb's
                # object is no act whose subject the conjunct could share; the verb before it is
                continue
            if any(a <= o.start < b for a, b in asides):
                continue  # "blamed the PKK, which denied involvement, and launched strikes": Ankara's
            if o.reading != "verb" or o.passive or o.actor is None or o.fold_into is not None \
                    or _SEMI_COLON.search(text[o.end:toks[j].start]):
                return None
            return o
        return None

    def _np_start(self, toks: list[Tok], idx: int) -> int:
        """Start of the noun phrase ending at token ``idx`` (determiner or up to 5 modifiers)."""
        j = idx - 1
        lo = max(0, idx - 6)
        while j >= lo:
            t = toks[j]
            if t.low == "." and j > 0 and toks[j - 1].end == t.start and toks[j - 1].low[-1:].isalpha() \
                    and len(toks[j - 1].low) <= 3:
                j -= 1  # "U.S. strikes": the full stop of an abbreviation inside a sentence is no break
                continue
            if t.low in self.definite or t.low in ("a", "an") or t.low in self.breaks or t.low in (",", "."):
                return t.start if t.low not in self.breaks and t.low not in (",", ".") else toks[j + 1].start
            if t.low in self.reporting or t.low in _NP_STOPS:
                return toks[j + 1].start
            j -= 1
        return toks[lo].start if toks else 0

    def _is_indefinite(self, toks, idx) -> bool:
        for j in range(idx - 1, max(-1, idx - 5), -1):
            t = toks[j]
            if t.low in ("a", "an", "another"):
                return True
            if t.low in self.definite or t.low in self.breaks or t.low in (",", ".", "of", "for", "to", "by"):
                return False
        return False

    def _is_definite(self, toks, idx) -> bool:
        for j in range(idx - 1, max(-1, idx - 5), -1):
            t = toks[j]
            if t.low in self.definite or t.low.endswith("'s") or t.low.endswith("s'"):
                return True
            if t.low in ("a", "an") or t.low in self.breaks or t.low in (",", ".", "of", "for", "to", "by"):
                return False
        return False

    def _agent_after(self, text, sent, actors, end) -> ActorMatch | None:
        for a in actors:
            if a.start < end or a.start - end > 40:
                continue
            if self.agent_after.match(text[end:a.start].lstrip("\"”’'")):  # '"terrorist acts" by Kyiv'
                return a
            break
        return None

    def _by_agent(self, text, sent, actors, end) -> bool:
        """Does "by" + an agent follow ``end`` (a known party, or a capitalised name that is no date)?"""
        m = _BY_NAME.match(text, end, min(sent.end, end + 40))
        if m is None:
            return False
        at = m.end()
        return self._agent_after(text, sent, actors, end) is not None \
            or not any(t.start <= at < t.end for t in self._timexes)

    def _agent_far(self, text, sent, actors, end, toks) -> ActorMatch | None:
        """"the attack was carried out by X" with a few words between noun and verb."""
        for a in actors:
            if a.start < end or a.start - end > 70:
                continue
            gap = text[end:a.start]
            if any(b in gap for b in (";", ":")):
                return None
            if self.agent_far.search(gap):
                return a
        return None

    def _passive_accusation(self, text, np_start) -> Hit | None:
        """"Government troops sent to restore order were accused of killing civilians": the passive
        accusation told just before the act, whose subject (its target) did the act."""
        for o in reversed(self._sentence_hits):
            if o.end > np_start:
                continue
            if not o.passive or o.target is None or o.text.lower() not in self.attr_participles:
                return None
            gap = text[o.end:np_start]
            return o if self.attr_link.match(gap + " ") or self.attr_link.match(gap) else None
        return None

    def _attribution(self, text, sent, actors, np_start) -> ActorMatch | None:
        """"blamed X for a strike" -> X; "accused X of attacks" -> X; "X was behind the attack" -> X
        (not after a denial: "Hamas denied it was behind the attack")."""
        for a in reversed(actors):
            if a.end > np_start or np_start - a.end > 50:
                continue
            if a.locative:
                return None
            # "accused Israel on Monday of attacking": the date and its preposition stand aside
            gap = _DATE_PREP.sub(" ", self._blank_times(text, a.end, np_start))
            if self.attr_link.match(gap + " ") or self.attr_link.match(gap):
                if self.attr_verbs.search(text[max(sent.start, a.start - 40):a.start]):
                    return a
            elif self.perp_link is not None and (self.perp_link.match(gap + " ") or self.perp_link.match(gap)) \
                    and not _DENIAL.search(text, sent.start, a.start):
                return a
            return None
        return None

    def _responder(self, text: str, actors: list[ActorMatch], h: Hit, np_start: int) -> ActorMatch | None:
        """"Friday's strike appears to be Israel's response": the party whose response the event noun
        is said to be; "Israel's response came on Friday, with a strike near Isfahan": the party whose
        response came with it."""
        assert self.response_of is not None and self.response_with is not None and self.response_after is not None
        for a in actors:
            if a.locative:
                continue
            if a.possessive and a.end <= np_start and np_start - a.end <= 90 \
                    and self.response_with.match(text[a.end:np_start]):
                return a
            if a.start >= h.end and a.start - h.end <= 60 and self.response_of.match(text[h.end:a.start]) \
                    and self.response_after.match(text, a.end):
                return a
        return None

    def _object(self, text, sent, toks, actors, end, how: str, noun: bool = False,
                prep_rx: re.Pattern[str] | None = None, origin: bool = False) -> ActorMatch | None:
        """The party the act is done to, after ``end``. ``origin``: a party right after "from" is where a
        material act came from ("fired from Iranian-held territory"), not its object (but "demanded aid
        from the government")."""
        if how == "none":
            return None
        target_prep = prep_rx or self.target_prep
        named = self._named_prep(how[5:]) if how.startswith("prep:") else None
        idx = self._tok_index(toks, end)
        right = self._clause_right(toks, idx)
        hi = toks[right].start if right < len(toks) else sent.end
        if named is not None:
            # "delivered tanks to Ukraine", "withdrew from Lebanon": the entry's own preposition right before
            # a party makes it the target, even one that reads as a place after "to"/"from" (also one the
            # trigger ends with: "flew to New Delhi for talks")
            own = _LAST_WORD.search(text, max(0, end - 12), end)
            ends_in_prep = own is not None and own.group(1).lower() in how[5:].split("|")
            for a in actors:
                if end <= a.start < hi and (named.fullmatch(text, end, a.start)
                                            or (ends_in_prep and _DET_GAP.fullmatch(text, end, a.start))) \
                        and not ("," in text[end:a.start] and self._reports_after(text, a.end, sent.end)):
                    return self._owner(text, actors, a)
        for a in actors:
            if a.start < end or a.start >= hi or a.locative:
                continue
            gap = text[end:a.start]
            if noun or how.startswith("prep:"):
                if not target_prep.match(" " + gap.strip() + " " if gap.strip() else " "):
                    if not target_prep.match(gap):
                        return None
                if how.startswith("prep:") and not any(w in gap.lower() for w in how[5:].split("|")):
                    return None
            else:
                if origin and _ORIGIN_GAP.fullmatch(gap):
                    continue  # "fired from Iranian-held territory (at ...)": where the act came from, not its object
                # "struck what Israel said were Hezbollah depots": the source's words stand aside
                src = _WHAT_SOURCE.match(gap)
                words = _WORD_H.findall(gap[src.end():] if src is not None else gap)
                # "fired 18 ballistic missiles and a drone at the aircraft carrier X": a longer object, up
                # to a preposition of aim right before the party
                limit = 14 if _AIM_TAIL.search(gap) else 7
                # (nor across a clause of its own: "stormed the compound before they were killed by ...")
                if len(words) > limit or any(w.lower() in self.reporting or w.lower() in _SUBJECT_PRONOUNS
                                             for w in words):
                    return None
            if "," in gap and self._reports_after(text, a.end, sent.end):
                return None  # "..., police sources said": the source, not the object
            return self._owner(text, actors, a)
        return None

    def _named_prep(self, prep: str) -> re.Pattern[str]:
        """Words, then ``prep`` (a trigger entry's ``target: prep:<word>``, or ``prep:<word>|<word>``: any of
        them), then at most a determiner."""
        rx = self._named_preps.get(prep)
        if rx is None:
            words = "|".join(re.escape(w) for w in prep.split("|"))
            # (words in scare quotes too: 'opened fire "without provocation" on Pakistani troops')
            rx = re.compile(rf"(?:\s+[\w'’$.,\"“”-]+){{0,8}}?\s+(?:{words})\s+(?:(?:a|an|the|its|their)\s+)?", re.I)
            self._named_preps[prep] = rx
        return rx

    def _owner(self, text: str, actors: list[ActorMatch], a: ActorMatch) -> ActorMatch:
        """"bases of the Sunni militant group Jaish al-Adl", "positions of the Donbass People's Militia":
        a generic party with a named owner after "of" is that owner (through an apposition). "Yemen's
        Iran-aligned Houthis", "Nigeria's Boko Haram": a state's possessive before a named group
        describes the group, which is the party."""
        i = actors.index(a)
        if a.possessive and i + 1 < len(actors) and self.ac.actors[a.actor].kind == "state":
            b = actors[i + 1]
            if b.how in ("alias", "generic") and not b.actor.startswith("unknown.") \
                    and self.ac.actors[b.actor].kind in _GROUP_KINDS and _FEW_WORDS.fullmatch(text, a.end, b.start):
                return b
        if not a.actor.startswith("unknown."):
            return a
        if i + 1 < len(actors) and not text[a.end:actors[i + 1].start].strip() \
                and not actors[i + 1].actor.startswith("unknown.") and not actors[i + 1].modifier \
                and not actors[i + 1].locative:
            return actors[i + 1]  # "the aircraft carrier USS Harry S. Truman": the name in apposition
        if i + 1 < len(actors) and _OF_THE.fullmatch(text, a.end, actors[i + 1].start):
            b = actors[i + 1]
            if b.actor.startswith("unknown.") and i + 2 < len(actors) and not text[b.end:actors[i + 2].start].strip():
                b = actors[i + 2]  # "the militant group Jaish al-Adl"
            if not b.actor.startswith("unknown.") and not b.modifier:
                return b
        return a

    def _reports_after(self, text: str, end: int, stop: int) -> bool:
        """Is the word after ``end`` a verb of saying ("police sources said")?"""
        m = _NEXT_WORD.match(text, end, stop)
        return m is not None and m.group(1).lower() in self.reporting

    def _victim(self, text, sent, actors, end) -> ActorMatch | None:
        if self.victim is None:
            return None
        # not past a cue: "In retaliation for the attack, forces struck militant positions"
        stop = min([a for a in self._fences if a >= end] + [sent.end])
        for v in self.victim.finditer(text, end, stop):
            if any(w.lower() in self.reporting for w in _WORDS.findall(text, end, v.start())):
                return None  # "the attack, in which Iran said it had targeted bases": a report's own clause
            if any(end <= a.start and a.end <= v.start() and not a.locative and "," in text[end:a.start]
                   and _SUBJECT_GAP.fullmatch(text, a.end, v.start()) for a in actors):
                # "the shelling of Tartar, Azerbaijani drones struck X": a new clause, with its own subject
                return None
            for a in actors:
                if a.start >= v.end() and a.start - v.end() < 45 and not a.locative:
                    if "," in text[v.end():a.start] and self._reports_after(text, a.end, sent.end):
                        return None  # "... killed at least 22 people, the civil defence agency said": the source
                    return a
        return None

    # ------------------------------------------------------------------ modality
    def _modality(self, text, sent, toks, hits, i, h: Hit) -> None:
        if sent.text.rstrip(" \"'”’)").endswith("?"):
            h.modality = "hypothetical"  # "How did India hit back?": a question tells no act
            return
        idx = self._tok_index(toks, h.start)
        if h.passive and h.reading == "verb" and h.trig.form == "ed" and idx > 0 and toks[idx - 1].low not in _BE \
                and toks[idx - 1].low[:1].isalpha() and self._by_agent(text, sent, self._sentence_actors, h.end):
            # "unless it released a tanker seized by Revolutionary Guards": a reduced relative with its agent
            # tells a done act, whatever mood the clause around it is in
            return
        lo = idx
        blanked = self._blanked_text(text)
        counted = 0  # words of a date ("threatened in May to launch") do not count toward the window
        while lo > 0 and counted < self.mod_window:
            t = toks[lo - 1]
            if not blanked[t.start].isspace():
                counted += 1
            if t.low in self.breaks or t.low in _MODAL_STOPS:
                break
            if t.low in self.scope_barriers:  # "did not comment on Friday's strike"
                break
            # "vowed to retaliate for an attack", "vowed that Pakistan would retaliate against those behind
            # the attack": a cue, even one that is an act itself, ends the modal's reach
            cue = next((c for c in self._sentence_cues if c.start <= t.start < c.end), None)
            if cue is not None and _is_modifier(text, cue, h):
                cue = None  # "called off retaliatory strikes", "did not carry out tit-for-tat attacks": the act's modifier
            if cue is not None and not _AND_ONLY.fullmatch(text, cue.end, h.start) \
                    and not (self.mod["denied"] is not None and self.mod["denied"].search(cue.text)):
                break  # (but "might retaliate and attack the base": the verb coordinated with the cue's act;
                # and a denial's reach goes on: "rejected accusations of shelling villages")
            lo -= 1
        # coordinated triggers share modality ("kill and wound", "rocketing and shelling")
        if i > 0:
            p = hits[i - 1]
            between = text[p.end:h.start].lower()
            if _LIST_GAP.fullmatch(between + " ") and p.modality != "asserted" and not _CONTRAST.search(between) \
                    and not (p.modality == "negated" and p.trig.form == "base" and _past_verb(h)):
                # (but "did not retaliate and agreed to talks": a past verb is no second base form under "not")
                if _AND_OR.search(between):  # ... not across a contrast ("did not claim the attacks, but the army blamed")
                    h.modality = p.modality
                    return
        w0 = toks[lo].start if lo < len(toks) and lo < idx else h.start
        window = self._blank_times(text, w0, h.start)
        mod = self._window_modality(window)
        if mod == "hypothetical" and h.reading == "verb" and _ADJECTIVE_MODAL_AND.search(window) \
                and not _MODAL_VERB.search(window):
            mod = "asserted"  # "judged the drone a potential threat and shot it down": "potential" is the threat's
        if mod == "denied" and _AND_NEXT_VERB.search(window):
            mod = "asserted"  # "Armenia denied the claim and accused Baku": a second act, not what was denied
        if mod == "negated" and _past_verb(h) and _AND_NEXT_VERB.search(window) and not _PERFECT_AUX.search(window):
            # "urged carriers to avoid flying over Belarus and called for the release": a past verb after "and"
            # is a second act of the subject; the negation governs the base form before it (not "had not
            # attacked and killed", where one perfect tells both)
            mod = "asserted"
        if mod in ("future", "hypothetical") and h.trig.category in self.future_content:
            mod = "asserted"  # "warned that Hezbollah would pay a heavy price": the threat is made
        if mod == "asserted" and h.trig.category not in self.future_content and any(
                o.end <= h.start and o.trig.category in self.future_content and o.fold_into is None
                and _THREATENED_ACT_GAP.fullmatch(text, o.end, h.start) for o in hits[:i]):
            h.modality = "future"  # "would not rule out further attacks", "threatened new strikes": what is threatened
            return
        if mod in ("negated", "denied") and h.reading == "noun" and (
                _CLAIM_BEFORE.search(window) or _INVOLVEMENT_BEFORE.search(window)):
            # "The RSF did not claim the attacks": the claim is denied, not the attacks; whose they were
            # is not told ("Israel has neither confirmed nor denied involvement in the blasts": the same)
            h.actor = None
            return
        if mod != "asserted":
            h.modality = mod
            return
        if self._conditional(toks, idx):
            h.modality = "hypothetical"
            return
        if h.reading == "noun" and _MAY_HAPPEN_AFTER.match(text, h.end, sent.end):
            h.modality = "hypothetical"  # "another clash could erupt when the snow melts": none told yet
            return
        if _AIMED_AT_BEFORE.search(text, max(sent.start, h.start - 16), h.start):
            h.modality = "future"  # "talks aimed at freeing hostages": a purpose, not yet done
            return
        if h.reading == "noun" and _SUCH_BEFORE.search(text, max(sent.start, h.start - 20), h.start) \
                and _MODAL_BE_AFTER.match(text, h.end, sent.end):
            # "a similar incursion into its territory would be a cause for war": an act of that kind, judged
            # before it happens
            h.modality = "hypothetical"
            return
        if _WHEN_OPENING.match(text, sent.start, h.start) and _FUTURE_MAIN.match(text, h.end, sent.end):
            # ""When our citizens are attacked anywhere in the world ..., we will respond"": whenever it happens,
            # no act told
            h.modality = "hypothetical"
            return
        if _IF_PROVOKED_AFTER.match(text, h.end, sent.end):
            h.modality = "hypothetical"  # "ordering them to hit back if attacked": only on a condition
            return
        if _NO_SIGN_THAT.search(text, sent.start, h.start):
            h.modality = "negated"  # "We have no indication that Turkey was deliberately targeting U.S. forces"
            return
        if h.reading == "noun" and self.threatened_object is not None and idx:
            m = self.threatened_object.search(text, toks[max(0, idx - 6)].start, h.start)
            if m is not None and not any(w.lower() in _OBJECT_STOPS or w[:1].isupper() for w in m.group(1).split()):
                h.modality = "future"  # "Russia threatened further strikes", "vowed more attacks": not done yet
                return
        if h.reading == "noun" and _PLANNED_AFTER.match(text, h.end, sent.end):
            h.modality = "future"  # "more strikes were planned in the coming days": not done yet
            return
        if h.reading == "noun" and _CALLED_OFF_AFTER.match(text, h.end, sent.end):
            h.modality = "negated"  # "the military strike he had abandoned", "the raid was called off": never done
            return
        if h.reading == "noun" and any(toks[j].low in _ANY_WORDS for j in range(max(0, idx - 2), idx)):
            h.modality = "hypothetical"  # "reserved the right to retaliate against any attack": none told
            return
        pre = _CLAUSE_PUNCT.split(text[toks[max(0, idx - 6)].start:h.start] if idx else "")[-1]  # cues included
        to_verb = _TO_VERB_END.search(pre) if h.reading == "noun" else None
        if self.requested is not None and (_TO_END.search(pre) or to_verb is not None) and self.requested.search(pre) \
                and not (to_verb is not None and h.definite and not self.support_end.search(to_verb.group(1))):
            # (but "asked the council to condemn the attack": the act asked for is the condemnation; a definite
            # noun after a verb other than a support verb is an act told before)
            h.modality = "future"  # "urging the counterpart to sign", "called on the EU to impose sanctions": asked for
            return
        if h.reading == "verb" and h.trig.form in ("base", "s") and self.future_clause is not None \
                and self.future_clause.search(" ".join(t.low for t in toks[max(0, idx - 4):idx])):
            h.modality = "future"  # "before they demobilize", "until Israel withdraws": not yet
            return
        if self._named_act(text, toks, idx, h):
            h.modality = "hypothetical"
            h.extra["named_act"] = True
            return
        first = h.text.split(" ", 1)[0].lower()
        if (h.reading == "verb" and h.trig.form == "s"
                or (h.trig.pos == "phrase" and first.endswith("s") and not first.endswith("ss"))) \
                and _REL_PRESENT.search(text, sent.start, h.start):
            # "Russia, whose air force backs Assad,", "Qatar, which supports some rebel groups,": a present
            # tense in a relative clause tells what holds, no act
            h.modality = "habitual"
            return
        if h.trig.category == "ASSAULT" and (h.trig.form == "ing" or first.endswith("ing")) and i + 1 < len(hits) \
                and any(0 <= h.start - a.end <= 1 and not a.possessive and not a.locative and not a.modifier
                        for a in self._sentence_actors) \
                and any(o.reading == "verb" and o.trig.form == "ed" and not _CLAUSE_PUNCT.search(text, h.end, o.start)
                        for o in hits[i + 1:]):
            # "The Saudi-led coalition fighting in Yemen expelled Qatar": a participle after its party,
            # before the clause's verb, describes the party (what it does), no act of the sentence
            h.modality = "habitual"
            h.extra["reduced"] = True  # (its words hold no subject of the verb: see _subject)
            return
        # "have been rocketing", "which has been fighting the army since April": going on, no one event
        if (h.trig.form == "ing" or h.text.lower().endswith("ing")) and self.progressive is not None \
                and self.progressive.search(window):
            h.modality = "habitual"
            return
        if self.aggregate is not None and h.reading == "verb" and h.text.lower() in self.detail \
                and _PERFECT_BEFORE.search(text, max(sent.start, h.start - 25), h.start) \
                and self.aggregate.match(text, h.end, sent.end):
            # "29 of its soldiers have been killed since January": a toll over a period, no one act
            h.modality = "habitual"
            return
        # a bare "to" is not enough: "attempted to assassinate", "ordered the paper to suspend" are
        # coded as events; intent verbs ("plans to", "vowed to") are in the future list

    def _named_act(self, text, toks: list[Tok], idx: int, h: Hit) -> bool:
        """"Removing the sanctions is out of the question": a gerund opening its clause, with an
        object (not "fighting in the city is fierce"), as the subject of a present or modal copula."""
        if self.named_act is None or not h.text.split(" ", 1)[0].lower().endswith("ing"):
            return False
        if idx > 0 and toks[idx - 1].low not in ("that", "“", '"', "'"):  # after a comma: an adjunct
            return False
        m = _FIRST_WORD.match(text, h.end)
        if m is None or m.group(1).lower() in self.named_act_not_before:
            return False
        return self.named_act.match(text, m.start(1)) is not None

    def _conditional(self, toks: list[Tok], idx: int) -> bool:
        """Is token ``idx`` inside an "if"/"unless" clause? The clause runs to the next comma or
        break, however long ("if the United States goes ahead with the planned deployment")."""
        for j in range(idx - 1, -1, -1):
            t = toks[j].low
            if t in self.breaks or t in (",", ".", ";", ":"):
                return False
            if t in self.conditional:
                return True
        return False

    def _blanked_text(self, text: str) -> str:
        """``text`` with its temporal expressions blanked, and the preposition that heads one ("threatened in
        May to launch" reads "threatened to launch"); made once per document and time list."""
        if self._blanked_of[0] is not text or self._blanked_of[1] is not self._timexes:
            self._blanked_of = (text, self._timexes)
            blanked = _blank_dates(text, self._timexes, types=None)
            self._blanked = _PREP_OF_BLANK.sub(lambda m: " " * len(m.group()), blanked)
        return self._blanked

    def _blank_times(self, text: str, lo: int, hi: int) -> str:
        """text[lo:hi] with temporal expressions blanked: the month in "on May 11" is no modal."""
        return self._blanked_text(text)[lo:hi]

    def _window_modality(self, window: str) -> str:
        if self.mod_any is not None and not self.mod_any.search(window):
            return "asserted"  # one scan for all cues first: most windows have none
        for name in ("denied", "negated", "hypothetical", "future", "habitual"):
            rx = self.mod[name]
            if rx is not None and rx.search(window):
                return name
        return "asserted"

    def modality_before(self, doc: Document, lo: int, pos: int) -> str:
        """Modality that the words just before ``pos`` (not before ``lo``) give to what follows."""
        text = doc.text
        self._timexes = doc.timexes
        toks = self._tokens(text, lo, pos)
        j = len(toks)
        while j > 0 and len(toks) - j < self.mod_window:
            t = toks[j - 1]
            if t.low in self.breaks or t.low in _MODAL_STOPS or t.low in self.scope_barriers:
                break
            j -= 1
        return self._window_modality(self._blank_times(text, toks[j].start, pos) if j < len(toks) else "")

    # ------------------------------------------------------------------ casualties, place
    def _casualties(self, sent: Sentence, hits: list[Hit]) -> None:
        """Casualty counts of the sentence go to the violent event told nearest before them."""
        violent = [o for o in hits if o.trig.category in _VIOLENT]
        if not violent:
            return
        in_time = [(t.start - sent.start, t.end - sent.start) for t in self._timexes
                   if sent.start <= t.start < sent.end]

        def dated(m: re.Match) -> bool:  # "On 9 May 2020, 1 commander was killed": 2020 is no count
            return any(a <= m.start("n") < b for a, b in in_time)

        st, lo = self._sentence_low(sent), self._lowered
        for kind in ("fatalities", "injuries"):
            after, before, none = (None if p is None else p.pick(lo) for p in self.cas[kind])
            found: list[tuple[int, int]] = []
            if none is not None:
                found += [(sent.start + m.start(), 0) for m in none.finditer(st)]
            for m in before.finditer(st):
                n = self._num(m.group("n"))
                if n is not None and not dated(m):
                    n2 = self._num(m.group("n2")) if m.group("n2") else 0
                    found.append((sent.start + m.start(), n + (n2 or 0)))
            for m in (after.finditer(st) if self.cas_cue[kind].pick(lo).search(st) else ()):
                n = self._num(m.group("n"))
                if n is not None and m.group("n2"):
                    n2 = self._num(m.group("n2"))
                    n = n + n2 if n2 is not None else n
                mid = m.group("mid").lower().split()
                if mid and mid[-1] == "and" and not _BE.intersection(mid):
                    continue  # "power to a million people and killed five": not "1 man was shot and killed"
                scale = self.scale.match(m.group("mid")) if self.scale is not None else None
                if n is not None and scale is not None:  # "a hundred people were killed"
                    n *= self.scales[scale.group(1).lower()]
                if n is not None and not dated(m) and not any(abs(p - (sent.start + m.start())) < 30 for p, _ in found):
                    found.append((sent.start + m.start(), n))
            for pos, n in sorted(found):
                owner = self._casualty_owner(violent, pos)
                if getattr(owner, kind) is None:
                    setattr(owner, kind, n)

    def _casualty_owner(self, violent: list[Hit], pos: int) -> Hit:
        """The violent act a casualty count at ``pos`` belongs to: the nearest told before it, except one
        inside a cue's object that a comma has closed ("Iran launched missiles at a base, two days after
        the United States bombed three sites, in a retaliation that caused no casualties": Iran's)."""
        cands = [o for o in violent if o.start <= pos]
        while cands:
            o = cands[-1]
            fence = max((f for f in self._fences if f < o.start), default=None)
            comma = self._text.rfind(",", o.end, pos)
            # only a phrase that names the main act again (", in a retaliation that ...", ", a move
            # that ..."); ", killing five civilians", ", where 16 people were killed" tell that act's dead
            if fence is None or comma < 0 or not _RENAMES_ACT.match(self._text, comma + 1):
                return o
            outer = [x for x in cands if x.start < fence]
            if not outer:
                return o
            cands = outer
        return violent[0]

    def _location(self, text, sent, actors, h: Hit, hits: list[Hit]) -> str | None:
        """The state named as a place nearest after the trigger (else before it), not a party to it; a
        place belongs to the act told nearest before it ("In response to the blast, Thailand recalled its
        ambassador from Phnom Penh": Phnom Penh is no place of the blast). Civilians hit there, of no
        other country, are that state's ("opened fire on tourists ... in Indian Kashmir")."""
        parties = {x.actor for x in (h.actor, h.target) if x is not None}
        # (not a state the place is said to lie outside: "120 miles east of Bahrain")
        places = [a for a in actors if a.locative and self.ac.actors[a.actor].kind == "state" and a.actor not in parties
                  and not self.ac.outside(text, a) and not (
                      self.named_after is not None and self.named_after.search(text, max(sent.start, a.start - 30), a.start))]
        after = [a for a in places if a.start >= h.end and a.start - h.end < 100]
        # the nearest place after the act with no other act between them, else the nearest before it
        # ("attacks on bases in Syria ..., which they say is retaliation for support for Israel in Gaza":
        # Gaza is the place of the support)
        chosen = after[0] if after and not self._act_between(h, hits, h.end, after[0].start) else None
        if chosen is None:
            chosen = next((a for a in reversed(places) if a.end <= h.start), None)
            if chosen is None or self._act_between(h, hits, chosen.end, h.start):
                return None
        if chosen.end <= h.start and any(o is not h and o.end <= chosen.start for o in hits):
            return None  # "Iran launched missiles at a base in Qatar, two days after the US bombed ...": Qatar's
        t = h.target
        foreign = h.actor is None or not self.ac.camp(chosen.actor) & self._camp(h.actor)
        if t is not None and t.actor == "unknown.population" and foreign:
            h.target = ActorMatch(t.start, t.end, t.text, self.ac._derive(chosen.actor, "population", None),
                                  "context", plural=t.plural)
        elif t is None and h.actor is not None and foreign and h.trig.category in self.place_targets \
                and chosen.start > h.end and not self._group_based_in(self.ac.actors[chosen.actor].country):
            # "a drone attack on airfields deep inside Russia": an attack on places in another state,
            # naming no party it hit, is an attack on that state (not where the story names an armed
            # group based there: "strikes across Yemen" in a story about the Houthis hit them, or no one named)
            h.target = ActorMatch(chosen.start, chosen.end, chosen.text, chosen.actor, "context")
        return self.ac.actors[chosen.actor].name

    @staticmethod
    def _act_between(h: Hit, hits: list[Hit], lo: int, hi: int) -> bool:
        return any(o is not h and lo <= o.start and o.end <= hi for o in hits)

    # ------------------------------------------------------------------ time
    def _bind_time(self, text, sent, toks, hits: list[Hit], stimex: list[Timex]) -> None:
        """Each date goes to the event it modifies: first prenominal dates ("the March 11 rocket
        attack", "Sunday's missile attack"), then the nearest event in the same clause, never across
        a causal or temporal cue."""
        cues = self._cue_spans
        # not a date inside a cue ("a day after", "hours later": it tells how two events relate), nor
        # a wire dateline's ("KHARTOUM, June 14 (Reuters) -": the report's date, not an event's)
        dateline = _DATELINE.match(text, sent.start, sent.end) if sent.n <= 3 and stimex and _opens_paragraph(text, sent) \
            else None
        dated = [t for t in stimex if self._datable(text, sent, t)
                 and not (dateline is not None and t.end <= dateline.end())]
        taken: set[int] = set()
        # (not across a verb the date stands right before: "the army chief on Sunday condemned the strikes")
        for t in dated:
            for h in hits:
                if h.timex is None and h.reading == "noun" and h.start >= t.end:
                    gap = text[t.end:h.start]
                    if len(_WORD_H.findall(gap)) <= 3 and not _CLAUSE_PUNCT.search(gap) \
                            and not _PREP_GAP.search(gap) \
                            and not any(o.reading == "verb" and t.end <= o.start and o.end <= h.start
                                        and not text[t.end:o.start].strip() for o in hits) \
                            and not any(t.end <= a and b <= h.start for a, b in cues) \
                            and not (_OF_FOR_GAP.fullmatch(gap) and any(o.reading == "verb" and o.end <= t.start
                                                                        for o in hits)):
                        h.timex = t
                        taken.add(id(t))
                    break
        # a date of the telling ("officials said on Sunday that militants attacked a checkpoint on
        # Saturday") is bound last, to what no date of its own came to; a toll it tells in the perfect
        # passive ("said on Sunday that 200 people had been killed") was counted by then, not that day
        opening = bool(dated) and _OPENING_DATE.match(_PARENS.sub(" ", text[sent.start:dated[0].start])) \
            and (_PAREN_COMMA.match(text[dated[0].end:sent.end]) or _HEADER_TAIL.match(text, dated[0].end, sent.end))
        # ... but "As reported on 2 May 2020, ..." heads the sentence: the day of what it tells
        said = {id(t) for t in dated[1 if opening else 0:] if self._telling_date(text, sent, t)}
        for t in sorted(dated, key=lambda t: id(t) in said):
            if id(t) in taken or _names_a_thing(text, sent, t):
                continue  # "talks on the 2015 nuclear deal", "since the 1950-53 Korean War": the year names a thing
            best = None
            best_d = 10**9
            for k, h in enumerate(hits):
                if h.timex is not None:
                    continue
                lo, hi = (t.end, h.start) if h.start >= t.end else (h.end, t.start)
                if any(lo <= a and b <= hi for a, b in cues):
                    continue  # "struck on Monday in retaliation for Sunday's attack"
                gap = _PARENS.sub(" ", text[lo:hi])
                if t.start >= h.end and "," in gap and any(
                        not c.anaphoric and c.end <= h.start and _FEW_WORDS.fullmatch(text, c.end, h.start)
                        for c in self._sentence_cues):
                    continue  # "Hours after the Beirut strike, early on Wednesday, X was killed": the main clause's
                if h.start >= t.end and _COMMA_REL.search(gap):
                    continue  # "on January 9, which US warships shot down": the date is the clause's
                if h.start >= t.end and h.reading == "noun" and _APPOSITION_GAP.match(gap) \
                        and any(o.reading == "verb" and o.end <= t.start for o in hits):
                    continue  # "fired 21 drones at ships on Tuesday, the group's largest attack yet": the verb's
                if _in_relative(text, h, t):
                    continue  # "granted asylum to rebels who entered the country two years ago"
                if h.start >= t.end and _OF_FOR_GAP.fullmatch(gap) and any(o.end <= t.start and o.timex is None
                                                                           and o.fold_into is None for o in hits):
                    # "accused each other on Saturday of violating a ceasefire", "imposed sanctions on <state> in
                    # 2009 over accusations that ...": the day of the act before, not of its grounds
                    continue
                if id(t) in said and any(o.timex is not None and id(o.timex) not in said and o.start >= h.end
                                         and o.trig.category == h.trig.category
                                         and _FEW_WORDS.fullmatch(text, h.end, o.start) for o in hits):
                    continue  # "said on Monday that Ethiopia had launched an attack on Sunday": the act's own day
                if h.start >= t.end and _WITH_NEXT.match(gap):
                    continue  # "since the Taliban took power in August 2021, with Islamabad blaming": the clause's
                if h.start >= t.end and _COMMA_ING.match(text, t.end, h.end) \
                        and any(o.end <= t.start and o.fold_into is None for o in hits):
                    continue  # "cut ties with the UAE on Tuesday, accusing it of supplying ...": the main clause's day
                d = len(_WORD_H.findall(gap))
                if _SEMI_COLON.search(gap) or any(w.lower() in self.reporting or w.lower() in self.breaks
                                                  for w in _WORDS.findall(gap)):
                    continue
                if d <= 15 and d < best_d:
                    best, best_d = k, d
            if best is not None:
                hits[best].timex = t
                if id(t) in said and hits[best].start >= t.end and _PERFECT_PASSIVE.search(text, t.end, hits[best].start):
                    hits[best].extra["by"] = True
        # "On 9 May 2020, ..." / "Around 9 May 2020 (as reported), in X, ...": a date that opens the
        # sentence dates every event of the sentence that has no date of its own
        # ... up to a cue that brings in another event ("On Sunday, fighters attacked a base in
        # retaliation for the air strikes": the strikes are not Sunday's)
        if opening:
            fence = self._answer_fence(dated[0].end, sent.end)
            for h in hits:
                if h.timex is None and h.start < fence:
                    h.timex = dated[0]
                    # "On Sunday, the ministry said the army had killed 550 fighters": told that day, a toll
                    # counted by then
                    # (not "Around 30 April 2020 (as reported), officers have beaten": a source aside)
                    gap = _PARENS.sub(lambda p: " " * len(p.group()), text[dated[0].end:h.start])
                    said_at = next((m.end() for m in _WORDS.finditer(gap) if m.group().lower() in self.reporting), None)
                    if said_at is not None and (_PERFECT_TOLL.search(gap, said_at)
                                                or _PERFECT_TOLL.search(gap + h.text, said_at)):
                        h.extra["by"] = True
        # "exchanged fire on Sunday, with warplanes striking targets and the group launching rockets":
        # an absolute "with" clause tells how the dated act went, on its day
        prev: Hit | None = None
        for h in hits:
            if h.timex is None and prev is not None and h.reading == "verb" \
                    and h.text.split(" ", 1)[0].lower().endswith("ing") \
                    and (_WITH_CLAUSE if not prev.extra.get("with") else _AND_CLAUSE).fullmatch(text, prev.end, h.start) \
                    and not any(prev.end <= a and b <= h.start for a, b in cues):
                h.timex = prev.timex
                h.extra["with"] = True
                if prev.extra.get("by"):
                    h.extra["by"] = True
            if h.timex is not None:
                prev = h

    def _telling_date(self, text: str, sent: Sentence, t: Timex) -> bool:
        """Does the date tell when something was said ("said on Sunday", "told reporters late on
        Monday", "said in a statement on Friday")? A reporting verb before it, with only the words
        of such a phrase between."""
        for m in reversed(list(_WORDS.finditer(text, max(sent.start, t.start - 48), t.start))[-5:]):
            w = m.group().lower()
            if w in self.reporting:
                # not "As reported on 2 May 2020, ...": a heading, the day of what the sentence tells
                return not _LEAD_WORD.fullmatch(text, sent.start, m.start())
            if w not in _TELLING_FILLERS:
                return False
        return False

    def _answer_fence(self, start: int, end: int) -> int:
        """Where the first cue that brings in an earlier, answered act begins ("in retaliation for"), at or
        after ``start`` (else ``end``): a date told before it is not that act's."""
        return min([c.start for c in self._sentence_cues if c.label in _ANSWER_LABELS
                    and c.direction == "effect_first" and not c.anaphoric and c.start >= start] + [end])

    @staticmethod
    def _timeline_date(text: str, sent: Sentence, stimex: list[Timex]) -> Timex | None:
        """The date heading a timeline entry ("**April 22** - Gunmen opened fire ...", "May 7: India ..."):
        a paragraph that opens with a day and a dash or colon."""
        if not stimex or not _opens_paragraph(text, sent):
            return None
        t = stimex[0]
        if t.type == "SET" or t.earliest is None or t.earliest != t.latest:
            return None
        if _OPENING_DATE.match(_PARENS.sub(" ", text[sent.start:t.start])) and _HEADER_TAIL.match(text, t.end, sent.end):
            return t
        return None

    def _datable(self, text: str, sent: Sentence, t: Timex) -> bool:
        """May ``t`` date an act of its sentence? Not a set ("every Friday"), nor a date with no bound, nor
        one an offset word ends ("days after"), nor the date a superlative is measured from ("the worst
        fighting since their 2020 war"), nor one inside a temporal cue ("a day after", "Two days later": it
        tells how two events relate; a day inside a causal cue is the answer's: "responded on July 30 by")."""
        return t.type != "SET" and bool(t.earliest or t.latest) and not _RELATIVE_TAIL.search(t.text) \
            and not _CENTURY_ADJ.fullmatch(t.text) \
            and not _SINCE_COMPARED.search(text, max(sent.start, t.start - 120), t.start) \
            and not any(c.start <= t.start and t.end <= c.end and c.kind == "temporal" for c in self._sentence_cues)

    def _told_in_story(self, text: str, sent: Sentence, hits: list[Hit], story_day: date) -> None:
        """A statement told in the simple past in a sentence with no date, after a lede dated to a recent
        day ("The United States and the African Union also called for calm", "<minister> dismissed the
        figures"): made between the news day and the report (``Mention.told_after``, a fallback). Not a
        past perfect ("had accused": told out of order), nor after the story last named an earlier day
        (background: "On May 28, Congo suspended flights ... It also called on ...")."""
        for h in hits:
            if h.timex is not None or h.fold_into is not None or h.modality != "asserted" or h.reading != "verb" \
                    or "narrative" in h.extra or not self.verbal[h.trig.category]:
                continue
            head = h.text.split(" ", 1)[0].lower()
            if (head.endswith("ed") or head in _IRREGULAR_PAST or head == "said") \
                    and not _PERFECT_BEFORE.search(text, max(sent.start, h.start - 25), h.start):
                h.extra["told_after"] = story_day

    def _narrative_day(self, text: str, sent: Sentence, hits: list[Hit], stimex: list[Timex],
                       prev: list[Mention]) -> None:
        """A sentence that names no date goes on with the day of the act the sentence before told ("On
        Thursday, North Korea fired shells at a loudspeaker site. South Korea responded by firing dozens
        of howitzer rounds."): its material acts told in the simple past take that day. Not verbal acts
        (a condemnation or a demand may come days later), nor a past perfect ("had fired": told out of
        order), nor after a sentence whose act is dated only by its telling. The day is a fallback
        (``Mention.narrative_day``): merging ignores it, and the event takes it only if no mention
        of it names a date."""
        if any(self._datable(text, sent, t) for t in stimex) \
                or any(c.kind == "temporal" or not c.anaphoric for c in self._sentence_cues):
            return  # ("Hours after the strikes, the Houthis fired": an act placed by another one it names)
        anchor = next((m.when for m in reversed(prev) if m.modality == "asserted" and m.when is not None
                       and m.when.earliest is not None and m.when.earliest == m.when.latest
                       and m.when.mod in (None, "START", "MID", "END") and not self.verbal[m.category]), None)
        if anchor is None:
            return
        for h in hits:
            if self.verbal[h.trig.category] and h.reading == "verb":
                break  # an act after an accusation or a demand is what was alleged or asked for: no day told
            if h.timex is None and h.fold_into is None and h.modality == "asserted" and h.reading == "verb" \
                    and not _PERFECT_BEFORE.search(text, max(sent.start, h.start - 25), h.start):
                h.extra["narrative"] = anchor.earliest

    def _sentence_date(self, text: str, sent: Sentence, hits: list[Hit], stimex: list[Timex]) -> None:
        """A sentence that tells one event and one date not bound elsewhere: the date is the event's
        ("Hezbollah fired a barrage of missiles at army posts along the border on Sunday")."""
        heads = [h for h in hits if h.fold_into is None and h.modality == "asserted"]
        bound = {id(h.timex) for h in hits if h.timex is not None}
        free = [t for t in stimex if id(t) not in bound and self._datable(text, sent, t) and not _names_a_thing(text, sent, t)]
        if len(heads) == 1 and heads[0].timex is None and len(free) == 1:
            h, t = heads[0], free[0]
            lo, hi = min(h.end, t.end), max(h.start, t.start)
            if not any(lo <= a and b <= hi for a, b in self._cue_spans) \
                    and not _in_relative(text, h, t) \
                    and not (h.start >= t.end and _WITH_NEXT.match(text, t.end, h.start)):  # "came on March 12 after ... the attack"
                h.timex = t

    def _date_by_offset(self, hits: list[Hit], stimex: list[Timex], prev_by_sentence: list) -> None:
        """A cue that counts the time between two events dates the undated one from the other:
        "struck hideouts in Iran on January 18, two days after Tehran launched strikes" (to the day);
        "Two days later, Israel struck ...", "Hours later, Hezbollah fired ..." from the last event dated
        to the day in the two sentences before (hours: that day or the next)."""
        heads = [h for h in hits if h.fold_into is None and h.modality == "asserted"]
        for c in self._sentence_cues:
            if c.kind != "temporal":
                continue
            dur = next((t for t in stimex if c.start <= t.start and t.end <= c.end and t.type == "DURATION"), None)
            if dur is None and c.direction == "cause_first" and c.anaphoric:
                # "The next day Pakistani forces shot down two jets", "seized the vessel the next morning": a
                # cue that is itself a date, which the tagger resolved from the day told before, dates the act
                # it opens, or the verb it follows in its clause
                told = next((t for t in stimex if c.start <= t.start and t.end <= c.end and t.type in ("DATE", "TIME")
                             and t.earliest is not None and t.latest is not None), None)
                if told is None:
                    continue
                effect = next((h for h in reversed(heads) if h.end <= c.start and h.reading == "verb"
                               and not _CLAUSE_PUNCT.search(self._text, h.end, c.start)), None) \
                    or next((h for h in heads if h.start >= c.end), None)
                if effect is not None and effect.timex is None:
                    effect.timex = told
                continue
            m = _OFFSET.fullmatch(dur.value) if dur is not None else None
            if dur is None or m is None:
                continue
            some = m.group(1) == "X"
            if m.group("hours"):
                days, spread = 0, 1
            elif some:
                days, spread = _SOME[m.group(2)]
            elif m.group(2) == "M":  # "two months later": to within a few days of the month count
                days, spread = int(m.group(1)) * 30 - 3, 6
            else:
                days, spread = int(m.group(1)) * _UNIT_DAYS[m.group(2)], 0
            fronted = c.direction == "cause_first" and not c.anaphoric and c.label != "purpose" \
                and not _WORD_H.search(self._text, self._told_span[1], c.start)
            if fronted:
                # "Two days after the attack, Moscow warned Peking": the cue and its object open the sentence;
                # the main clause after the comma tells the later act
                cause = next((h for h in heads if h.start >= c.end), None)
                effect = next((h for h in heads if cause is not None and h.start > cause.end
                               and _CLAUSE_PUNCT.search(self._text, cause.end, h.start)), None)
                day = _day_of(cause) if cause is not None else None
                if day is None and cause is not None and cause.definite and cause.reading == "noun":
                    day = self._day_referred(cause, prev_by_sentence)
                if effect is not None and effect.timex is None and day is not None and not spread:
                    effect.timex = self._offset_timex(c, dur, day, days, 0)
                continue
            if c.direction == "cause_first":  # "Two days later, X struck": from an earlier sentence
                effect = next((h for h in heads if h.start >= c.end), None)
                if effect is None and some:  # "Iran retaliated days later with missiles"
                    effect = next((h for h in reversed(heads) if h.end <= c.start and h.reading == "verb"
                                   and h.text.lower() not in self.detail), None)
                anchor = next((x.when for _s, ms in prev_by_sentence[-2:][::-1] for x in reversed(ms)
                               if x.when is not None and x.when.earliest is not None and x.when.latest is not None
                               and x.modality == "asserted"
                               and ((x.when.latest - x.when.earliest).days <= _MONTH_DAYS if spread >= _MONTH_DAYS
                                    else x.when.earliest == x.when.latest)), None)
                if effect is not None and effect.timex is None and anchor is not None:
                    # (an anchor known to the month, "In March 2010 ... Months later", widens the window)
                    effect.timex = self._offset_timex(c, dur, anchor.earliest, days,  # type: ignore[arg-type]
                                                      spread + (anchor.latest - anchor.earliest).days)  # type: ignore[operator]
                elif effect is not None and effect.timex is None and not spread \
                        and dur.earliest is not None and dur.earliest == dur.latest \
                        and self._day_named_before(prev_by_sentence[-2:], add_days(dur.earliest, -days)):
                    # no act dated to the day just before ("took the town of Gharyan on April 4, 2019 ...
                    # Two days later"): counted from the day the sentence before named, as the tagger did
                    effect.timex = self._offset_timex(c, dur, dur.earliest, 0, 0)
                continue
            if c.anaphoric or spread:
                continue
            before = [h for h in heads if h.end <= c.start]
            # (the nearest act before the cue, or, when it has no day, the nearest that has one: "agreed on
            # Monday to ban its airlines and to impose sanctions, a day after Belarus forced a jet to land")
            effect = next((h for h in reversed(before) if _day_of(h) is not None), before[-1] if before else None)
            cause = next((h for h in heads if h.start >= c.end), None)
            if effect is None or cause is None:
                continue
            for known, other, sign in ((effect, cause, -1), (cause, effect, 1)):
                day = _day_of(known)
                if day is None and known is cause and known.definite and known.reading == "noun":
                    day = self._day_referred(known, prev_by_sentence)
                # an act dated only by the day it was told of ("said on Friday it had killed dozens in air
                # strikes, three days after the attack") is dated by the count instead
                if (other.timex is None or other.extra.get("by")) and not known.extra.get("by") and day is not None:
                    other.timex = self._offset_timex(c, dur, day, sign * days, 0)
                    other.extra.pop("by", None)
                    if other is cause:
                        # "... a day after Belarus forced a jet to land and arrested a journalist": the acts
                        # coordinated with the cue's object are of its day
                        prev = cause
                        for h in heads[heads.index(cause) + 1:]:
                            if h.timex is not None or h.reading != "verb" \
                                    or not (_AND_ONLY.fullmatch(self._text, prev.end, h.start)
                                            or _AND_CLAUSE_GAP.fullmatch(self._text, prev.end, h.start)):
                                break
                            h.timex = cause.timex
                            prev = h
                    break

    @staticmethod
    def _day_referred(h: Hit, prev_by_sentence: list) -> date | None:
        """The day of the act a definite noun refers back to ("two days after the attack"): the latest
        asserted act of its category told before, if dated to a day."""
        return next((x.when.earliest for _s, ms in reversed(prev_by_sentence) for x in reversed(ms)
                     if x.category == h.trig.category and x.modality == "asserted" and x.when is not None
                     and x.when.earliest is not None and x.when.earliest == x.when.latest), None)

    def _day_named_before(self, prev: list, day: date) -> bool:
        """Does one of the sentences ``prev`` name ``day`` to the day?"""
        return any(s.start <= t.start and t.end <= s.end and t.earliest == day == t.latest
                   for s, _ms in prev for t in self._timexes)

    @staticmethod
    def _offset_timex(c: CueMatch, dur: Timex, anchor: date, days: int, spread: int) -> Timex:
        day = add_days(anchor, days)
        return trusted(Timex, start=dur.start, end=dur.end, text=c.text, type="DATE", value=day.isoformat(),
                       mod="APPROX" if spread else None, earliest=day, latest=add_days(day, spread))

    def _carry_date(self, noun: str, timex: Timex, prev: list, current: list[Mention]) -> None:
        cats = self.carrier_nouns.get(noun, [])
        recent = [m for _s, ms in prev[-2:] for m in ms]
        for cat in cats:  # categories in order of preference, then the most recent mention
            for m in reversed(recent):
                if m.category == cat and m.when is None and m.modality == "asserted" and not m.definite:
                    m.when = When(text=timex.text, value=timex.value, mod=timex.mod,
                                  earliest=timex.earliest, latest=timex.latest)
                    # the carrier sentence's own mention of that noun is the same event
                    current[:] = [c for c in current if c.trigger.text.lower() != noun]
                    return

    # ------------------------------------------------------------------ folding
    def _fold(self, text: str, hits: list[Hit], cue_spans: list[tuple[int, int]]) -> None:
        """Detail verbs and restatements add to the event they describe, within a sentence.

        Two mentions of one category fold when no causal or temporal cue separates them, their
        parties are compatible (no side acts against itself) and their dates do not differ.
        """

        purpose = self._purpose_cues
        # an anaphoric cue that only qualifies the noun after it ("launched retaliatory strikes") parts no acts
        modifiers = {(c.start, c.end) for c in self._sentence_cues if any(_is_modifier(text, c, h) for h in hits)}

        def cue_inside(a: Hit, b: Hit, skip=()) -> bool:
            lo, hi = min(a.end, b.end), max(a.start, b.start)
            return any(lo <= cs and ce <= hi for cs, ce in cue_spans if (cs, ce) not in skip and (cs, ce) not in modifiers)

        governed = {id(next(h for h in hits if h.start >= ce)) for _cs, ce in cue_spans
                    if any(h.start >= ce for h in hits)}

        # the acts a cue names as answered ("responded to the attack", "retaliated for the killings")
        answered = {id(next(h for h in hits if h.start >= c.end)) for c in self._sentence_cues
                    if c.kind == "causal" and c.direction == "effect_first" and not c.anaphoric
                    and any(h.start >= c.end for h in hits)}

        def cue_between(a: Hit, b: Hit, skip=()) -> bool:
            lo, hi = min(a.end, b.end), max(a.start, b.start)
            if cue_inside(a, b, skip):
                return True
            first, last = (a, b) if a.start <= b.start else (b, a)
            if id(first) in answered and _MEANS_BEFORE.search(text, lo, hi):
                return True  # "responded to the attack by bombing ...", "... with air strikes": the answer
            # "In retaliation for the bombing, jets bombed ...": the cue's own object, then a comma; or the
            # object of a participle's cue, then the verb whose subject the participle qualifies
            # ("protesters angered by the execution stormed the embassy"; not a relative clause on the
            # object: "angered by the raid that killed ...")
            if id(first) not in governed:
                return False
            if _CLAUSE_PUNCT.search(text[lo:hi]):
                return True
            return last.reading == "verb" and last.trig.form == "ed" and not last.passive \
                and not _RELATIVE_WORD.search(text, lo, hi) and any(
                    _PARTICIPLE_CUE.fullmatch(text, cs, ce) and _FEW_WORDS.fullmatch(text, ce, first.start)
                    for cs, ce in cue_spans if ce <= first.start)

        def join(child: int, head: int) -> None:
            hits[child].fold_into = head
            hits[head].definite = hits[head].definite or hits[child].definite
            hits[head].latest = hits[head].latest or hits[child].latest

        for k, h in enumerate(hits):
            # "retook the village after fierce fighting with guerrillas": the fight is how the act was
            # done (no party of its own acting), not an earlier event
            if k and h.reading == "noun" and h.actor is None and h.text.lower() in self.process_nouns:
                o = hits[k - 1]
                cue = next((c for c in self._sentence_cues if c.kind == "temporal" and not c.anaphoric
                            and c.direction == "effect_first" and o.end <= c.start and c.end <= h.start), None)
                if cue is not None and o.fold_into is None and o.trig.category == h.trig.category \
                        and o.reading == "verb" and not self._camp(o.actor) & self._camp(h.target) \
                        and not any(cue.end <= t.start and t.end <= h.start for t in self._timexes) \
                        and _FEW_WORDS.fullmatch(text, cue.end, h.start):  # "after (fierce) fighting"
                    join(k, k - 1)
        for k, h in enumerate(hits):
            # "threw a grenade at a police patrol": the patrol is what was hit, no event of its own
            if k and h.reading == "noun" and h.trig.category in self.targeted_names:
                o = hits[k - 1]
                if o.fold_into is None and o.trig.category in self.targeted_by and self.target_prep.match(text[o.end:h.start]):
                    join(k, k - 1)
        for k, h in enumerate(hits):
            # "rejected a US offer to host a summit": the summit is part of what was rejected
            for j in range(k - 1, -1, -1):
                o = hits[j]
                if (o.fold_into is not None and not o.complement) or o.trig.category not in self.complement_heads \
                        or o.extra.get("named_act") \
                        or (o.trig.category in self.complement_verb_heads and o.reading != "verb"):
                    continue
                # "urged them to attack", "an appeal for deploying troops": asked for, not done
                # ... also the second of two ("called on Arabs to unite and mobilize")
                to = _TO_BEFORE.search(text, max(0, h.start - 40), h.start)
                irrealis = o.trig.category in self.complement_irrealis and h.reading == "verb" \
                    and to is not None and (to.group(1) is None or h.trig.form == "base")
                if (h.trig.category in self.complement_keeps and not irrealis) \
                        or (h.trig.category == o.trig.category and not o.complement):
                    break
                gap = text[o.end:h.start]
                words = _WORDS.findall(gap)  # as written: "United States" is no reporting verb
                if h.reading == "verb" and o.reading == "noun" and o.trig.category not in self.coordinated_topics \
                        and _AND_VERB.search(gap):
                    break  # "held an emergency meeting and demanded that ...": a second act, not a topic
                if h.reading == "verb" and h.trig.form in ("ed", "s") and _AND_VERB.search(gap) \
                        and not _TO_WORD.search(gap):
                    break  # "denied the claim and accused Baku": a finite verb after "and" is a second act
                # the "to" of "urged the EC to support" is the complement's, not a purpose cue
                # (a comma of a list is no clause: "suspending all memorandums of understanding, agreements and
                # accords": the nouns listed are all what is suspended)
                listed = h.reading == "noun" and o.reading == "verb" and _LIST_ITEM_GAP.fullmatch(gap) is not None
                if len(words) <= self.complement_window and (listed or not _CLAUSE_PUNCT.search(gap)) \
                        and not any(w in self.reporting for w in words) \
                        and not (cue_inside(o, h, purpose) if listed else cue_between(o, h, purpose)):
                    h.fold_into, h.complement = j, True
                break
        for k, h in enumerate(hits):
            if h.fold_into is None and k > 0:
                j = self._purpose_of(text, hits, k, cue_spans)
                if j is not None:
                    h.fold_into = j
                    h.extra["purpose"] = True
        for k, h in enumerate(hits):
            if h.fold_into is not None or k == 0 or h.modality != hits[k - 1].modality:
                continue
            p = hits[k - 1]
            # ", hitting a military site": a participle continues the previous event;
            # "killed one soldier and wounded two": a coordinated verb shares its subject
            between = text[p.end:h.start]
            and_casualty = h.trig.form == "ing" and _AND_CASUALTY.fullmatch(between) is not None
            participle = h.trig.form == "ing" and (_TO_COMMA.fullmatch(between) is not None or and_casualty)
            coordinated = p.reading == "verb" and \
                _TO_CONJ.fullmatch(between)  # "one U.S. soldier and"
            # ... but "kidnapped 16 advisers from a bazaar and exploded bombs" tells two acts
            other_act = coordinated and not participle and _other_modes(p, h) and h.text.lower() not in self.detail \
                and len(between.split()) > 3
            # "an air strike hit a Turkish position ..., killing 33 soldiers and wounding 30": the "killing"
            # between them is the same participle chain, no cue that separates two acts
            casualty = () if not and_casualty else tuple((cs, ce) for cs, ce in cue_spans if p.end <= cs and text[cs:ce].lower() in _CASUALTY_WORDS)
            if h.reading == "verb" and p.trig.category == h.trig.category and p.fold_into is None \
                    and (participle or coordinated) and not other_act and not cue_inside(p, h, skip=casualty):
                h.actor = p.actor
                join(k, k - 1)
            elif h.extra.get("adjunct") and not cue_inside(p, h):
                # "rioted, setting fire to their mattresses": how the act was done
                head = hits[k - 1]
                while head.fold_into is not None:
                    head = hits[head.fold_into]
                details = self.participle_details.get(head.trig.category, ())
                if h.trig.category in details or f"{h.trig.category}/{h.trig.spec.mode}" in details:
                    join(k, hits.index(head))
        for k, h in enumerate(hits):
            if h.fold_into is not None or h.modality != "asserted":
                continue
            for j in range(k - 1, -1, -1):  # the nearest act first
                o = hits[j]
                if o.fold_into is not None or o.trig.category != h.trig.category or o.modality != h.modality:
                    continue
                # "signed an agreement ... in 1983": the verb's object noun is the verb's event
                adjacent = o.reading == "verb" and h.reading == "noun" and self._object_noun(text, o, h)
                if cue_between(o, h) or not self._same_event(o, h, dates=not adjacent):
                    continue
                if h.reading == "verb" and h.actor is not None and not h.actor.actor.startswith("unknown.") \
                        and h.actor.how != "pronoun" and not self._camp(o.actor) & self._camp(h.actor) \
                        and h.actor.start > o.end and _CLAUSE_PUNCT.search(text, o.end, h.actor.start):
                    continue  # "accused of killing civilians, and Israel began striking": a clause of its own
                if o.reading == h.reading == "noun" and _other_modes(o, h) and _COORDINATOR.search(text, o.end, h.start):
                    continue  # "for drone strikes on refineries and for cross-border shelling": two acts
                if (h.reading == "verb" and h.text.lower() in self.detail) or "noun" in (o.reading, h.reading):
                    if o.reading == "verb" and h.reading == "noun" and o.text.lower() in self.detail:
                        join(j, k)  # the event noun is the head: "rockets struck the camp in the attack"
                    else:
                        join(k, j)
                    break
        for k, h in enumerate(hits[:-1]):
            # "24 people were killed in nationalist riots": the casualties of the event named after "in"
            o = hits[k + 1]
            if h.fold_into is None and o.fold_into is None and h.reading == "verb" and o.reading == "noun" \
                    and h.text.lower() in self.detail and h.modality == o.modality \
                    and _IN_DURING.fullmatch(text[h.end:o.start]):
                join(k, k + 1)
        for h in hits:
            if h.fold_into is None:
                continue
            tgt = hits[h.fold_into]
            while tgt.fold_into is not None:
                tgt = hits[tgt.fold_into]
            if h.complement:
                # "a hunger strike demanding the resignation of the government": aimed at the government
                if tgt.target is None and tgt.trig.category in self.complement_targets and tgt.trig.spec.target != "none":
                    tgt.target = h.target  # (not an act aimed at no one: "pulled out of a conference on Afghanistan")
                continue
            if h.actor is not None and not h.extra.get("purpose") and (
                    tgt.actor is None or (tgt.actor.actor.startswith("unknown.") and not h.actor.actor.startswith("unknown."))):
                # (a purpose clause's subject is often found wrongly: only its target counts)
                # a named actor of the detail beats a generic one of the head ("The fighting erupted when Georgia
                # launched a barrage": Georgia's), and is never its target
                tgt.actor = h.actor
                if tgt.target is not None and self._camp(tgt.target) & self._camp(h.actor):
                    tgt.target = h.target
            if tgt.target is None:
                tgt.target = h.target
            if tgt.timex is None:
                tgt.timex = h.timex
                if h.extra.get("by"):
                    tgt.extra["by"] = True  # "had been killed in the fighting", told on Sunday: by then
            for kind in ("fatalities", "injuries"):
                if getattr(tgt, kind) is None:
                    setattr(tgt, kind, getattr(h, kind))
            if tgt.location is None:
                tgt.location = h.location

    def _blamed_after(self, text: str, hits: list[Hit]) -> None:
        """"At least 30 people were killed in an air strike on a market, activists said, blaming the army":
        the party blamed in a participle after an act with no actor is that act's actor."""
        for k, h in enumerate(hits):
            if not k or h.trig.category != "ACCUSE" or h.target is None or h.reading != "verb" \
                    or not h.text.lower().endswith("ing") or not _COMMA_BEFORE.search(text, max(0, h.start - 3), h.start):
                continue
            o = next((o for o in reversed(hits[:k]) if o.fold_into is None and o.trig.category in _VIOLENT), None)
            if o is not None and o.actor is None and o.modality == "asserted" \
                    and not (o.target is not None and self._camp(o.target) & self._camp(h.target)):
                o.actor = h.target

    def _denied_after(self, text: str, hits: list[Hit]) -> None:
        """"U.N. experts said Rwanda had backed the group, which both countries denied": an act told as a
        claim and denied, in a relative clause after it, by the party said to have done it, is denied."""
        for k, h in enumerate(hits):
            if not k or h.trig.category != "REJECT" or h.trig.spec.mode != "deny" or h.actor is None:
                continue
            lead = _DENIAL_RELATIVE.search(text, max(0, h.start - 40), h.start)
            if lead is None:
                continue
            o = hits[k - 1]
            if o.fold_into is None and o.modality == "asserted" and o.end <= lead.start() and o.actor is not None \
                    and self._camp(o.actor) & self._camp(h.actor):
                o.modality = "denied"

    @staticmethod
    def _date_before_and(text: str, hits: list[Hit]) -> None:
        """"discussed the situation on the sidelines on Friday and agreed to order a ceasefire": a date that
        ends a verb's clause right before "and" and the next verb is that verb's too (the nearer verb after
        it took it)."""
        for k in range(1, len(hits)):
            p, h = hits[k - 1], hits[k]
            t = h.timex
            if p.timex is not None or t is None or p.reading != "verb" or h.reading != "verb" \
                    or p.fold_into is not None or not (p.end <= t.start and t.end <= h.start) \
                    or _CLAUSE_PUNCT.search(text, p.end, t.start) or not _AND_NEXT.fullmatch(text, t.end, h.start):
                continue
            if h.actor is not None and p.actor is not None and h.actor.actor != p.actor.actor:
                continue
            p.timex = t

    def _coordinated_other(self, text: str, actors: list[ActorMatch], hits: list[Hit]) -> None:
        """"<Leader A> and <demonym> President <Leader B> shook hands at the start of their talks": a mutual act
        (talks, an agreement) whose actor is one of two coordinated parties before it is aimed at the other."""
        for h in hits:
            if h.actor is None or h.target is not None or h.fold_into is not None \
                    or not (h.trig.category in self.symmetric or h.trig.spec.target == "mutual"):
                continue
            for a, b in zip(actors, actors[1:], strict=False):
                if b.end > h.start or a.locative or b.locative or not _AND.fullmatch(text, a.end, b.start):
                    continue
                if h.actor.actor == a.actor and not self._camp(a) & self._camp(b):
                    h.target = b
                    break

    def _participle_subject(self, text: str, sent: Sentence, actors: list[ActorMatch], hits: list[Hit]) -> None:
        """"<Leader> responded in a national address that night, calling <rival>'s orders a threat": a participle
        after a comma, with no act before it in the sentence, has the sentence's opening subject."""
        if not hits or hits[0].actor is not None:
            return
        h = hits[0]
        if not h.text.split(" ", 1)[0].lower().endswith("ing") or not _COMMA_BEFORE.search(text, max(0, h.start - 3), h.start):
            return
        first = next((a for a in actors if not a.locative and not a.modifier), None)
        if first is not None and first.end < h.start and _SUBJECT_OPENING.fullmatch(text, sent.start, first.start) \
                and _FINITE_AFTER.match(text, first.end) and not (h.target is not None and self._camp(h.target) & self._camp(first)):
            h.actor = first
            if h.target is None:  # "calling <rival>'s orders ...": the party right after it
                h.target = next((a for a in actors if h.end < a.start <= h.end + 12 and not a.locative
                                 and not self._camp(a) & self._camp(first)
                                 and _PARTICIPLE_OBJECT.fullmatch(text, h.end, a.start)), None)

    def _gerund_subjects(self, text: str, hits: list[Hit]) -> None:
        """"... and that Ethiopia's army had struck back, inflicting heavy damage before withdrawing": a
        gerund after "before"/"after"/"while" has the subject of the nearest act before it, not a party
        named further back in the sentence."""
        for k, h in enumerate(hits):
            if not k or h.reading != "verb" or not h.text.split(" ", 1)[0].lower().endswith("ing") \
                    or not _SUBORDINATOR_END.search(text, max(0, h.start - 12), h.start):
                continue
            p = next((o for o in reversed(hits[:k]) if o.reading == "verb" and o.actor is not None), None)
            if p is None or (h.actor is not None and h.actor.start >= p.start) or p.actor is h.actor \
                    or any(w.lower() in self.reporting for w in _WORDS.findall(text, p.end, h.start)) \
                    or ";" in text[p.end:h.start]:
                continue
            h.actor = p.actor

    def _threatened_acts(self, text: str, hits: list[Hit]) -> None:
        """"Russia promised more attacks on Kyiv", "Israel vowed to strike Hezbollah": a threat with no
        target of its own is aimed at the target of the act it threatens (the next act, still to come, in
        its clause), and that act is the threatener's."""
        for k, h in enumerate(hits):
            if h.trig.category != "THREATEN" or h.fold_into is not None or h.actor is None or k + 1 >= len(hits):
                continue
            o = hits[k + 1]
            if o.trig.category not in _VIOLENT or o.modality != "future" or o.start - h.end > 60 \
                    or _CLAUSE_PUNCT.search(text, h.end, o.start):
                continue
            if o.actor is None:
                o.actor = h.actor
            elif not self._camp(o.actor) & self._camp(h.actor):
                continue
            if h.target is None and o.target is not None and not self._camp(o.target) & self._camp(h.actor):
                h.target = o.target

    def _camp(self, a: ActorMatch | None) -> frozenset[str]:
        if a is None or a.actor.startswith("unknown."):
            return frozenset()
        return self.ac.camp(a.actor, self._dct)  # (the side at the report's date: a group that became a state's)

    def _purpose_of(self, text: str, hits: list[Hit], k: int, cue_spans) -> int | None:
        """The act whose purpose trigger ``k`` tells ("staged demonstrations to demand reforms",
        "opened fire to disperse the crowd", "resigned to allow elections"), or None.

        Not when the "to" belongs to a word that takes an infinitive ("urged X to", "agreed to",
        "a decision to"), to another cue ("led to", "in response to"), or to a subordinate clause;
        not across a comma unless the two are one kind of act ("held talks ..., the first
        delegation to visit Bucharest")."""
        h = hits[k]
        m = _PURPOSE_TO.search(text, max(0, h.start - 60), h.start)
        if m is None or (m.group("verb") is None and h.reading != "verb"):
            return None
        if m.group("verb") and not self.verbal.get(h.trig.category):
            return None  # "to press their demands" folds; "to control the riot" names a real riot
        to = m.start() if not m.group("mark") else m.start() + len(m.group("mark"))
        if any(cs <= to < ce for cs, ce in cue_spans if (cs, ce) not in self._purpose_cues):
            return None
        before = [j for j in range(k) if hits[j].end <= m.start()]
        if not before:
            return None
        near = hits[before[-1]]
        j = before[-1]
        while hits[j].fold_into is not None:
            j = hits[j].fold_into
        o = hits[j]
        gap = text[near.end:m.start()]
        words = _WORDS.findall(gap)
        same = o.trig.category == h.trig.category
        if same and "," in gap:  # an appositive restating the act: count from its comma
            words = _WORDS.findall(gap[gap.rindex(",") + 1:])
        if len(words) > 12 or _SEMI_COLON.search(gap) or (not same and "," in gap) \
                or any(w in self.reporting or w.lower() in _SUBORDINATE for w in words) \
                or any(near.end <= cs and ce <= m.start() for cs, ce in cue_spans):
            return None
        if same:
            return j if self._same_event(o, h) else None
        heads = [w.lower() for w in _WORDS.findall(near.text)] + [w.lower() for w in words]
        if not m.group("mark") and any(w in self.inf_heads for w in heads):
            return None
        return j

    @staticmethod
    def _object_noun(text: str, verb: Hit, noun: Hit) -> bool:
        """Is ``noun`` the object right after ``verb`` ("signed an agreement", "held new talks")?"""
        gap = text[verb.end:noun.start]
        words = _WORDS.findall(gap.lower())
        return noun.start > verb.end and bool(_UP_TO_THREE.fullmatch(gap)) \
            and not any(w in _NP_STOPS for w in words)

    def _same_event(self, a: Hit, b: Hit, dates: bool = True) -> bool:
        """Could two mentions in one sentence be the same event?"""
        aa, at, ba, bt = self._camp(a.actor), self._camp(a.target), self._camp(b.actor), self._camp(b.target)
        if a.extra.get("mutual") or b.extra.get("mutual"):
            # "fighting between X and Y", "militants were killed during a firefight between them and the
            # army": the two sides of a mutual act stand either way round
            sides, other = (aa | at, (ba, bt)) if a.extra.get("mutual") else (ba | bt, (aa, at))
            if any(c and not c & sides for c in other):
                return False
        else:
            if aa and ba and not aa & ba:
                return False
            if (aa and bt and aa & bt) or (ba and at and ba & at):
                return False
        if dates and a.timex is not None and b.timex is not None and a.timex.value != b.timex.value:
            return False
        return True

    # ------------------------------------------------------------------ output
    def _sentence_low(self, sent: Sentence) -> str:
        """The sentence's text, lower-cased if the document's is (see ``document``)."""
        return self._low_text[sent.start:sent.end]

    def _mode_cues(self, sent: Sentence, category: str, scan: ModeScan) -> list[tuple[int, int]]:
        """(offset, mode index) of a category's mode cues in the sentence, scanned once per sentence."""
        key = (sent.start, category)
        found = self._mode_found.get(key)
        if found is None:
            st, which = self._sentence_low(sent), scan.which.pick(self._lowered)
            found = [(sent.start + p, int(which.match(st, p).lastgroup[1:]))  # type: ignore[union-attr,index]
                     for p in (c.start() for c in scan.find.pick(self._lowered).finditer(st))]
            self._mode_found[key] = found
        return found

    def _cue_object(self, text: str, start: int) -> bool:
        """Is the act starting at ``start`` the object of a cue of its sentence ("in retaliation for the
        group's attacks", "after the strikes")? An anaphoric cue ("a retaliatory strike") names its act."""
        return any(not c.anaphoric and c.end <= start and _CUE_OBJECT_GAP.fullmatch(text, c.end, start)
                   for c in self._sentence_cues)

    def _mention(self, doc: Document, sent: Sentence, h: Hit, dct: date | None, cued: bool = False,
                 answered: bool = False) -> Mention:
        mode = h.trig.spec.mode
        mode_told = mode is not None
        cameo = h.trig.cameo
        intensity = h.trig.intensity
        scan = self.ev.mode_scan.get(h.trig.category)
        if mode is None:
            best = None
            if scan is not None:
                modes = scan.modes
                for at, i in self._mode_cues(sent, h.trig.category, scan):
                    lo, hi = (at, h.start) if at < h.start else (h.start, at)
                    if any(lo <= c.start and c.end <= hi and c.label != "purpose" for c in self._sentence_cues):
                        continue  # "warplanes struck ..., hours after an attack": the means of another act
                    key = (abs(at - h.start), i)  # the nearest cue; at equal distance the first mode
                    if best is None or key < best:
                        best = key
            if best is not None:
                m = modes[best[1]]
                mode = m.id
                if h.trig.spec.cameo is None and m.cameo:
                    cameo = m.cameo
                if h.trig.spec.intensity is None and m.intensity is not None:
                    intensity = m.intensity
        elif scan is not None and mode in scan.refinable:
            # "Israeli jets bombed": the means named just before the trigger (or the trigger's own
            # words: "bombing raids") refines the entry's mode, with that mode's CAMEO code
            near = [(h.start - at, i) for at, i in self._mode_cues(sent, h.trig.category, scan)
                    if 0 <= h.start - at <= _REFINE_SPAN]
            if near:
                m = scan.modes[min(near)[1]]
                if mode in m.refines:
                    mode = m.id
                    cameo = m.cameo or cameo
                    intensity = m.intensity if m.intensity is not None else intensity
        # parties as they stood when the act happened, if its day is known, else at publication
        when_date = h.timex.earliest if h.timex is not None and h.timex.earliest is not None \
            and h.timex.earliest == h.timex.latest else dct
        actor = self.ac.ref(h.actor, when_date) if h.actor else None  # trusted values: no re-validation
        target = self.ac.ref(h.target, when_date) if h.target else None
        if actor and target and actor.side and actor.side == target.side:
            target = None  # "authorised the American military": own side is not a target
        when = None
        if h.timex is not None:
            t = h.timex
            if dct is not None and t.earliest is not None and t.earliest <= dct \
                    and self._prev_word(doc.text, sent, t.start) == "since":
                # "has hit a dozen refineries since January": from then up to the report
                when = trusted(When, text=f"since {t.text}", value=t.value, mod="ON_OR_AFTER", earliest=t.earliest,
                               latest=max(dct, t.latest or dct))
            elif h.extra.get("by") and t.latest is not None:
                # told on that day, done by then: "officials said on Sunday that 200 people had been killed"
                when = trusted(When, text=t.text, value=t.value, mod="ON_OR_BEFORE", earliest=None, latest=t.latest)
            else:
                when = trusted(When, text=t.text, value=t.value, mod=t.mod, earliest=t.earliest, latest=t.latest)
        modality = h.modality
        if modality == "asserted" and dct is not None and when is not None and when.earliest is not None \
                and when.earliest > dct and self.scheduled is not None and not self.scheduled.match(h.text) \
                and self.scheduled.search(_CLAUSE_PUNCT.split(doc.text[sent.start:h.start])[-1]):
            # "is expected to travel to Riyadh on Monday for talks": an act dated after the report was
            # written, in a clause that speaks of what is to come, is not told as done (an entry that
            # holds the modal itself codes the intent, told now: "Trump will meet Kim on Monday")
            modality = "future"
        return trusted(Mention,
            id=f"{sent.id}:{h.start}", doc=doc.id, sentence=sent.id, category=h.trig.category, mode=mode,
            mode_told=mode_told, cameo=cameo, intensity=intensity, trigger=trusted(TriggerModel, text=h.text, start=h.start, end=h.end),
            lemma=h.trig.lemma,
            actor=actor, target=target, when=when, modality=modality,  # type: ignore[arg-type]
            fatalities=h.fatalities, injuries=h.injuries, location=h.location, definite=h.definite,
            latest=h.latest, indefinite=h.indefinite, cued=cued, answered=answered,
            narrative_day=h.extra.get("narrative") if when is None else None,
            told_after=h.extra.get("told_after") if when is None else None,
            citation=trusted(Citation, doc=doc.id, sentence=sent.id, start=sent.start, end=sent.end,
                                              text=sent.text),
        )


_STORY_DAYS = 7  # a lede's day further back than this is no news day (a retrospective, an anniversary)


def _story_day(told: list[Mention], dct: date | None) -> date | None:
    """The newest day to which the first sentence telling acts dates an asserted act, if it lies within
    a week before the report."""
    days = [m.when.earliest for m in told if m.modality == "asserted" and m.when is not None
            and m.when.earliest is not None and m.when.earliest == m.when.latest]
    day = max(days, default=None)
    return day if day is not None and dct is not None and 0 <= (dct - day).days <= _STORY_DAYS else None


# a source named in passing: "according to (the) X", "what X described as / called / said were"
_SOURCE_BEFORE = re.compile(r"(?:\b(according\s+to)|\bwhat)\s+(?:the\s+)?$", re.I)
_SOURCE_VERB_AFTER = re.compile(r"\s+(?:officials?\s+|authorities\s+|forces\s+)?(?:described|describes|called|calls|"
                                r"termed|terms|said|says|claimed|claims|considers|considered|labell?ed|branded|"
                                r"identified)\b", re.I)
_WHAT_SOURCE = re.compile(r"\s*what\s+[^,;]{1,60}?\b(?:described|describes|called|calls|termed|said|says|claimed|"
                          r"claims|considers|considered|labell?ed|branded|identified)(?:\s+(?:as|were|was|are|is|"
                          r"to\s+be))?\s", re.I)
_WITH_BEFORE = re.compile(r"\b(?:with|using)\s+(?:heavy\s+|intensive\s+)?(?:[\w-]+\s+(?:and|or)\s+)?$", re.I)
def _day_timex(day: date) -> Timex:
    """A whole day that no words of the text name (the report's day: a live blog's entries, what is told in
    the present tense)."""
    return trusted(Timex, start=0, end=0, text="", type="DATE", value=day.isoformat(), earliest=day, latest=day)


def _party_beside(text: str, t: Tok, actors: Iterable[ActorMatch], aside: re.Pattern[str] | None = None) -> ActorMatch | None:
    """The party right before or after the word ``t`` ("X said", "said X"), spaces or a comma between, or
    (with ``aside``, roles ``speaker_asides``) a short aside set off by commas ("X, in turn, said")."""
    for a in actors:
        if a.locative:
            continue
        if 0 <= t.start - a.end <= 2 and not text[a.end:t.start].strip():
            return a
        if aside is not None and 0 < t.start - a.end <= 24 and aside.fullmatch(text, a.end, t.start):
            return a  # "<party>, in turn, said"
        if 0 <= a.start - t.end <= 2 and not text[t.end:a.start].strip():
            return a
    return None


# a preposition between a date and a noun after it: no prenominal date ("sanctions in 2009 over accusations")
# "Shells fired by the army wounded ...": a participle and its agent or source after the word make it a
# noun (the weapons), not a verb ("shells")
_REDUCED_RELATIVE = re.compile(r"\s+(?:[a-z]+ed|shot|thrown|sent|flown)\s+(?:by|from|into|across)\b")
# "said shells fired by the Congolese army had wounded ...": the perfect after the act's phrase
_HAD_AFTER = re.compile(r"[^,;:]{0,60}?\b(?:had|have|has)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", re.I)
# a denial in a relative clause after the claim it denies: ", which both countries denied", ", a charge Kigali
# denies", ", an accusation Iran rejects"
_DENIAL_RELATIVE = re.compile(r",\s*(?:which|something|a\s+(?:charge|claim|allegation|accusation)|an\s+(?:allegation|"
                              r"accusation)|charges|claims|allegations|accusations)\b[^,;:]*$", re.I)
# what a threat or a charge is aimed at: "action against <state>", "a provocation by <state>"
_AIMED_AT = re.compile(r"(?:\bagainst|\b(?:provocation|provocations|aggression|violation|violations|interference|"
                       r"meddling|crime|crimes|act of war|act of aggression)\s+by)\s+(?:the\s+)?$", re.I)
_CLAUSE_BREAK_RX = re.compile(r"[;:]|\b(?:but|while|whereas)\b")
_THAT_CLAUSE = re.compile(r"\s+that\s+(?:the\s+)?")
_AND_NEXT = re.compile(r"\s*,?\s+and\s+(?:\w+ly\s+)?", re.I)  # a date, then "and" and the next verb
_SUBJECT_OPENING = re.compile(r"\W*(?:(?:the|a|an)\s+)?", re.I)  # a sentence's subject, first
_FINITE_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|said|told|spoke|went|took|made|gave|met|held|sent)\b")
_COMMA_BEFORE = re.compile(r",\s*$")
_SUBORDINATOR_END = re.compile(r"\b(?:before|after|while|without|since)\s+$", re.I)
_PREP_GAP = re.compile(r"^\s*(?:over|for|of|after|against|following|amid|about|on|in|at|from|with|by|since)\b", re.I)
_LIST_ITEM_GAP = re.compile(r"[^,;:]*,\s*(?:and\s+|or\s+)?")  # "..., agreements": the next item of a list
_DATE_PREP = re.compile(r"\b(?:on|in|at|during|early|late|last|this)\s{3,}", re.I)  # before a blanked date
_OF_FOR_GAP = re.compile(r"\s*(?:of|for|over|amid)\s+", re.I)
# "accused each other", "blamed one another": the coordinated subjects act on each other
_EACH_OTHER = re.compile(r"\s+(?:each\s+other|one\s+another)\b", re.I)
_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_THE_NAME_HEAD = re.compile(r"\b[Tt]he ([A-Z][a-z]{3,})\b")
# a relative clause set off by commas right before a verb ("Netanyahu, who cut short a visit to the US, vowed")
_REL_CLAUSE_BEFORE = re.compile(r",\s+(?:who|which)\b[^,;:.]*,\s*$", re.I)
# a toll told on a day in the perfect passive ("said on Sunday that 200 people had been killed"): counted
# by then, over days before; an act told otherwise ("said on Sunday its forces had launched", "said on
# Friday it had killed dozens in air strikes") keeps the day: mostly that day's news
_PERFECT_PASSIVE = re.compile(r"\b(?:had|have|has)\s+been\s+(?:\w+ly\s+)?(?:\w+ed\s+(?:in|during|by)\b.*)?$", re.I)
# after a date opening the sentence and a reporting verb ("On Sunday, the ministry said the army had
# killed 550 fighters"): a toll in the perfect, passive or with a verb of killing, counted by then; not
# an act told otherwise ("May 10 - Pakistan said it had launched an operation": that day's news), nor the
# perfect infinitive of a claim ("On 7 May 2020, IS claimed to have ambushed a convoy": that day's, as
# event notes date it)
_PERFECT_TOLL = re.compile(r"\b(?<!\bto )(?:had|have|has)\s+(?:(?:already|also|just|now|recently|previously|earlier)\s+)?"
                           r"(?:been\s+(?:\w+ly\s+)?(?:\w+ed\s+(?:in|during|by)\b.*)?|(?:killed|wounded|injured|"
                           r"shot\s+dead|slain)\b[^;:]*)$", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)
_LEAD_WORD = re.compile(r"\W*(?:as\W+)?", re.I)
# words between a reporting verb and the date it was said on ("told reporters late on Monday")
_TELLING_FILLERS = frozenset("on late early in a its his her their the statement reporters journalists "
                             "news conference briefing interview".split())

# how far before a trigger a mode cue may name its means ("Israeli fighter jets on Tuesday bombed")
_REFINE_SPAN = 50


_LIVE_MIN = 2  # clock headings that make a page a live blog
_LOOK_BACK_HEADING = re.compile(r"\b(?:recap|background|timeline|explainer|factbox|analysis|context|catch[- ]up|"
                                r"what we know|how we got here|in pictures)\b", re.I)


def _headings(sentences: list[Sentence], dated: bool) -> tuple[set[int], set[int]]:
    """Numbers of the sentences that are headings (a paragraph of its own: a clock heading, or capitals
    with no sentence end: "HOW THE FIGHTING STARTED"), and the paragraphs that are a live blog's entries
    (each after a clock heading, if the page has at least two)."""
    heads: set[int] = set()
    clocks: list[int] = []
    by_par: dict[int, int] = {}
    for s in sentences:
        by_par[s.paragraph] = by_par.get(s.paragraph, 0) + 1
    for s in sentences:
        if by_par[s.paragraph] != 1:
            continue
        t = s.text
        if _CLOCK_HEADING.fullmatch(t):
            heads.add(s.n)
            if not _LOOK_BACK_HEADING.search(t):  # "08:00 IST - Recap: Tuesday's air strike": an earlier day's
                clocks.append(s.paragraph)
        elif len(t) <= 90 and t[-1:] not in ".!?\"”’'" and sum(c.isalpha() for c in t) >= 6 and t.upper() == t \
                and " " in t.strip():
            heads.add(s.n)
    live = {p + 1 for p in clocks} if dated and len(clocks) >= _LIVE_MIN else set()
    return heads, live


def _opens_paragraph(text: str, sent: Sentence) -> bool:
    """Does the sentence begin a paragraph (the text before it ends with a line break)?"""
    return sent.start == 0 or text[:sent.start].rstrip(" \t").endswith("\n")


def _day_of(h: Hit) -> date | None:
    """The day an act is dated to, if its date is one day."""
    t = h.timex
    return t.earliest if t is not None and t.earliest is not None and t.earliest == t.latest else None


def _quote_end(sentence: str) -> int | None:
    """Where the quotation a sentence opens with ends, if it opens with one (the speaker comes after)."""
    if sentence[:1] not in ('"', "“"):
        return None
    end = _QUOTE.search(sentence, 1)
    return end.end() if end is not None else None


def _past_verb(h: Hit) -> bool:
    """Is the trigger told with a verb in -ed ("attacked", "called for")?"""
    first = h.text.split(" ", 1)[0].lower()
    return first.endswith("ed") and (h.reading == "verb" or h.trig.form == "phrase")


def _word_char(ch: str) -> bool:
    """A character of a word as ``[\\w'’]`` reads it (letters, digits, underscore, apostrophes)."""
    return ch.isalnum() or ch in "_'’"


class _Speakers:
    """The speaker of each paragraph's quotations, found only when a first-person pronoun asks for it:
    the last quoted sentence so far in the paragraph that names its speaker."""

    def __init__(self, ex: Extractor, text: str) -> None:
        self._ex, self._text = ex, text
        self._known: dict[int, ActorMatch] = {}
        self._pending: dict[int, list[tuple[Sentence, Tokens | None, list[ActorMatch]]]] = {}

    def add(self, sent: Sentence, toks: Tokens | None, actors: list[ActorMatch]) -> None:
        self._pending.setdefault(sent.paragraph, []).append((sent, toks, actors))

    def get(self, paragraph: int) -> ActorMatch | None:
        waiting = self._pending.pop(paragraph, None)
        for sent, toks, actors in reversed(waiting or []):
            if toks is None:
                toks = self._ex._tokens(self._text, sent.start, sent.end)
            speaker = self._ex._speaker(self._text, sent, toks, actors)
            if speaker is not None:
                self._known[paragraph] = speaker
                break
        return self._known.get(paragraph)


def _inside(tok: Tok, actors: list[ActorMatch]) -> bool:
    return any(a.start <= tok.start and tok.end <= a.end for a in actors)


