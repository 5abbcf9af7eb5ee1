"""Reading Crisis Reporting: everything a lesson or an exercise needs, imported from here.

    from crisis_reading import load_article, show_blocks, side_summary, charts
    article = load_article()

The names below are the course's public API: notebooks import only these (a test checks it), so the
modules behind them can move without a lesson changing. Each is loaded when first used, so
`import crisis_reading` stays fast and a lesson that draws no chart never imports matplotlib.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

# name → the module that defines it. `charts` and `widgets` are namespaces: charts.share_of_voice_chart(…).
_PUBLIC = {
    # the data
    "load_article": "dataset.article",
    "load_reference": "dataset.reference",
    "list_articles": "dataset.paths",
    "data_dir": "dataset.paths",
    "Article": "dataset.article",
    "Reference": "dataset.reference",
    "DataError": "dataset.errors",
    "DEFAULT_ARTICLE": "dataset.paths",
    "PRACTICE_ARTICLE": "dataset.paths",
    "CAPSTONE_ARTICLE": "dataset.paths",
    # lesson 00–02: the article, its parts, who speaks
    "show_article": "views.render",
    "show_blocks": "views.render",
    "function_summary": "analysis.anatomy",
    "reading_progress": "analysis.anatomy",
    "speakers_cut": "analysis.anatomy",
    "cut_from_bottom": "analysis.anatomy",
    "side_summary": "analysis.voices",
    "speaker_summary": "analysis.voices",
    "first_and_last_word": "analysis.voices",
    "side_positions": "analysis.voices",
    "interviewed_sources": "analysis.voices",
    "speaker_blocks": "analysis.voices",
    "rows_where": "analysis.choices",
    # lesson 03: how they are quoted
    "filter_quotes": "analysis.quoting",
    "kinds_by_side": "analysis.quoting",
    "verb_tone": "analysis.quoting",
    "verb_table": "analysis.quoting",
    "tone_by_side": "analysis.quoting",
    "channels_by_side": "analysis.quoting",
    # lesson 04: meetings and time
    "week_up_to": "analysis.dates",
    "weekday_on_or_before": "analysis.dates",
    "calendar_readings": "analysis.dates",
    "relative_time_words": "analysis.timeline",
    "uncertain_dates": "analysis.timeline",
    "context_after": "analysis.timeline",
    # lesson 05: the institutions
    "members_on": "analysis.institutions",
    "enlargement": "analysis.institutions",
    "venn_regions": "analysis.institutions",
    "soviet_republics_in": "analysis.institutions",
    "in_but_not": "analysis.institutions",
    "soviet_republics_table": "analysis.institutions",
    "dates_on_file": "analysis.institutions",
    "membership_rows": "analysis.institutions",
    # lesson 06–07: frames, missing voices, sources
    "frame_summary": "analysis.framing",
    "framed_quotes": "analysis.framing",
    "voice_matrix": "analysis.framing",
    "evidence": "analysis.rubric",
    "source_cards": "analysis.sources",
    "show_card": "views.cards",
    # lesson 08: the quote finder and the annotation tool
    "blocks_from_text": "finder.text_blocks",
    "find_quotes": "finder.quotes",
    "score_finder": "finder.scoring",
    "missed_quotes": "finder.scoring",
    "extra_quotes": "finder.scoring",
    "corrections_needed": "finder.scoring",
    "compare_profiles": "analysis.profiles",
    "compare": "views.compare",
    "Annotation": "annotate.model",
    "open_annotation": "annotate.draft",
    "start_over": "annotate.draft",
    "annotation_widget": "annotate.widget",
    "my_folder": "annotate.workspace",
    "finder_scorecard": "annotate.workspace",
    "start_my_article": "annotate.own_article",
    "save_and_load": "annotate.workspace",
    # the exercises
    "check": "questions.checks",
    # lesson 00 and `make check`: is this machine ready?
    "check_setup": "setup_check",
}
_NAMESPACES = {"charts": "views.charts", "widgets": "views.widgets"}
# Public names whose defining function has a longer name inside its module.
_RENAMED = {"score_finder": "score"}

__all__ = sorted([*_PUBLIC, *_NAMESPACES])

if TYPE_CHECKING:  # never run: it shows type checkers, and the import contracts, what the names above import
    from crisis_reading import (  # noqa: F401
        analysis,
        annotate,
        dataset,
        finder,
        questions,
        setup_check,
        views,
    )
    from crisis_reading.analysis import (  # noqa: F401  # noqa: F401
        anatomy,
        choices,
        dates,
        framing,
        institutions,
        profiles,
        quoting,
        rubric,
        sources,
        timeline,
        voices,
    )
    from crisis_reading.annotate import draft, model, own_article, widget, workspace  # noqa: F401
    from crisis_reading.dataset import article, errors, paths, reference  # noqa: F401
    from crisis_reading.finder import quotes, scoring, text_blocks  # noqa: F401
    from crisis_reading.questions import checks  # noqa: F401
    from crisis_reading.views import cards, charts, compare, render, widgets  # noqa: F401


def __getattr__(name: str) -> Any:
    if name in _NAMESPACES:
        value = importlib.import_module(f"{__name__}.{_NAMESPACES[name]}")
    elif name in _PUBLIC:
        module = importlib.import_module(f"{__name__}.{_PUBLIC[name]}")
        value = getattr(module, _RENAMED.get(name, name))
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # the next use skips this function
    return value


def __dir__() -> list[str]:
    return __all__


def _tables_the_course_way() -> None:
    """In a notebook, show every table with its text columns left-aligned and its dates on one line
    (views.tables). Outside IPython nothing happens, and IPython is never imported for it."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is not None and hasattr(shell, "display_formatter"):
        from crisis_reading.views.tables import use_in_notebooks

        use_in_notebooks(shell)


_tables_the_course_way()
