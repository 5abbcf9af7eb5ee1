"""What an adopting department expects beside the lessons (issue 15): instructor notes inside the lessons, a
glossary linked where each word is first used, a syllabus whose sessions fit their time, and a self-assessment
keyed to the course's learning outcomes."""

from __future__ import annotations

import re

import nbformat
import pytest
from conftest import REPO
from lesson_minutes import count, estimates, is_instructor_note

from crisis_reading.questions.index import OUTCOMES

LESSONS = sorted((REPO / "course").glob("0*.ipynb"))
START = REPO / "course" / "00-start-here.ipynb"
GLOSSARY_LINK = "00-start-here.ipynb"

# Each glossary word, and how a lesson may write it (capitals and *emphasis* aside).
TERMS = {
    "block": r"\bblocks?\b",
    "side": r"\bsides?\b",
    "direct quote": r"\bdirect quot",
    "partial quote": r"\bpartial quot",
    "indirect quote": r"\bindirect (?:quot|speech)",
    "collective voice": r"\bcollective\b",
    "channel": r"\bchannels?\b",
    "caption": r"\bcaptions?\b",
    "standfirst": r"\bstandfirst\b",
    "dateline": r"\bdateline\b",
    "lede": r"\blede\b",
    "nut graf": r"\bnut graf\b",
    "quote paragraph": r"\bquote paragraphs?\b",
    "kicker": r"\bkicker\b",
    "inverted pyramid": r"\binverted pyramid\b",
    "Betteridge's law": r"\bBetteridge",
    "unattributed claim": r"\bunattributed\b",
    "attribution verb": r"\battribution verbs?\b",
    "share of voice": r"\bshare of voice\b",
    "time word": r"\btime words?\b",
    "hindsight": r"\bhindsight\b",
    "former Soviet republic": r"\bformer Soviet republics?\b",
    "enlargement": r"\benlargement\b",
    "frame": r"\bframes?\b",
    "war and peace journalism": r"\bwar[- ]journalism\b",
    "lateral reading": r"\blateral(?:ly)?\b",
    "affiliation": r"\baffiliations?\b",
    "quote finder": r"\bquote finder\b",
    "answer key": r"\banswer keys?\b",
    "precision and recall": r"\bprecision\b",
}


def cells(path):
    return nbformat.read(path, as_version=4).cells


def anchor(heading: str) -> str:
    """The id JupyterLab and nbconvert give a Markdown heading: its text, spaces made hyphens."""
    return heading.strip().replace(" ", "-")


def glossary_cell():
    found = [cell for cell in cells(START) if cell.source.startswith("## Glossary")]
    assert len(found) == 1, "lesson 00 ends with one glossary cell"
    return found[0]


def glossary_terms() -> list[str]:
    return re.findall(r"^### (.+)$", glossary_cell().source, re.MULTILINE)


def readable(source: str) -> str:
    """A cell's prose as a search sees it: no headings, links reduced to their text, no emphasis marks."""
    body = "\n".join(line for line in source.splitlines() if not line.startswith("#"))
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body).replace("*", "").replace("_", " ")


def first_uses(lessons=LESSONS) -> dict[str, tuple[str, int, str]]:
    """Each term → (lesson, cell number, cell source) of the first lesson cell that uses it."""
    found: dict[str, tuple[str, int, str]] = {}
    for path in lessons:
        for number, cell in enumerate(cells(path)):
            if cell.cell_type != "markdown" or is_instructor_note(cell) or cell.source.startswith("## Glossary"):
                continue
            for term, pattern in TERMS.items():
                if term not in found and re.search(pattern, readable(cell.source), re.IGNORECASE):
                    found[term] = (path.name, number, cell.source)
    return found


def links_to(term: str, lesson: str, source: str) -> bool:
    target = ("" if lesson == START.name else GLOSSARY_LINK) + "#" + anchor(term)
    return f"]({target})" in source


def unlinked_first_uses(lessons=LESSONS) -> list[str]:
    return [
        f"{term!r} first used in {lesson} cell {number}, without a link to the glossary"
        for term, (lesson, number, source) in first_uses(lessons).items()
        if not links_to(term, lesson, source)
    ]


# --- the glossary ---------------------------------------------------------------------------------------------


def test_the_glossary_defines_every_term_once() -> None:
    terms = glossary_terms()
    assert sorted(terms) == sorted(TERMS) and len(set(terms)) == len(terms)
    for definition in re.split(r"^### .+$", glossary_cell().source, flags=re.MULTILINE)[1:]:
        assert re.search(r"\*Lessons? 0\d", definition), "each entry says where the word is taught"


def test_every_term_is_linked_where_it_is_first_used() -> None:
    assert set(first_uses()) == set(TERMS), "every glossary word is used in a lesson"
    assert not unlinked_first_uses()


def test_an_unlinked_first_use_is_caught(tmp_path) -> None:
    lesson = nbformat.v4.new_notebook()
    lesson.cells = [nbformat.v4.new_markdown_cell("The **nut graf** says why the story matters.")]
    path = tmp_path / "01-test.ipynb"
    nbformat.write(lesson, path)
    assert any("'nut graf'" in problem for problem in unlinked_first_uses([path]))


