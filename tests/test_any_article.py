"""Every lesson helper takes an article, with the course's article only as the default.

A second article here is the course's own, copied under another slug with its optional tables
(frames, source checks) removed and one side renamed to a side the course has no colour for,
plus the practice article once its folder is in data/. Every chart of lessons 01-07 must draw
for it, and say so in words where it has nothing to draw.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, read_rows, write_rows

from crisis_reading import DEFAULT_ARTICLE, DataError, charts, load_article
from crisis_reading.analysis.anatomy import function_summary, reading_progress, speakers_cut
from crisis_reading.analysis.dates import calendar_readings
from crisis_reading.analysis.framing import frame_summary, voice_matrix
from crisis_reading.analysis.quoting import kinds_by_side, verb_table
from crisis_reading.analysis.rubric import evidence
from crisis_reading.analysis.sides import side_label
from crisis_reading.analysis.sources import source_cards
from crisis_reading.analysis.timeline import dated_events
from crisis_reading.analysis.voices import first_and_last_word, side_summary, speaker_summary
from crisis_reading.dataset import paths
from crisis_reading.dataset.article import course_article
from crisis_reading.views.cards import show_card
from crisis_reading.views.render import article_html, show_blocks
from crisis_reading.views.style import EXTRA_SIDE_COLOURS, SIDE_COLOURS
from crisis_reading.views.widgets import quote_browser, source_card_browser

SECOND = "copy-of-the-course-article"
NEW_SIDE = "north_valdia"  # a side the course has no colour for
OPTIONAL = ("frames", "frame_vocabulary", "source_checks")
PRACTICE = getattr(paths, "PRACTICE_ARTICLE", None)


def make_second_article(data: Path, review_status: str | None = None, empty_events: bool = False) -> Path:
    """The course's article under another slug: no optional tables, Russia's speakers on a new side."""
    folder = data / SECOND
    shutil.copytree(data / DEFAULT_ARTICLE, folder)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] not in OPTIONAL]
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            if resource["name"] == "speakers" and field["name"] == "side":
                field["constraints"]["enum"].append(NEW_SIDE)
    if review_status:
        descriptor["article"]["review_status"] = review_status
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=1), encoding="utf-8")
    for name in OPTIONAL:
        (folder / f"{name}.csv").unlink()
    rows = read_rows(folder / "speakers.csv")
    side = rows[0].index("side")
    write_rows(
        folder / "speakers.csv",
        [rows[0]] + [[*r[:side], NEW_SIDE if r[side] == "russia" else r[side], *r[side + 1 :]] for r in rows[1:]],
    )
    if empty_events:
        write_rows(folder / "events.csv", read_rows(folder / "events.csv")[:1])
    return folder


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("second") / "data"
    shutil.copytree(DATA, data)
    make_second_article(data)
    return load_article(SECOND, data)


def titles_and_descriptions(made: list) -> list[str]:
    return [f"{chart.title} | {chart.description}" for chart in made]


def every_lesson_chart(article) -> list:
    return [
        charts.article_barcode(article),
        charts.share_of_voice_chart(article),
        charts.share_of_voice_chart(article, by="voice_type"),
        charts.voice_positions_chart(article),
        charts.quote_kinds_chart(article),
        charts.attribution_verbs_chart(article),
        charts.timeline_chart(article),
        charts.frames_matrix_chart(article),
        charts.source_checks_chart(article),
    ]


def test_every_lesson_chart_draws_for_a_second_article(second) -> None:
    for chart in every_lesson_chart(second):
        assert chart.title and chart.description.endswith(".")
        assert chart._repr_html_().count("data:image/png;base64,") == 1


def test_a_side_the_course_does_not_know_gets_its_own_colour_and_label(second) -> None:
    chart = charts.share_of_voice_chart(second)
    summary = side_summary(second)
    labels = [tick.get_text() for tick in chart.ax.get_yticklabels()]
    assert side_label(NEW_SIDE) == "North Valdia" and "North Valdia" in labels
    colour = chart.ax.patches[list(summary.index).index(NEW_SIDE)].get_facecolor()
    import matplotlib.colors as mcolors

    assert mcolors.to_hex(colour).upper() == EXTRA_SIDE_COLOURS[0]
    assert EXTRA_SIDE_COLOURS[0] not in SIDE_COLOURS.values()
    assert "North Valdia" in article_html(second)
    browser = quote_browser(second)
    assert NEW_SIDE in [value for _, value in browser.side.options]
    browser.side.value = NEW_SIDE
    rows = (second.voices()["side"] == NEW_SIDE).sum()
    assert f"{rows} quote rows" in browser.count.value


def test_missing_optional_tables_give_an_honest_message_not_a_chart(second, article) -> None:
    frames = charts.frames_matrix_chart(second)
    assert frames.title == "No frames are annotated for this article"
    assert not frames.ax.collections  # no dots drawn
    assert charts.frames_matrix_chart(article).title != frames.title
    checks = charts.source_checks_chart(second)
    assert checks.title == "No sources of this article have been checked"
    assert source_cards(second).empty and frame_summary(second).empty
    assert "No source of this article has been checked" in source_card_browser(second).card.value
    with pytest.raises(ValueError, match="has been checked"):
        show_card(second, "Ivana Stradner")


def test_the_timeline_of_another_article_has_no_context_from_the_course(second, article) -> None:
    own = charts.timeline_chart(second)
    course = charts.timeline_chart(article)
    assert "invasion" not in own.title and "days later" in course.title
    assert "no context timeline" in own.description
    assert not any(line.get_label() == "after publication" for line in own.ax.get_legend().get_lines())
    start, _ = charts.timeline_window(second, with_context=False)
    assert start == pd.Timestamp("2021-11-01")  # the month of the first event within a year of publication


def test_helpers_default_to_the_course_article(article) -> None:
    assert course_article() is course_article()
    pd.testing.assert_frame_equal(side_summary(), side_summary(article))
    pd.testing.assert_frame_equal(speaker_summary(), speaker_summary(article))
    pd.testing.assert_frame_equal(kinds_by_side(), kinds_by_side(article))
    pd.testing.assert_frame_equal(verb_table(), verb_table(article))
    pd.testing.assert_frame_equal(function_summary(), function_summary(article))
    pd.testing.assert_frame_equal(dated_events(), dated_events(article))
    pd.testing.assert_frame_equal(calendar_readings(), calendar_readings(article))
    pd.testing.assert_frame_equal(evidence(), evidence(article))
    assert charts.share_of_voice_chart().title == charts.share_of_voice_chart(article).title
    assert charts.timeline_chart().title == charts.timeline_chart(article).title
    assert show_blocks(blocks=1).data == show_blocks(article, 1).data


def test_analysis_helpers_answer_for_the_second_article(second) -> None:
    assert side_summary(second).loc[NEW_SIDE, "quotes"] == (second.voices()["side"] == NEW_SIDE).sum()
    assert len(function_summary(second)) == second.blocks["function"].nunique()
    assert reading_progress(second)["share_read"].iloc[-1] == 100
    assert set(speakers_cut(second, keep=10)["side"]) <= set(second.speakers["side"])
    assert first_and_last_word(second)["block"].iloc[0] == second.quotes["block"].min()
    assert NEW_SIDE in voice_matrix(second).index
    assert len(evidence(second))


def test_events_may_be_empty_only_while_an_article_is_under_review(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    make_second_article(data, review_status="unreviewed", empty_events=True)
    unreviewed = load_article(SECOND, data)
    assert unreviewed.events.empty and unreviewed.review_status == "unreviewed"
    chart = charts.timeline_chart(unreviewed)
    assert chart.title == "No events are annotated for this article"
    assert dated_events(unreviewed).empty and calendar_readings(unreviewed).empty

    descriptor_path = data / SECOND / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    descriptor["article"]["review_status"] = "reviewed"
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(DataError, match=r"events.csv.*header but no rows"):
        load_article(SECOND, data)
    descriptor["article"]["review_status"] = "half done"
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(DataError, match="review_status"):
        load_article(SECOND, data)


def test_an_unreviewed_article_still_needs_quotes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    folder = make_second_article(data, review_status="unreviewed")
    write_rows(folder / "quotes.csv", read_rows(folder / "quotes.csv")[:1])
    with pytest.raises(DataError, match=r"quotes.csv.*header but no rows"):
        load_article(SECOND, data)


@pytest.mark.skipif(PRACTICE is None or not (DATA / str(PRACTICE)).is_dir(), reason="no practice article yet")
def test_every_lesson_chart_draws_for_the_practice_article() -> None:
    practice = load_article(PRACTICE)
    made = every_lesson_chart(practice)
    for chart in made:
        assert chart.title and chart.description.endswith(".")
        assert chart._repr_html_().count("data:image/png;base64,") == 1
    assert "invasion" not in made[6].title
    quote_browser(practice)
    source_card_browser(practice)
    article_html(practice)


def test_the_rubric_says_what_it_cannot_count_without_frames(second, article) -> None:
    table = evidence(second)
    assert not table["measure"].str.contains("different frames|voiced by more than one side").any()
    unframed = table[table["measure"] == "frames annotated (frames.csv)"]
    assert sorted(unframed["criterion"]) == [2, 3, 4, 6] and (unframed["value"] == 0).all()
    assert "frames annotated (frames.csv)" not in evidence(article)["measure"].tolist()


def test_the_rubric_counts_the_parties_an_article_names() -> None:
    from crisis_reading.analysis.rubric import parties_of

    practice = load_article(PRACTICE)
    table = evidence(practice)
    assert not table["measure"].str.startswith(("Russia", "Ukraine")).any()  # no such sides in the practice article
    named = dict(practice.meta, parties=["meridia", "carvessa"])
    with_parties = evidence(type(practice)(**{**practice.__dict__, "meta": named}))
    assert parties_of(type(practice)(**{**practice.__dict__, "meta": named})) == ("meridia", "carvessa")
    officials = practice.speakers[
        (practice.speakers["side"] == "meridia") & (practice.speakers["voice_type"] == "official")
    ]
    row = with_parties[with_parties["measure"] == "Meridia: named officials who speak"]
    assert row["value"].item() == len(officials) > 0


def test_every_helper_that_takes_an_article_defaults_to_the_course_article() -> None:
    import importlib
    import inspect

    analysis = ("anatomy", "dates", "framing", "quoting", "rubric", "sources", "timeline", "voices")
    modules = [f"analysis.{name}" for name in analysis]
    modules += ["views.charts", "views.render", "views.cards", "views.widgets"]
    checked = []
    for name in modules:
        module = importlib.import_module(f"crisis_reading.{name}")
        for attribute, function in vars(module).items():
            if (
                attribute.startswith("_")
                or not callable(function)
                or getattr(function, "__module__", "") != module.__name__
            ):
                continue
            target = function.__init__ if inspect.isclass(function) else function
            parameters = inspect.signature(target).parameters
            if "article" in parameters:
                checked.append(f"{name}.{attribute}")
                assert parameters["article"].default is None, f"{name}.{attribute}: article needs the default None"
    assert len(checked) >= 30, checked
