"""Which notebook is whose: the layout of a folder of submissions, read into a list of grading jobs.

Two layouts, which can be mixed:

    submissions/
      alice/                      a folder per student: the folder's name is the student
        03-how-they-are-quoted.ipynb     the exercise is the number the file name starts with
        05-institutions.ipynb
      bob.ipynb                   a single notebook named after the student: its exercise is
                                  the one given with --exercise (only when exactly one is given)

A file name counts as exercise NN when it starts with the two digits NN (03-anything.ipynb,
03.ipynb). Names starting with "." or "_" (.ipynb_checkpoints, __MACOSX) are skipped. Every
student is graded on every exercise being graded (those given with --exercise, otherwise
every exercise that anyone handed in); a missing notebook gets "not submitted" rows.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from crisis_reading.questions.checks import all_questions

EXERCISE_PREFIX = re.compile(r"^(\d\d)(?!\d)")


@dataclass(frozen=True)
class Job:
    """One student's notebook for one exercise (path None: not handed in; several: ambiguous)."""

    student: str
    exercise: str
    paths: tuple[Path, ...]

    @property
    def key(self) -> str:
        """A file-name-safe key, unique per student and exercise."""
        digest = hashlib.sha256(self.student.encode("utf-8")).hexdigest()  # in full: no two students share one
        return f"{safe_name(self.student)}-{digest}--{self.exercise}"


class LayoutError(ValueError):
    pass


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")[:60] or "student"


def exercise_numbers() -> list[str]:
    """The exercise numbers that have questions in the question bank ("01", "02", …)."""
    return sorted({question_id.split(".")[0] for question_id in all_questions()})


def question_ids(exercise: str) -> list[str]:
    ids = [question_id for question_id in all_questions() if question_id.split(".")[0] == exercise]
    return sorted(ids, key=lambda question_id: int(question_id.split(".")[1]))


def answer_name(question_id: str) -> str:
    return "answer_" + question_id.replace(".", "_")


def exercise_of(name: str) -> str | None:
    match = EXERCISE_PREFIX.match(name)
    return match.group(1) if match else None


def _visible(path: Path) -> bool:
    return not path.name.startswith((".", "_"))


def student_name(name: str) -> str:
    """A student's name as the gradebook writes it: Unicode NFC, so one name typed two ways is one student."""
    return unicodedata.normalize("NFC", name)


def passed_over(folder: Path) -> list[str]:
    """What discover() leaves out of a folder of submissions, each with why, for the command to say."""
    said = []
    for entry in sorted(folder.iterdir()):
        if not _visible(entry):
            said.append(f"{entry.name}: skipped (a name starting with . or _ is hidden)")
        elif entry.is_symlink() and entry.is_dir():
            said.append(f"{entry.name}: skipped (a link to a folder, not a student's own folder)")
    names: dict[str, list[str]] = {}
    for entry in filter(_visible, folder.iterdir()):
        names.setdefault(student_name(entry.stem if entry.suffix == ".ipynb" else entry.name), []).append(entry.name)
    said += [
        f"{', '.join(sorted(map(repr, spellings)))}: one student, written in two Unicode forms; graded together"
        for spellings in names.values()
        if len(spellings) > 1
    ]
    return said


def discover(folder: Path, exercises: list[str] | None = None) -> list[Job]:
    """Every (student, exercise) job in the folder, sorted by student then exercise."""
    if not folder.is_dir():
        raise LayoutError(f"{folder}: no such folder of submissions")
    known = exercise_numbers()
    for exercise in exercises or []:
        if exercise not in known:
            raise LayoutError(f"--exercise {exercise}: there is no such exercise (known: {', '.join(known)})")
    handed_in: dict[str, dict[str, list[Path]]] = {}
    for entry in sorted(filter(_visible, folder.iterdir())):
        # One student, one name: "José" typed with a combining accent is the same student as "José".
        student = student_name(entry.stem if entry.suffix == ".ipynb" and not entry.is_dir() else entry.name)
        if entry.is_dir() and not entry.is_symlink():
            notebooks = handed_in.setdefault(student, {})
            for path in sorted(filter(_visible, entry.rglob("*.ipynb"))):
                if any(part.startswith((".", "_")) for part in path.relative_to(entry).parts):
                    continue
                exercise = exercise_of(path.name)
                if exercise in known:
                    notebooks.setdefault(exercise, []).append(path)
        elif entry.suffix == ".ipynb":
            if not exercises or len(exercises) != 1:
                raise LayoutError(
                    f"{entry.name}: a notebook directly in the submissions folder belongs to a student, so its "
                    "exercise must be given with exactly one --exercise NN (or put it in a folder named after "
                    "the student)"
                )
            handed_in.setdefault(student, {}).setdefault(exercises[0], []).append(entry)
    graded = sorted(exercises) if exercises else sorted({e for notebooks in handed_in.values() for e in notebooks})
    return [
        Job(student, exercise, tuple(handed_in[student].get(exercise, [])))
        for student in sorted(handed_in)
        for exercise in graded
    ]


def in_shard(student: str, shard: tuple[int, int] | None) -> bool:
    """Whether a student belongs to shard i of n: by a hash of the name, so adding a student moves no one else."""
    if shard is None:
        return True
    index, count = shard
    number = int(hashlib.sha256(student.encode("utf-8")).hexdigest(), 16)
    return number % count == index - 1


def parse_shard(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)/(\d+)", text.strip())
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise LayoutError(f"--shard {text}: write it as i/n with 1 <= i <= n, e.g. 2/4")
    return int(match.group(1)), int(match.group(2))
