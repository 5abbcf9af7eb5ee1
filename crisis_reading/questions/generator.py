"""Make the student exercise notebooks from the solution notebooks: solutions/ is the single source.

In a solution notebook:
- code between `# BEGIN SOLUTION` and `# END SOLUTION` is the answer. In the exercise,
  each `name = ...` assignment in it keeps its name with `...` as the value (valid
  Python, so the unfinished notebook still runs) and every other line goes;
- markdown between `<!-- BEGIN ANSWER -->` and `<!-- END ANSWER -->` is a model answer
  to a reflection question. In the exercise it becomes a prompt to write in;
- a markdown cell that starts with `<!-- SOLUTIONS ONLY -->` is left out of the exercise.
Outputs and execution counts are cleared.

Run `crisis-reading exercises` (or `make exercises`) after editing a
solution or a question; it also rewrites the instructors' index of questions
(instructors/questions.md). `--check` only reports whether both are up to date.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

BEGIN_SOLUTION = "# BEGIN SOLUTION"
END_SOLUTION = "# END SOLUTION"
BEGIN_ANSWER = "<!-- BEGIN ANSWER -->"
END_ANSWER = "<!-- END ANSWER -->"
SOLUTIONS_ONLY = "<!-- SOLUTIONS ONLY -->"
ANSWER_PROMPT = "*Write your answer here.*"
ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)")


class MarkerError(ValueError):
    """A solution notebook's markers do not pair up."""


def strip_code(source: str, where: str) -> str:
    out: list[str] = []
    inside = False
    kept_names: list[str] = []
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped == BEGIN_SOLUTION:
            if inside:
                raise MarkerError(f"{where}: {BEGIN_SOLUTION} twice without {END_SOLUTION}")
            inside, kept_names = True, []
            continue
        if stripped == END_SOLUTION:
            if not inside:
                raise MarkerError(f"{where}: {END_SOLUTION} without {BEGIN_SOLUTION}")
            inside = False
            if kept_names:
                out.extend(f"{name} = ..." for name in kept_names)
            else:
                out.append("...")
            continue
        if inside:
            match = ASSIGNMENT.match(line)
            if match and match.group(1) not in kept_names:
                kept_names.append(match.group(1))
        else:
            out.append(line)
    if inside:
        raise MarkerError(f"{where}: {BEGIN_SOLUTION} is never closed by {END_SOLUTION}")
    return "\n".join(out)


def strip_markdown(source: str, where: str) -> str:
    pattern = re.compile(re.escape(BEGIN_ANSWER) + r".*?" + re.escape(END_ANSWER), re.DOTALL)
    stripped = pattern.sub(ANSWER_PROMPT, source)
    if BEGIN_ANSWER in stripped or END_ANSWER in stripped:
        raise MarkerError(f"{where}: {BEGIN_ANSWER} and {END_ANSWER} do not pair up")
    return stripped


def student_markdown(cell: nbformat.NotebookNode, where: str) -> nbformat.NotebookNode | None:
    """A solution's markdown cell as students get it (model answers replaced by the prompt); None for a cell
    only instructors see."""
    if cell.source.lstrip().startswith(SOLUTIONS_ONLY):
        return None
    return nbformat.v4.new_markdown_cell(strip_markdown(cell.source, where))


def exercise_from_solution(solution: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    exercise = nbformat.v4.new_notebook(metadata=solution.metadata)
    for index, cell in enumerate(solution.cells):
        where = f"{name}, cell {index}"
        if cell.cell_type == "markdown":
            new = student_markdown(cell, where)
            if new is None:
                continue
        elif cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(strip_code(cell.source, where))
        else:
            new = nbformat.v4.new_raw_cell(cell.source)
        new.id = cell.get("id", f"cell-{index}")
        exercise.cells.append(new)
    return exercise


def render(notebook: nbformat.NotebookNode) -> str:
    return nbformat.writes(notebook) + "\n"


def generate(solutions: Path, exercises: Path, write: bool = True) -> list[Path]:
    """Make every exercise notebook; return those that changed (or would change, with write=False)."""
    changed = []
    for solution_path in sorted(solutions.glob("*.ipynb")):
        solution = nbformat.read(solution_path, as_version=4)
        text = render(exercise_from_solution(solution, solution_path.name))
        target = exercises / solution_path.name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            changed.append(target)
            if write:
                target.write_text(text, encoding="utf-8")
    return changed
