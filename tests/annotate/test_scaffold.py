"""The instructors' scaffold: a text file becomes an article folder that loads, marked as unreviewed."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DATA, REPO
from test_any_article import every_lesson_chart

from crisis_reading import DEFAULT_ARTICLE, PRACTICE_ARTICLE, DataError, load_article
from crisis_reading.annotate import scaffold
from crisis_reading.annotate.own_article import start_my_article
from crisis_reading.cli import scaffold as command
from crisis_reading.dataset.vocabulary import side_not_judged
from crisis_reading.finder.quotes import find_quotes
from crisis_reading.finder.text_blocks import blocks_from_text
from crisis_reading.views.render import show_blocks

PRACTICE_TEXT = DATA / PRACTICE_ARTICLE / "article.txt"
SLUG = "halyard-2025-03-14-border-talks"


def article_file(folder: Path, *paragraphs: str) -> Path:
    """A plain-text article, headline first, as an instructor saves one for make article."""
    text = folder / "article.txt"
    text.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return text


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_the_scaffold_makes_a_folder_the_loader_accepts(data: Path, capsys) -> None:
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data)]) == 0
    article = load_article(SLUG, data)
    blocks = blocks_from_text(PRACTICE_TEXT.read_text(encoding="utf-8"))
    proposed = find_quotes(blocks)
    assert article.blocks["text"].tolist() == blocks["text"].tolist()
    assert article.blocks["function"].astype(str).tolist() == blocks["function"].tolist()
    assert len(article.quotes) == len(proposed.quotes)
    assert article.review_status == "unreviewed" and "guesses" in article.meta["review_note"]
    assert article.quotes["note"].str.contains("unreviewed").all()
    assert set(article.speakers["side"]) == {"unclear"}
    assert len(article.events) >= 5 and article.events["note"].str.contains("unreviewed").all()
    practice = load_article(PRACTICE_ARTICLE, data)
    assert article.meta["outlet"] == practice.meta["outlet"]  # read from the credit line
    assert article.meta["published"] == "2025-03-14"  # read from the slug
    out = capsys.readouterr().out
    assert f"{len(article.quotes)} proposed quotes" in out and "review_status 'unreviewed'" in out


def test_every_lesson_chart_draws_for_a_scaffolded_article(data: Path) -> None:
    scaffold.scaffold(REPO / "data" / DEFAULT_ARTICLE / "article.txt", "aljazeera-2022-01-14-again", data=data)
    article = load_article("aljazeera-2022-01-14-again", data)
    made = every_lesson_chart(article)
    assert made[6].title.startswith(f"{len(article.events)} events")  # the finder's proposals, dated by the calendar
    assert made[7].title == "No frames are annotated for this article"
    for chart in made:
        assert chart._repr_html_().count("data:image/png;base64,") == 1


def test_the_summary_counts_one_of_a_thing_in_the_singular(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CRISIS_READING_WORK", str(tmp_path / "work"))  # where start_my_article saves
    text = tmp_path / "one.txt"
    text.write_text("Talks end without a deal\n\nThe delegations met on Tuesday in Corvelle, Anna Holt said.\n")
    assert (
        command.main([str(text), "--slug", "test-2025-03-14-one", "--outlet", "Test Wire", "--data", str(tmp_path)])
        == 0
    )
    summary = capsys.readouterr().out.splitlines()[0]
    assert summary.endswith(
        ": 2 blocks, 1 proposed quote, 1 proposed speaker, 1 proposed event; review_status 'unreviewed'."
    )
    own = start_my_article(text, published="2025-03-14", outlet="Test Wire", name="one")
    assert "2 blocks; the finder proposes 1 quote." in capsys.readouterr().out
    assert repr(own).startswith("<your article: 2 blocks, 1 proposed quote, 1 proposed event;")


def test_the_scaffold_never_overwrites_without_force(data: Path, capsys) -> None:
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data)]) == 0
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data)]) == 2
    assert "exists already; add --force to replace it (through make: ARGS=--force)" in capsys.readouterr().err
    descriptor_path = data / SLUG / "datapackage.json"
    edited = descriptor_path.read_text(encoding="utf-8").replace("Nothing here", "Nothing at all here")
    descriptor_path.write_text(edited, encoding="utf-8")  # as if someone had started on it
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data), "--force"]) == 0
    assert (data / f".{SLUG}.previous" / "datapackage.json").read_text(encoding="utf-8") == edited
    assert f"The folder it replaced is kept in {data / f'.{SLUG}.previous'} (hidden" in capsys.readouterr().out
    assert SLUG in [p.name for p in data.iterdir()] and f".{SLUG}.previous" not in load_list(data)


def load_list(data: Path) -> list[str]:
    from crisis_reading import list_articles

    return list_articles(data)


def test_options_and_their_errors(data: Path, capsys) -> None:
    assert command.main([str(PRACTICE_TEXT), "--slug", "no-date-here", "--data", str(data)]) == 2
    assert "--published" in capsys.readouterr().err
    assert command.main([str(PRACTICE_TEXT), "--slug", "Bad Slug", "--data", str(data)]) == 2
    assert "lowercase" in capsys.readouterr().err
    args = [str(PRACTICE_TEXT), "--slug", "x-topic", "--published", "2025-03-14", "--outlet", "Somebody"]
    assert command.main([*args, "--dateline", "Corvelle", "--data", str(data)]) == 0
    descriptor = json.loads((data / "x-topic" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["article"]["outlet"] == "Somebody" and descriptor["article"]["dateline"] == "Corvelle"
    assert descriptor["article"]["review_status"] == "unreviewed"


def test_a_proposal_the_loader_refuses_is_left_out_and_reported(data: Path, monkeypatch, capsys) -> None:
    def careless_finder(blocks, outlet=None):
        result = find_quotes(blocks, outlet)
        result.quotes.loc[0, "verb"] = "proclaimed"  # not in its block: the loader refuses this row
        return result

    monkeypatch.setattr(scaffold, "find_quotes", careless_finder)
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "left out (the loader refused it): p01" in out and "'proclaimed' does not appear" in out
    article = load_article(SLUG, data)
    assert (
        len(article.quotes) == len(find_quotes(blocks_from_text(PRACTICE_TEXT.read_text(encoding="utf-8"))).quotes) - 1
    )


def test_a_text_without_quotes_gets_a_clear_error(tmp_path: Path, capsys) -> None:
    text = tmp_path / "quiet.txt"
    text.write_text("A quiet day at the border\n\nNothing happened at the crossing.\n\nSource: Example Wire\n")
    assert command.main([str(text), "--slug", "example-2025-01-01-quiet", "--data", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the quote finder found no quotes") and "Traceback" not in err
    assert not (tmp_path / "d" / "example-2025-01-01-quiet").exists()


def test_data_may_be_a_new_or_empty_folder(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for data in (empty, tmp_path / "missing" / "data"):
        assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data)]) == 0, capsys.readouterr()
        assert load_article(SLUG, data).review_status == "unreviewed"


def test_the_scaffold_says_which_outlet_and_date_it_inferred(tmp_path: Path, capsys) -> None:
    assert command.main([str(PRACTICE_TEXT), "--slug", "halyard-2025-03-20-talks", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    outlet = load_article(PRACTICE_ARTICLE).meta["outlet"]
    assert f"Outlet: {outlet} (read from the credit line" in out
    assert "published: 2025-03-20 (read from the slug" in out
    args = ["--outlet", "Somebody", "--published", "2025-03-14", "--data", str(tmp_path)]
    assert command.main([str(PRACTICE_TEXT), "--slug", "other-topic", *args]) == 0
    assert "Outlet: Somebody (given with --outlet); published: 2025-03-14 (given with --published)" in (
        capsys.readouterr().out
    )


def test_an_invented_article_is_marked_fictional_with_a_banner(data: Path, capsys) -> None:
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data), "--fictional"]) == 0
    article = load_article(SLUG, data)
    assert article.meta["fictional"] is True and article.meta["outlet"] in article.meta["notice"]
    assert "Marked fictional" in capsys.readouterr().out
    assert "FICTIONAL ARTICLE" in show_blocks(article, [1]).data
    own = ["--notice", "Invented for week 3.", "--force"]
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data), "--fictional", *own]) == 0
    assert load_article(SLUG, data).meta["notice"] == "Invented for week 3."
    assert command.main([str(PRACTICE_TEXT), "--slug", "real-2025-03-14-talks", "--data", str(data)]) == 0
    real = load_article("real-2025-03-14-talks", data)
    assert "fictional" not in real.meta and "FICTIONAL ARTICLE" not in show_blocks(real, [1]).data
    capsys.readouterr()
    assert (
        command.main(
            [str(PRACTICE_TEXT), "--slug", "x-2025-03-14-y", "--data", str(data), "--fictional", "--notice", " "]
        )
        == 2
    )
    assert capsys.readouterr().err.startswith("error: --notice is empty")


def test_make_article_passes_fictional_on() -> None:
    def scaffold_line(*variables: str) -> str:
        run = subprocess.run(
            ["make", "-n", "-s", "article", "TEXT=a.txt", "SLUG=x-2025-01-01-y", *variables],
            cwd=REPO, capture_output=True, text=True, check=True,
        )  # fmt: skip
        return run.stdout.strip().splitlines()[-1]

    assert scaffold_line("FICTIONAL=yes").split()[-1] == "--fictional"
    assert scaffold_line("FICTIONAL=Yes").split()[-1] == "--fictional"
    assert "--fictional" not in scaffold_line() and "--fictional" not in scaffold_line("FICTIONAL=no")
    assert "--fictional" not in scaffold_line("FICTIONAL=No") and "--fictional" not in scaffold_line("FICTIONAL=FALSE")


def test_make_article_refuses_a_fictional_that_is_neither_yes_nor_no(tmp_path: Path) -> None:
    # -o: the environment counts as installed, so only the recipe runs; the refusal comes before the scaffold.
    run = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "article", f"TEXT={tmp_path / 'a.txt'}", "SLUG=x-2025-01-01-y",
         "FICTIONAL=maybe"],
        cwd=REPO, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode != 0
    assert run.stdout.strip() == (
        "make article: FICTIONAL=maybe is neither yes nor no: FICTIONAL=yes marks an article you invented; "
        "leave it out for a real one"
    )


def edit_speaker_cell(folder: Path, column: str, value: str, row: int = 1) -> None:
    """Write `value` in one cell of speakers.csv, as an instructor editing it by hand would."""
    path = folder / "speakers.csv"
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    rows[row - 1][column] = value
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def allow(folder: Path, column: str, value: str) -> None:
    """Add `value` to the speakers' allowed values of `column` in the folder's own datapackage.json."""
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    speakers = next(r for r in descriptor["resources"] if r["name"] == "speakers")
    next(f for f in speakers["schema"]["fields"] if f["name"] == column)["constraints"]["enum"].append(value)
    path.write_text(json.dumps(descriptor, indent=1, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(("column", "value"), [("voice_type", "civilian"), ("organisation_type", "company"),
                                               ("side", "rebels")])  # fmt: skip
def test_a_value_the_list_lacks_says_where_the_list_is_and_how_to_add_to_it(
    tmp_path: Path, column: str, value: str, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # messages name files from the folder the instructor works in
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", "data"]) == 0
    folder = tmp_path / "data" / SLUG
    edit_speaker_cell(folder, column, value)
    with pytest.raises(DataError) as refused:
        load_article(SLUG, tmp_path / "data")
    message = str(refused.value)
    assert message.startswith(
        f"data/{SLUG}/speakers.csv, row 1 (line 2), column '{column}': '{value}' is not an allowed"
    )
    enum = next(
        f["constraints"]["enum"]
        for r in json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["resources"]
        if r["name"] == "speakers"
        for f in r["schema"]["fields"]
        if f["name"] == column
    )
    assert f"use one of: {', '.join(enum)}." in message
    assert f"listed in data/{SLUG}/datapackage.json, resource 'speakers', field '{column}'" in message
    assert f"if this article needs '{value}', add it to that list" in message and "Allowed values" in message
    allow(folder, column, value)  # what the message says to do: the article loads, and no package code changed
    assert value in set(load_article(SLUG, tmp_path / "data").speakers[column])


def test_a_mistyped_value_is_told_the_one_it_stands_for_before_how_to_add_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", "data", "--sides", "government", "rebels"]) == 0
    folder = tmp_path / "data" / SLUG
    for typed, meant in (("goverment", "government"), ("Rebels", "rebels")):
        edit_speaker_cell(folder, "side", typed)
        with pytest.raises(DataError) as refused:
            load_article(SLUG, tmp_path / "data")
        message = str(refused.value)
        assert message.startswith(f"data/{SLUG}/speakers.csv, row 1 (line 2), column 'side': '{typed}' is not an")
        assert f"\"enum\". Did you mean '{meant}'? If this article does need '{typed}', add it to that list" in message
    edit_speaker_cell(folder, "side", "government")  # what the message says to do
    assert load_article(SLUG, tmp_path / "data").speakers["side"].iloc[0] == "government"


def test_the_scaffold_takes_the_articles_own_sides(data: Path, capsys) -> None:
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data), "--sides", "Army", "The Front"]) == 0
    assert (
        "Sides a speaker may take: army, the_front, independent, unclear (given with --sides)"
        in capsys.readouterr().out
    )
    article = load_article(SLUG, data)
    assert article.meta["parties"] == ["army", "the_front"]
    assert list(article.speakers["side"].cat.categories) == ["army", "the_front", "independent", "unclear"]
    edit_speaker_cell(data / SLUG, "side", "the_front")
    assert load_article(SLUG, data).speakers["side"].iloc[0] == "the_front"
    assert command.main([str(PRACTICE_TEXT), "--slug", "x-2025-03-14-y", "--data", str(data)]) == 0
    assert "(the sides of aljazeera-2022-01-14-nato-russia-security-demands: --sides gives others)" in (
        capsys.readouterr().out
    )


def test_sides_with_no_latin_letter_are_refused_not_merged(data: Path, capsys) -> None:
    arguments = [str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data), "--sides", "Россия", "Україна"]
    assert command.main(arguments) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the side 'Россия' has no Latin letter or digit") and "e.g. 'russia'" in err
    assert err.count("\n") == 1 and not (data / SLUG).exists()


def rewrite_column(path: Path, column: str, value: str) -> None:
    """Write `value` in every row's `column` of a CSV file, as a hasty hand edit would."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        row[column] = value
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_an_article_marked_reviewed_with_rows_nobody_checked_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", "data"]) == 0
    folder = tmp_path / "data" / SLUG
    proposed = load_article(SLUG, tmp_path / "data")
    assert all(side_not_judged(basis) for basis in proposed.speakers["side_basis"])  # the finder's placeholder
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["article"]["review_status"] = "reviewed"  # set by hand, nothing checked
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_article(SLUG, tmp_path / "data")
    message = str(refused.value)
    first = proposed.speakers["speaker_id"].iloc[0]
    waiting = len(proposed.speakers) + len(proposed.quotes) + len(proposed.events)
    assert message.startswith(
        f"data/{SLUG}/datapackage.json: 'review_status' is 'reviewed', but a person has not checked {waiting} rows "
        "yet: "
    )
    assert f"speakers.csv rows 1 ({first}), 2 (" in message and "quotes.csv rows 1 (q01)" in message
    assert "events.csv rows 1 (" in message and "more" in message  # the first few named, the rest counted
    speakers_part = message.split("speakers.csv")[1].split(";")[0]  # each table's rows say which cells to check
    assert speakers_part.endswith("whose 'note' says 'unreviewed' and 'side_basis' still says 'Not judged yet'")
    assert message.split("quotes.csv")[1].split(";")[0].endswith("whose 'note' says 'unreviewed'")
    assert "set 'review_status' in this file's \"article\" to 'in_review'" in message
    assert "\n" not in message
    # The speakers' notes rewritten by hand, but nobody judged their sides: they are still named, for that.
    rewrite_column(folder / "speakers.csv", "note", "Checked.")
    with pytest.raises(DataError) as refused:
        load_article(SLUG, tmp_path / "data")
    assert f"has not checked {waiting} rows" in str(refused.value)
    speakers_part = str(refused.value).split("speakers.csv")[1].split(";")[0]
    assert speakers_part.startswith(" rows 1 (") and speakers_part.endswith(
        "whose 'side_basis' still says 'Not judged yet'"
    )
    rewrite_column(folder / "speakers.csv", "side_basis", "The article does not say whose side they speak for.")
    with pytest.raises(DataError) as refused:
        load_article(SLUG, tmp_path / "data")
    assert "speakers.csv" not in str(refused.value) and "quotes.csv rows 1 (q01)" in str(refused.value)
    descriptor["article"]["review_status"] = "in_review"  # what the message offers: honest about the rest
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    assert load_article(SLUG, tmp_path / "data").review_status == "in_review"


