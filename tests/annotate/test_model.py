"""The annotation tool: decisions on the finder's proposals are saved as a folder the loader accepts.

The logic (crisis_reading.annotate.model) is driven directly; the widget is driven as a student would,
by setting its controls and clicking its buttons, and the saved files are read back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crisis_reading import PRACTICE_ARTICLE, DataError, list_articles, load_article
from crisis_reading.annotate.draft import draft_path, open_annotation
from crisis_reading.annotate.model import PENDING, Annotation
from crisis_reading.annotate.widget import annotation_widget
from crisis_reading.dataset.vocabulary import slug
from crisis_reading.finder.quotes import find_quotes

META_KEYS = ("headline", "outlet", "published", "dateline", "credit")


@pytest.fixture(scope="module")
def practice():
    return load_article(PRACTICE_ARTICLE)


@pytest.fixture(scope="module")
def proposed(practice):
    return find_quotes(practice.blocks[["block", "function", "text"]])


def fresh(practice, proposed) -> Annotation:
    meta = {key: practice.meta[key] for key in META_KEYS}
    return Annotation.from_finder(practice.blocks, proposed, meta, template=practice)


def make_room(annotation: Annotation, block: int, text: str) -> int:
    """Reject the proposals that overlap `text` in `block`, so it can be added by hand; returns how many."""
    start = annotation.block_text(block).index(text)
    rejected = 0
    for quote_id in annotation.proposals():
        row = annotation.quote(quote_id)
        if int(row["block"]) == block and int(row["start"]) < start + len(text) and int(row["end"]) > start:
            annotation.reject(quote_id)
            rejected += 1
    return rejected


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_the_proposal_saves_as_an_unreviewed_article(practice, proposed, tmp_path: Path) -> None:
    report = fresh(practice, proposed).save(tmp_path / "mine")
    saved = load_article("mine", tmp_path)
    assert report.quotes == len(saved.quotes) == len(proposed.quotes)
    assert saved.review_status == "unreviewed"
    assert report.still_to_review == report.quotes + report.events + report.speakers  # every proposed speaker waits too
    assert report.still_to_review == len(proposed.quotes) + len(saved.events) + len(saved.speakers)
    assert saved.quotes["quote_id"].tolist() == [f"q{n:02d}" for n in range(1, len(saved.quotes) + 1)]
    assert saved.quotes["note"].str.contains("unreviewed").all()
    assert saved.blocks["text"].tolist() == practice.blocks["text"].tolist()
    assert sorted(path.name for path in (tmp_path / "mine").iterdir()) == [
        "article.txt",
        "blocks.csv",
        "datapackage.json",
        "events.csv",
        "quotes.csv",
        "speakers.csv",
    ]
    assert len(saved.events) >= 5 and saved.events["note"].str.contains("unreviewed").all()  # the finder's proposals
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]  # no temporary folder left behind


def test_every_decision_reaches_the_saved_files(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    envoy = annotation.add_speaker(
        "Lucía Ferrandel", side="rcsd", organisation="Regional Concord for Security and Dialogue",
        voice_type="official", organisation_type="intergovernmental",
    )  # fmt: skip
    assert envoy.startswith(slug("Lucía Ferrandel")) and slug("Lucía Ferrandel") == "lucia_ferrandel"
    assert annotation.speaker_ids().count(envoy) == 1
    block_text = practice.blocks.set_index("block").loc[6, "text"]
    quote = practice.quotes[practice.quotes["block"] == 6].iloc[0]
    make_room(annotation, 6, quote["text"])
    ids = [q for q in annotation.proposals() if annotation.status[q] == PENDING]
    first, second, third = ids[0], ids[1], ids[2]
    annotation.reject(first)
    annotation.fix(second, speaker_id=envoy)
    annotation.accept(third)
    added = annotation.add_quote(6, quote["text"], envoy, "direct", quote["verb"], speaker_as_written="Lucía Ferrandel")
    annotation.save(tmp_path / "mine")

    saved = load_article("mine", tmp_path)
    counts = annotation.counts()
    assert (
        len(saved.quotes) == counts["accepted"] + counts["pending"] == len(annotation.proposals()) - counts["rejected"]
    )
    gone = annotation.quote(first)
    # (a joint statement is one row per speaker over the same words, so the speaker tells the rows apart)
    spans = set(zip(saved.quotes["block"], saved.quotes["start"], saved.quotes["speaker_id"], strict=True))
    assert (gone["block"], gone["start"], gone["speaker_id"]) not in spans
    fixed = saved.quotes[saved.quotes["text"] == annotation.quote(second)["text"]].iloc[0]
    assert fixed["speaker_id"] == envoy and "corrected speaker_id" in fixed["note"]
    new = saved.quotes[(saved.quotes["block"] == 6) & (saved.quotes["text"] == quote["text"])].iloc[0]
    assert block_text[new["start"] : new["end"]] == quote["text"] and new["speaker_id"] == envoy
    speaker = saved.speakers.set_index("speaker_id").loc[envoy]
    assert speaker["side"] == "rcsd" and speaker["organisation"] == "Regional Concord for Security and Dialogue"
    accepted = saved.quotes[saved.quotes["text"] == annotation.quote(third)["text"]].iloc[0]
    assert "unreviewed" not in accepted["note"] and "accepted by a person" in accepted["note"]
    assert saved.review_status == "in_review"
    assert added not in saved.quotes["quote_id"].tolist()  # saved under a q-number


def test_split_cuts_a_quote_around_the_words_between(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    longest = max(annotation.proposals(), key=lambda q: len(annotation.quote(q)["text"]))
    row = annotation.quote(longest)
    words = row["text"].split()
    between = f" {words[len(words) // 2]} "
    second = annotation.split(longest, between)
    first_part, second_part = annotation.quote(longest), annotation.quote(second)
    block_text = annotation.block_text(row["block"])
    for part in (first_part, second_part):
        assert block_text[part["start"] : part["end"]] == part["text"]
    assert first_part["text"] + between.rstrip() in row["text"]
    assert annotation.status[second] == PENDING
    with pytest.raises(ValueError, match="does not stand inside"):
        annotation.split(longest, "words that are not in it")


def test_a_bad_save_gives_the_loaders_error_and_keeps_the_good_save(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    target = tmp_path / "mine"
    annotation.save(target)
    before = files_of(target)
    annotation.fix(annotation.proposals()[0], verb="proclaimed")  # a verb that is not in the block
    with pytest.raises(DataError) as caught:
        annotation.save(target)
    message = str(caught.value)
    assert "mine/quotes.csv" in message and "column 'verb'" in message and "'proclaimed' does not appear" in message
    assert ".saving" not in message
    assert files_of(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]


def test_a_good_save_keeps_the_version_it_replaces(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    target = tmp_path / "mine"
    annotation.save(target)
    first = files_of(target)
    annotation.reject(annotation.proposals()[0])
    report = annotation.save(target)
    assert report.previous == tmp_path / ".mine.previous" and files_of(report.previous) == first
    assert files_of(target) != first
    assert "mine" in [p.name for p in tmp_path.iterdir()]


def test_the_kept_version_is_never_listed_or_loaded_as_an_article(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    annotation.save(tmp_path / "mine")
    annotation.reject(annotation.proposals()[0])
    kept = annotation.save(tmp_path / "mine").previous
    assert (kept / "datapackage.json").exists()  # it looks like an article folder, but is a backup
    assert list_articles(tmp_path) == ["mine"]
    with pytest.raises(FileNotFoundError) as missing:
        load_article("elsewhere", tmp_path)
    assert str(missing.value).endswith("Articles here: mine")


def test_going_on_with_a_saved_folder_keeps_decisions_and_ids(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    target = tmp_path / "mine"
    annotation.accept(annotation.proposals()[0])
    annotation.save(target)
    resumed = open_annotation(target, start=lambda: pytest.fail("must resume, not start again"))
    assert resumed.counts()[PENDING] == len(proposed.quotes) - 1
    assert resumed.quotes["quote_id"].tolist()[:3] == ["q01", "q02", "q03"]
    resumed.save(target)
    assert load_article("mine", tmp_path).quotes["quote_id"].tolist() == resumed.quotes["quote_id"].tolist()
    started = fresh(practice, proposed)
    assert open_annotation(tmp_path / "new", start=lambda: started) is started


def test_other_tables_are_carried_over_and_still_checked(tmp_path: Path, article) -> None:
    folder = tmp_path / "course-copy"
    shutil.copytree(article.folder, folder)
    annotation = Annotation.from_folder(folder)
    assert set(annotation.extra_resources) == {"frames", "frame_vocabulary", "source_checks"}
    annotation.save(folder)
    assert (folder / "frames.csv").read_bytes() == (article.folder / "frames.csv").read_bytes()
    speaker = annotation.speaker_ids()[0]
    annotation.add_quote(1, "Will NATO engage", speaker, "indirect", "engage")
    with pytest.raises(DataError, match="gives this quote no frame"):
        annotation.save(folder)  # every quote must have a frame, as in any article
    assert load_article("course-copy", tmp_path).quotes.shape == article.quotes.shape


def test_mistakes_are_refused_with_a_reason(practice, proposed) -> None:
    annotation = fresh(practice, proposed)
    with pytest.raises(ValueError, match="side 'narnia' is not allowed"):
        annotation.add_speaker("Someone", side="narnia")
    with pytest.raises(ValueError, match="does not stand in block 3"):
        annotation.add_quote(3, "words that are not there", annotation.speaker_ids()[0], "direct", "said")
    with pytest.raises(ValueError, match="No speaker"):
        annotation.fix(annotation.proposals()[0], speaker_id="nobody")
    with pytest.raises(ValueError, match="kind must be"):
        annotation.fix(annotation.proposals()[0], kind="quoted")


# ----- the widget, clicked as a student would -------------------------------------------------------------------


def test_widget_accepts_with_a_corrected_speaker_and_saves(practice, proposed, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    annotation = fresh(practice, proposed)
    orlek_words = practice.quotes[practice.quotes["block"] == 9].iloc[0]
    made_room = make_room(annotation, 9, orlek_words["text"])
    widget = annotation_widget(annotation, target)
    total = len(proposed.quotes) - made_room
    assert f"{total} waiting for review" in widget.progress.value
    first = widget.current()
    assert widget.annotation.quote(first)["text"] in widget.quote_view.value.replace("&#x27;", "'")

    widget.speaker_choice.value = widget.annotation.speaker_ids()[0]
    widget.speaker_name.value = "Tomas Orlek"
    widget.speaker_side.value = "meridia"
    widget.speaker_organisation.value = "Ministry of Foreign Affairs of Meridia"
    widget.add_speaker_button.click()
    assert "Added the speaker Tomas Orlek" in widget.message.value
    orlek = widget.speaker_choice.value
    assert orlek.startswith("tomas_orlek")

    widget.speaker.value = orlek
    widget.accept_button.click()
    assert f"Accepted {first} with your corrections (speaker_id)" in widget.message.value
    assert f"{total - 1} waiting for review" in widget.progress.value
    rejected = widget.current()
    while widget.annotation.status[rejected] != PENDING:  # step past the proposals rejected above
        widget.next_button.click()
        rejected = widget.current()
    widget.reject_button.click()
    assert f"Rejected {rejected}" in widget.message.value

    widget.new_block.value = 9
    widget.new_text.value = orlek_words["text"]
    widget.new_speaker.value = orlek
    widget.new_kind.value = orlek_words["kind"]
    widget.new_verb.value = orlek_words["verb"]
    widget.add_quote_button.click()
    assert "Added n" in widget.message.value

    widget.save_button.click()
    assert "Saved" in widget.message.value, widget.message.value
    saved = load_article("mine", tmp_path)
    by_orlek = saved.quotes[saved.quotes["speaker_id"] == orlek]
    assert orlek_words["text"] in by_orlek["text"].tolist() and len(by_orlek) == 2
    assert saved.speakers.set_index("speaker_id").loc[orlek, "side"] == "meridia"
    assert len(saved.quotes) == total  # one rejected, one added


def test_widget_shows_a_bad_save_and_changes_nothing(practice, proposed, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    widget = annotation_widget(fresh(practice, proposed), target)
    widget.save_button.click()
    before = files_of(target)
    widget.verb.value = "proclaimed"
    widget.accept_button.click()
    widget.save_button.click()
    message = widget.message.value
    accepted = widget.annotation.proposals()[0]
    assert f"Not saved (quote {accepted}, column &#x27;verb&#x27;)" in message
    assert "row" not in message and "quotes.csv" not in message  # the student sees quote ids, not CSV rows
    assert widget.current() == accepted  # the review tab shows the quote to fix
    assert files_of(target) == before


def test_widget_messages_keep_their_quotation_marks(practice, proposed, tmp_path: Path) -> None:
    widget = annotation_widget(fresh(practice, proposed), tmp_path / "mine")
    widget.new_text.value = "words nowhere in the block"
    widget.add_quote_button.click()
    assert "&#x27;words nowhere in the block&#x27; does not stand in block" in widget.message.value
    widget.speaker_name.value = ""
    widget.add_speaker_button.click()
    assert "a speaker needs a name" in widget.message.value


def test_widget_sets_how_a_new_speaker_is_written(practice, proposed, tmp_path: Path) -> None:
    widget = annotation_widget(fresh(practice, proposed), tmp_path / "mine")
    widget.speaker_name.value = "Carvessan government"
    widget.speaker_written.value = "Ostrel"
    widget.speaker_side.value = "carvessa"
    widget.add_speaker_button.click()
    ident = widget.speaker_choice.value
    assert widget.annotation.speakers.set_index("speaker_id").loc[ident, "names_as_written"] == "Ostrel"
    assert widget.speaker_written.value == "Ostrel"
    ids = widget.annotation.proposals()
    widget.annotation.position = next(
        i for i, q in enumerate(ids) if widget.annotation.quote(q)["text"].startswith("it will")
    )
    widget._refresh()
    widget.speaker.value = ident
    widget.accept_button.click()
    widget.save_button.click()
    assert "Saved" in widget.message.value, widget.message.value
    saved = load_article("mine", tmp_path).speakers.set_index("speaker_id")
    assert saved.loc[ident, "names_as_written"] == "Ostrel" and saved.loc[ident, "side"] == "carvessa"


def test_a_new_speaker_without_a_quote_is_refused_with_the_reason(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    annotation.add_speaker("Irena Kasvalo", side="carvessa")
    with pytest.raises(DataError) as refused:
        annotation.save(tmp_path / "mine")
    assert "you added Irena Kasvalo but gave them no quote yet" in str(refused.value)
    assert annotation.where(refused.value).startswith("speaker irena_kasvalo")


def test_a_fully_reviewed_article_without_events_says_why_it_is_refused(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    for quote_id in annotation.proposals():
        annotation.accept(quote_id)
    for speaker_id in annotation.speakers_to_review():
        annotation.edit_speaker(speaker_id, side="unclear")  # a person's judgement, with its reason
    assert annotation.review_status() == "in_review"  # the proposed events still wait
    for event_id in annotation.event_ids():
        annotation.delete_event(event_id)
    with pytest.raises(DataError) as refused:
        annotation.save(tmp_path / "mine")
    message = str(refused.value)
    assert "header but no rows" in message and "reviewed article needs its events" in message
    assert "Events tab" in message and "leave one proposal waiting for review" in message
    assert not (tmp_path / "mine").exists()
    annotation.add_event(8, "meeting", "The talks' opening session", time_words="on Tuesday")
    report = annotation.save(tmp_path / "mine")
    assert report.review_status == "reviewed" and report.events == 1
    saved = load_article("mine", tmp_path)
    assert saved.review_status == "reviewed"
    assert saved.events["date_start"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-11"]


def test_the_review_is_complete_only_when_every_speaker_is_checked(practice, proposed, tmp_path: Path) -> None:
    annotation = fresh(practice, proposed)
    for quote_id in annotation.proposals():
        annotation.accept(quote_id)
    for event_id in annotation.event_ids():
        annotation.delete_event(event_id)
    annotation.add_event(8, "meeting", "The talks' opening session", time_words="on Tuesday")
    waiting = annotation.speakers_to_review()
    assert waiting == [s for s in annotation.speaker_ids() if s in annotation.saved_speaker_ids()] and waiting
    report = annotation.save(tmp_path / "mine")  # every quote and event checked, but not one speaker
    assert report.review_status == "in_review" and report.still_to_review == len(waiting)
    assert f"({len(waiting)} still to review, review_status 'in_review')" in str(report)
    first, *others = waiting
    annotation.edit_speaker(first, organisation="Carvessan government")  # checked, but no side given
    assert first in annotation.speakers_to_review()
    annotation.edit_speaker(first, side="carvessa")
    for speaker_id in others:
        annotation.edit_speaker(speaker_id, side="unclear")
    assert annotation.speakers_to_review() == [] and annotation.review_status() == "reviewed"
    assert annotation.save(tmp_path / "mine").review_status == "reviewed"
    saved = load_article("mine", tmp_path)
    assert saved.review_status == "reviewed" and not saved.speakers["note"].str.contains("unreviewed").any()


def test_an_annotation_with_no_proposals_can_be_filled_by_hand(practice, tmp_path: Path) -> None:
    blocks = practice.blocks[practice.blocks["block"].isin([1, 6])]
    nothing = find_quotes(blocks.iloc[:1])  # the headline: no quotes
    assert nothing.quotes.empty
    annotation = Annotation.from_finder(blocks, nothing, {k: practice.meta[k] for k in META_KEYS}, template=practice)
    with pytest.raises(DataError, match="header but no rows"):
        annotation.save(tmp_path / "mine")
    envoy = annotation.add_speaker("Lucía Ferrandel", side="rcsd", organisation_type="intergovernmental")
    text = annotation.block_text(6)
    words = text[text.index("“") + 1 : text.index("”")]
    annotation.add_quote(6, words, envoy, "direct", "told")
    assert len(annotation.tables()["quotes"]) == 1
    # The quotes and speakers now pass; what is left is the events a reviewed article needs.
    with pytest.raises(DataError, match=r"events\.csv: the file has a header but no rows\. Everything is reviewed"):
        annotation.save(tmp_path / "mine")
    annotation.add_event(6, "press_conference", "The envoy speaks to reporters", date_start="2025-03-13",
                         date_end="2025-03-13", resolved_by="context", resolution_source="the close of the talks",
                         certainty="likely")  # fmt: skip
    assert len(annotation.tables()["events"]) == 1 and annotation.review_status() == "reviewed"
    with pytest.raises(DataError, match=r"blocks\.csv"):  # past the events: this cut-down text skips blocks 2–5
        annotation.save(tmp_path / "mine")


def test_widget_splits_and_updates_a_speaker(practice, proposed, tmp_path: Path) -> None:
    widget = annotation_widget(fresh(practice, proposed), tmp_path / "mine")
    quote_id = widget.current()
    words = widget.annotation.quote(quote_id)["text"].split()
    widget.split_words.value = f" {words[len(words) // 2]} "
    widget.split_button.click()
    assert f"Split {quote_id}" in widget.message.value
    widget.split_words.value = "not in the quote at all"
    widget.split_button.click()
    assert "does not stand inside" in widget.message.value
    ident = widget.annotation.speaker_ids()[0]
    widget.speaker_choice.value = ident
    widget.speaker_side.value = "carvessa"
    widget.update_speaker_button.click()
    assert widget.annotation.speakers.set_index("speaker_id").loc[ident, "side"] == "carvessa"


def test_a_stale_saved_folder_is_kept_and_work_starts_again(practice, proposed, tmp_path: Path, capsys) -> None:
    target = tmp_path / "mine"
    fresh(practice, proposed).save(target)
    started = fresh(practice, proposed)
    edited = practice.blocks.assign(text=practice.blocks["text"].str.replace("Corvelle", "Korvelle"))
    again = open_annotation(target, start=lambda: started, blocks=edited)
    assert again is started and "text has changed" in capsys.readouterr().out
    assert not target.exists()  # moved aside at once, so no later cell takes the old save for the new work
    draft_path(target).unlink()
    fresh(practice, proposed).save(target)
    (target / "quotes.csv").write_text("broken", encoding="utf-8")
    assert open_annotation(target, start=lambda: started, blocks=practice.blocks) is started
    assert "no longer loads" in capsys.readouterr().out
    kept = [path / "mine" for path in tmp_path.iterdir() if path.name.startswith("mine.backup-")]
    assert len(kept) == 2 and not target.exists()
    assert "broken" in [(folder / "quotes.csv").read_text(encoding="utf-8") for folder in kept]  # for the person


def test_every_proposal_is_marked_unreviewed_whatever_the_finder_wrote(practice, proposed, tmp_path: Path) -> None:
    from crisis_reading.finder.quotes import FinderResult

    bare = FinderResult(proposed.quotes.assign(note=""), proposed.speakers)
    annotation = Annotation.from_finder(practice.blocks, bare, {k: practice.meta[k] for k in META_KEYS}, practice)
    annotation.save(tmp_path / "mine")
    notes = load_article("mine", tmp_path).quotes["note"]
    assert notes.str.contains("(unreviewed)", regex=False).all()
    assert Annotation.from_folder(tmp_path / "mine").counts()[PENDING] == len(notes)


def test_saving_again_without_changes_touches_nothing(practice, proposed, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    annotation = fresh(practice, proposed)
    annotation.save(target)
    annotation.reject(annotation.proposals()[0])
    annotation.save(target)
    previous = tmp_path / ".mine.previous"
    before, kept = files_of(target), files_of(previous)
    stamps = {path.name: path.stat().st_mtime_ns for path in target.iterdir()}
    report = annotation.save(target)  # nothing new
    assert files_of(target) == before and files_of(previous) == kept
    assert {path.name: path.stat().st_mtime_ns for path in target.iterdir()} == stamps
    assert report.previous == previous
    # A second annotation with the same decisions, saved at the same time elsewhere, finds its work done.
    twin = fresh(practice, proposed)
    twin.reject(twin.proposals()[0])
    assert twin.save(target).quotes == report.quotes and files_of(target) == before
