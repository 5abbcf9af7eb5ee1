# Two commands for a newcomer on a fresh machine (Python 3.11+):
#   make lab    open the course in JupyterLab (installs on first use)
#   make test   run every test, notebooks included (installs on first use)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Jupyter refuses to start as root unless told; containers and CI often run as root.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: lab test check install exercises site bench constraints clean article grade score student

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements.txt
	$(BIN)/jupyter labextension disable "@jupyterlab/apputils-extension:announcements" >/dev/null
	touch $(STAMP)

install: $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/course/00-start-here.ipynb

# Extra pytest arguments, e.g. make test PYTEST_ARGS='-m "not browser"' where Chromium is not installed.
PYTEST_ARGS ?=

# Python's bytecode cache is on for the tests even where the machine turns it off (PYTHONDONTWRITEBYTECODE):
# without it every kernel recompiles the course's package and every worker re-rewrites the test files' asserts.
test: $(STAMP)
	MPLBACKEND=Agg PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest $(PYTEST_ARGS)

# Is this machine ready for the course? A few seconds, in plain words, with what to do about each problem.
# It installs nothing: without the course's environment it says so and how to make it.
check:
	@if [ -x $(BIN)/python ]; then MPLBACKEND=Agg $(BIN)/python -m crisis_reading.setup_check; else \
	  $(PYTHON) -c 'import sys; v = sys.version_info; print("Python " + sys.version.split()[0] + (": fine" if v >= (3, 11) else ": too old, the course needs 3.11 or newer"))'; \
	  echo "NOT ready yet: the course's environment ($(VENV)/) is not installed. What to do: run make lab (it installs on first use, a few minutes, once)."; \
	  exit 1; fi

# After editing a notebook in solutions/: regenerate the student copies in exercises/.
exercises: $(STAMP)
	$(BIN)/crisis-reading exercises

# Start a new article folder from a text file, marked unreviewed: make article TEXT=path/to/article.txt SLUG=outlet-yyyy-mm-dd-topic
# FICTIONAL=yes marks an article you invented as fictional (a banner above its text in every lesson); no, or left out:
# a real one. Any other word is refused: "No" or "FALSE" once marked a real article as invented.
# (more options, e.g. ARGS='--outlet "Halyard Wire" --published 2025-03-14': crisis-reading scaffold --help)
FICTIONAL ?=
FICTIONAL_YES := yes Yes YES y Y true True TRUE 1
FICTIONAL_NO := no No NO n N false False FALSE 0
article: $(STAMP)
	@test -n "$(TEXT)" -a -n "$(SLUG)" || { echo "usage: make article TEXT=path/to/article.txt SLUG=outlet-yyyy-mm-dd-topic [FICTIONAL=yes]"; exit 2; }
	@test -z "$(filter-out $(FICTIONAL_YES) $(FICTIONAL_NO),$(FICTIONAL))" || { echo "make article: FICTIONAL=$(FICTIONAL) is neither yes nor no: FICTIONAL=yes marks an article you invented; leave it out for a real one"; exit 2; }
	$(BIN)/crisis-reading scaffold "$(TEXT)" --slug "$(SLUG)" $(if $(filter $(FICTIONAL_YES),$(FICTIONAL)),--fictional) $(ARGS)

# Build the course book (Sphinx + MyST-NB + sphinx-book-theme, configured in book/) into _site/: every lesson run,
# with its outputs, a sidebar, search, and launch buttons for Binder and, given HUB, for a JupyterHub via nbgitpuller.
# The launch buttons open REPOSITORY's student branch (default: $GITHUB_REPOSITORY in GitHub Actions, else origin).
# e.g. make site HUB=https://hub.example.edu REPOSITORY=https://github.com/owner/repository
HUB ?=
REPOSITORY ?=
site: $(STAMP)
	$(BIN)/crisis-reading site --out _site $(if $(HUB),--hub "$(HUB)") $(if $(REPOSITORY),--repository "$(REPOSITORY)")

# The course as students get it (no solutions/, tests/, tools/ or instructor files) in student-copy/.
student: $(STAMP)
	$(BIN)/crisis-reading student --out student-copy

# Measure how long the notebooks and the tests take (a report, not a test).
bench: $(STAMP)
	MPLBACKEND=Agg PYTHONDONTWRITEBYTECODE= $(BIN)/crisis-reading bench

# Grade a class: make grade SUBMISSIONS=path/to/submissions OUT=path/to/grades [GRADE_ARGS="--exercise 03 --shard 1/4"]
# (layout, limits and sharding: README.md, "Grading a class").
SUBMISSIONS ?= submissions
OUT ?= grades
GRADE_ARGS ?=
grade: $(STAMP)
	MPLBACKEND=Agg $(BIN)/crisis-reading grade "$(SUBMISSIONS)" --out "$(OUT)" $(GRADE_ARGS)

# Score the quote finder against every answer key: data/, the corpus of conventions, the held-out keys apart.
score: $(STAMP)
	$(BIN)/crisis-reading score --all --data data --data tests/heldout --data tests/finder_corpus/development \
	  --data tests/finder_corpus/heldout

# After changing a pin in requirements.txt: re-pin everything it pulls in.
constraints: $(STAMP)
	{ echo "# Every package the course installs, pinned to the versions tested together (read by requirements.txt)."; \
	  echo "# Regenerate with: make constraints"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e'; } > constraints.txt

clean:
	rm -rf $(VENV)