def test_help_names_the_command_to_type(capsys) -> None:
    with pytest.raises(SystemExit):
        command.main(["--help"])
    assert capsys.readouterr().out.startswith("usage: crisis-reading scaffold ")


def test_the_docs_say_what_the_scaffold_makes(data: Path) -> None:
    """Where the README, the guide and the data dictionary describe the scaffold, they say it proposes events."""
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data)]) == 0
    article = load_article(SLUG, data)
    assert not article.events.empty and article.events["date_start"].notna().all()  # proposed, and dated
    for frame in (article.quotes, article.speakers, article.events):
        assert frame["note"].str.contains("unreviewed").all()
    sections = {
        "README.md": ("## A new article from a text file", "\n## "),
        "instructors/guide.md": ("## Scaffolding a new article", "\n## "),
        "data/README.md": ("## Articles under review", "\nAn invented article"),
    }
    for name, (start, end) in sections.items():
        text = (REPO / name).read_text(encoding="utf-8")
        section = text[text.index(start) :]
        section = section.split(end)[0] if end in section else section  # to the next heading, or the end
        assert "events it proposes" in section or "the events the finder proposes" in section, name
        assert "empty `events.csv`" not in section and "`events.csv` is empty" not in section, name
        assert "add the events before" not in section, name


def test_the_guides_review_snippet_runs_from_the_course_folder(data: Path, monkeypatch) -> None:
    guide = (REPO / "instructors" / "guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Scaffolding a new article") :]
    snippet = section[section.index("```python\n") + len("```python\n") :]
    snippet = snippet[: snippet.index("```")]
    assert command.main([str(PRACTICE_TEXT), "--slug", SLUG, "--data", str(data)]) == 0
    monkeypatch.setenv("CRISIS_READING_DATA", str(data))
    monkeypatch.chdir(REPO / "course")  # where the notebooks start
    namespace: dict = {}
    exec(snippet.replace("<slug>", SLUG), namespace)
    assert namespace["folder"] == data / SLUG
    assert len(namespace["annotation"].proposals()) == len(load_article(SLUG, data).quotes)


