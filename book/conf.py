"""Sphinx configuration of the course book (Sphinx + MyST-NB + sphinx-book-theme, the stack of Jupyter Book 1).

tools/site_builder.py lays the sources out in a copy of this folder (the lessons, already run, in course/; the
instructor's guide in instructors/; the licence) and writes settings.json beside this file: where the launch
buttons point. Nothing is executed here and nothing is fetched: the book builds with no network.
"""

import json
import sys
from pathlib import Path

project = "Reading Crisis Reporting"
author = "The Reading Crisis Reporting authors"
copyright = "2026, " + author
language = "en"

extensions = ["myst_nb"]
# The lessons arrive already run (by the browser test, or by the builder); the book renders their saved outputs.
nb_execution_mode = "off"
nb_merge_streams = True
myst_heading_anchors = 3

# Headings' ids as JupyterLab makes them, so the lessons' links (00-start-here.ipynb#Betteridge's-law) work here too.
sys.path.insert(0, str(Path(__file__).parent))
myst_heading_slug_func = "book_anchors.jupyterlab_anchor"  # named, not a function here: Sphinx pickles its settings
suppress_warnings = ["myst.header"]
exclude_patterns = ["_build", "**.ipynb_checkpoints", "settings.json", "book_anchors.py"]
root_doc = "index"

# Where the launch buttons point: the students' copy (the `student` branch) of the repository the book came from.
SETTINGS = json.loads((Path(__file__).parent / "settings.json").read_text(encoding="utf-8"))
REPOSITORY, BRANCH, BINDER, HUB = (SETTINGS[key] for key in ("repository", "branch", "binder", "hub"))

ARTICLE = (
    "https://www.aljazeera.com/news/2022/1/14/will-nato-engage-with-russias-security-demands",
    "Will NATO engage with Russia’s security demands?",
)

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["book.css"]
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": REPOSITORY,
    "repository_branch": BRANCH,
    "path_to_docs": "",  # the students' copy has course/ at its top, as the book does
    "use_repository_button": True,
    "use_download_button": True,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "launch_buttons": {
        "notebook_interface": "jupyterlab",
        "binderhub_url": BINDER,
        **({"jupyterhub_url": HUB} if HUB else {}),
    },
    "extra_footer": (
        '<p class="book-credit">The article is Al Jazeera’s: “<a href="{}">{}</a>”, Al Jazeera, 14 January 2022. '
        "The course reproduces it for teaching and analysis, with credit and a link to the original; it is not "
        "covered by the licences below.</p>"
        '<p class="book-licence">Code: MIT licence. Course text and annotations: Creative Commons Attribution 4.0 '
        '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>). '
        "See the licence page of this book.</p>"
    ).format(*ARTICLE),
}