def test_every_glossary_link_finds_its_entry() -> None:
    anchors = {anchor(term) for term in glossary_terms()} | {"Glossary"}
    for path in LESSONS:
        for cell in cells(path):
            for target in re.findall(r"\]\((?:00-start-here\.ipynb)?#([^)]+)\)", cell.source):
                if path == START or cell.source.count(f"{GLOSSARY_LINK}#{target}"):
                    assert target in anchors, f"{path.name}: no glossary entry #{target}"


def test_the_glossary_is_not_counted_as_reading_time(tmp_path) -> None:
    lesson = nbformat.read(START, as_version=4)
    lesson.cells = [cell for cell in lesson.cells if not cell.source.startswith("## Glossary")]
    nbformat.write(lesson, tmp_path / START.name)
    assert count(tmp_path / START.name) == count(START)  # looked up, not read through in class


# --- instructor notes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: path.name)
def test_each_lesson_has_an_instructor_note(path) -> None:
    notes = [cell for cell in cells(path) if is_instructor_note(cell)]
    assert notes, f"{path.name} has no instructor note"
    for note in notes:
        lines = note.source.splitlines()
        assert all(line.startswith(">") for line in lines), "a note is one blockquote, set apart from the lesson"
        assert len(note.source.split()) > 30


def test_notes_say_what_to_skip_somewhere_in_most_lessons() -> None:
    with_skip = [path.name for path in LESSONS if any("Short of time" in c.source for c in cells(path))]
    assert len(with_skip) >= len(LESSONS) - 3, with_skip


# --- the syllabus ---------------------------------------------------------------------------------------------

SYLLABUS = REPO / "instructors" / "syllabus.md"
SESSION_MINUTES = 90
WORKSHOP_BLOCK_MINUTES = 180


def in_class_minutes(cell: str) -> int:
    """The minutes of what a table cell lists: 'lesson NN' is its teaching time, 'exercises NN' its practice."""
    found = estimates()
    total = 0
    for kind, number in re.findall(r"\b(lesson|exercises) (0\d)\b", cell):
        teaching, practice = found[number]
        total += teaching.announced if kind == "lesson" else practice.announced
    return total


def syllabus_rows(heading: str) -> list[list[str]]:
    text = SYLLABUS.read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("|---")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[1:]]


def test_the_term_has_eight_sessions_that_fit_90_minutes() -> None:
    rows = syllabus_rows("## A term: eight weekly sessions of 90 minutes")
    assert [row[0] for row in rows] == [str(week) for week in range(1, 9)]
    for row in rows:
        assert in_class_minutes(row[1]) <= SESSION_MINUTES, f"week {row[0]} does not fit: {row[1]}"
    taught = " ".join(row[1] for row in rows)
    assert all(f"lesson {number}" in taught for number in estimates())
    everything = " ".join(" ".join(row) for row in rows)
    assert all(f"exercises {number}" in everything for number, (_, practice) in estimates().items() if practice)


def test_the_workshop_has_two_days_whose_blocks_fit() -> None:
    rows = syllabus_rows("## A two-day workshop")
    assert {row[0] for row in rows} == {"1", "2"}
    for row in rows:
        assert in_class_minutes(row[2]) <= WORKSHOP_BLOCK_MINUTES, f"day {row[0]} {row[1]} does not fit"
    taught = " ".join(row[2] for row in rows)
    assert all(f"lesson {number}" in taught for number in estimates())


def test_a_session_that_no_longer_fits_is_caught() -> None:
    assert in_class_minutes("lesson 08, exercises 08, lesson 06") > SESSION_MINUTES


def test_the_capstone_rubric_covers_every_outcome_and_adds_up() -> None:
    rows = syllabus_rows("**The rubric.**")
    rubric = [row for row in rows if len(row) == 7]
    assert len(rubric) >= 8
    assert sum(int(row[2]) for row in rubric) == 100
    covered = {int(n) for row in rubric for n in re.findall(r"\d", row[1])}
    assert covered == set(OUTCOMES)


# --- the self-assessment --------------------------------------------------------------------------------------

SELF_ASSESSMENT = REPO / "course" / "self-assessment.md"


def test_the_self_assessment_asks_about_every_outcome_before_and_after() -> None:
    text = SELF_ASSESSMENT.read_text(encoding="utf-8")
    for number, outcome in OUTCOMES.items():
        assert f"## Outcome {number}. {outcome}" in text, f"outcome {number} is missing or reworded"
        section = text.split(f"## Outcome {number}.", 1)[1].split("\n## ", 1)[0]
        assert "| I can … | before | after |" in section
        assert len([line for line in section.splitlines() if line.startswith("| ") and "| | |" in line]) >= 2


def test_the_first_and_last_lessons_send_students_to_it() -> None:
    first = " ".join(cell.source for cell in cells(START))
    last = " ".join(cell.source for cell in cells(LESSONS[-1]))
    assert "`course/self-assessment.md`" in first and "*before* column" in first
    assert "`course/self-assessment.md`" in last and "*after* column" in last


# --- the accessibility statement ------------------------------------------------------------------------------


def test_the_guide_says_what_was_tested_for_accessibility_and_what_was_not() -> None:
    guide = (REPO / "instructors" / "guide.md").read_text(encoding="utf-8")
    statement = guide.split("## Accessibility", 1)[1].split("\n## ", 1)[0]
    tested, untested = statement.split("What was not tested", 1)
    assert "tests/views/test_widget_labels.py" in tested and (REPO / "tests/views/test_widget_labels.py").exists()
    assert "screen reader" in untested and "keyboard" in untested
