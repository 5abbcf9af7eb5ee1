"""Lesson 08's helpers: what the finder missed or added, saving a student's work, charts side by side."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from crisis_reading import charts, load_article
from crisis_reading.analysis.profiles import article_profile, compare_profiles
from crisis_reading.annotate.model import Annotation
from crisis_reading.annotate.workspace import my_folder, practice_article, practice_proposal, save_and_load
from crisis_reading.dataset.paths import WORK_ENV_VAR
from crisis_reading.finder.scoring import extra_quotes, missed_quotes, score
from crisis_reading.views.compare import compare


def quote_rows(rows: list[tuple[int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"quote_id": f"x{i}", "block": b, "start": s, "end": e, "speaker_id": "a", "speaker_as_written": "A",
          "kind": "direct", "verb": "said", "text": "…"} for i, (b, s, e) in enumerate(rows)]
    )  # fmt: skip


def test_a_key_quote_counts_as_found_when_half_of_it_is_covered() -> None:
    key = quote_rows([(1, 0, 10), (1, 20, 30), (2, 0, 10)])
    proposed = quote_rows([(1, 0, 5), (1, 26, 40), (3, 0, 10)])
    # (1, 0, 10) is half covered; (1, 20, 30) only 4 of 10; block 2 has no proposal at all.
    assert missed_quotes(proposed, key)["quote_id"].tolist() == ["x1", "x2"]
    # (1, 26, 40) covers less than half of any key quote; block 3 has no key quote.
    assert extra_quotes(proposed, key)["quote_id"].tolist() == ["x1", "x2"]
    assert missed_quotes(key, key).empty and extra_quotes(key, key).empty


def test_missed_and_extra_quotes_agree_with_the_scorer() -> None:
    from crisis_reading.finder.scoring import score

    practice, proposed = practice_article(), practice_proposal()
    table = score(proposed, practice.quotes, practice.speakers)
    missed = missed_quotes(proposed, practice.quotes, practice.speakers)
    extra = extra_quotes(proposed, practice.quotes, practice.speakers)
    assert len(missed) == table.loc["all", "annotated"] - table.loc["all", "matched"]
    assert len(extra) == table.loc["all", "proposed"] - table.loc["all", "matched"]
    assert set(missed["quote_id"]) <= set(practice.quotes["quote_id"])
    assert set(extra["quote_id"]) <= set(proposed.quotes["quote_id"])


def test_the_students_folder_is_outside_the_course(monkeypatch, tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[2]
    monkeypatch.delenv(WORK_ENV_VAR, raising=False)
    assert repo not in my_folder().parents
    monkeypatch.setenv(WORK_ENV_VAR, str(tmp_path))
    assert my_folder() == tmp_path / "my-haldor-dam-annotation"


def test_save_and_load_goes_on_with_the_last_good_save(tmp_path: Path, capsys) -> None:
    practice = practice_article()
    annotation = Annotation.from_finder(practice.blocks, practice_proposal(), practice.meta, template=practice)
    folder = tmp_path / "mine"
    first = save_and_load(annotation, folder)
    assert "Saved" in capsys.readouterr().out and len(first.quotes) == len(practice_proposal().quotes)
    annotation.fix(annotation.proposals()[0], verb="proclaimed")
    again = save_and_load(annotation, folder)
    out = capsys.readouterr().out
    assert out.startswith("Not saved (quote ") and "column 'verb'" in out and "last good save" in out
    pd.testing.assert_frame_equal(again.quotes, first.quotes)


def test_a_refused_first_save_goes_on_with_the_finders_proposals(tmp_path: Path, capsys) -> None:
    practice = practice_article()
    annotation = Annotation.from_finder(practice.blocks, practice_proposal(), practice.meta, template=practice)
    annotation.accept(annotation.proposals()[0])
    annotation.add_speaker("Irena Kasvalo", side="carvessa")  # the Speakers tab first, no quote for her yet
    folder = tmp_path / "mine"
    mine = save_and_load(annotation, folder)
    out = capsys.readouterr().out
    assert "Traceback" not in out and "gave them no quote yet" in out and "finder's proposals" in out
    assert not folder.exists()  # nothing saved
    assert mine.slug == "mine" and mine.review_status == "unreviewed"
    assert len(mine.quotes) == len(practice_proposal().quotes)
    assert mine.quotes["note"].str.contains("unreviewed").all()
    assert len(mine.speakers) == len(practice_proposal().speakers)  # not the speaker added by hand


def test_compare_draws_one_chart_per_article_under_its_label() -> None:
    course, practice = load_article(), practice_article()
    html = compare(charts.share_of_voice_chart, [course, practice], ["one", "two"]).data
    assert html.count("data:image/png;base64,") == 2
    assert html.index(">one<") < html.index(">two<")
    assert charts.share_of_voice_chart(practice).description[:40].replace("’", "&#x27;")[:20] in html


def test_profiles_are_computed_from_each_article() -> None:
    course, practice = load_article(), practice_article()
    table = compare_profiles([course, practice], ["course", "practice"])
    assert table.loc["quote rows", "course"] == len(course.quotes)
    assert table.loc["quote rows", "practice"] == len(practice.quotes)
    profile = article_profile(practice)
    assert profile["direct %"] + profile["partial %"] + profile["indirect %"] == pytest_approx(100)


def pytest_approx(value: float):
    import pytest

    return pytest.approx(value, abs=0.2)


def test_lesson_prose_about_the_finders_speakers_matches_its_proposal() -> None:
    import re

    import nbformat

    lesson = nbformat.read(Path(__file__).resolve().parents[2] / "course" / "08-your-turn.ipynb", 4)
    prose = next(cell.source for cell in lesson.cells if cell.get("id") == "cell-08")
    proposal = practice_proposal()
    speakers = proposal.speakers.set_index("name")
    quoted = re.findall(r"“([^”]+)”", prose)
    collective = [name for name in quoted if name in speakers.index]
    resolved = [name for name in quoted if name not in speakers.index and name != "both governments"]
    assert len(collective) >= 3 and len(resolved) >= 3
    for name in collective:  # a speaker of its own, of voice type collective
        assert speakers.loc[name, "voice_type"] == "collective", name
    names = proposal.speakers.set_index("speaker_id")["name"]
    for written in resolved:  # a pronoun or role the finder gave to a person named earlier
        ids = set(proposal.quotes.loc[proposal.quotes["speaker_as_written"] == written, "speaker_id"])
        assert ids and all(names[i] != written and speakers.loc[names[i], "voice_type"] == "official" for i in ids)
    # "both governments" is one row per government, under the names the prose gives
    joint = proposal.quotes[proposal.quotes["speaker_as_written"] == "both governments"]
    assert "both governments" in quoted and len(joint) == 2
    assert {names[i] for i in joint["speaker_id"]} == {"Meridia government", "Carvessa government"} <= set(quoted)
    key = practice_article().quotes
    assert (key["speaker_as_written"] == "both governments").sum() == 2  # the key gives it to two speakers


def test_lesson_08_blank_speaker_rows_are_explained_by_the_columns_shown() -> None:
    quotes = practice_proposal().quotes
    blank = quotes[quotes["speaker_as_written"].fillna("").eq("")]
    assert not blank.empty
    assert (blank["attributed_in_block"] != blank["block"]).all()  # named in an earlier block
    assert blank["continues_quote"].fillna("").ne("").any()


def test_the_scorecard_scores_three_keys_and_says_what_each_score_means(monkeypatch, tmp_path: Path) -> None:
    from crisis_reading.annotate import workspace
    from crisis_reading.dataset.paths import CAPSTONE_ARTICLE, HELDOUT_ARTICLE, PRACTICE_ARTICLE

    card = workspace.finder_scorecard()
    assert card.index.tolist() == [PRACTICE_ARTICLE, HELDOUT_ARTICLE, CAPSTONE_ARTICLE]
    assert "written with this article in view" in card.loc[PRACTICE_ARTICLE, "what the score means"]
    assert "no rule is ever written against it" in card.loc[CAPSTONE_ARTICLE, "what the score means"]
    capstone = workspace.capstone_article()
    table = score(workspace.capstone_proposal(), capstone.quotes, capstone.speakers)
    assert card.loc[CAPSTONE_ARTICLE, "f1"] == round(float(table.loc["all", "f1"]), 3)
    assert card.loc[CAPSTONE_ARTICLE, "annotated"] == len(capstone.quotes)
    # A copy of the course without tests/: the held-out row says so instead of failing.
    monkeypatch.setattr(workspace, "heldout_dir", lambda: tmp_path / "no-tests")
    card = workspace.finder_scorecard()
    assert "not in this copy of the course" in card.loc[HELDOUT_ARTICLE, "what the score means"]
    assert pd.isna(card.loc[HELDOUT_ARTICLE, "f1"]) and card.loc[CAPSTONE_ARTICLE, "f1"] > 0


def test_corrections_needed_counts_what_a_reviewer_must_do() -> None:
    from crisis_reading.annotate.workspace import capstone_article, capstone_proposal
    from crisis_reading.finder.scoring import corrections_needed

    key, proposed = capstone_article(), capstone_proposal()
    needed = corrections_needed(proposed, key.quotes, key.speakers)
    table = score(proposed, key.quotes, key.speakers).loc["all"]
    assert needed["add a missed quote"] == table["annotated"] - table["matched"]
    assert needed["reject a proposal"] == table["proposed"] - table["matched"]
    assert needed["change the speaker"] == round(table["matched"] * (1 - table["speaker_accuracy"]))
    perfect = corrections_needed(type(proposed)(key.quotes, key.speakers), key.quotes, key.speakers)
    assert perfect.sum() == 0


def test_compare_needs_one_label_per_article() -> None:
    import pytest

    with pytest.raises(ValueError, match="give one label each"):
        compare(charts.share_of_voice_chart, [load_article()], ["one", "two"])
