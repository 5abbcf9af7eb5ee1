"""make bench: each notebook's floor runs exactly that notebook's own imports."""

from __future__ import annotations

import nbformat

from tools.bench import import_source


def test_the_floor_keeps_every_top_level_import_and_nothing_else() -> None:
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("import this is prose"),
            nbformat.v4.new_code_cell("%matplotlib inline\nimport pandas as pd\nx = 1"),
            nbformat.v4.new_code_cell("from crisis_reading import charts\n\ndef f():\n    import json\n"),
            nbformat.v4.new_code_cell("answer = ...  # your answer here ("),  # a blank exercise can be invalid
            nbformat.v4.new_code_cell("from crisis_reading.analysis.voices import (\n    side_summary,\n)"),
        ]
    )
    assert import_source(notebook).splitlines() == [
        "import pandas as pd",
        "from crisis_reading import charts",
        "from crisis_reading.analysis.voices import side_summary",
    ]
