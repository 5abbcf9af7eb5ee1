"""Every widget control has a name a screen reader announces (issue 15): each input, menu, slider and button
carries a non-empty description (ipywidgets draws it as the control's label) or tooltip, and every tab a title."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from crisis_reading import (
    CAPSTONE_ARTICLE,
    Annotation,
    annotation_widget,
    find_quotes,
    load_article,
    load_reference,
    my_folder,
    open_annotation,
    start_my_article,
)
from crisis_reading.setup_check import probe_widget
from crisis_reading.views.widgets import enlargement_explorer, quote_browser, source_card_browser

# What a student operates: text and number inputs, menus, sliders, buttons, check boxes. Output-only widgets
# (HTML, Label, Image, Output) are read, not operated, and boxes only arrange.
CONTROLS = (widgets.ValueWidget, widgets.Button)
DISPLAY_ONLY = (widgets.HTML, widgets.HTMLMath, widgets.Label, widgets.Image, widgets.Output)


def every_widget(root: widgets.Widget):
    seen, stack = set(), [root]
    while stack:
        widget = stack.pop()
        if id(widget) in seen:
            continue
        seen.add(id(widget))
        yield widget
        stack.extend(getattr(widget, "children", ()) or ())


def controls(root: widgets.Widget) -> list[widgets.Widget]:
    return [w for w in every_widget(root) if isinstance(w, CONTROLS) and not isinstance(w, DISPLAY_ONLY)]


def unnamed(root: widgets.Widget) -> list[str]:
    problems = []
    for control in controls(root):
        name = (getattr(control, "description", "") or "").strip() or (getattr(control, "tooltip", "") or "").strip()
        if not name:
            problems.append(f"{type(control).__name__} with value {getattr(control, 'value', None)!r}")
    for tabs in (w for w in every_widget(root) if isinstance(w, widgets.Tab)):
        titles = list(tabs.titles)
        if len(titles) < len(tabs.children) or not all(title and title.strip() for title in titles):
            problems.append(f"Tab with titles {titles} for {len(tabs.children)} tabs")
    return problems


def the_annotation_tool():
    capstone = load_article(CAPSTONE_ARTICLE)
    proposed = find_quotes(capstone.blocks, outlet=capstone.meta["outlet"])
    folder = my_folder()
    annotation = open_annotation(
        folder,
        start=lambda: Annotation.from_finder(capstone.blocks, proposed, capstone.meta, template=capstone),
        blocks=capstone.blocks,
    )
    return annotation_widget(annotation, folder)


def own_article_tool():
    text = (
        'A headline\n\nTOWN, 2 December (Example Wire) – "We stay," said Mara Quill, the chair.\n\nSource: Example Wire'
    )
    return start_my_article(text, sides=["fishers", "coastguard"], published="2026-12-02").tool()


WIDGETS = {
    "quote browser (lesson 03)": lambda: quote_browser(load_article()),
    "enlargement slider (lesson 05)": lambda: enlargement_explorer(load_reference(), year=2022),
    "source cards (lesson 07)": lambda: source_card_browser(load_article()),
    "annotation tool (lesson 08)": the_annotation_tool,
    "own article's tool (lesson 08)": own_article_tool,
}


@pytest.mark.parametrize("name", WIDGETS)
def test_every_control_has_a_name(name: str, capsys) -> None:
    root = WIDGETS[name]()
    assert isinstance(root, widgets.Widget)
    assert controls(root), f"{name}: no control found, so this test would check nothing"
    assert not unnamed(root), f"{name}: controls a screen reader cannot name: {unnamed(root)}"


def test_the_setup_checks_widget_has_a_label() -> None:
    assert probe_widget().description.strip()


def test_an_unnamed_control_is_caught() -> None:
    box = widgets.VBox(
        [widgets.Dropdown(options=["a", "b"]), widgets.Button(description="Go"), widgets.Tab([widgets.HTML()])]
    )
    problems = unnamed(box)
    assert any(problem.startswith("Dropdown") for problem in problems)
    assert any(problem.startswith("Tab") for problem in problems)
    assert not any(problem.startswith("Button") for problem in problems)


def test_the_year_slider_has_a_named_box_that_moves_with_it() -> None:
    from crisis_reading.views.widgets import enlargement_explorer

    explorer = enlargement_explorer(year=2004)
    assert explorer.year_box.description == "Type a year" and explorer.year_box.value == 2004
    explorer.year_box.value = 1999
    assert explorer.year.value == 1999 and "At the end of 1999" in explorer.summary.value
