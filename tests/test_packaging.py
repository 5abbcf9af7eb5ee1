"""The package stands alone: a wheel built from the repository, installed non-editable in a fresh virtual
environment, runs a lesson and the quote finder from a folder outside the repository (as Binder's
`pip install .` and an instructor's own install do)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import nbformat
import pytest
from conftest import DATA, REPO

from crisis_reading import DEFAULT_ARTICLE

LESSON = "01-anatomy.ipynb"


def run(command: list[str], cwd: Path, **environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MPLBACKEND": "Agg", **environment}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(the fresh environment's python, a working folder outside the repository)."""
    root = tmp_path_factory.mktemp("packaging")
    wheels = root / "wheels"
    # Built from a copy of what the package is made of, so the build writes nothing into the repository; no build
    # isolation, since setuptools is pinned in requirements.txt: the build reaches no package index.
    source = root / "source"
    shutil.copytree(REPO / "crisis_reading", source / "crisis_reading", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(source),
        ],
        root,
    )
    environment = root / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(environment)], root)
    python = environment / "bin" / "python"
    site = Path(
        run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], root).stdout.strip()
    )
    # The course's other packages come from the test environment's site-packages (read as a plain folder, so its
    # editable crisis_reading is not seen); the package itself only from the wheel.
    (site / "course_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    wheel = next(wheels.glob("crisis_reading-*.whl"))
    run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        root,
    )
    work = root / "elsewhere"
    work.mkdir()
    return python, work


def test_the_wheel_holds_the_package_and_nothing_of_the_repository(installed) -> None:
    wheel = next((installed[1].parent / "wheels").glob("crisis_reading-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"crisis_reading", next(top for top in tops if top.endswith(".dist-info"))}
    needed = ["questions/bank/lesson_03.py", "grading/kernel_launcher.py", "grading/kernel_template.py"]
    needed += ["dataset/article_tables.json"]
    assert {f"crisis_reading/{name}" for name in needed} <= set(names)
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "crisis-reading = crisis_reading.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_package_is_the_wheel_not_the_repository(installed) -> None:
    python, work = installed
    where = run([str(python), "-c", "import crisis_reading; print(crisis_reading.__file__)"], work).stdout.strip()
    assert "site-packages" in where and not where.startswith(str(REPO))


def test_the_finder_and_its_command_run_outside_the_repository(installed) -> None:
    python, work = installed
    probe = (
        "from crisis_reading import find_quotes, load_article; print(len(find_quotes(load_article().blocks).quotes))"
    )
    found = run([str(python), "-c", probe], work, CRISIS_READING_DATA=str(DATA)).stdout
    assert int(found) > 20
    scored = run([str(python.with_name("crisis-reading")), "score", DEFAULT_ARTICLE, "--data", str(DATA)], work).stdout
    assert "speaker_accuracy" in scored


def test_a_lesson_runs_top_to_bottom_from_the_installed_package(installed) -> None:
    python, work = installed
    lesson = nbformat.read(REPO / "course" / LESSON, as_version=4)
    # One more cell says which package the kernel used, so the run proves it was the installed one.
    lesson.cells.append(nbformat.v4.new_code_cell("import crisis_reading\nprint(crisis_reading.__file__)"))
    nbformat.write(lesson, work / LESSON)
    script = (
        "import sys, nbformat, nbclient\n"
        f"notebook = nbformat.read({str(work / LESSON)!r}, as_version=4)\n"
        # The kernel is this environment's own python (ipykernel's built-in spec), not the test environment's.
        "client = nbclient.NotebookClient(notebook, timeout=120, kernel_name='python3',"
        f" resources={{'metadata': {{'path': {str(work)!r}}}}})\n"
        "client.execute()\n"
        "print(notebook.cells[-1].outputs[0]['text'])\n"
    )
    home = work / "home"
    home.mkdir(exist_ok=True)
    result = run([str(python), "-c", script], work, CRISIS_READING_DATA=str(DATA), HOME=str(home), JUPYTER_PATH="")
    # nbclient stops with CellExecutionError at a cell that raises, so reaching the last cell means none did.
    used = result.stdout.strip().splitlines()[-1]
    assert "site-packages" in used and not used.startswith(str(REPO))


def declared_requirements() -> dict[str, set[str]]:
    """The distributions pyproject.toml declares: "core", and one set per extra."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {
            re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")
            for requirement in requirements
        }

    declared = {"core": names(project["dependencies"])}
    declared |= {extra: names(requirements) for extra, requirements in project["optional-dependencies"].items()}
    return declared


def test_every_third_party_import_is_declared_where_it_is_needed() -> None:
    """The package's own imports, file by file, against pyproject.toml: the core needs only the core dependencies,
    the grader its [grading] extra. (The wheel test above borrows the test environment's packages, so it cannot
    see a missing declaration; this can.)"""
    from importlib.metadata import packages_distributions

    distributions = packages_distributions()
    declared = declared_requirements()
    missing = []
    for path in sorted((REPO / "crisis_reading").rglob("*.py")):
        where = path.relative_to(REPO / "crisis_reading")
        allowed = set(declared["core"])
        if where.parts[0] == "grading" or where.name == "progress.py":
            allowed |= declared["grading"]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top == "crisis_reading":
                    continue
                if (path.parent / f"{top}.py").exists():  # a script run by path imports the one beside it
                    continue
                provided = {name.lower().replace("_", "-") for name in distributions.get(top, [top])}
                if not provided & allowed:
                    missing.append(f"{where}: {module} ({', '.join(sorted(provided))})")
    assert not missing, f"declare these in pyproject.toml: {missing}"
