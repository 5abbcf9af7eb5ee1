"""Tables as the lessons show them: text columns left-aligned, dates kept on one line.

JupyterLab right-aligns every cell of a table, which suits numbers but makes a column of sentences (a quote's
`text`, a speaker's `side_basis`, a rule) ragged on the left and hard to read, and it breaks a narrow date column
at its hyphens ("2021-11-" over "01"). `frame_html` is pandas' own HTML for a table (with every display option the
notebook has set) plus a style, scoped to that one table, that aligns its text columns left and keeps its dates
on one line. `use_in_notebooks` makes it how a notebook shows every table (and an exercise's unanswered `...`);
importing the package calls it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# pandas is imported by each function, not here: the package registers this module's formatter when it is
# imported in a notebook, and importing the package stays fast.


def text_columns(table: pd.DataFrame) -> list[bool]:
    """For each column: whether it holds text (words, names, labels) rather than numbers, dates or True/False."""
    import pandas as pd

    flags = []
    for _, column in table.items():
        dtype = column.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            values = pd.Series(dtype.categories)
        elif pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
            values = column.dropna()
        else:
            flags.append(False)
            continue
        flags.append(bool(len(values)) and values.map(lambda v: isinstance(v, str)).mean() >= 0.5)
    return flags


def date_columns(table: pd.DataFrame) -> list[bool]:
    """For each column: whether it holds dates (kept on one line)."""
    import pandas as pd

    return [
        pd.api.types.is_datetime64_any_dtype(column.dtype) or "date" in str(name).casefold()
        for name, column in table.items()
    ]


def _shown(flags: list[bool]) -> list[bool]:
    """The flags of the columns pandas shows, with the "..." column of a table too wide to show in full."""
    import pandas as pd

    most = pd.get_option("display.max_columns")
    if not most or len(flags) <= most:
        return flags
    half = most // 2
    return [*flags[:half], False, *flags[len(flags) - half :]]


def frame_html(table: pd.DataFrame) -> str | None:
    """pandas' HTML for the table, its text columns aligned left and its dates on one line (None: no HTML)."""
    import pandas as pd

    html = table._repr_html_()
    if html is None:
        return None
    text, dates = _shown(text_columns(table)), _shown(date_columns(table))
    scope = f"crisis-table-{uuid.uuid4().hex[:12]}"  # unique even among the outputs of earlier sessions
    rules = []
    for from_end, (is_text, is_date) in enumerate(zip(reversed(text), reversed(dates), strict=True), start=1):
        cells = [f"#{scope} tbody td:nth-last-child({from_end})"]
        if not isinstance(table.columns, pd.MultiIndex):
            cells.append(f"#{scope} thead th:nth-last-child({from_end})")
        if is_text:
            rules.append(f"{', '.join(cells)} {{ text-align: left; }}")
        if is_date:
            rules.append(f"{', '.join(cells)} {{ white-space: nowrap; }}")
    if not rules:
        return html
    return f"<div id='{scope}'><style>{' '.join(rules)}</style>{html}</div>"


NOT_ANSWERED = "... (not answered yet: replace the ... with your answer, then run the cell)"


def _not_answered(value: Any, printer: Any, cycle: bool) -> None:
    printer.text(NOT_ANSWERED)


def use_in_notebooks(shell: Any) -> None:
    """Show every table of an IPython shell with frame_html (registered by the type's name: pandas is not
    imported until a table is shown), and an exercise's unanswered `...` as what it is, not as "Ellipsis"."""
    formatter = shell.display_formatter.formatters["text/html"]
    for module in ("pandas", "pandas.core.frame"):  # where pandas 3 and pandas 2 say DataFrame is defined
        formatter.for_type_by_name(module, "DataFrame", frame_html)
    # Ellipsis is one object, which IPython prints by identity before it looks at types.
    shell.display_formatter.formatters["text/plain"].singleton_printers[id(Ellipsis)] = _not_answered
