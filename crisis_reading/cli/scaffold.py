"""Start a new article folder from a plain-text file, every row marked unreviewed (the scaffold command)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crisis_reading.annotate.scaffold import scaffold
from crisis_reading.dataset.article import load_article
from crisis_reading.dataset.datapackage import allowed_values, read_descriptor
from crisis_reading.dataset.paths import DEFAULT_ARTICLE
from crisis_reading.dataset.vocabulary import counted


def main(argv: list[str] | None = None, prog: str = "crisis-reading scaffold") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("text_file", type=Path, help="the article as plain text, headline first")
    parser.add_argument("--slug", required=True, help="the folder's name: outlet-yyyy-mm-dd-topic")
    parser.add_argument("--outlet", help="the publication (default: the credit line “Source: …”)")
    parser.add_argument("--published", help="YYYY-MM-DD (default: the date in the slug)")
    parser.add_argument("--headline", help="(default: the first block)")
    parser.add_argument("--dateline")
    parser.add_argument("--url")
    parser.add_argument(
        "--fictional",
        action="store_true",
        help='the article is invented: marked "fictional": true, with a banner above its text in every lesson',
    )
    parser.add_argument("--notice", help="the banner's text (default, with --fictional: a standard notice)")
    parser.add_argument(
        "--sides",
        nargs="+",
        metavar="SIDE",
        help="this article's sides, e.g. --sides government rebels (default: the template's; independent and "
        "unclear are always there; the first two are the parties in conflict)",
    )
    parser.add_argument("--data", type=Path, help="the data/ folder (default: the course's)")
    parser.add_argument("--template", default=DEFAULT_ARTICLE, help="the article whose schema (list of sides…) to copy")
    parser.add_argument("--force", action="store_true", help="replace an existing folder")
    options = parser.parse_args(argv)
    try:
        report, refused = scaffold(
            options.text_file,
            options.slug,
            data=options.data,
            template=options.template,
            force=options.force,
            outlet=options.outlet,
            published=options.published,
            headline=options.headline,
            dateline=options.dateline,
            url=options.url,
            fictional=options.fictional,
            notice=options.notice,
            sides=options.sides,
        )
    except (ValueError, FileExistsError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    article = load_article(report.folder.name, report.folder.parent)
    print(
        f"Made {report.folder}: {counted(len(article.blocks), 'block')}, {counted(report.quotes, 'proposed quote')}, "
        f"{counted(report.speakers, 'proposed speaker')}, {counted(report.events, 'proposed event')}; "
        "review_status 'unreviewed'."
    )
    if report.previous:  # --force: the folder replaced is not lost, but hidden, so say where
        print(f"The folder it replaced is kept in {report.previous} (hidden: git ignores it and no lesson lists it).")
    credit = "given with --outlet" if options.outlet else "read from the credit line “Source: …”"
    day = "given with --published" if options.published else "read from the slug: is it the article's own date?"
    print(f"Outlet: {article.meta['outlet']} ({credit}); published: {article.meta['published']} ({day})")
    if article.meta.get("fictional"):
        print(f"Marked fictional; every lesson shows this notice above its text: {article.meta['notice']}")
    sides = ", ".join(allowed_values(read_descriptor(report.folder), "speakers", "side"))
    given = "given with --sides" if options.sides else f"the sides of {options.template}: --sides gives others"
    print(f"Sides a speaker may take: {sides} ({given})")
    for line in refused:
        print(f"left out (the loader refused it): {line}")
    print(
        "Everything in it is a guess. Check the block functions in blocks.csv, then review the quotes and give "
        "every speaker a side, and check every event and its dates, with the annotation widget "
        "(course/08-your-turn.ipynb shows how)."
    )
    return 0
