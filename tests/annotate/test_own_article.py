"""Lesson 08's last section: any plain text, taken apart with the course's tools, saved in the student's folder."""

from __future__ import annotations

from pathlib import Path

from crisis_reading import charts, load_article
from crisis_reading.annotate.own_article import start_my_article
from crisis_reading.dataset.paths import data_dir
from crisis_reading.views.compare import NOTHING_YET, compare

TEXT = """Rebels and army agree to pause fighting in Norvale

NORVALE, 3 March (Sample Wire) – The army and the rebel Front agreed on Monday to pause fighting for a week.

"We want the guns to fall silent," said General Ada Brun, the army's chief of staff.

The Front's spokesman, Joss Ray, said the group would respect the truce if the army withdrew its tanks.

Source: Sample Wire"""


def test_any_text_becomes_an_article_in_the_students_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CRISIS_READING_WORK", str(tmp_path))
    before = sorted(path.name for path in data_dir().iterdir())
    own = start_my_article(TEXT, sides=["army", "rebels"], published="2025-03-05")
    assert len(own.blocks) == 5 and len(own.proposal.quotes) >= 2
    assert own.annotation.sides() == ["army", "rebels", "independent", "unclear"]
    assert "on Monday" in set(own.annotation.events["time_words"])
    own.annotation.edit_speaker(own.annotation.speaker_ids()[0], side="army")
    saved = own.save()
    assert saved is not None and saved.folder == tmp_path / "my-own-article"
    assert saved.meta["parties"] == ["army", "rebels"] and saved.meta["outlet"] == "Sample Wire"
    assert saved.events.loc[saved.events["time_words"] == "on Monday", "date_start"].dt.day.tolist() == [3]
    html = compare(charts.share_of_voice_chart, [load_article(), saved], ["course", "mine"]).data
    assert html.count("data:image/png;base64,") == 2
    assert sorted(path.name for path in data_dir().iterdir()) == before  # nothing written into the course
    assert "Traceback" not in capsys.readouterr().out


def test_a_text_without_quotes_says_so_and_every_cell_still_runs(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CRISIS_READING_WORK", str(tmp_path))
    own = start_my_article("Weather report\n\nIt rained in the north on Tuesday.", published="2025-03-05")
    assert "found no quotes" in capsys.readouterr().out
    assert own.tool() is not None
    saved = own.save()
    out = capsys.readouterr().out
    assert saved is None and "there are no quotes yet" in out and "nothing to chart yet" in out.lower()
    html = compare(charts.share_of_voice_chart, [load_article(), saved], ["course", "mine"]).data
    assert html.count("data:image/png;base64,") == 1 and NOTHING_YET.split(":")[0] in html


def test_unusable_input_gets_one_message_and_no_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CRISIS_READING_WORK", str(tmp_path))
    for text, kwargs, message in [
        ("", {}, "the text is empty"),
        ("my-article.txt", {}, "There is no file my-article.txt"),
        (TEXT, {"published": "5 March"}, "is not a date written YYYY-MM-DD"),
        (TEXT, {"sides": "army"}, "sides should be a list"),
        # Both would have become the one side "speaker".
        (TEXT, {"sides": ["Россия", "Україна"]}, "the side 'Россия' has no Latin letter or digit"),
    ]:
        own = start_my_article(text, **kwargs)
        out = capsys.readouterr().out
        assert out.startswith("Not started: ") and message in out, out
        assert own.annotation is None and "No article to annotate yet" in own.tool().data
        assert own.save() is None and "Nothing to save yet" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_running_again_with_other_settings_keeps_the_old_work_and_uses_the_new(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("CRISIS_READING_WORK", str(tmp_path))
    first = start_my_article(TEXT, sides=["army", "rebels"])  # no date: counted from today
    first.annotation.accept(first.annotation.proposals()[0])
    again = start_my_article(TEXT, sides=["army", "rebels"])  # the same settings: the work reopens
    assert again.annotation.decided() == 1
    capsys.readouterr()
    fixed = start_my_article(TEXT, sides=["north", "south"], published="2025-03-05", outlet="Sample Wire")
    out = capsys.readouterr().out
    assert "starts again with the new settings" in out and fixed.annotation.decided() == 0
    assert fixed.annotation.meta["published"] == "2025-03-05" and fixed.annotation.sides()[:2] == ["north", "south"]
    assert fixed.annotation.events.loc[fixed.annotation.events["time_words"] == "on Monday", "date_start"].tolist() == [
        "2025-03-03"
    ]
    assert [path for path in tmp_path.iterdir() if path.name.startswith("my-own-article.backup-")]


def test_a_time_the_calendar_cannot_place_on_this_day_is_not_proposed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CRISIS_READING_WORK", str(tmp_path))
    text = "Talks stall\n\nThe minister said earlier this month that talks would resume, officials said on Monday."
    own = start_my_article(text, sides=["a", "b"], published="2025-11-01")  # the 1st: nothing earlier this month
    assert "earlier this month" not in set(own.annotation.events["time_words"])
    assert own.save() is not None
