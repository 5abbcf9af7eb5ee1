"""The one-line checks after each exercise question: check("02.3", answer).

A check never raises, so an unfinished exercise notebook still runs top to
bottom. It says "correct", or "not yet" with a hint that points back to the
article or the lesson, never the answer itself. The expected value is computed
from the data through the package, so editing the data updates every check
with it; it is computed once per question and loaded data set (a Data object),
so grading a class, or checking an answer again, does not recompute it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html import escape
from typing import Any

from crisis_reading.dataset.article import Article, course_article
from crisis_reading.dataset.cache import once_per_data_folder
from crisis_reading.dataset.reference import Reference, course_reference
from crisis_reading.questions.answer_matching import NEAR_MISS, NOT_RIGHT, compare, items, plain

QUESTION_KINDS = ("fill_in", "target_practice", "tweak", "predict", "interpret")


@dataclass(frozen=True)
class Data:
    """What a question's expected value is computed from."""

    article: Article
    reference: Reference


@dataclass(frozen=True)
class Hint:
    """A hint for one recognisable wrong answer: `when(answer, expected)` says whether it applies.

    A hint that compares the answer with another figure from the data sets uses_data=True and
    is called as `when(answer, expected, data)`, with the same Data the expected value came from
    (so the batch grader, which loads its own data, judges hints with it too).
    """

    when: Callable[..., bool]
    says: str
    uses_data: bool = False

    def applies(self, answer: Any, expected: Any, data: Data) -> bool:
        return bool(self.when(answer, expected, data) if self.uses_data else self.when(answer, expected))


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    asks: str
    expected: Callable[[Data], Any]
    compare: str
    hint: str
    outcome: int
    hints: tuple[Hint, ...] = ()
    tolerance: float = 0.0
    near_miss: bool = True  # say "close" for a nearly right number; False where a neighbour is simply wrong
    wrong_answers: Callable[[Data], list[Any]] = field(default=lambda data: [])

    def __post_init__(self) -> None:
        if self.kind not in QUESTION_KINDS:
            raise ValueError(f"question {self.id}: kind {self.kind!r} is not one of {QUESTION_KINDS}")


@dataclass(frozen=True)
class Verdict:
    question: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        mark = "✅ Correct" if self.correct else "❌ Not yet"
        return f"{mark} ({self.question}): {self.message}"

    def _repr_html_(self) -> str:
        # The verdict is a word on a coloured badge, not an emoji: a lab machine or a JupyterHub often has no
        # emoji font and would show an empty box. The colour repeats the word; it never carries it alone.
        colour, mark = ("#007A5A", "Correct") if self.correct else ("#B34700", "Not yet")
        return (
            f"<div role='status' style='border-left:6px solid {colour};padding:.3em .8em;margin:.2em 0'>"
            f"<b style='background:{colour};color:#FFFFFF;padding:0 .45em;border-radius:3px'>{mark}</b> "
            f"<small>({escape(self.question)})</small>: {escape(self.message)}</div>"
        )


@once_per_data_folder
def default_data(data: str) -> Data:
    """The course's article and reference tables, the data every check judges against by default."""
    return Data(article=course_article(), reference=course_reference())


LESSON_ID = re.compile(r"\d\d")


@cache
def lesson_questions(lesson: str) -> dict[str, Question]:
    """The questions of one lesson ("03"), by id, from its own module of the bank (lesson_03) only.

    A check imports nothing of the other lessons' banks (lesson 08's brings in the quote finder and the
    annotation model), so the first check() of a notebook costs only its own lesson. {} for no such lesson.
    """
    from crisis_reading.questions import bank as question_bank

    if not LESSON_ID.fullmatch(lesson):
        return {}
    name = f"{question_bank.__name__}.lesson_{lesson}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:  # the lesson's module exists but something it imports does not: a real error
            raise
        return {}
    questions: dict[str, Question] = {}
    for question in getattr(module, "QUESTIONS", []):
        if question.id.split(".")[0] != lesson:
            raise ValueError(f"question {question.id} is in the bank of lesson {lesson}: its id must start {lesson}.")
        if question.id in questions:
            raise ValueError(f"question id {question.id} is defined twice")
        questions[question.id] = question
    return questions


def find_question(question_id: str) -> Question | None:
    """One question by id ("03.2"), importing only its lesson's module of the bank."""
    return lesson_questions(str(question_id).split(".")[0]).get(question_id)


@cache
def all_questions() -> dict[str, Question]:
    """Every question in crisis_reading.questions.bank, by id (for grading and the index: it imports every lesson)."""
    from crisis_reading.questions import bank as question_bank

    questions: dict[str, Question] = {}
    for module_info in pkgutil.iter_modules(question_bank.__path__):
        lesson = module_info.name.removeprefix("lesson_")
        if module_info.name == lesson or not LESSON_ID.fullmatch(lesson):
            raise ValueError(f"{module_info.name} in the question bank is not named lesson_NN")
        questions.update(lesson_questions(lesson))
    return questions


def verdict(question_id: str, answer: Any, data: Data | None = None) -> Verdict:
    """Judge an answer without displaying anything (used by check() and by grading)."""
    try:
        question = find_question(question_id)
        if question is None:
            return Verdict(question_id, False, f"there is no question {question_id!r}: check the number in the cell")
        return judge(question, answer, data or default_data())
    except Exception as exc:  # the check must never stop the student's notebook
        return Verdict(question_id, False, f"the check could not read your answer ({type(exc).__name__}: {exc})")


_EXPECTED: dict[tuple[str, int], tuple[Data, Any]] = {}
_EXPECTED_KEPT = 256  # (question, data set) pairs; a class is graded against one data set


def expected_value(question: Question, data: Data) -> Any:
    """question.expected(data), computed once per question and Data object (the Data is kept, so its id stays its)."""
    key = (question.id, id(data))
    if key not in _EXPECTED or _EXPECTED[key][0] is not data:
        if len(_EXPECTED) >= _EXPECTED_KEPT:
            del _EXPECTED[next(iter(_EXPECTED))]
        _EXPECTED[key] = (data, question.expected(data))
    return _EXPECTED[key][1]


def judge(question: Question, answer: Any, data: Data) -> Verdict:
    """The verdict on one answer, with the expected value and every hint computed from `data`."""
    question_id = question.id
    try:
        if answer is Ellipsis:
            return Verdict(question_id, False, "not answered yet: replace the ... with your answer, then run the cell")
        expected = expected_value(question, data)
        match = compare(answer, expected, question.compare, question.tolerance, question.near_miss)
        if match.correct:
            return Verdict(question_id, True, "well done.")
        if match.wrong_type:  # hints about the content would not apply to the wrong kind of answer
            return Verdict(question_id, False, f"{match.problem}.")
        given = items(answer) if question.compare in ("set", "list") else plain(answer)
        for hint in question.hints:
            try:
                if hint.applies(given, plain(expected), data):
                    # A hint names a recognisable mistake (another figure, another column): "close" would mislead.
                    problem = NOT_RIGHT if match.problem == NEAR_MISS else match.problem
                    return Verdict(question_id, False, f"{problem}. {hint.says}")
            except Exception:  # a hint that cannot read this answer simply does not apply
                continue
        return Verdict(question_id, False, f"{match.problem}. {question.hint}")
    except Exception as exc:  # the check must never stop the student's notebook
        return Verdict(question_id, False, f"the check could not read your answer ({type(exc).__name__}: {exc})")


def check(question_id: str, answer: Any) -> Verdict:
    """Check an answer to an exercise question and say what to look at if it is not right yet."""
    return verdict(question_id, answer)