def test_a_quotation_of_several_paragraphs_attributed_in_its_last_is_kept(tmp_path: Path) -> None:
    # "“…" / "“…,” Tom Reid said.": the first paragraph's attribution comes after it; the loader takes it when the
    # quotation runs on, row by row, to the block that attributes it (data/README.md, attributed_in_block)
    text = article_file(
        tmp_path,
        "Garrison holds out",
        "Anna Holt said the plan was late.",
        "“We have water for nine days. After that we drink the river.",
        "“Every night we are told a corridor will open,” Tom Reid said.",
    )
    _report, refused = scaffold.scaffold(text, "test-2026-12-07-garrison", data=tmp_path / "data", outlet="Test Wire")
    assert refused == []
    quotes = load_article("test-2026-12-07-garrison", tmp_path / "data").quotes
    first, last = quotes[quotes["block"] == 3].iloc[0], quotes[quotes["block"] == 4].iloc[0]
    assert (first["attributed_in_block"], last["continues_quote"]) == (4, first["quote_id"])


def test_an_article_with_a_byline_and_a_joint_subject_scaffolds(tmp_path: Path) -> None:
    # the finder had written "the Vale council" (of "The Vale and Marren councils") into names_as_written, and the
    # loader refused the scaffold's own folder; "By Tom Hale, Vale Courier" had made the outlet a speaker
    text = article_file(
        tmp_path,
        "Floods cut off Vale town",
        "By Tom Hale, Vale Courier",
        "VALE CITY – The river rose overnight, officials said on Monday.",
        "Mayor Ana Ruiz told the Vale Courier the levee had held. “We are not finished,” she said.",
        "The Vale and Marren councils said the talks had stalled.",
    )
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    assert command.main([str(text), "--slug", "valecourier-2026-12-07-floods", "--data", str(data)]) == 0
    article = load_article("valecourier-2026-12-07-floods", data)
    assert article.meta["outlet"] == "Vale Courier"  # read from the byline
    assert "Vale Courier" not in set(article.speakers["name"])
    assert (article.quotes["channel"] == "outlet_interview").sum() == 2
