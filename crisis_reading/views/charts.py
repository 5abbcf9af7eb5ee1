"""The course's charts. Each returns a Chart whose title states what the data shows."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch

from crisis_reading.analysis.framing import frame_summary, speakers_by_frame
from crisis_reading.analysis.institutions import ORGANISATIONS, enlargement, members_on, venn_regions
from crisis_reading.analysis.quoting import verb_tone
from crisis_reading.analysis.sides import side_label, side_phrase
from crisis_reading.analysis.sources import STATUS_LABELS, source_cards
from crisis_reading.analysis.timeline import context_after, dated_events, timeline_window
from crisis_reading.analysis.voices import side_summary
from crisis_reading.dataset.article import Article, article_or_course
from crisis_reading.dataset.reference import Reference, course_reference
from crisis_reading.dataset.vocabulary import counted, split_list
from crisis_reading.views.figures import Chart, course_style, empty_chart, finish, new_chart
from crisis_reading.views.style import SIDE_COLOURS, article_side_colours, tint

FUNCTION_COLOURS = {
    "headline": "#000000",
    "standfirst": "#0072B2",
    "caption": "#56B4E9",
    "graphic": "#BBBBBB",
    "lede": "#009E73",
    "nut_graf": "#009E73",
    "body": "#777777",
    "quote_paragraph": "#E69F00",
    "kicker": "#CC79A7",
    "credit": "#444444",
}
KIND_HATCHES = {"direct": "", "partial": "///", "indirect": "..."}
KIND_MARKERS = {"direct": "o", "partial": "D", "indirect": "^"}


def _colours(article: Article) -> dict[str, str]:
    return article_side_colours(article)


def _short(label: str, limit: int = 60) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _side_legend(ax, article, colours, sides, not_a_speaker: bool = False, extra: list | None = None) -> None:
    """A legend of side colours, for charts whose colours are sides but whose bars are not."""
    handles = [Patch(color=colour, label=side_label(s, article)) for s, colour in colours.items() if s in set(sides)]
    if not_a_speaker:
        handles.append(Patch(color="#999999", label="not a speaker"))
    ax.legend(
        handles=handles + (extra or []),
        title="side",
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
        fontsize=9,
    )


@course_style
def article_barcode(article: Article | None = None) -> Chart:
    """One strip per block, in reading order, as wide as its words, in the row and colour of its function."""
    article = article_or_course(article)
    blocks = article.blocks
    functions = [f for f in FUNCTION_COLOURS if f in set(blocks["function"])]
    figure, ax = new_chart(10, 4.2)
    lefts = blocks["words"].cumsum() - blocks["words"]
    ax.barh(
        [functions.index(function) for function in blocks["function"]],
        blocks["words"],
        left=lefts,
        height=0.8,
        color=[FUNCTION_COLOURS[function] for function in blocks["function"]],
        edgecolor="white",
    )
    left = int(blocks["words"].sum())
    ax.set_yticks(range(len(functions)), [f.replace("_", " ") for f in functions])
    ax.invert_yaxis()
    ax.set_xlim(0, left)
    ax.set_xlabel("words from the top of the article")
    words_by_function = blocks.groupby("function", observed=True)["words"].sum()
    quote_share = round(100 * words_by_function.get("quote_paragraph", 0) / blocks["words"].sum())
    title = f"Quote paragraphs carry {quote_share}% of the article’s words"
    description = (
        f"Barcode of the article’s {counted(len(blocks), 'block')} ({counted(left, 'word')}) in reading order: "
        "each strip is one block, "
        "as wide as its word count, placed in the row of its function."
    )
    return finish(figure, ax, title, description)


@course_style
def share_of_voice_chart(article: Article | None = None, by: str = "side") -> Chart:
    """Quoted words per side (or per voice_type), largest first, with each bar's share."""
    article = article_or_course(article)
    summary = side_summary(article, by=by)
    figure, ax = new_chart(8, 0.5 * len(summary) + 1.5)
    labels = [side_label(name, article) if by == "side" else name for name in summary.index]
    palette = _colours(article)
    colours = [palette[name] if by == "side" else "#777777" for name in summary.index]
    bars = ax.barh(labels, summary["words"], color=colours)
    ax.bar_label(
        bars,
        labels=[
            f"{counted(w, 'word')} ({s:.0f}%)" for w, s in zip(summary["words"], summary["word_share"], strict=True)
        ],
        padding=3,
    )
    ax.invert_yaxis()
    ax.set_xlabel("attributed words (quoted or paraphrased)")
    ax.set_xlim(0, summary["words"].max() * 1.35)
    top = summary.index[0]
    who = side_phrase(top, article) if by == "side" else f"{top.replace('_', ' ')} voices"
    title = f"Most attributed words go to {who}: {summary['word_share'].iloc[0]:.0f}%"
    description = (
        f"Bar chart of {counted(summary['words'].sum(), 'attributed word')} (words attributed to two voices count "
        "for each), "
        f"by {by.replace('_', ' ')}: "
        + "; ".join(f"{label} {words}" for label, words in zip(labels, summary["words"], strict=True))
        + "."
    )
    return finish(figure, ax, title, description)


