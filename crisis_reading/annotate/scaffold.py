"""Start a new article folder from a plain-text file: blocks, proposed quotes, speakers and events, all unreviewed.

    crisis-reading scaffold path/to/article.txt --slug outlet-2025-03-14-topic \\
        [--outlet "Halyard Wire"] [--published 2025-03-14] [--headline ...] [--dateline ...] [--url ...] \\
        [--fictional [--notice "..."]] [--sides government rebels]

(or `make article TEXT=path/to/article.txt SLUG=outlet-2025-03-14-topic`). The text has the headline
first and one block per line or paragraph. The folder it makes in data/ loads with load_article()
at once, so every lesson can be pointed at it, but everything in it is a machine's guess: the
datapackage says `"review_status": "unreviewed"`, and the note of every quote, speaker and event says it was
proposed by the finder and is unreviewed (the events are the finder's, dated by the calendar from the publication
date). Review it with the annotation widget (lesson 08) before teaching from it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from crisis_reading.annotate.model import Annotation, SaveReport, parties_among, with_sides
from crisis_reading.dataset.article import load_article
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.paths import DEFAULT_ARTICLE, data_dir
from crisis_reading.dataset.vocabulary import UNREVIEWED
from crisis_reading.finder.quotes import find_quotes
from crisis_reading.finder.text_blocks import blocks_from_text, outlet_from_credit

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
SLUG_DATE = re.compile(r"-(\d{4}-\d{2}-\d{2})-")
REVIEW_NOTE = (
    "Made by the command crisis-reading scaffold: the block functions, quotes and speakers are the finder's guesses, "
    "every side is unclear, and the events and their dates are the finder's and the calendar's proposals. "
    "Nothing here has been checked by a person."
)
MOST_REFUSED = 20  # proposals the loader may refuse before the scaffold gives up
# The banner show_article and show_blocks print above an invented article's text (with "fictional": true), unless
# the instructor writes one of their own (--notice): so an invented article is never mistaken for a real one.
FICTIONAL_NOTICE = (
    "This is an invented article, written for teaching: the outlet {outlet} and every person, place and "
    "organisation in it may be made up, and nothing in it is to be read as a fact about the world."
)


def meta_for(
    text_blocks,
    slug: str,
    outlet: str | None,
    published: str | None,
    fictional: bool = False,
    notice: str | None = None,
    **more: str | None,
) -> dict:
    """The article block of datapackage.json; outlet and date from the credit line and the slug if not given.

    `fictional`: the instructor invented the article; the block then says `"fictional": true` and carries a
    notice (`notice`, or FICTIONAL_NOTICE), which the lessons print as a banner above the text."""
    if outlet is None:
        outlet = outlet_from_credit(text_blocks["text"])
    if outlet is None:
        raise ValueError("the text has no credit line (“Source: …”): give the outlet with --outlet")
    if published is None:
        found = SLUG_DATE.search(f"-{slug}-")
        if found is None:
            raise ValueError("give the publication date with --published YYYY-MM-DD (the slug has none)")
        published = found.group(1)
    try:
        dt.date.fromisoformat(published)
    except ValueError:
        raise ValueError(f"--published {published!r} is not a date written YYYY-MM-DD") from None
    meta = {
        "headline": str(text_blocks["text"].iloc[0]),
        "outlet": outlet,
        "published": published,
        "review_status": UNREVIEWED,
        "review_note": REVIEW_NOTE,
    }
    meta.update({key: value for key, value in more.items() if value})
    if notice is not None and not notice.strip():
        raise ValueError("--notice is empty: write the banner's text, or leave --notice out for the standard one")
    if fictional:
        meta["fictional"] = True
        meta["notice"] = notice.strip() if notice else FICTIONAL_NOTICE.format(outlet=outlet)
    elif notice:
        meta["notice"] = notice.strip()
    return meta


def scaffold(
    text_file: str | Path,
    slug: str,
    data: str | Path | None = None,
    template: str = DEFAULT_ARTICLE,
    force: bool = False,
    outlet: str | None = None,
    published: str | None = None,
    fictional: bool = False,
    notice: str | None = None,
    sides: list[str] | None = None,
    **more: str | None,
) -> tuple[SaveReport, list[str]]:
    """Make data/<slug>/ from a text file; returns the save report and the proposals the loader refused.

    `sides`: this article's own sides ("government", "rebels"), in place of the template's; "independent" and
    "unclear" are always there, and the first two are its parties in conflict (lesson 06's rubric)."""
    if not SLUG.fullmatch(slug):
        raise ValueError(f"the slug {slug!r} should be lowercase letters, digits and dashes: outlet-yyyy-mm-dd-topic")
    data = Path(data) if data is not None else data_dir()
    target = data / slug
    if target.exists() and not force:
        raise FileExistsError(
            f"{target} exists already; add --force to replace it (through make: ARGS=--force), and the old one "
            f"is kept as .{slug}.previous"
        )
    text = Path(text_file).read_text(encoding="utf-8")
    blocks = blocks_from_text(text)
    meta = meta_for(blocks, slug, outlet, published, fictional, notice, **more)
    proposed = find_quotes(blocks, outlet=meta["outlet"])
    if proposed.quotes.empty:
        raise ValueError(
            f"the quote finder found no quotes in {text_file}, and an article folder needs at least one quote and "
            "its speaker. Check that the text is the whole article, one paragraph per block, with its quotation "
            "marks; or start the annotation by hand with Annotation.from_finder and the annotation widget"
        )
    # The template's schema comes from the course's own data/ when the target folder does not hold it.
    own = data if (data / template / "datapackage.json").exists() else data_dir()
    annotation = Annotation.from_finder(blocks, proposed, meta, template=load_article(template, own))
    if sides:
        annotation.descriptor = with_sides(annotation.descriptor, sides)
        parties = parties_among(annotation.descriptor)
        if parties:
            annotation.meta["parties"] = parties
    annotation.meta["review_status"] = UNREVIEWED
    refused: list[str] = []
    while True:
        try:
            return annotation.save(target), refused
        except DataError as error:
            # A proposal the loader refuses is left out (and reported), so the rest can still be reviewed.
            quote_id = annotation.quote_at_saved_row(error) if len(refused) < MOST_REFUSED else None
            if quote_id is None:
                raise
            annotation.reject(quote_id)
            refused.append(f"{quote_id}: {error.problem}")
