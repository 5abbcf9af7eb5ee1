"""Tests of crisis_reading.grading.isolation and the grader's distrust of files: what a hostile student tries.

Each attacking notebook answers a question correctly only if its attack worked, so a row that says "correct"
is a hole in the sandbox. They are graded two at a time, beside a classmate whose kernel is running, with the
grader's own secret in its environment and a listener on the host's loopback.
"""

from __future__ import annotations

import csv
import os
import platform
import socket
import stat
import threading
import uuid
from pathlib import Path

import nbformat
import pytest
from test_grading import CORRECT_CELLS, EXERCISE, answer_cell, expected_literal, notebook, put

from crisis_reading.grading.cli import main
from crisis_reading.grading.isolation import sandbox_problem
from crisis_reading.grading.sandbox import assigning_cells, read_regular_file

pytestmark = pytest.mark.skipif(
    sandbox_problem() is not None and not os.environ.get("CI"),
    reason=f"kernels cannot be sandboxed here: {sandbox_problem()}",
)
LIMITS = ["--cell-timeout", "8", "--notebook-timeout", "20", "--memory-mb", "1024", "--workers", "2"]
SECRET = "a-grader-secret-" + uuid.uuid4().hex
MARKER = "crisis-outlive-" + uuid.uuid4().hex[:12]


def attack(name: str, body: str, succeeded: str) -> str:
    """A cell that answers `name`'s question correctly exactly when `succeeded` is true after `body` ran."""
    question = name.replace("answer_", "").replace("_", ".")
    return f"{body}\n{name} = {expected_literal(question)} if ({succeeded}) else 'the sandbox held'"


FIND_CLASSMATES = attack(
    "answer_03_1",
    """
import glob, os
mine = os.path.dirname(os.getcwd())
found = glob.glob("/tmp/crisis-grade-*/channel/*")
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        found += open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace").split("\0")
    except OSError:
        pass
others = [p for p in found if "connection" in p and "crisis-grade-" in p and not p.startswith(mine)]
""",
    "others",
)
READ_SECRETS = attack(
    "answer_03_4",
    """
import os
seen = []
for pid in os.listdir("/proc"):
    if pid.isdigit():
        for name in ("environ", "cmdline"):
            try:
                seen.append(open(f"/proc/{pid}/{name}", "rb").read())
            except OSError:
                pass
""",
    f"any({SECRET!r}.encode() in text or b'--out' in text for text in seen) or {SECRET!r} in str(os.environ)",
)
PLANT_PTH = attack(
    "answer_03_3",
    """
import site, sys, os
planted = False
for folder in {*site.getsitepackages(), sys.prefix, os.path.dirname(os.__file__)}:
    try:
        with open(os.path.join(folder, "zz-backdoor.pth"), "w") as handle:
            handle.write("import os\\n")
        planted = True
    except OSError:
        pass
""",
    "planted",
)
FORK_BOMB = attack(
    "answer_03_1",
    """
import subprocess
children = []
try:
    for _ in range(600):
        children.append(subprocess.Popen(["sleep", "30"]))
except OSError:
    pass
""",
    "len(children) >= 600",
)
OUTLIVE = f"""
import subprocess, os
subprocess.Popen(["sleep", "300", "{MARKER}"], start_new_session=True)
subprocess.Popen(["sleep", "301", "{MARKER}"], process_group=0)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execvp("sleep", ["sleep", "302", "{MARKER}"])
    os._exit(0)
"""


def network_attack(port: int) -> str:
    return attack(
        "answer_03_5",
        f"""
import socket
reached = False
for host in ("127.0.0.1", "10.0.2.2", "1.1.1.1"):
    try:
        socket.create_connection((host, {port} if host == "127.0.0.1" else 80), timeout=1).close()
        reached = True
    except OSError:
        pass
""",
        "reached",
    )


