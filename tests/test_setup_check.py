"""The setup check (issue 15): in seconds, in plain words, whether this machine is ready, and what to do if not.
Each check is made to fail once here, so a check that cannot fail is caught."""

from __future__ import annotations

import shutil
import subprocess
import time
from importlib import metadata

import nbformat
from conftest import DATA, REPO

import crisis_reading
from crisis_reading import setup_check


def test_this_machine_is_ready_and_says_so() -> None:
    report = crisis_reading.check_setup()  # outside a notebook it returns the report
    assert report.ready, str(report)
    text = str(report)
    assert text.startswith("Ready") and "FIX" not in text
    assert [finding.what for finding in report.findings] == ["Python", "Packages", "Data", "Widgets"]
    assert report.seconds < 10


def test_an_old_python_is_named_with_what_to_do() -> None:
    finding = setup_check.check_python((3, 10, 4))
    assert not finding.ok and "3.10.4 is too old" in finding.found
    assert "What to do: install Python 3.11 or newer" in finding.line()


def test_a_missing_or_old_package_is_named() -> None:
    missing = setup_check.check_packages({"no-such-course-package": ""})
    assert not missing.ok and "no-such-course-package is not installed" in missing.found
    old = setup_check.check_packages({"pandas": "999"})
    assert not old.ok and "needs 999 or newer" in old.found and "make install" in old.todo


def test_the_packages_are_the_ones_the_package_declares() -> None:
    assert {"pandas", "matplotlib", "ipywidgets"} <= set(setup_check.course_needs())


def test_broken_data_is_reported_with_the_file(tmp_path, monkeypatch) -> None:
    broken = tmp_path / "data"
    shutil.copytree(DATA, broken)
    article = next(broken.glob("aljazeera-*"))
    quotes = article / "quotes.csv"
    lines = quotes.read_text(encoding="utf-8").splitlines(keepends=True)
    quotes.write_text(lines[0] + lines[1].replace(",", ",,", 1) + "".join(lines[2:]), encoding="utf-8")
    monkeypatch.setenv("CRISIS_READING_DATA", str(broken))
    finding = setup_check.check_data()
    assert not finding.ok and "quotes.csv" in finding.found
    assert "undo that edit" in finding.todo


def test_widgets_without_their_jupyterlab_half_are_named(monkeypatch) -> None:
    real = metadata.version

    def version(name: str) -> str:
        if name == "jupyterlab_widgets":
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(setup_check.metadata, "version", version)
    finding = setup_check.check_widgets()
    assert not finding.ok and "jupyterlab_widgets not installed" in finding.found


def test_a_problem_makes_the_report_not_ready_and_the_command_fail(monkeypatch, capsys) -> None:
    failing = setup_check.SetupReport([setup_check.check_python((3, 9, 0)), setup_check.check_widgets()])
    monkeypatch.setattr(setup_check, "run_checks", lambda: failing)
    assert setup_check.main([]) == 1
    out = capsys.readouterr().out
    assert out.startswith("NOT ready yet: 1 thing(s) to fix") and "[FIX ] Python" in out


def test_the_widget_test_says_what_to_do_where_widgets_cannot_show() -> None:
    bundle = setup_check.widget_probe()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == setup_check.WIDGETS_HELP and "NOT showing" in bundle["text/plain"]


def test_make_check_answers_in_seconds() -> None:
    start = time.perf_counter()
    result = subprocess.run(["make", "-s", "check"], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Ready") and time.perf_counter() - start < 15


def test_make_check_without_the_environment_says_how_to_make_it(tmp_path) -> None:
    result = subprocess.run(
        ["make", "-s", "check", f"VENV={tmp_path / 'none'}"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0 and "NOT ready yet" in result.stdout and "make lab" in result.stdout


def test_lesson_00_runs_the_check_before_it_loads_anything() -> None:
    cells = nbformat.read(REPO / "course" / "00-start-here.ipynb", as_version=4).cells
    code = [cell.source for cell in cells if cell.cell_type == "code"]
    checks = [number for number, source in enumerate(code) if "check_setup()" in source]
    loads = [number for number, source in enumerate(code) if "load_article(" in source]
    assert len(checks) == 1 and checks[0] < loads[0]
    assert "from crisis_reading import check_setup" in code[checks[0]]
