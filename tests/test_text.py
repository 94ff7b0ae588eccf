"""Text stage: reading corpora, boilerplate, sentences."""

from __future__ import annotations

import json
from datetime import date

import pytest

from escalate.errors import InputError


def test_front_matter_and_offsets(pipe, tmp_path):
    text = "---\ntitle: A test\npublished: 2021-05-10\nurl: https://example.org/a\n---\nFirst line here. Second one.\n"
    p = tmp_path / "a.md"
    p.write_text(text, encoding="utf-8")
    doc = pipe.read([p]).documents[0]
    assert doc.title == "A test" and doc.published == date(2021, 5, 10) and doc.published_from == "front-matter"
    pipe.process(doc)
    assert [s.text for s in doc.sentences] == ["First line here.", "Second one."]
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    assert doc.sentences[0].id == "a:1"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Staff Writer March 13, 2020", date(2020, 3, 13)),
        ("Published: 2020-01-08", date(2020, 1, 8)),
        ("WASHINGTON, Jan. 3 (Reuters) - The United States said in 2020 it would act.", date(2020, 1, 3)),
        # a header line that is only a date
        ("29 September 2020", date(2020, 9, 29)),
        ("Tuesday, September 29, 2020 10:41 GMT", date(2020, 9, 29)),
        # datelines with two places, or with no agency
        ("JERUSALEM/SANAA, May 5, 2025 (Wire) - Israel struck the port on Monday.", date(2025, 5, 5)),
        ("KYIV, 12 March 2024 - Russian drones struck the city overnight.", date(2024, 3, 12)),
    ],
)
def test_byline_and_dateline_dates(pipe, tmp_path, line, expected):
    p = tmp_path / "b.txt"
    p.write_text(f"Some headline\n\n{line}\n\nBody sentence in 2020.\n", encoding="utf-8")
    doc = pipe.read([p]).documents[0]
    assert doc.published == expected and doc.published_from == "byline"
    assert doc.title == "Some headline"


