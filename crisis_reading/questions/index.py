"""The instructors' index of exercise questions, written from the question bank.

It lists, for every learning outcome, the questions that assess it, and for
every question its kind and the hints a student may see. Being generated, it
cannot drift from the checks themselves.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from crisis_reading.questions.checks import Question, all_questions

OUTCOMES = {
    1: "Take a crisis report apart and say what each part does",
    2: "List who speaks, for which side, how often, how much, where, and who does not speak",
    3: "Tell direct, partial and indirect quotes and unattributed claims apart; notice loaded verbs",
    4: "Pin relative time words to dates, build the timeline, see what the article could not know",
    5: "Explain the institutions in play with data: who belongs to what, since when",
    6: "Name the frames and viewpoints in the piece, and whose view is missing",
    7: "Check a source laterally: what an affiliation means, what the article leaves out",
    8: "Do all of the above on an article the course has never seen",
}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_index(questions: dict[str, Question] | None = None) -> str:
    questions = questions if questions is not None else all_questions()
    ordered = sorted(questions.values(), key=lambda q: tuple(int(part) for part in q.id.split(".")))
    by_outcome: dict[int, list[Question]] = defaultdict(list)
    for question in ordered:
        by_outcome[question.outcome].append(question)
    kinds = Counter(question.kind for question in ordered)
    lines = [
        "# Exercise questions: index for instructors",
        "",
        "Generated from `crisis_reading/questions/bank/` by `make exercises`; do not edit by hand.",
        "",
        f"{len(ordered)} checked questions: "
        + ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in sorted(kinds.items()))
        + ". Every notebook also has reflection questions, answered in writing and not checked.",
        "",
        "## Which questions assess which learning outcome",
        "",
        "| outcome | questions |",
        "|---|---|",
    ]
    for number, outcome in OUTCOMES.items():
        ids = ", ".join(q.id for q in by_outcome.get(number, [])) or "— (none yet)"
        lines.append(f"| {number}. {outcome} | {ids} |")
    lines += ["", "## Every question, its kind, and the hints students see", ""]
    lesson = None
    for question in ordered:
        if question.id.split(".")[0] != lesson:
            lesson = question.id.split(".")[0]
            lines += [
                "",
                f"### Lesson {lesson}",
                "",
                "| question | kind | outcome | asks | hints |",
                "|---|---|---|---|---|",
            ]
        hints = " · ".join(_cell(h) for h in [*(hint.says for hint in question.hints), question.hint])
        kind = question.kind.replace("_", " ")
        lines.append(f"| {question.id} | {kind} | {question.outcome} | {_cell(question.asks)} | {hints} |")
    return "\n".join(lines) + "\n"