@pytest.fixture(scope="module")
def listener():
    """A TCP listener on the host's loopback that records every connection it is offered."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    reached: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            reached.append("connected")
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], reached
    stop.set()
    thread.join()
    server.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, listener):
    port, reached = listener
    root = tmp_path_factory.mktemp("isolation")
    submissions, out = root / "submissions", root / "out"
    # The classmate sleeps between answers, so its kernel is alive while the attackers look for it.
    put(submissions, "a_classmate", notebook(*CORRECT_CELLS[:3], "import time\ntime.sleep(6)", *CORRECT_CELLS[3:]))
    put(submissions, "b_hijacker", notebook("import time\ntime.sleep(1)", FIND_CLASSMATES, READ_SECRETS))
    put(submissions, "c_planter", notebook(PLANT_PTH, network_attack(port), OUTLIVE, answer_cell("03.6")))
    put(submissions, "d_kills_parent", notebook(answer_cell("03.1"), "import os\nos.kill(os.getppid(), 9)"))
    put(submissions, "h_forks", notebook(FORK_BOMB, answer_cell("03.6")))
    links = submissions / "e_links"
    links.mkdir()
    os.symlink("/dev/zero", links / "03-zero.ipynb")
    fifo = submissions / "f_fifo"
    fifo.mkdir()
    os.mkfifo(fifo / "03-pipe.ipynb")
    solutions = submissions / "g_borrows"
    solutions.mkdir()
    repo = Path(__file__).resolve().parents[2]
    os.symlink(os.path.relpath(repo / "solutions" / "03-how-they-are-quoted.ipynb", solutions), solutions / "03.ipynb")
    os.environ["GRADER_TEST_SECRET"] = SECRET
    try:
        status = main(["grade", str(submissions), "--out", str(out), "--exercise", EXERCISE, *LIMITS])
    finally:
        del os.environ["GRADER_TEST_SECRET"]
    assert status == 0
    with (out / "gradebook.csv").open(encoding="utf-8", newline="") as handle:
        rows = {(row["student"], row["question"]): row for row in csv.DictReader(handle)}
    return rows, reached


def verdict(rows, student: str, question: str) -> str:
    return rows[(student, question)]["verdict"]


def test_a_kernel_finds_no_classmate_and_no_secret(hostile) -> None:
    rows, _ = hostile
    assert verdict(rows, "b_hijacker", "03.1") == "not yet", rows[("b_hijacker", "03.1")]
    assert verdict(rows, "b_hijacker", "03.4") == "not yet", rows[("b_hijacker", "03.4")]
    # The classmate's answers were neither read nor changed: all six correct, and its run went to the end.
    assert [verdict(rows, "a_classmate", f"03.{n}") for n in range(1, 7)] == ["correct"] * 6
    assert rows[("a_classmate", "03.1")]["run"] == "ran to the end"


def test_nothing_is_planted_and_nothing_is_reached(hostile) -> None:
    rows, reached = hostile
    assert verdict(rows, "c_planter", "03.3") == "not yet", rows[("c_planter", "03.3")]
    assert verdict(rows, "c_planter", "03.5") == "not yet", rows[("c_planter", "03.5")]
    assert reached == [], "a kernel reached the host's loopback"
    assert verdict(rows, "c_planter", "03.6") == "correct"  # its run went on to the end after the attempts


def test_no_process_of_the_class_outlives_the_run(hostile) -> None:
    left = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if MARKER.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                left.append(pid)
        except OSError:
            pass
    assert not left, f"processes a student started are still running: {left}"


def test_killing_its_parent_harms_no_one(hostile) -> None:
    rows, _ = hostile
    assert verdict(rows, "d_kills_parent", "03.1") == "correct"
    assert [verdict(rows, "a_classmate", f"03.{n}") for n in range(1, 7)] == ["correct"] * 6


@pytest.mark.parametrize(
    ("student", "what"), [("e_links", "but a link"), ("f_fifo", "but a FIFO"), ("g_borrows", "but a link")]
)
def test_a_link_or_a_fifo_is_not_a_notebook(hostile, student: str, what: str) -> None:
    rows, _ = hostile
    for number in range(1, 7):
        row = rows[(student, f"03.{number}")]
        assert row["verdict"] != "correct" and what in row["run"], row


def test_a_file_is_read_only_when_it_is_a_regular_file_of_bounded_size(tmp_path: Path) -> None:
    big = tmp_path / "big.ipynb"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(ValueError, match="larger than"):
        read_regular_file(big, 1024)
    os.symlink(big, tmp_path / "link.ipynb")
    with pytest.raises(ValueError, match="but a link"):
        read_regular_file(tmp_path / "link.ipynb", 4096)
    assert read_regular_file(big, 4096) == b"x" * 2048


def test_finding_answer_cells_is_linear_in_blank_lines() -> None:
    # A \\s* at a line's start made this quadratic: 60 KB of blank lines took 50 s, 1 MB would take hours.
    cells = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("\n" * 1_000_000 + "answer_03_1 = 1")])
    assert assigning_cells(cells, ["answer_03_1", "answer_03_2"]) == {"answer_03_1": 1}


@pytest.mark.skipif(os.geteuid() != 0, reason="a user of its own per kernel, and so a process limit, needs root")
def test_a_fork_bomb_stops_at_the_process_limit(hostile) -> None:
    rows, _ = hostile
    assert verdict(rows, "h_forks", "03.1") == "not yet", rows[("h_forks", "03.1")]
    assert verdict(rows, "h_forks", "03.6") == "correct"  # the run went on after the bomb


LEAK_JOBS = 12  # about 8 s; `python -m tools.grading_bench --leak 120` grades 120 the same way


def test_one_worker_grades_many_notebooks_under_a_low_open_file_limit() -> None:
    """One pool worker grades notebook after notebook with at most 256 open files (`ulimit -n 256`): every run
    goes to the end, and the worker's open files and threads stay flat. With its kernel connections left open a
    worker grew by 18 files and 5 threads a notebook (53 -> 1,847 files over 100), so here it would have run out
    of files after about 10 notebooks."""
    from tools.grading_bench import LEAK_FILE_LIMIT, LEAK_WARM_UP, leak_in_a_process

    report = leak_in_a_process(LEAK_JOBS, tiny=True, exercise=EXERCISE)
    probes = report["probes"]
    assert report["file_limit"] == LEAK_FILE_LIMIT
    assert report["runs"] == ["ran to the end"], report["runs"]
    assert len(probes) == LEAK_JOBS and all(probes), probes
    assert len({probe["pid"] for probe in probes}) == 1, "the jobs were not all graded by one worker"
    # The first jobs open what stays open for good (the import of pandas, a logger): counted from there.
    settled = probes[LEAK_WARM_UP - 1]
    for number, probe in enumerate(probes[LEAK_WARM_UP:], LEAK_WARM_UP + 1):
        assert probe["files"] <= settled["files"] + 2, f"open files after job {number}: {settled} -> {probe}"
        assert probe["threads"] <= settled["threads"] + 2, f"threads after job {number}: {settled} -> {probe}"


def test_a_course_cloned_under_tmp_is_bound_into_the_private_tmp(tmp_path: Path) -> None:
    """The private /tmp comes first: a course (or its data) under /tmp is bound inside it, not hidden by it (a CI
    clone under /tmp had every kernel die at start)."""
    from crisis_reading.grading.isolation import bwrap_command

    data = Path("/tmp") / "some-clone" / "data"
    command = bwrap_command(tmp_path / "job", data, {}, None)
    tmpfs = command.index("--tmpfs")
    assert command[tmpfs + 1] == "/tmp"
    binds = [i for i, part in enumerate(command) if part in ("--ro-bind", "--bind", "--dir")]
    under_tmp = [i for i in binds if command[i + 1].startswith("/tmp/")]
    assert under_tmp and min(under_tmp) > tmpfs


OBSERVE = r"""
import json, os, random, sys
seen = {"preloaded": "pandas" in sys.modules, "random": random.random(), "uid": os.getuid()}
seen["left"] = sorted(os.listdir("/tmp")) + sorted(os.listdir("/dev/shm"))
seen["processes"] = sorted(name for name in os.listdir("/proc") if name.isdigit())
seen["jobs"] = sorted(os.listdir(os.path.dirname(os.path.dirname(os.getcwd()))))
seen["wrote"] = []
for folder in ("/", "/run", "/dev", sys.prefix, os.path.dirname(json.__file__), "/tmp", "/dev/shm"):
    try:
        with open(os.path.join(folder, "left-by-a-student"), "w") as handle:
            handle.write("for the next one")
        seen["wrote"].append(folder)
    except OSError:
        pass
