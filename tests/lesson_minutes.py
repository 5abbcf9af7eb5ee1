"""How long a lesson takes, estimated from its notebook by the reading rule of issue 15.

    .venv/bin/python tests/lesson_minutes.py           # the table: every lesson's count and minutes
    .venv/bin/python tests/lesson_minutes.py --write   # put the minutes in each lesson's header and in the guide

A student's time is counted, not guessed: words of prose read at 180 a minute, 0.4 minute for each code cell
run, 1 minute for each tweak (a "change … and run it again", a "Tweak it." or "Your turn." task, a
"Predict" prompt to write a guess for, an exercise question to answer in its cell) and 2.5 minutes for each
reflection question answered in writing. Teaching time is the lesson in course/; practice time is its
exercise notebook in exercises/. Where a cell shows a whole article to read (`show_article(article)`,
`show_blocks(haldor)`), that article's words count as prose too; where the lesson sets a timed task ("Take
fifteen minutes with the tool"), its minutes count as stated. Not counted: instructor notes (read by the
teacher), the glossary (looked up, not read through) and "Try this on your own" (optional, after class).
Each lesson announces its estimate rounded up to the next 5 minutes (tests/test_lesson_minutes.py holds the
announcements to it).
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
WORDS_PER_MINUTE = 180
CODE_CELL, TWEAK, REFLECTION = 0.4, 1.0, 2.5
INSTRUCTOR_NOTE = "**Instructor note.**"
SKIPPED_SECTIONS = ("Try this on your own", "Glossary")

WORD = re.compile(r"[\w’'-]+")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # [text](target): the reader reads the text only
TAG = re.compile(r"<[^>]+>")
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
CHANGE = re.compile(
    r"^\W*(?:(?:run (?:it|the cell|the next cell)|now|then)\W+(?:then\W+)?)?(?:change|move the slider)\b"
    r"|^To [^,]+, change\b",
    re.IGNORECASE,
)
TASK_MARK = re.compile(r"\*\*(?:Tweak it|Your turn)\.\*\*")
PREDICT = re.compile(r"\*\*Predict[^*]*\*\*")
QUESTION = re.compile(r"\*\*Question \d\d\.\d+\*\*")
REFLECTION_MARK = re.compile(r"\*\*Reflection \d\d\.\d+\*\*")
NUMBERED = re.compile(r"^\d+\.\s", re.MULTILINE)
REFLECTION_SECTION = re.compile(r"no code|think about it|^## reflect", re.IGNORECASE)
LOADED = re.compile(r"(\w+) = load_article\((\w*)\)")
WHOLE_ARTICLE = re.compile(r"\b(?:show_article|show_blocks)\((\w+)\)")
TIMED = re.compile(r"\bTake (\w+) minutes\b")
NUMBER_WORDS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30}


@dataclass
class Count:
    words: int = 0
    code_cells: int = 0
    tweaks: int = 0
    reflections: int = 0
    timed: int = 0  # minutes of tasks the lesson times itself

    @property
    def minutes(self) -> float:
        return (
            self.words / WORDS_PER_MINUTE
            + CODE_CELL * self.code_cells
            + TWEAK * self.tweaks
            + REFLECTION * self.reflections
            + self.timed
        )

    @property
    def announced(self) -> int:
        """The estimate rounded up to the next 5 minutes: what the lesson should say."""
        return 5 * math.ceil(self.minutes / 5 - 1e-9)


def words(markdown: str) -> int:
    return len(WORD.findall(TAG.sub(" ", LINK.sub(r"\1", markdown))))


def is_instructor_note(cell) -> bool:
    return cell.cell_type == "markdown" and cell.source.lstrip("> ").startswith(INSTRUCTOR_NOTE)


def student_cells(path: Path):
    """The cells a student works through: without instructor notes, the glossary and the optional extras."""
    section = ""
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            headings = [line for line in cell.source.splitlines() if line.startswith("## ")]
            section = headings[-1] if headings else section
        if any(name in section for name in SKIPPED_SECTIONS) or is_instructor_note(cell):
            continue
        yield cell


def count(path: Path) -> Count:
    total = Count()
    articles: dict[str, str] = {}  # variable → the name of the article folder it holds
    section = ""
    for cell in student_cells(path):
        source = cell.source
        if cell.cell_type == "code":
            total.code_cells += 1
            articles.update((name, constant) for name, constant in LOADED.findall(source))
            for name in WHOLE_ARTICLE.findall(source):  # the student reads a whole article here
                if name in articles:
                    total.words += article_words(articles[name])
            continue
        if cell.cell_type != "markdown":
            continue
        headings = [line for line in source.splitlines() if line.startswith("## ")]
        section = headings[-1] if headings else section
        total.words += words(source)
        total.timed += sum(int(n) if n.isdigit() else NUMBER_WORDS.get(n, 0) for n in TIMED.findall(source))
        if REFLECTION_SECTION.search(section) or "no code" in source.lower():
            if not REFLECTION_MARK.search(source):
                total.reflections += len(NUMBERED.findall(source))
                continue
        total.reflections += len(REFLECTION_MARK.findall(source))
        total.tweaks += len(QUESTION.findall(source)) + len(PREDICT.findall(source))
        changes = sum(bool(CHANGE.search(sentence)) for sentence in SENTENCE.split(source))
        total.tweaks += changes or bool(TASK_MARK.search(source))
    return total


def article_words(constant: str = "") -> int:
    """The words of the article a lesson loads: load_article() or load_article(CAPSTONE_ARTICLE) and the like."""
    import crisis_reading

    slug = getattr(crisis_reading, constant) if constant else crisis_reading.DEFAULT_ARTICLE
    return int(crisis_reading.load_article(slug).blocks["words"].sum())


def lessons() -> list[tuple[str, Path, Path | None]]:
    """(number, lesson, its exercise notebook or None) for every lesson in course/."""
    found = []
    for lesson in sorted((REPO / "course").glob("0*.ipynb")):
        exercise = REPO / "exercises" / lesson.name
        found.append((lesson.name[:2], lesson, exercise if exercise.exists() else None))
    return found


def estimates() -> dict[str, tuple[Count, Count | None]]:
    return {number: (count(lesson), count(exercise) if exercise else None) for number, lesson, exercise in lessons()}


def table() -> str:
    rows = [
        "| lesson | words | code cells | tweaks | reflections | teaching (estimate → announced) "
        "| practice (estimate → announced) |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, (teaching, practice) in estimates().items():
        shown = f"{practice.minutes:.1f} → {practice.announced}" if practice else "—"
        rows.append(
            f"| {number} | {teaching.words} | {teaching.code_cells} | {teaching.tweaks} | {teaching.reflections} "
            f"| {teaching.minutes:.1f} → {teaching.announced} | {shown} |"
        )
    return "\n".join(rows)


NO_PRACTICE = "no exercises"
HEADER_ROW = re.compile(r"^\| \*\*(Teaching|Practice|Time)\*\* \|[^\n]*\n", re.MULTILINE)
GUIDE = REPO / "instructors" / "guide.md"


def header_rows(teaching: Count, practice: Count | None) -> str:
    shown = f"{practice.announced} minutes" if practice else NO_PRACTICE
    return f"| **Teaching** | {teaching.announced} minutes |\n| **Practice** | {shown} |\n"


def write() -> None:
    """Put every lesson's announced minutes in its header table and in the guide's time table."""
    found = estimates()
    guide = GUIDE.read_text(encoding="utf-8")
    for number, lesson, _ in lessons():
        teaching, practice = found[number]
        notebook = nbformat.read(lesson, as_version=4)
        header = notebook.cells[0].source
        rows = list(HEADER_ROW.finditer(header))
        assert rows, f"lesson {number}'s first cell has no Teaching/Practice rows"
        header = header[: rows[0].start()] + header_rows(teaching, practice) + header[rows[-1].end() :]
        if notebook.cells[0].source != header:
            notebook.cells[0].source = header
            nbformat.write(notebook, lesson)
        shown = f"{practice.announced} minutes" if practice else NO_PRACTICE
        guide = re.sub(
            rf"^(\| {number} [^|]+\|)[^\n]*$",
            lambda match, shown=shown, teaching=teaching: f"{match.group(1)} {teaching.announced} minutes | {shown} |",
            guide,
            count=1,
            flags=re.MULTILINE,
        )
    GUIDE.write_text(guide, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    if "--write" in sys.argv[1:]:
        write()
    print(table())
