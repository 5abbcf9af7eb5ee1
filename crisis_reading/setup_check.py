"""Is this machine ready for the course? A few seconds of checks, each answered in plain words.

    from crisis_reading import check_setup
    check_setup()              # in a notebook: the report, then a small widget that shows only if widgets work

    make check                 # the same checks from a terminal (python -m crisis_reading.setup_check)

It checks Python's version, the packages the lessons import, that the course's article and reference tables
load, and that the widgets' two halves (ipywidgets in the kernel, jupyterlab_widgets in JupyterLab) are there.
Whether a widget is actually drawn only the page can tell: in a notebook the check shows one, and what shows in
its place when widgets do not work is the message saying what to do. Each problem comes with what to do about
it; nothing here changes a file.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata

# The oldest Python the course runs on (pyproject.toml's requires-python).
OLDEST_PYTHON = (3, 11)
# The distribution whose declared dependencies are the packages the lessons need.
COURSE_PACKAGE = "crisis-reading"
# What the package's dependencies are, should its metadata be missing (a copy run without installing it).
FALLBACK_NEEDS = {"pandas": "2.2", "numpy": "1.26", "matplotlib": "3.8", "ipywidgets": "8", "ipython": "8"}
# Each fix names both ways the course is installed: the instructor's repository (with its Makefile) and the
# students' copy (no Makefile; its README installs from binder/requirements.txt).
INSTALL = (
    "run `make install` in the course folder (in a students' copy: `pip install -r binder/requirements.txt`, then "
    "`pip install --no-deps .`), then restart the kernel"
)
WIDGETS_HELP = (
    "Widgets are NOT showing in this window. Open the course with `make lab` (in a students' copy: `jupyter lab`, "
    "JupyterLab 4), or install "
    "`jupyterlab_widgets` into the environment that runs JupyterLab, then reload the page. A read-only copy of "
    "the lessons (the course website) shows no widgets at all: run the notebook to use them."
)


@dataclass
class Finding:
    """One check: what was checked, whether it passed, what was found, and what to do if it did not pass."""

    what: str
    ok: bool
    found: str
    todo: str = ""

    def line(self) -> str:
        verdict = "OK  " if self.ok else "FIX "
        text = f"[{verdict}] {self.what}: {self.found}"
        return text + (f"\n         What to do: {self.todo}" if not self.ok and self.todo else "")


@dataclass
class SetupReport:
    """Every finding of one run of the check, and how long it took."""

    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ready(self) -> bool:
        return all(finding.ok for finding in self.findings)

    def __str__(self) -> str:
        if self.ready:
            head = "Ready: this machine has everything the course needs."
        else:
            problems = sum(not finding.ok for finding in self.findings)
            head = f"NOT ready yet: {problems} thing(s) to fix, each with what to do."
        lines = [head, *(finding.line() for finding in self.findings)]
        return "\n".join([*lines, f"(checked in {self.seconds:.1f} s)"])

    def __repr__(self) -> str:
        return str(self)


def _numbers(version: str) -> tuple[int, ...]:
    """'3.11.2' → (3, 11, 2); stops at the first part that is not a number ('8.1.0rc1' → (8, 1))."""
    parts = []
    for part in version.split("."):
        match = re.match(r"\d+", part)
        if not match:
            break
        parts.append(int(match.group()))
        if match.group() != part:
            break
    return tuple(parts)


def check_python(version: tuple[int, ...] | None = None) -> Finding:
    version = tuple(sys.version_info[:3]) if version is None else version
    shown = ".".join(map(str, version))
    oldest = ".".join(map(str, OLDEST_PYTHON))
    if version[:2] >= OLDEST_PYTHON:
        return Finding("Python", True, f"version {shown} (the course needs {oldest} or newer)")
    return Finding(
        "Python",
        False,
        f"version {shown} is too old (the course needs {oldest} or newer)",
        f"install Python {oldest} or newer, then in the course folder run `make clean` and `make lab` (in a "
        "students' copy: make a new environment and install as its README says)",
    )


def course_needs() -> dict[str, str]:
    """The packages the lessons import, each with its oldest allowed version, from the package's own metadata."""
    try:
        requirements = metadata.requires(COURSE_PACKAGE) or []
    except metadata.PackageNotFoundError:
        return dict(FALLBACK_NEEDS)
    needs = {}
    for requirement in requirements:
        if "extra ==" in requirement:  # the grader's, the website's and the tests' extras are not the lessons'
            continue
        match = re.match(r"\s*([A-Za-z0-9_.-]+)\s*(?:>=\s*([0-9.]+))?", requirement)
        if match:
            needs[match.group(1)] = match.group(2) or ""
    return needs