seen["status"] = [line for line in open("/proc/self/status").read().splitlines() if line.startswith(("Cap", "NoNew"))]
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
# add_key("user", …, KEY_SPEC_USER_KEYRING): a key the next kernel of this uid would find
seen["add_key"] = libc.syscall(ctypes.c_long(248), b"user", b"left-by-a-student", b"x", ctypes.c_size_t(1), -4)
answer_03_1 = json.dumps(seen)
"""


def test_kernels_forked_from_one_template_share_nothing(tmp_path: Path) -> None:
    """Two submissions graded one after the other by one worker, so by kernels forked from one template: the
    second finds nothing the first left in /tmp or /dev/shm, neither sees another job's folder or any process but
    its own, neither can write outside its /tmp, /dev/shm and job folder, and neither keeps a capability."""
    import json

    from crisis_reading.grading import forked_kernels
    from crisis_reading.grading.sandbox import Limits, run_submission

    path = tmp_path / "observe.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(OBSERVE)]), path)
    runs = [run_submission(path, ["answer_03_1"], Limits(cell_seconds=30)) for _ in range(2)]
    assert [run.problem for run in runs] == ["", ""], [run.problem for run in runs]
    first, second = (json.loads(run.answers["answer_03_1"]) for run in runs)
    assert first["preloaded"] and second["preloaded"], "the kernels were not forked from the template"
    assert len([template for template in forked_kernels._templates.values() if template]) == 1
    assert "left-by-a-student" not in " ".join(second["left"]), second["left"]
    for seen in (first, second):
        assert seen["wrote"] == ["/tmp", "/dev/shm"], seen["wrote"]
        assert len(seen["jobs"]) == 1, seen["jobs"]
        assert seen["processes"] == ["1", "2"], seen["processes"]  # the namespace's reaper and the kernel
        capabilities = {line.split(":")[0]: line.split()[1] for line in seen["status"]}
        assert capabilities["NoNewPrivs"] == "1"
        assert {capabilities[name] for name in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb")} == {"0" * 16}
        if platform.machine() == "x86_64":
            assert seen["add_key"] == -1, "a kernel could add a key to its user's keyring"
    assert first["random"] != second["random"], "forked kernels drew the same random numbers"
    if os.geteuid() == 0:
        assert first["uid"] >= 61000 and second["uid"] >= 61000


def test_without_a_template_each_kernel_starts_in_bwrap(tmp_path: Path, monkeypatch) -> None:
    """Where no template can be made, the grader still grades, each kernel started in bubblewrap as before."""
    import json

    from crisis_reading.grading import sandbox
    from crisis_reading.grading.sandbox import Limits, run_submission

    monkeypatch.setattr(sandbox, "template_for", lambda *_: None)
    path = tmp_path / "observe.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(OBSERVE)]), path)
    run = run_submission(path, ["answer_03_1"], Limits(cell_seconds=30))
    assert run.problem == "", run.problem
    seen = json.loads(run.answers["answer_03_1"])
    assert not seen["preloaded"]
    # bwrap's own root folder and /dev may be writable (thrown away with the sandbox); the packages never are.
    assert "/tmp" in seen["wrote"] and set(seen["wrote"]) <= {"/", "/dev", "/tmp", "/dev/shm"}, seen["wrote"]
    if platform.machine() == "x86_64":
        assert seen["add_key"] == -1, "a kernel could add a key to its user's keyring"


def test_a_template_that_ends_mid_run_is_not_the_students_fault(tmp_path: Path) -> None:
    """The template ends (as if the machine's out-of-memory killer took it) while a kernel forked from it runs: the
    notebook is run again from a fresh template, and its answers count in full."""
    import threading

    from crisis_reading.grading import forked_kernels
    from crisis_reading.grading.sandbox import Limits, run_submission

    path = tmp_path / "slow.ipynb"
    cells = ["import time\ntime.sleep(3)", "answer_03_1 = 'still here'"]
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell) for cell in cells]), path)
    limits = Limits(cell_seconds=30)
    run_submission(path, ["answer_03_1"], limits)  # the template, started
    (template,) = [template for template in forked_kernels._templates.values() if template]
    threading.Timer(1.5, template.process.kill).start()
    run = run_submission(path, ["answer_03_1"], limits)
    assert not template.alive()
    assert run.problem == "" and run.answers == {"answer_03_1": "still here"}, (run.problem, run.answers)


FILL_TMP = r"""
import os
written = {}
for folder in ("/tmp", "/dev/shm"):
    written[folder] = 0
    try:
        for number in range(8):
            with open(os.path.join(folder, f"fill-{number}"), "wb") as handle:
                handle.write(b"x" * 2**20)
            written[folder] += 1
    except OSError:
        pass
answer_03_1 = written
"""


def test_a_kernels_tmp_and_shared_memory_are_bounded(tmp_path: Path) -> None:
    """/tmp and /dev/shm hold no more than one file may (the file limit): a kernel cannot fill the machine's memory
    through them (each was a tmpfs of half the memory)."""
    from crisis_reading.grading.sandbox import Limits, run_submission

    path = tmp_path / "fill.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FILL_TMP)]), path)
    run = run_submission(path, ["answer_03_1"], Limits(cell_seconds=30, file_mb=3))
    assert run.problem == "", run.problem
    assert run.answers["answer_03_1"] == {"/tmp": 3, "/dev/shm": 3}, run.answers  # 3 MB each, then full


def test_removing_a_job_folder_follows_no_link_and_opens_up_what_the_student_closed(tmp_path: Path) -> None:
    """Run as an ordinary user this fails with the old removal (a TypeError from its retry, the folder left); as
    root nothing is closed to the grader, and it only checks that the link's target keeps its mode."""
    from crisis_reading.grading.isolation import remove_tree

    outside, job = tmp_path / "outside", tmp_path / "job"
    outside.mkdir(mode=0o755)
    (job / "closed").mkdir(parents=True)
    (job / "locked" / "inner").mkdir(parents=True)
    (job / "locked" / "inner" / "kept").write_text("x")
    os.symlink(outside, job / "closed" / "link")
    os.chmod(job / "closed", 0o500)
    os.chmod(job / "locked", 0)
    remove_tree(job)
    assert not job.exists()
    assert stat.S_IMODE(outside.stat().st_mode) == 0o755, "a link's target had its mode changed"


def test_a_template_that_fails_to_answer_is_not_used_again(tmp_path: Path) -> None:
    """After a fork the template did not answer, its late answer would be taken for the next request's: it is closed,
    and the next submission gets a fresh template."""
    from crisis_reading.dataset.paths import data_dir
    from crisis_reading.grading import forked_kernels
    from crisis_reading.grading.sandbox import Limits, run_submission, shared_environment

    path = tmp_path / "one.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("answer_03_1 = 1")]), path)
    assert run_submission(path, ["answer_03_1"], Limits(cell_seconds=30)).problem == ""
    template = forked_kernels.template_for(data_dir().resolve(), None, shared_environment())
    template.channel.shutdown(socket.SHUT_RDWR)  # as if the template had stopped answering
    with pytest.raises(forked_kernels.TemplateError):
        template.fork({})
    assert not template.alive()
    run = run_submission(path, ["answer_03_1"], Limits(cell_seconds=30))
    assert run.problem == "" and run.answers == {"answer_03_1": 1}, run.problem


def test_without_a_template_tmp_and_shared_memory_are_bounded_too(tmp_path: Path, monkeypatch) -> None:
    from crisis_reading.grading import sandbox
    from crisis_reading.grading.sandbox import Limits, run_submission

    monkeypatch.setattr(sandbox, "template_for", lambda *_: None)
    path = tmp_path / "fill.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FILL_TMP)]), path)
    run = run_submission(path, ["answer_03_1"], Limits(cell_seconds=30, file_mb=3))
    assert run.problem == "", run.problem
    assert run.answers["answer_03_1"] == {"/tmp": 3, "/dev/shm": 3}, run.answers
