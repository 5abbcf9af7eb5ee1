"""The package's architecture, as its folder tree states it: layers that import only downward, one public API.

The contracts are import-linter's, written in pyproject.toml ([tool.importlinter]); these tests run them on
the package and on a copy with a deliberate wrong-way import, so a contract that cannot fail is caught too.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import crisis_reading

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
NOTEBOOK_FOLDERS = ("course", "solutions", "exercises")


def lint_imports(package_parent: Path, config: Path) -> subprocess.CompletedProcess:
    """Run import-linter on the crisis_reading found in package_parent, with the contracts in config."""
    environment = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(config)],
        cwd=package_parent,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_layers_import_only_downward() -> None:
    result = lint_imports(REPO, REPO / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        ("dataset/paths.py", "import crisis_reading.views.charts", "Layers import only downward"),
        ("finder/channels.py", "import crisis_reading.analysis.voices", "independent of each other"),
        ("analysis/voices.py", "import matplotlib.pyplot", "never import a display library"),
        # the public API is the import most likely to slip into a lower layer: the root shows the contracts its names
        ("dataset/paths.py", "from crisis_reading import charts", "Layers import only downward"),
        ("grading/batch.py", "import crisis_reading.cli", "Layers import only downward"),
        ("progress.py", "import crisis_reading.dataset.paths", "Layers import only downward"),
    ],
)
def test_a_wrong_way_import_breaks_a_contract(tmp_path: Path, module: str, wrong_import: str, contract: str) -> None:
    copy = tmp_path / "crisis_reading"
    shutil.copytree(REPO / "crisis_reading", copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{wrong_import}  # deliberately wrong\n", "utf-8")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    result = lint_imports(tmp_path, tmp_path / "pyproject.toml")
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(contract in line for line in broken), result.stdout


def notebook_imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """Every import of the package in a notebook's code cells: (cell number, module, names)."""
    found = []
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells, start=1):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("crisis_reading"):
                found.append((number, node.module, [alias.name for alias in node.names]))
            elif isinstance(node, ast.Import):
                found += [(number, alias.name, []) for alias in node.names if alias.name.startswith("crisis_reading")]
    return found


NOTEBOOKS = sorted(path for folder in NOTEBOOK_FOLDERS for path in (REPO / folder).glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_notebooks_import_only_the_public_api(path: Path) -> None:
    imports = notebook_imports(path)
    assert imports, f"{path.name} imports nothing from crisis_reading"
    wrong = [
        f"cell {cell}: {module} {names}"
        for cell, module, names in imports
        if module != "crisis_reading" or not set(names) <= set(crisis_reading.__all__)
    ]
    assert not wrong, f"{path.name} reaches past `from crisis_reading import …`: {wrong}"


def test_the_public_api_is_complete_and_lazy() -> None:
    for name in crisis_reading.__all__:
        assert getattr(crisis_reading, name) is not None, name
    probe = "import sys, crisis_reading; print(sorted(m for m in sys.modules if 'matplotlib' in m))"
    fresh = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
    )
    assert fresh.stdout.strip() == "[]", "import crisis_reading loaded matplotlib: the API must stay lazy"
    with pytest.raises(AttributeError, match="no attribute 'no_such_helper'"):
        crisis_reading.no_such_helper  # noqa: B018


# Where the package may use its own location, and why: nowhere else does it look beside itself.
OWN_LOCATION = {
    "crisis_reading/dataset/paths.py": "data/ beside the package, in a clone of the course",
    "crisis_reading/grading/batch.py": "the grader's own code, digested so a resumed run knows it is unchanged",
    "crisis_reading/grading/sandbox.py": "the kernel launcher beside it",
    "crisis_reading/grading/forked_kernels.py": "the kernel template beside it, run by path in its sandbox",
    "crisis_reading/grading/isolation.py": "the package itself, bound read-only into each kernel's sandbox",
}


def test_the_package_reaches_no_repository_folder_but_data() -> None:
    """Developer tools live in tools/: the package never finds course/, solutions/ or tools/ from its own place."""
    users = sorted(
        str(path.relative_to(REPO))
        for path in (REPO / "crisis_reading").rglob("*.py")
        if "__file__" in path.read_text(encoding="utf-8")
    )
    assert users == sorted(OWN_LOCATION)


# Where the package may import by a name it computes (the contracts cannot see those imports), and why.
DYNAMIC_IMPORTS = {
    "crisis_reading/__init__.py": "the public API, loaded when a name is first used (its TYPE_CHECKING block shows it)",
    "crisis_reading/cli/__init__.py": "the command line's subcommands, one module each, loaded when run",
    "crisis_reading/questions/checks.py": "every lesson module of the question bank",
    "crisis_reading/grading/kernel_template.py": "what every kernel imports, named by the grader, imported once",
}


def test_no_module_hides_an_import_from_the_contracts() -> None:
    users = set()
    for path in (REPO / "crisis_reading").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = node.func if isinstance(node, ast.Call) else None
            name = getattr(called, "attr", None) or getattr(called, "id", None)
            if name in ("import_module", "__import__"):
                users.add(str(path.relative_to(REPO)))
    assert users == set(DYNAMIC_IMPORTS), "import by a computed name: say why here, or import it plainly"