def check_packages(needs: dict[str, str] | None = None) -> Finding:
    needs = course_needs() if needs is None else needs
    missing, old, present = [], [], []
    for name, oldest in needs.items():
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(name)
            continue
        if oldest and _numbers(version) < _numbers(oldest):
            old.append(f"{name} {version} (needs {oldest} or newer)")
        else:
            present.append(f"{name} {version}")
    if not missing and not old:
        return Finding("Packages", True, "all installed: " + ", ".join(present))
    problems = [*(f"{name} is not installed" for name in missing), *(f"{item} is too old" for item in old)]
    return Finding("Packages", False, "; ".join(problems), INSTALL)


def check_data() -> Finding:
    try:
        from crisis_reading.dataset.article import load_article
        from crisis_reading.dataset.reference import load_reference

        article = load_article()
        load_reference()
    except ImportError as error:
        return Finding("Data", False, f"could not be read: {error.name or 'a package'} is missing", INSTALL)
    except Exception as error:  # a broken file: DataError names the file, the row and the column
        return Finding(
            "Data",
            False,
            f"the course's data did not load: {error}",
            "if you edited a file in data/, undo that edit (the message names the file and the row); otherwise "
            "download a fresh copy of the course",
        )
    return Finding(
        "Data",
        True,
        f"the article ({article.slug}) and the reference tables load, and every quote matches the text",
    )


def check_widgets() -> Finding:
    versions = {}
    for name in ("ipywidgets", "jupyterlab_widgets"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    kernel, page = versions["ipywidgets"], versions["jupyterlab_widgets"]
    if kernel is None or page is None:
        absent = " and ".join(name for name, version in versions.items() if version is None)
        return Finding("Widgets", False, f"{absent} not installed, so sliders and menus will not show", INSTALL)
    if _numbers(kernel)[:1] >= (8,) and _numbers(page)[:1] < (3,):
        return Finding(
            "Widgets",
            False,
            f"ipywidgets {kernel} needs jupyterlab_widgets 3 or newer; this is {page}",
            INSTALL,
        )
    return Finding("Widgets", True, f"ipywidgets {kernel} with jupyterlab_widgets {page} (both halves installed)")


def run_checks() -> SetupReport:
    """Every check, in the order a problem should be fixed (Python first: without it nothing else matters)."""
    start = time.perf_counter()
    report = SetupReport([check_python(), check_packages(), check_data(), check_widgets()])
    report.seconds = time.perf_counter() - start
    return report


def _in_a_notebook() -> bool:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def probe_widget():
    """The widget the check shows: one line, labelled for a screen reader, that says widgets work."""
    import ipywidgets

    return ipywidgets.HTML(
        value="<b>Widgets work in this window:</b> you can see this line, so the lessons' sliders and menus will show.",
        description="Widget test",
    )


def widget_probe() -> dict:
    """The probe's display bundle; where widgets cannot be drawn, its text stand-in says what to do instead."""
    bundle = probe_widget()._repr_mimebundle_()
    bundle["text/plain"] = WIDGETS_HELP
    return bundle


def check_setup() -> SetupReport | None:
    """Check this machine and say in plain words whether it is ready for the course, and what to do if not.

    In a notebook it shows the report, then a widget test (only the page can tell whether widgets are drawn),
    and returns nothing, so nothing is shown twice. Elsewhere it returns the report.
    """
    report = run_checks()
    if not _in_a_notebook():
        return report
    from IPython.display import display

    print(report)
    if all(finding.ok for finding in report.findings if finding.what == "Widgets"):
        print("\nLast check, by eye: the line below should say that widgets work.")
        display(widget_probe(), raw=True)
    return None


def main(argv: list[str] | None = None, prog: str = "crisis-reading check") -> int:
    """`make check`: print the report; exit 0 when the machine is ready, 1 when something needs fixing."""
    report = run_checks()
    print(report)
    if report.ready:
        print(
            "Widgets are drawn by the page, not by this terminal: lesson 00's first check cell shows whether they work."
        )
    return 0 if report.ready else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
