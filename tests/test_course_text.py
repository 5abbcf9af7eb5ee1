"""What the course's own words must not say (issue 15): nothing stale, no file students do not have, no fact
beyond the article and the fact sheet."""

from __future__ import annotations

import re

import nbformat
import pytest
from conftest import DATA, REPO

from crisis_reading import DEFAULT_ARTICLE

NOTEBOOKS = sorted(path for folder in ("course", "solutions", "exercises") for path in (REPO / folder).glob("0*.ipynb"))


def prose(path) -> str:
    return "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_lesson_calls_anything_planned(path) -> None:
    # "(planned)" marked lessons not yet written; every lesson is written now ("a planned invasion" is the article)
    assert not re.search(r"\(planned\)|\bplanned lesson", prose(path), re.IGNORECASE)


def test_the_exercises_readme_speaks_of_what_is_there() -> None:
    assert "will live here" not in (REPO / "exercises" / "README.md").read_text(encoding="utf-8")


def test_the_guide_does_not_call_the_course_article_lesson_08s_unseen_one() -> None:
    guide = (REPO / "instructors" / "guide.md").read_text(encoding="utf-8")
    assert "has not taken apart for them: Al Jazeera" not in guide


def test_the_data_cites_the_students_fact_sheet_not_the_shared_file() -> None:
    for table in (DATA / DEFAULT_ARTICLE).glob("*.csv"):
        assert "facts.md" not in table.read_text(encoding="utf-8"), table.name


def test_ignatovs_side_says_why_from_the_fact_sheet() -> None:
    from crisis_reading import load_article

    speakers = load_article().speakers.set_index("speaker_id")
    basis = speakers.loc["ignatov", "side_basis"]
    assert "independent" in basis and "governments" in basis and "fact-sheet.md" in basis
    lesson = prose(REPO / "course" / "07-checking-the-sources.ipynb")
    assert "What “independent” means" in lesson and 'show_card(article, "Oleg Ignatov")' in lesson


@pytest.mark.parametrize(
    ("lesson", "claim"),
    [
        ("05-institutions.ipynb", "nobody has left NATO"),
        ("05-institutions.ipynb", "carry on to this year"),
        ("05-institutions.ipynb", "it has members now"),
        ("01-anatomy.ipynb", "the first thing that happened after the article was published"),
    ],
)
def test_no_fact_beyond_the_fact_sheet(lesson: str, claim: str) -> None:
    assert claim not in prose(REPO / "course" / lesson)


def test_lesson_08_says_a_proposed_speaker_waits_until_it_is_updated() -> None:
    """A review is 'reviewed' only once every speaker it saves is updated (even one left unclear): the lesson's
    list of the tool's tabs says so, by the button's own name, so a student is not left wondering what waits."""
    from crisis_reading import Annotation, annotation_widget, load_article
    from crisis_reading.finder.quotes import find_quotes

    lesson = prose(REPO / "course" / "08-your-turn.ipynb")
    haldor = load_article("practice-2025-11-haldor-dam-talks")
    annotation = Annotation.from_finder(haldor.blocks, find_quotes(haldor.blocks), haldor.meta, template=haldor)
    button = annotation_widget(annotation, REPO / "unsaved").update_speaker_button.description
    speakers_tab = next(line for line in lesson.splitlines() if line.startswith("- **Speakers** (third tab)"))
    assert f"waits for review until you choose *{button}*" in speakers_tab and "`unclear`" in speakers_tab
