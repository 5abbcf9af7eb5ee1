"""Check binder/ the way Binder builds it: repo2docker's base environment, then the course's own pins.

    python -m tools.binder_check [--keep DIR]

Makes a fresh virtual environment holding the pip-installable part of repo2docker's base environment for
Python 3.11 (BASE_PINS, from repo2docker's own lock file), installs binder/requirements.txt on top as
repo2docker does, runs `pip check`, installs the course's package as binder/postBuild does, runs lesson 00
and one exercise top to bottom in that environment, and reports the environment's size. It needs the
package index, so it is a developer's check, not part of `make test` (tests/tools/test_student_copy.py
checks binder/ against these pins without the network).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# repo2docker's base environment for Python 3.11: repo2docker/buildpacks/conda/environment.py-3.11-linux-64.lock
# in jupyterhub/repo2docker (commit 30a9dce, "Frozen on 2025-11-13"), the packages pip can install.
BASE_PINS = {
    "jupyterlab": "4.4.10",
    "notebook": "7.4.7",
    "jupyter_server": "2.17.0",
    "jupyterlab_server": "2.28.0",
    "ipykernel": "7.1.0",
    "ipython": "9.7.0",
    "ipywidgets": "8.1.8",
    "jupyterlab_widgets": "3.0.16",
    "widgetsnbextension": "4.0.15",
    "nbformat": "5.10.4",
    "nbclient": "0.10.2",
    "nbconvert": "7.16.6",
    "jupyter_client": "8.6.3",
    "jupyter_core": "5.9.1",
    "traitlets": "5.14.3",
    "tornado": "6.5.2",
    "pyzmq": "27.1.0",
    "python-dateutil": "2.9.0.post0",
    "packaging": "25.0",
    "pytz": "2025.2",
    "psutil": "7.1.3",
    "jupyter-resource-usage": "1.2.0",
    "setuptools": "80.9.0",
}


def run(command: list[str], **options) -> subprocess.CompletedProcess:
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, check=True, **options)


def size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def check(work: Path) -> int:
    venv = work / "binder-env"
    run([sys.executable, "-m", "venv", str(venv)])
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-cache-dir", "--quiet"]
    started = time.monotonic()
    run([*pip, *(f"{name}=={version}" for name, version in BASE_PINS.items())])
    base = size_mb(venv)
    run([*pip, "-r", str(REPO / "binder" / "requirements.txt")])
    run([python, "-m", "pip", "check"])
    run([*pip, "--no-deps", str(REPO)])
    course = size_mb(venv)
    copy = work / "course-copy"
    for folder in ("course", "exercises", "data"):
        shutil.copytree(REPO / folder, copy / folder)
    for notebook in ("course/00-start-here.ipynb", "exercises/01-anatomy.ipynb"):
        path = copy / notebook
        run(
            [python, "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace", str(path)],
            cwd=path.parent,
            env={"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(work), "MPLBACKEND": "Agg"},
        )
    print(
        f"binder/ resolves and runs on repo2docker's base pins: pip check clean; base {base:.0f} MB, "
        f"with the course {course:.0f} MB; {time.monotonic() - started:.0f} s"
    )
    return 0


def main(argv: list[str] | None = None, prog: str = "python -m tools.binder_check") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    options = parser.parse_args(argv)
    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=True)
        return check(options.keep)
    with tempfile.TemporaryDirectory(prefix="binder-check-") as work:
        return check(Path(work))


if __name__ == "__main__":
    raise SystemExit(main())
