"""What a grading run writes: the gradebook, a feedback page per student, and the class summary.

OUT/gradebook.csv          a row per student, notebook and question
OUT/feedback/<student>.md  each question, its verdict and the hint, for one student
OUT/summary.csv, .md       per question: how many students, how many handed it in, how many correct, the success rate
OUT/summary.png            the success rates as a chart whose title states the finding
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from pathlib import Path

from crisis_reading.dataset.vocabulary import counted
from crisis_reading.grading.layout import safe_name
from crisis_reading.grading.scoring import CORRECT, NOT_SUBMITTED, NOT_YET, UNANSWERED, VERDICTS, Row
from crisis_reading.questions.checks import all_questions
from crisis_reading.views.figures import Chart, finish, new_chart

GRADEBOOK_COLUMNS = ("student", "notebook", "question", "points", "verdict", "message", "run")
SUMMARY_COLUMNS = ("question", "students", "handed_in", *VERDICTS, "success_rate")
MARKS = {CORRECT: "✅", NOT_YET: "❌", UNANSWERED: "✏️"}
BAR_COLOUR = "#0072B2"


def question_order(question_id: str) -> tuple[int, int]:
    exercise, number = question_id.split(".")
    return int(exercise), int(number)


def sorted_rows(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: (row.student, question_order(row.question)))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: one that begins like a formula (=HYPERLINK(…), +, -, @) gets a ' first."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def markdown_text(text: object) -> str:
    """Student-controlled text (a name, an error) as one line of plain Markdown: no line breaks to forge a
    "✅ correct" line with, no emphasis, links, HTML or headings."""
    flat = " ".join(str(text).split())
    return "".join("\\" + char if char in "\\`*_{}[]()<>#+-.!|~" else char for char in flat)


def write_gradebook(rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(GRADEBOOK_COLUMNS)
        for row in sorted_rows(rows):
            writer.writerow([spreadsheet_cell(getattr(row, column)) for column in GRADEBOOK_COLUMNS])


def feedback_file_name(student: str) -> str:
    """A file name per student: readable, and unique by the full hash of the name."""
    digest = hashlib.sha256(student.encode("utf-8")).hexdigest()
    return f"{safe_name(student)}-{digest}.md"


def feedback_page(student: str, rows: list[Row]) -> str:
    questions = all_questions()
    points = sum(row.points for row in rows)
    lines = [
        f"# Feedback for {markdown_text(student)}",
        "",
        f"{points} of {counted(len(rows), 'question')} correct.",
        "",
    ]
    by_notebook: dict[str, list[Row]] = defaultdict(list)
    for row in sorted_rows(rows):
        by_notebook[row.question.split(".")[0]].append(row)
    for exercise, notebook_rows in by_notebook.items():
        first = notebook_rows[0]
        lines += [f"## Exercise {exercise} ({markdown_text(first.notebook)})", ""]
        if first.run not in ("ran to the end",) and first.run:
            lines += [f"How the notebook ran: {markdown_text(first.run)}.", ""]
        for row in notebook_rows:
            question = questions.get(row.question)
            mark = MARKS.get(row.verdict, "⚠️")
            lines.append(f"- **{row.question}** {question.asks if question else ''}")
            lines.append(f"  {mark} {row.verdict}: {markdown_text(row.message)}")
        lines.append("")
    return "\n".join(lines)


def write_feedback(rows: list[Row], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    by_student: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_student[row.student].append(row)
    written = []
    for student, student_rows in sorted(by_student.items()):
        path = folder / feedback_file_name(student)
        path.write_text(feedback_page(student, student_rows), encoding="utf-8")
        written.append(path)
    return written


def summary_table(rows: list[Row]) -> list[dict[str, object]]:
    """Per question: how many students, how many handed it in, each verdict's count, and the share correct (%).

    The share is of the students who handed the exercise in: a student who did not hand in exercise 02 says
    nothing about how hard question 02.1 is (their rows stay in the gradebook, with no points).
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        counts[row.question][row.verdict] += 1
    table = []
    for question_id in sorted(counts, key=question_order):
        count = counts[question_id]
        students = sum(count.values())
        handed_in = students - count[NOT_SUBMITTED]
        entry: dict[str, object] = {"question": question_id, "students": students, "handed_in": handed_in}
        entry.update({verdict: count[verdict] for verdict in VERDICTS})
        entry["success_rate"] = round(100 * count[CORRECT] / handed_in, 1) if handed_in else 0.0
        table.append(entry)
    return table


def write_summary(rows: list[Row], out: Path) -> Chart | None:
    table = summary_table(rows)
    with (out / "summary.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    students = len({row.student for row in rows})
    lines = [
        "# Class summary",
        "",
        f"{counted(students, 'student')}, {counted(len(table), 'question')}. Success rate: the share of the students "
        "who handed the "
        "exercise in whose answer is correct.",
        "",
        "| " + " | ".join(SUMMARY_COLUMNS) + " |",
        "|" + "---|" * len(SUMMARY_COLUMNS),
    ]
    lines += ["| " + " | ".join(str(entry[column]) for column in SUMMARY_COLUMNS) + " |" for entry in table]
    chart = summary_chart(table) if table else None
    if chart is not None:
        (out / "summary.png").write_bytes(chart.png())
        lines += ["", f"![{chart.description}](summary.png)", "", f"**{chart.title}.** {chart.description}"]
    (out / "summary.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return chart


def summary_chart(table: list[dict[str, object]]) -> Chart:
    """A bar per question, its success rate; the title names the hardest question."""
    questions = [str(entry["question"]) for entry in table]
    rates = [float(entry["success_rate"]) for entry in table]  # type: ignore[arg-type]
    figure, ax = new_chart(8, max(2.5, 0.35 * len(table) + 1))
    positions = range(len(table))
    ax.barh(list(positions), rates, color=BAR_COLOUR)
    ax.set_yticks(list(positions), questions)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("students with a correct answer (%)")
    for position, rate in zip(positions, rates, strict=True):
        ax.text(min(rate + 1, 92), position, f"{rate:g}%", va="center", fontsize=9)
    handed_in = max(int(entry.get("handed_in", entry["students"])) for entry in table)  # type: ignore[call-overload]
    lowest = min(rates)
    hardest = [question for question, rate in zip(questions, rates, strict=True) if rate == lowest]
    if len(hardest) == len(questions):
        title = f"Every question alike: {lowest:g}% of students answered each correctly"
    elif len(hardest) == 1:
        title = f"Question {hardest[0]} was the hardest: {lowest:g}% answered it correctly"
    else:
        title = f"Questions {', '.join(hardest)} were the hardest: {lowest:g}% answered each correctly"
    description = (
        f"Share of the students who handed each exercise in (at most {handed_in}) whose answer was correct, for "
        f"each of {len(table)} questions; unanswered, missing and ungraded answers count as not correct."
    )
    return finish(figure, ax, title, description)


def write_reports(rows: list[Row], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_gradebook(rows, out / "gradebook.csv")
    write_feedback(rows, out / "feedback")
    write_summary(rows, out)
