"""The course's one command line, `crisis-reading`, with a subcommand for each job.

    crisis-reading scaffold article.txt --slug outlet-2025-03-14-topic
    crisis-reading grade submissions --out grades

Each subcommand's own `--help` lists its options; the make targets call these. `site`, `bench` and
`student` are developer tools of the course's repository (its tools/ folder, which is not part of the installed
package): they run from a clone's top folder.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

# subcommand → (module with main(argv, prog), arguments put first, what it does in a sentence)
COMMANDS = {
    "scaffold": ("crisis_reading.cli.scaffold", [], "Start a new article folder from a plain-text file, unreviewed."),
    "score": ("crisis_reading.cli.score", [], "Score the quote finder against hand-annotated articles."),
    "exercises": ("crisis_reading.cli.exercises", [], "Regenerate exercises/ and the question index from solutions/."),
    "grade": ("crisis_reading.grading.cli", ["grade"], "Grade a class's exercise notebooks, each in its own kernel."),
    "merge": ("crisis_reading.grading.cli", ["merge"], "Merge the output folders of grading shards into one."),
    "site": ("tools.site_builder", [], "Build the course website from the lessons (developer tool)."),
    "bench": ("tools.bench", [], "Measure the notebooks' and the tests' run times (developer tool)."),
    "student": ("tools.student_copy", [], "Build the course as students get it, without solutions (developer tool)."),
}
DEVELOPER_TOOLS = ("tools.",)


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  {name:<{width}}  {purpose}" for name, (_, _, purpose) in COMMANDS.items()]
    return "usage: crisis-reading COMMAND [options]   (crisis-reading COMMAND --help for its options)\n\n" + "\n".join(
        lines
    )


# What a subcommand needs beyond the core package, for the one line that says how to get it.
EXTRAS = {"grade": "grading", "merge": "grading", "site": "site"}


def _module(command: str, name: str):
    if name.startswith(DEVELOPER_TOOLS):
        # The developer tools live in the repository, not in the package: found from the current folder.
        tool = Path.cwd() / (name.replace(".", "/") + ".py")
        if not tool.is_file():
            print(
                f"crisis-reading {command}: a developer tool of the course's repository; run it from a clone's top "
                f"folder (no {tool.relative_to(Path.cwd())} in {Path.cwd()})",
                file=sys.stderr,
            )
            raise SystemExit(2)
        sys.path.insert(0, str(Path.cwd()))
    try:
        return importlib.import_module(name)
    except ImportError as error:
        extra = EXTRAS.get(command)
        how = f"pip install 'crisis-reading[{extra}]'" if extra else "pip install -r requirements.txt"
        print(
            f"crisis-reading {command} needs {error.name or 'a package'} that is not installed: {how}", file=sys.stderr
        )
        raise SystemExit(2) from None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(usage(), file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command not in COMMANDS:
        print(f"crisis-reading: no command {command!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module_name, first, _ = COMMANDS[command]
    # grade and merge share one parser whose subcommand is the first argument
    prog = "crisis-reading" if first else f"crisis-reading {command}"
    return _module(command, module_name).main([*first, *rest], prog=prog) or 0