def _sharing(voices: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    """The quote rows standing at the same place as `row`: words the article gives to several speakers at once."""
    same = voices[(voices["block"] == row["block"]) & (voices["start"] == row["start"])]
    return same.drop_duplicates("speaker_id")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _rows_carry(count: int) -> str:
    return "no row carries" if count == 0 else f"{counted(count, 'row')} {'carries' if count == 1 else 'carry'}"


@course_style
def voice_positions_chart(article: Article | None = None) -> Chart:
    """Where in the article each side speaks: one mark per quote, by block, in the row of its side."""
    article = article_or_course(article)
    voices = article.voices()
    palette = _colours(article)
    sides = [side for side in palette if side in set(voices["side"])]
    figure, ax = new_chart(10, 0.45 * len(sides) + 1.8)
    # Quotes of one side in one block would hide each other: spread them a little up and down.
    voices = voices.sort_values(["block", "start"])
    stack = voices.groupby(["side", "block"], observed=True).cumcount()
    size = voices.groupby(["side", "block"], observed=True)["block"].transform("size")
    voices["row"] = [sides.index(side) for side in voices["side"]] + 0.22 * (stack - (size - 1) / 2)
    for kind, marker in KIND_MARKERS.items():
        subset = voices[voices["kind"] == kind]
        ax.scatter(
            subset["block"],
            subset["row"],
            c=[palette[side] for side in subset["side"]],
            marker=marker,
            s=70,
            edgecolors="black",
            linewidths=0.6,
            label=kind,
        )
    ax.set_yticks(range(len(sides)), [side_label(s, article) for s in sides])
    ax.invert_yaxis()
    ax.set_xlim(0.5, article.blocks["block"].max() + 0.5)
    ax.set_xlabel("block (1 = headline)")
    ax.grid(axis="x", color="#eeeeee")
    ax.legend(
        handles=[
            Line2D([], [], marker=marker, linestyle="", markerfacecolor="white", markeredgecolor="black", label=kind)
            for kind, marker in KIND_MARKERS.items()
        ],
        title="shape = kind\ncolour = side",
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
    )
    first, last = (_sharing(voices, voices.iloc[at]) for at in (0, -1))
    first_sides = _and(list(dict.fromkeys(side_label(side, article) for side in first["side"])))
    last_who = _and([f"{row.name} ({side_label(row.side, article)})" for row in last.itertuples()])
    title = (
        f"{first_sides} {'share' if first['side'].nunique() > 1 else 'has'} the first word; "
        f"{last_who} {'share' if len(last) > 1 else 'has'} the last"
    )
    description = (
        f"Dot plot of the {counted(len(voices), 'quote row')} by block and side; "
        f"first in block {first['block'].iloc[0]} "
        f"({_and(first['name'].tolist())}), last in block {last['block'].iloc[0]} ({_and(last['name'].tolist())})."
    )
    return finish(figure, ax, title, description)


@course_style
def quote_kinds_chart(article: Article | None = None) -> Chart:
    """For each side, how many quote rows are direct, partial and indirect."""
    article = article_or_course(article)
    voices = article.voices()
    table = pd.crosstab(voices["side"], voices["kind"], dropna=False).loc[lambda t: t.sum(axis=1) > 0]
    table = table.reindex(columns=list(KIND_HATCHES), fill_value=0)
    palette = _colours(article)
    figure, ax = new_chart(8, 0.5 * len(table) + 1.8)
    labels = [side_label(s, article) for s in table.index]
    left = pd.Series(0, index=table.index)
    for kind in table.columns:
        ax.barh(
            labels,
            table[kind],
            left=left,
            color=[palette[s] if kind == "direct" else tint(palette[s], 0.45) for s in table.index],
            hatch=KIND_HATCHES[kind],
            edgecolor="black",
            linewidth=0.5,
        )
        left = left + table[kind]
    ax.invert_yaxis()
    ax.set_xlabel("quote rows")
    ax.legend(
        handles=[Patch(facecolor="white", edgecolor="black", hatch=h, label=k) for k, h in KIND_HATCHES.items()],
        title="kind",
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
    )
    enough = table[table.sum(axis=1) >= 3]
    if enough.empty:  # no side has enough rows for a share to mean much: say what the totals are
        title = "No side has three quote rows or more: " + ", ".join(
            f"{int(table[kind].sum())} {kind}" for kind in table.columns
        )
    else:
        indirect_share = enough["indirect"] / enough.sum(axis=1)
        side = indirect_share.idxmax()
        if indirect_share[side] > 0.5:
            title = (
                f"{side_label(side, article)} is quoted mostly in the reporter’s words: "
                f"{enough.loc[side, 'indirect']} of {counted(enough.loc[side].sum(), 'row')} "
                f"{'is' if enough.loc[side, 'indirect'] == 1 else 'are'} indirect"
            )
        else:
            title = (
                f"Every side is quoted mostly in its own words; {side_label(side, article)} has the most "
                "indirect rows: "
                f"{enough.loc[side, 'indirect']} of {enough.loc[side].sum()}"
            )
    description = (
        "Stacked bars of quote rows per side, split into direct (solid), partial (striped) and indirect (dotted)."
    )
    return finish(figure, ax, title, description)


@course_style
def attribution_verbs_chart(article: Article | None = None) -> Chart:
    """How often each attribution verb is used, split by the side it is used for; judging verbs marked."""
    article = article_or_course(article)
    voices = article.voices()
    table = pd.crosstab(voices["verb"], voices["side"])
    palette = _colours(article)
    table = table.loc[table.sum(axis=1).sort_values(ascending=True).index]
    figure, ax = new_chart(8, 0.32 * len(table) + 1.6)
    left = pd.Series(0, index=table.index)
    for side in table.columns:
        if table[side].sum() == 0:
            continue
        ax.barh(table.index, table[side], left=left, color=palette[side], label=side_label(side, article))
        left = left + table[side]
    ax.set_yticks(range(len(table)), [v + ("  ◆" if verb_tone(v) == "judgement" else "") for v in table.index])
    for label in ax.get_yticklabels():
        if label.get_text().endswith("◆"):
            label.set_fontweight("bold")
    ax.set_xlabel("quote rows")
    ax.legend(loc="lower right", frameon=False, fontsize=9)
    judging = voices[voices["verb"].map(verb_tone) == "judgement"]
    uses = table.sum(axis=1)
    leaders = sorted(uses[uses == uses.max()].index)
    lead = "lead" if len(leaders) > 1 else "leads"
    title = f"{' and '.join(f'“{v}”' for v in leaders)} {lead}; {_rows_carry(len(judging))} a judging verb ◆"
    description = (
        f"Bar chart of the {counted(len(table), 'attribution verb')} by number of quote rows, coloured by side; "
        f"judging verbs (◆): {', '.join(sorted(set(judging['verb']))) or 'none'}."
    )
    return finish(figure, ax, title, description)


@course_style
def timeline_chart(
    article: Article | None = None,
    reference: Reference | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Chart:
    """The article's events as dates or ranges, then what happened after publication, on one axis.

    The context after publication comes from the reference tables, which describe the course's
    article only: another article's timeline shows its own events, unless you pass a reference.
    """
    article = article_or_course(article)
    if article.events.empty:
        return empty_chart(
            "No events are annotated for this article",
            f"No chart: the folder {article.slug} has no events.csv rows, so there is nothing to place in time.",
            "To draw this chart, write each meeting or dated happening in events.csv,\nwith the article’s "
            "own time words and the dates they resolve to (see data/README.md).",
        )
    if reference is None and article.slug == course_reference().context_article:
        reference = course_reference()
    events = dated_events(article)
    after = (
        context_after(reference, article.published)
        if reference is not None
        else pd.DataFrame(columns=["date_start", "event"])
    )
    default_start, default_end = timeline_window(article, with_context=reference is not None)
    start_day = pd.Timestamp(start) if start is not None else default_start
    end_day = pd.Timestamp(end) if end is not None else default_end
    shown = events[(events["date_end"] >= start_day) & (events["date_start"] <= end_day)]
    later = after[after["date_start"] <= end_day]
    figure, ax = new_chart(12, 0.38 * (len(shown) + len(later)) + 2.6)
    labels = []
    for row, event in enumerate(shown.itertuples()):
        labels.append(_short(event.description))
        if event.certainty == "ambiguous":
            candidates = [
                pd.Timestamp(d)
                for d in split_list(article.events.set_index("event_id").loc[event.event_id, "date_candidates"])
            ]
            ax.plot(candidates, [row] * len(candidates), linestyle="--", color="black", linewidth=1)
            ax.scatter(
                candidates, [row] * len(candidates), marker="o", s=60, facecolors="white", edgecolors="black", zorder=3
            )
        elif event.span_days > 1:
            ax.barh(
                row,
                max(event.span_days - 1, 0.8),
                left=event.date_start,
                height=0.5,
                color="#BBBBBB" if event.certainty == "vague" else "#555555",
            )
        else:
            filled = "black" if event.certainty == "certain" else "white"
            ax.scatter([event.date_start], [row], marker="o", s=60, facecolors=filled, edgecolors="black", zorder=3)
    offset = len(shown)
    for row, event in enumerate(later.itertuples(), start=offset):
        labels.append(_short(event.event))
        ax.scatter(
            [event.date_start],
            [row],
            marker="s",
            s=60,
            color=SIDE_COLOURS.get(event.side, "#777777") if isinstance(event.side, str) else "#777777",
            zorder=3,
        )
    ax.axvline(article.published, color="black", linewidth=1.5)
    ax.text(article.published, len(shown) - 0.5, f" published {article.published:%d %b}", va="center", fontsize=9)
    ax.axvspan(article.published, end_day, color="#f2f2f2", zorder=0)
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    # At least half a row and more around the rows: a single event autoscales to a sliver of ±0.05, which left the
    # "published" label (half a row below the events) far outside, and the saved figure mostly blank.
    low, high = ax.get_ylim()
    ax.set_ylim(min(low, -0.75), max(high, len(labels) - 0.25))
    ax.invert_yaxis()
    ax.set_xlim(start_day, end_day)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.legend(
        handles=[
            Line2D([], [], marker="o", color="black", linestyle="", label="exact date"),
            Line2D([], [], marker="o", markerfacecolor="white", color="black", linestyle="", label="likely date"),
            Line2D(
                [],
                [],
                marker="o",
                markerfacecolor="white",
                color="black",
                linestyle="--",
                label="ambiguous: candidates",
            ),
            Patch(color="#555555", label="range"),
            Patch(color="#BBBBBB", label="vague range (our reading)"),
        ]
        + (
            [Line2D([], [], marker="s", color="#777777", linestyle="", label="after publication")] if len(later) else []
        ),
        loc="upper center",
        bbox_to_anchor=(0.35, -0.12),
        ncol=3,
        frameon=False,
        fontsize=9,
    )
    uncertain = int((shown["certainty"] != "certain").sum())
    turning = later[later["turning_point"].notna()] if "turning_point" in later else later.iloc[0:0]
    gap = (
        f"; {turning['turning_point'].iloc[0]} came "
        f"{counted((turning['date_start'].iloc[0] - article.published).days, 'day')} later"
        if len(turning)
        else ""
    )
    title = f"{counted(len(shown), 'event')}, {uncertain} with an inferred or uncertain date{gap}"
    omitted = len(events) - len(shown)
    not_shown = f"; {counted(omitted, 'earlier event')} outside the axis not shown" if omitted else ""
    afterwards = (
        "then what came after publication (shaded)"
        if reference is not None
        else "with the days after publication shaded (the course has no context timeline for this article)"
    )
    description = (
        f"Timeline from {start_day:%d %b %Y} to {end_day:%d %b %Y}: the article’s events, {afterwards}{not_shown}."
    )
    return finish(figure, ax, title, description)


VENN_CENTRES = {"NATO": (-0.55, 0.35), "EU": (0.55, 0.35), "OSCE": (0.0, -0.55)}
VENN_COLOURS = {"NATO": SIDE_COLOURS["us_nato"], "EU": SIDE_COLOURS["eu"], "OSCE": SIDE_COLOURS["osce"]}
VENN_TEXT_SPOTS = {
    (True, False, False): (-1.05, 0.75),
    (False, True, False): (1.05, 0.75),
    (False, False, True): (0.0, -1.15),
    (True, True, False): (0.0, 0.75),
    (True, False, True): (-0.75, -0.35),
    (False, True, True): (0.75, -0.35),
    (True, True, True): (0.0, 0.05),
}


def _region_name(region) -> str:
    inside = (region.NATO, region.EU, region.OSCE)
    return "+".join(name for name, member in zip(ORGANISATIONS, inside, strict=True) if member)


@course_style
def membership_venn_chart(reference: Reference, day: str | pd.Timestamp) -> Chart:
    """The NATO–EU–OSCE diagram the article only names, rebuilt from the membership table."""
    regions = venn_regions(reference, day)
    figure, ax = new_chart(7, 6.5)
    for name, centre in VENN_CENTRES.items():
        ax.add_patch(
            Circle(
                centre,
                1.15,
                facecolor=tint(VENN_COLOURS[name], 0.25),
                edgecolor=VENN_COLOURS[name],
                linewidth=2,
                alpha=0.6,
            )
        )
        x, y = centre
        ax.text(
            x,
            y + 1.3 if y > 0 else y - 1.45,
            name,
            ha="center",
            fontsize=14,
            fontweight="bold",
            color=VENN_COLOURS[name],
        )
    for region in regions.itertuples():
        x, y = VENN_TEXT_SPOTS[(region.NATO, region.EU, region.OSCE)]
        ax.text(
            x,
            y,
            str(region.countries),
            ha="center",
            va="center",
            fontsize=15,
            color="black" if region.countries else "#999999",
        )
    ax.set_xlim(-2.2, 2.2)
    ax.set_ylim(-2.3, 2.1)
    ax.set_aspect("equal")
    ax.axis("off")
    day_ts = pd.Timestamp(day)
    nato, eu = len(members_on(reference, "NATO", day_ts)), len(members_on(reference, "EU", day_ts))
    both = int(regions.loc[regions["NATO"] & regions["EU"], "countries"].sum())
    title = (
        f"On {day_ts:%d %b %Y}, {counted(both, 'country', 'countries')} {'was' if both == 1 else 'were'} in both "
        f"NATO ({nato}) and the EU ({eu})"
    )
    description = (
        f"Venn diagram of NATO and EU membership on {day_ts:%d %B %Y} and the OSCE's participating states "
        "as listed for January 2022 (the data has no OSCE dates), with the number of countries in each region: "
        + "; ".join(f"{_region_name(r)} {r.countries}" for r in regions.itertuples())
        + "."
    )
    return finish(figure, ax, title, description)


@course_style
def enlargement_chart(reference: Reference, until: str | pd.Timestamp, organisation: str = "NATO") -> Chart:
    """Members over time, step by step, with the chosen date marked and the future greyed out."""
    waves = enlargement(reference, organisation)
    until = pd.Timestamp(until)
    figure, ax = new_chart(9, 4)
    ax.step(
        waves["date"],
        waves["members_after"],
        where="post",
        color=SIDE_COLOURS["us_nato"] if organisation == "NATO" else "#555555",
        linewidth=2,
    )
    ax.scatter(waves["date"], waves["members_after"], color="black", zorder=3, s=20)
    # The data has no as-of date: it ends at the last change it records, and says nothing about "today".
    last_change = waves["date"].max()
    last_day = max(until, last_change) + pd.Timedelta(days=365)
    ax.axvspan(until, last_day, color="#eeeeee", zorder=0)
    ax.axvline(until, color="black", linewidth=1)
    members_then = len(members_on(reference, organisation, until))
    ax.annotate(
        counted(members_then, "member"), (until, members_then), xytext=(6, -14), textcoords="offset points", fontsize=10
    )
    ax.set_ylabel("members")
    ax.set_ylim(0, waves["members_after"].max() + 3)
    ax.set_xlim(waves["date"].min() - pd.Timedelta(days=700), last_day)
    first = int(waves["members_after"].iloc[0])
    title = f"{organisation} went from {counted(first, 'founding member')} to {members_then} by {until:%d %b %Y}"
    description = (
        f"Step chart of {organisation} members from {waves['date'].min():%Y} to {last_change:%d %B %Y}, the last "
        f"change the course's data records, with {until:%d %B %Y} marked: {counted(members_then, 'member')} then, "
        f"{int(waves['members_after'].iloc[-1])} after that last change."
    )
    return finish(figure, ax, title, description)


def _shared_frames_title(shared: int, frames: int) -> str:
    many = "voiced by more than one identified side"
    if shared == 0:
        return f"No frame is {many}: each side keeps its own frames"
    if shared == frames:
        return f"Every frame is {many}"
    verb = "is" if shared == 1 else "are"
    return f"{'Only ' if 2 * shared < frames else ''}{shared} of {counted(frames, 'frame')} {verb} {many}"


@course_style
def frames_matrix_chart(article: Article | None = None) -> Chart:
    """Speakers (grouped by side) against frames: a dot where a speaker voices a frame, larger for more rows."""
    article = article_or_course(article)
    if article.frames.empty:
        return empty_chart(
            "No frames are annotated for this article",
            f"No chart: the folder {article.slug} has no frames.csv rows, so there is nothing to count.",
            "To draw this chart, tag each quote with a frame in frames.csv\nand list the frames in "
            "frame_vocabulary.csv (see data/README.md).",
        )
    table = speakers_by_frame(article)
    frames = frame_summary(article)
    columns = [label for label in frames["label"] if label in table.columns]
    table = table[columns]
    side_of = article.speakers.set_index("name")["side"]
    palette = _colours(article)
    figure, ax = new_chart(10, 0.38 * len(table) + 2.6)
    for row, name in enumerate(table.index):
        for col, label in enumerate(columns):
            count = table.loc[name, label]
            if count:
                ax.scatter(col, row, s=90 * count, color=palette[side_of[name]], edgecolors="black", linewidths=0.5)
    ax.set_xticks(range(len(columns)), columns, rotation=40, ha="right")
    ax.set_yticks(range(len(table)), [f"{n} ({side_label(side_of[n], article)})" for n in table.index], fontsize=9)
    ax.invert_yaxis()
    ax.grid(color="#eeeeee")
    ax.set_axisbelow(True)
    identified = frames["sides"].str.split(", ").map(lambda sides: {s for s in sides if s not in ("unclear", "nan")})
    shared = int((identified.map(len) >= 2).sum())
    title = _shared_frames_title(shared, len(frames))
    sizes = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="black",
            markersize=(90 * n) ** 0.5,
            label=counted(n, "quote row"),
        )
        for n in (1, 2, 3)
    ]
    _side_legend(ax, article, palette, side_of[table.index], extra=sizes)
    description = (
        f"Dot matrix of {counted(len(table), 'speaker')} (rows, coloured by side) against "
        f"{counted(len(columns), 'frame')} (columns); "
        "a dot means the speaker voices that frame, larger for more quote rows."
    )
    return finish(figure, ax, title, description)


