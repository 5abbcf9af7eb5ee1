"""The course's exercise as an nbgrader assignment, and an nbgrader of its own to grade it: for the benchmark.

    python -m tools.grading_bench --nbgrader --copies 30

grades the same class with `crisis-reading grade` and with `nbgrader autograde` (tools/grading_bench.py). This
module holds nbgrader's half:

- the assignment, built from the solution notebook our grader is handed (`build_assignment`): each answer cell
  (`# BEGIN SOLUTION` … `# END SOLUTION`) becomes an nbgrader solution cell, each `check("03.1", answer_03_1)`
  cell an autograder test cell worth 1 point (our grader gives 1 point a correct answer) that runs the same
  check and fails when it says "Not yet"; the instructor-only cell goes and the reflection's model answer
  becomes the students' prompt, as in `make exercises`. Every other cell is kept as it is, so nbgrader's kernel
  runs the same code as ours;
- nbgrader itself, in a virtual environment of its own outside the repository (`ensure_venv`), never in the
  course's: students never install it. Its kernels import the course's package from this working tree (a link
  to it, not a copy that would go stale) and the course's own pinned pandas, matplotlib and kernel
  (constraints.txt), so both graders' kernels run the same code on the same library versions;
- the course folder in nbgrader's layout (source/, release/, submitted/<student>/<assignment>/, gradebook.db),
  made with `nbgrader generate_assignment`, and `nbgrader autograde`, run as nbgrader runs it: one process,
  one submission after another.

The builder needs nbformat only (tests/tools/test_bench.py checks it offline); nothing here installs or runs
nbgrader until the benchmark asks for it.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat

from crisis_reading.questions.generator import (
    BEGIN_SOLUTION,
    END_SOLUTION,
    student_markdown,
)

REPO = Path(__file__).resolve().parent.parent
# The newest nbgrader on PyPI; it installs cleanly on Python 3.11 beside the course's pins (constraints.txt).
NBGRADER_VERSION = "0.9.6"
DEFAULT_VENV = Path.home() / ".cache" / "crisis-reading" / "nbgrader-venv"
COURSE_ID = "crisis-reading"
POINTS = 1  # a correct answer earns 1 point in our gradebook too
SCHEMA_VERSION = 3  # nbgrader's cell metadata format since 0.6
# nbgrader's own spelling of the delimiters (it finds them anywhere in a line, so ours would do as well).
NBGRADER_BEGIN, NBGRADER_END = "### BEGIN SOLUTION", "### END SOLUTION"
CHECK_CELL = re.compile(r"""^\s*check\(\s*["'](?P<question>\d\d\.\d+)["']\s*,\s*(?P<name>answer_\w+)\s*\)\s*$""")
ANSWER_ASSIGNMENT = re.compile(r"^[ \t]*(answer_\w+)[ \t]*(?::[^=\n]*)?=(?!=)", re.MULTILINE)
# nbgrader's gradebook, read in its own environment: every submission's total, as JSON.
SCORES = """
import json, sys
from nbgrader.api import Gradebook
with Gradebook("sqlite:///gradebook.db", course_id=sys.argv[1]) as gradebook:
    print(json.dumps({s.student_id: [s.score, s.max_score] for s in gradebook.assignment_submissions(sys.argv[2])}))
"""


class AssignmentError(ValueError):
    """The solution notebook does not have the shape the assignment is built from."""


def assignment_name(exercise: str) -> str:
    return f"exercise{exercise}"


def _grader_metadata(grade_id: str, *, solution: bool, grade: bool, points: int = 0) -> dict:
    metadata = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": grade,  # a test cell is locked: autograde puts the instructor's copy back before running it
        "schema_version": SCHEMA_VERSION,
        "solution": solution,
        "task": False,
    }
    if grade:
        metadata["points"] = points
    return metadata


def _is_answer_cell(source: str) -> bool:
    return any(line.strip() == BEGIN_SOLUTION for line in source.split("\n"))


def _solution_cell(cell: nbformat.NotebookNode, where: str) -> nbformat.NotebookNode:
    names = ANSWER_ASSIGNMENT.findall(cell.source)
    if len(set(names)) != 1:
        raise AssignmentError(f"{where}: an answer cell must set exactly one answer_… name, not {names}")
    lines = []
    for line in cell.source.split("\n"):
        stripped = line.strip()
        lines.append(
            NBGRADER_BEGIN if stripped == BEGIN_SOLUTION else NBGRADER_END if stripped == END_SOLUTION else line
        )
    new = nbformat.v4.new_code_cell("\n".join(lines))
    new.metadata["nbgrader"] = _grader_metadata(names[0], solution=True, grade=False)
    return new


def autograder_test_source(question: str, name: str) -> str:
    """The check the student's notebook runs under the answer, as a test that fails when it says "Not yet".

    The verdict is shown with display(), as the student's check cell shows it, not as the cell's value: nbgrader
    reads a test cell's value as a partial score and warns that a verdict is not a number.
    """
    verdict = "verdict_" + question.replace(".", "_")
    return f'{verdict} = check("{question}", {name})\ndisplay({verdict})\nassert {verdict}, repr({verdict})'


def _test_cell(question: str, name: str) -> nbformat.NotebookNode:
    new = nbformat.v4.new_code_cell(autograder_test_source(question, name))
    new.metadata["nbgrader"] = _grader_metadata(
        "check_" + question.replace(".", "_"), solution=False, grade=True, points=POINTS
    )
    return new


def build_assignment(
    solution: nbformat.NotebookNode, name: str = "solution"
) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    """nbgrader's source notebook for this exercise, and the student's work to fill in its release with.

    The two differ only in the reflection: the source has the students' prompt (nbgrader grades no written
    answer here, and neither does our grader), the work has the model answer, as a student who answered
    everything wrote it. Raises AssignmentError when an answer or a check is missing or doubled.
    """
    source = nbformat.v4.new_notebook(metadata=dict(solution.metadata))
    work = nbformat.v4.new_notebook(metadata=dict(solution.metadata))
    answers: list[str] = []
    checked: list[str] = []
    for index, cell in enumerate(solution.cells):
        where = f"{name}, cell {index}"
        if cell.cell_type == "markdown":
            prompt = student_markdown(cell, where)  # the same prompt `make exercises` gives students
            if prompt is None:
                continue
            source.cells.append(prompt)
            work.cells.append(nbformat.v4.new_markdown_cell(cell.source) if prompt.source != cell.source else prompt)
            continue
        if cell.cell_type != "code":
            new = nbformat.v4.new_raw_cell(cell.source)
        elif _is_answer_cell(cell.source):
            new = _solution_cell(cell, where)
            answers.append(new.metadata["nbgrader"]["grade_id"])
        elif match := CHECK_CELL.match(cell.source):
            new = _test_cell(match["question"], match["name"])
            checked.append(match["name"])
        else:
            new = nbformat.v4.new_code_cell(cell.source)
        source.cells.append(new)
        work.cells.append(new)
    if len(set(answers)) != len(answers) or sorted(answers) != sorted(checked):
        raise AssignmentError(f"{name}: answer cells {answers} do not match the checks {checked} one to one")
    return source, work


def filled_in(release: nbformat.NotebookNode, work: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The released notebook as a student hands it in: each solution cell and the reflection from `work`."""
    if len(release.cells) != len(work.cells):
        raise AssignmentError(f"the release has {len(release.cells)} cells, the work {len(work.cells)}")
    submitted = copy.deepcopy(release)
    for cell, answer in zip(submitted.cells, work.cells, strict=True):
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution") or cell.cell_type == "markdown":
            cell.source = answer.source
    return submitted


# --- nbgrader's own environment -------------------------------------------------------------------------------


def _install_spec() -> dict[str, object]:
    """What the environment holds; a change in any of it (a new pin, another Python) makes it again."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    constraints = (REPO / "constraints.txt").read_bytes()
    return {
        "nbgrader": NBGRADER_VERSION,
        "python": sys.version.split()[0],
        # the course package's own run-time requirements, and the kernel, at the course's pinned versions
        "requirements": [*project["dependencies"], "ipykernel"],
        "constraints": hashlib.sha256(constraints).hexdigest(),
    }


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def ensure_venv(venv: Path = DEFAULT_VENV, say=print) -> Path:
    """nbgrader's virtual environment at `venv`, made on first use; its python. Raises RuntimeError on failure."""
    spec = _install_spec()
    stamp = venv / ".crisis-reading-installed.json"
    if stamp.is_file() and json.loads(stamp.read_text(encoding="utf-8")) == spec:
        return venv_python(venv)
    say(f"making nbgrader's environment (nbgrader {NBGRADER_VERSION}) in {venv}: once, about a minute")
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    python = venv_python(venv)
    steps = [
        # The interpreter the course runs on (a venv made from a venv gets the same base Python).
        [sys.executable, "-m", "venv", str(venv)],
        [
            *(str(python), "-m", "pip", "install", "--quiet", f"nbgrader=={NBGRADER_VERSION}"),
            *spec["requirements"],
            *("-c", str(REPO / "constraints.txt")),
        ],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(step[:5])} … failed ({done.returncode}):\n{done.stderr[-3000:]}")
    # The course's package from this working tree, through a link: the very files our grader's kernels import
    # (a copy would go stale in the cache), and nothing else of the repository on the path (no tools/, tests/).
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    linked = venv / "course-package"
    linked.mkdir(exist_ok=True)
    (linked / "crisis_reading").symlink_to(REPO / "crisis_reading", target_is_directory=True)
    (site / "crisis-reading-course.pth").write_text(f"{linked}\n", encoding="utf-8")
    stamp.write_text(json.dumps(spec), encoding="utf-8")
    return python


def describe_venv(python: Path) -> dict[str, str]:
    """nbgrader's version, the kernel it starts and the course package its kernels import: proof of the set-up."""
    probe = (
        "import json, sys, nbgrader, pandas, crisis_reading\n"
        "from jupyter_client.kernelspec import KernelSpecManager\n"
        "argv = KernelSpecManager().get_kernel_spec('python3').argv\n"
        "print(json.dumps({'nbgrader': nbgrader.__version__, 'pandas': pandas.__version__,\n"
        "  'kernel': ' '.join(argv[:3]), 'python': sys.executable,\n"
        "  'package': crisis_reading.__file__}))"
    )
    done = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


# --- the course folder ---------------------------------------------------------------------------------------


def nbgrader_command(python: Path, *arguments: str) -> list[str]:
    return [str(python.parent / "nbgrader"), *arguments]


def nbgrader_environment(python: Path) -> dict[str, str]:
    """The instructor's environment with nbgrader's activated (nbgrader runs `alembic` from the PATH), as
    nbgrader's kernels inherit it, and the headless plotting our kernels get."""
    bin_folder = str(python.parent)
    path = os.pathsep.join([bin_folder, os.environ.get("PATH", os.defpath)])
    environment = {**os.environ, "PATH": path, "VIRTUAL_ENV": str(python.parent.parent), "MPLBACKEND": "Agg"}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as `make bench`: both graders read compiled bytecode
    return environment


def make_course(
    folder: Path, solution_path: Path, exercise: str, python: Path, cell_seconds: float
) -> nbformat.NotebookNode:
    """An nbgrader course in `folder` with the exercise generated (source/, release/, gradebook.db); the
    student's work to hand in (filled_in the release). Raises RuntimeError when nbgrader refuses it."""
    assignment = assignment_name(exercise)
    solution = nbformat.read(solution_path, as_version=4)
    source, work = build_assignment(solution, solution_path.name)
    (folder / "source" / assignment).mkdir(parents=True)
    nbformat.write(source, folder / "source" / assignment / solution_path.name)
    # The same limit a cell as our grader's (nbgrader's default is 30 s); nothing in the exercise comes near it.
    config = f"c = get_config()\nc.CourseDirectory.course_id = {COURSE_ID!r}\nc.Execute.timeout = {int(cell_seconds)}\n"
    (folder / "nbgrader_config.py").write_text(config, encoding="utf-8")
    run_nbgrader(python, folder, "generate_assignment", assignment)
    release = nbformat.read(folder / "release" / assignment / solution_path.name, as_version=4)
    return filled_in(release, work)


def hand_in(course: Path, exercise: str, notebook: nbformat.NotebookNode, name: str, students: list[str]) -> None:
    """`notebook` in submitted/<student>/<assignment>/ for each student, as `nbgrader collect` leaves it."""
    for student in students:
        folder = course / "submitted" / student / assignment_name(exercise)
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / name)


def run_nbgrader(python: Path, course: Path, *arguments: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        nbgrader_command(python, *arguments),
        cwd=course,
        env=nbgrader_environment(python),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(arguments)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done


def scores(python: Path, course: Path, exercise: str) -> dict[str, tuple[float, float]]:
    """Each student's total and the most there is, read from nbgrader's gradebook."""
    done = subprocess.run(
        [str(python), "-c", SCORES, COURSE_ID, assignment_name(exercise)],
        cwd=course,
        env=nbgrader_environment(python),
        capture_output=True,
        text=True,
        check=True,
    )
    return {student: (score, most) for student, (score, most) in json.loads(done.stdout).items()}


def failures(course: Path, exercise: str, student: str) -> list[str]:
    """Why a student lost points: each graded cell of their autograded notebooks that raised, with its error."""
    found = []
    for path in sorted((course / "autograded" / student / assignment_name(exercise)).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            grader = cell.get("metadata", {}).get("nbgrader", {})
            if cell.cell_type != "code" or not grader.get("grade"):
                continue
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    found.append(f"{path.name}, {grader['grade_id']}: {output['ename']}: {output['evalue']}")
    if not found and not (course / "autograded" / student).is_dir():
        found.append(f"no autograded/{student}: nbgrader did not grade this submission")
    return found