def test_short_header_line_that_is_no_date_is_body(pipe, tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("Some headline\n\nTroops left on Monday.\n\nBody sentence.\n", encoding="utf-8")
    doc = pipe.process(pipe.read([p]).documents[0])
    assert doc.published is None
    assert [s.text for s in doc.sentences][0] == "Troops left on Monday."


def test_published_override_and_missing_date_warning(pipe, tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("Headline\n\nNo date anywhere here.\n", encoding="utf-8")
    read = pipe.read([p])
    assert read.documents[0].published is None
    assert any("no publication date" in w for w in read.warnings)
    assert pipe.read([p], date(2022, 2, 2)).documents[0].published == date(2022, 2, 2)


def test_jsonl_records(pipe, tmp_path):
    p = tmp_path / "corpus.jsonl"
    rows = [{"id": "r1", "title": "T", "published": "2020-03-13", "url": "u", "text": "Rebels attacked a town."}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    doc = pipe.read([p]).documents[0]
    assert doc.id == "r1" and doc.text == "Rebels attacked a town." and doc.published == date(2020, 3, 13)


def test_bad_inputs(pipe, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Title\n\nBy X March 1, 2020\n\nText.\n", encoding="utf-8")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9\n".encode("latin-1"))
    read = pipe.read([tmp_path])
    assert [d.id for d in read.documents] == ["good"]
    assert any("not UTF-8" in w for w in read.warnings)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="empty corpus"):
        pipe.read([empty])
    with pytest.raises(InputError, match="no such file"):
        pipe.read([tmp_path / "missing"])
    fm = tmp_path / "fm.md"
    fm.write_text("---\ntitle: x\npublised: 2020-01-01\n---\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"fm.md:3:1: front matter: unknown field 'publised'"):
        pipe.read([fm])
    # what site generators also write (author, tags, ...) is accepted and left aside
    fm.write_text("---\ntitle: x\nauthor: y\ntags: [a, b]\ndate: 2020-01-02\n---\nText.\n", encoding="utf-8")
    assert pipe.read([fm]).documents[0].published == date(2020, 1, 2)
    jl = tmp_path / "x.jsonl"
    jl.write_text('{"id": "a", "text": "t", "extra": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown field 'extra'"):
        pipe.read([jl])


BOILERPLATE = """Rebels seize town

By Desk Reporter June 2, 2021

Rebels attacked the town of Example on Monday, killing three soldiers.

Share this article

Read more: Army vows to retake the town

Related coverage: Explainer - Who are the rebels who attacked the town?

Most read: Government troops shell rebel positions

Related Stories

Second unrelated headline without a full stop

A teaser paragraph that describes another story and ends with a link ... more

Subscribe to our newsletter for daily updates
"""


def test_boilerplate_is_cut(pipe, tmp_path):
    p = tmp_path / "bp.txt"
    p.write_text(BOILERPLATE, encoding="utf-8")
    doc = pipe.process(pipe.read([p]).documents[0])
    texts = [s.text for s in doc.sentences]
    assert texts == ["Rebels attacked the town of Example on Monday, killing three soldiers."]


def test_abbreviations_do_not_split(pipe, tmp_path):
    p = tmp_path / "ab.txt"
    p.write_text("H\n\nBy X May 5, 2020\n\nU.S. Gen. Mark Smith met Dr. Jones on Jan. 3 in Washington. They spoke.\n",
                 encoding="utf-8")
    doc = pipe.process(pipe.read([p]).documents[0])
    assert len(doc.sentences) == 2


def test_front_matter_date_is_the_publication_date(pipe, tmp_path):
    # the name static-site generators give it, also as a timestamp; two disagreeing dates are an error
    for value in ("2021-05-21", "2021-05-21T10:00:00Z"):
        fm = tmp_path / "fm.md"
        fm.write_text(f"---\ntitle: x\ndate: {value}\n---\nText.\n", encoding="utf-8")
        assert pipe.read([fm]).documents[0].published == date(2021, 5, 21)
    fm.write_text("---\ntitle: x\npublished: 2021-05-20\ndate: 2021-05-21\n---\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"fm.md:4:1: front matter: 'date' and 'published' disagree"):
        pipe.read([fm])


def test_lowered_refuses_what_case_insensitive_matching_reads_otherwise():
    """``lowered`` gives a text whose case-sensitive scans equal case-insensitive ones on the original:
    no character outside ASCII folds onto an ASCII letter unless ``str.lower`` maps it there too,
    except those ``lowered`` refuses (checked over the Basic Multilingual Plane)."""
    import re

    from escalate.trie import lowered

    letters = [(c, re.compile(c, re.I)) for c in "abcdefghijklmnopqrstuvwxyz"]
    for cp in range(0x80, 0x10000):
        ch = chr(cp)
        for c, rx in letters:
            if rx.fullmatch(ch) and ch.lower() != c:
                assert lowered(f"x{ch}x") is None, hex(cp)
    assert lowered("Kabul said") == "kabul said"
    assert lowered("\u212a") == "k"  # the Kelvin sign: lower() and the engine agree


@pytest.mark.parametrize("line", [
    "Updated 2 hours ago", "Published 3 days ago", "Last updated: 14:05 GMT",
    # photo captions, as three house styles print them
    "Image caption, Smoke rises over the town after air strikes on Sunday",
    "Image source, Reuters",
    "Smoke rises over the village after an airstrike on Sunday morning. Photograph: Stringer/AFP/Getty Images",
    "A woman reacts next to a car destroyed by a strike in the city centre, Monday, Oct. 10, 2022. (AP Photo/Jane Doe)",
    "Rescuers search the rubble of a building hit by a missile. (Photo by John Doe/AFP via Getty Images)",
    # wire captions with no brackets, and bracketed caption labels
    "Rescuers search the rubble after an Israeli strike in Beirut, Lebanon, July 30, 2024. REUTERS/Mohamed Azakir",
    "A view shows a house damaged by shelling in Jermuk, Armenia, September 14, 2022. Defence Ministry/Handout via REUTERS",
    "[Photo caption: People gather at the site of a missile strike near Saravan, Iran, January 18, 2024.]",
])
def test_page_time_stamps_are_boilerplate(pipe, line):
    from escalate.models import Document

    text = f"{line}\n\nIsrael struck Gaza on Monday, officials said.\n"
    doc = pipe.process(Document(id="x", text=text, published=date(2025, 3, 16)))
    assert [s.text for s in doc.sentences] == ["Israel struck Gaza on Monday, officials said."]


def test_an_undated_byline_a_separator_and_a_contributor_line_are_no_sentences(pipe, tmp_path):
    path = tmp_path / "ap.txt"
    path.write_text("Army strikes back after attack\n\nBy SAM MEDNICK Associated Press\n\n"
                    "OUAGADOUGOU, Burkina Faso (AP) — Fighters killed 50 soldiers on Saturday, officials said.\n\n"
                    "___\n\nAssociated Press writer Baba Ahmed in Bamako, Mali, contributed to this report.\n",
                    encoding="utf-8")
    read = pipe.read([path], published=date(2025, 3, 3))
    doc = pipe.process(read.documents[0])
    assert [s.text for s in doc.sentences] == [
        "OUAGADOUGOU, Burkina Faso (AP) — Fighters killed 50 soldiers on Saturday, officials said."]


def test_e_mail_style_header(pipe, tmp_path):
    """"Title: ...", "Published: ..." lines and a blank line: the metadata block plain-text exports write;
    a byline under it is no body, a date that does not parse is an error, other "Key: value" lines are text."""
    p = tmp_path / "h.txt"
    p.write_text("Title: Rockets hit the airport\nPublished: 2020-01-23\nURL: https://example.org/x\n\n"
                 "By Staff Reporter | TRIPOLI\n\nRockets hit the airport on Wednesday. Flights stopped.\n", encoding="utf-8")
    doc = pipe.process(pipe.read([p]).documents[0])
    assert (doc.title, doc.published, doc.url, doc.published_from) == \
        ("Rockets hit the airport", date(2020, 1, 23), "https://example.org/x", "front-matter")
    assert [s.text for s in doc.sentences] == ["Rockets hit the airport on Wednesday.", "Flights stopped."]
    p.write_text("Title: x\nPublished: soon-ish\n\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"h.txt:2:12: header: Published 'soon-ish' is no date"):
        pipe.read([p])
    p.write_text("Warning: heavy fighting\nTitle: x\n\nText here.\n", encoding="utf-8")
    doc = pipe.read([p]).documents[0]
    assert doc.title == "Warning: heavy fighting" and doc.published_from == "none"


def test_a_question_headline_in_a_teaser_block_and_a_bracketed_credit_are_cut(pipe, tmp_path):
    p = tmp_path / "q.txt"
    p.write_text("Title: T\nPublished: 2025-04-25\n\nIndia suspended the treaty on Wednesday.\n\nRelated:\n"
                 "What is the Indus Waters Treaty and why has India suspended it?\n"
                 "Pakistan closes airspace to Indian airlines\n\n"
                 "Security forces patrol a road in Pahalgam. [Channi Anand/AP Photo]\n\n"
                 "Why did it happen? Officials gave no reason. Pakistan closed its airspace on Thursday.\n",
                 encoding="utf-8")
    doc = pipe.process(pipe.read([p]).documents[0])
    texts = [s.text for s in doc.sentences]
    assert texts == ["India suspended the treaty on Wednesday.", "Why did it happen?", "Officials gave no reason.",
                     "Pakistan closed its airspace on Thursday."], texts
