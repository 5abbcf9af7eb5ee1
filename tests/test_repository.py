"""Habits that keep the repository clean, checked by the test command."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import DATA, REPO


def tracked(pattern: str) -> list[str]:
    result = subprocess.run(["git", "ls-files", pattern], cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode == 0 and result.stdout.strip():
        return result.stdout.split()
    return [str(p.relative_to(REPO)) for p in REPO.rglob(pattern) if ".venv" not in p.parts]


def test_notebooks_are_committed_without_outputs() -> None:
    notebooks = tracked("*.ipynb")
    assert notebooks, "no notebooks found"
    dirty = []
    for name in notebooks:
        notebook = json.loads((REPO / name).read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count")):
                dirty.append(name)
                break
    assert not dirty, f"strip outputs before committing (Kernel → Restart and Clear Outputs): {dirty}"


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "crisis_reading", "tests", "tools"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_column_is_in_the_data_dictionary() -> None:
    dictionary = (DATA / "README.md").read_text(encoding="utf-8")
    missing = []
    for descriptor_path in DATA.glob("*/datapackage.json"):
        for resource in json.loads(descriptor_path.read_text(encoding="utf-8"))["resources"]:
            for field in resource["schema"]["fields"]:
                if f"`{field['name']}`" not in dictionary:
                    missing.append(f"{resource['name']}.{field['name']}")
                for value in field.get("constraints", {}).get("enum", []):
                    if f"`{value}`" not in dictionary:
                        missing.append(f"{resource['name']}.{field['name']} = {value}")
    assert not missing, f"document these in data/README.md: {missing}"


def test_requirements_are_pinned_exactly() -> None:
    for path in ("requirements.txt", "constraints.txt"):
        for line in (REPO / path).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-c", "-e")):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][^ ]*", line), f"{path}: pin {line!r} with =="


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make test" in ci


def test_instructor_guide_times_match_the_lessons() -> None:
    guide = (REPO / "instructors" / "guide.md").read_text(encoding="utf-8")
    for notebook_path in sorted((REPO / "course").glob("0*.ipynb")):
        header = "".join(json.loads(notebook_path.read_text(encoding="utf-8"))["cells"][0]["source"])
        times = re.findall(r"\*\*(?:Teaching|Practice|Time)\*\*[^|]*\|\s*([^|\n]+?)\s*\|", header)
        number = notebook_path.name[:2]
        assert times, f"lesson {number} states no teaching or practice time in its first cell"
        row = next((line for line in guide.splitlines() if line.startswith(f"| {number} ")), None)
        assert row is not None, f"the guide's time table has no row for lesson {number}"
        for time in times:
            assert time in row, f"lesson {number} says {time!r} but the guide says {row!r}"