STATUS_ORDER = ["confirmed", "adds_context", "unverified", "not_checked"]


@course_style
def source_checks_chart(article: Article | None = None) -> Chart:
    """Each checked source, placed by what the check found, coloured by side."""
    article = article_or_course(article)
    cards = source_cards(article)
    if cards.empty:
        return empty_chart(
            "No sources of this article have been checked",
            f"No chart: the folder {article.slug} has no source_checks.csv rows, so there is nothing to place.",
            "To draw this chart, check each source laterally and write what you find\nin source_checks.csv "
            "(see data/README.md).",
        )
    palette = _colours(article)
    figure, ax = new_chart(9, 0.38 * len(cards) + 1.8)
    for row, card in enumerate(cards.itertuples()):
        colour = palette.get(card.side, "#999999") if isinstance(card.side, str) else "#999999"
        ax.scatter(STATUS_ORDER.index(card.status), row, s=120, color=colour, edgecolors="black", linewidths=0.6)
    ax.set_xticks(range(len(STATUS_ORDER)), [s.replace("_", " ") for s in STATUS_ORDER])
    ax.set_xlim(-0.5, len(STATUS_ORDER) - 0.5)
    ax.set_yticks(range(len(cards)), cards["subject"])
    ax.invert_yaxis()
    ax.grid(axis="y", color="#eeeeee")
    _side_legend(ax, article, palette, cards["side"].dropna(), not_a_speaker=cards["side"].isna().any())
    adds = int((cards["status"] == "adds_context").sum())
    title = f"For {adds} of {counted(len(cards), 'source')}, a check finds what the article leaves out"
    description = (
        "Dot chart of each source the course checked, placed by the verdict: "
        + "; ".join(f"{STATUS_LABELS[s]}: {int((cards['status'] == s).sum())}" for s in STATUS_ORDER)
        + "."
    )
    return finish(figure, ax, title, description)
