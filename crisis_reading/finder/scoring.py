"""How well the quote finder agrees with a hand-annotated article: precision, recall, F1 and speaker accuracy.

Matching, as written in the issue and in data/README.md's span conventions:

- a proposed row matches a key row when both stand in the same block and their spans overlap by at least half
  of the key row's span; each row is matched at most once (largest overlap first, a right speaker breaking ties);
- an exact match has the same block, start and end;
- per kind (direct, partial, indirect) only rows of that kind are matched with each other; the "all" row
  matches regardless of kind, so a quote found with the wrong kind still counts there;
- speaker accuracy is the share of matched pairs whose proposed speaker is the key's speaker. A proposed
  speaker stands for a key speaker when one of its names (name or names_as_written) equals one of the key
  speaker's names, ignoring case; failing that, when its last word (a surname) equals the last word of the key
  speaker's name and both are people (two words or more); the finder's "unattributed" speaker stands for the
  key's "unattributed". A pronoun never names anyone: it counts only through the speaker it was resolved to.

From the command line: crisis-reading score <article-slug> [--data DIR], or every key at once with --all.
"""

from __future__ import annotations

import math

import pandas as pd

from crisis_reading.dataset.vocabulary import UNATTRIBUTED, split_list
from crisis_reading.finder.quotes import FinderResult

KINDS = ["direct", "partial", "indirect"]
SCORE_COLUMNS = [
    "proposed", "annotated", "matched", "precision", "recall", "f1",
    "exact_precision", "exact_recall", "exact_f1", "speaker_accuracy",
]  # fmt: skip


def _names(row: pd.Series) -> set[str]:
    names = {str(row.get("name", "") or "")}
    written = row.get("names_as_written", "")
    if isinstance(written, str):
        names |= set(split_list(written))
    return {name.lower() for name in names if name and name.strip()}


def speaker_map(proposed_speakers: pd.DataFrame, key_speakers: pd.DataFrame) -> dict[str, str]:
    """Which key speaker_id each proposed speaker_id stands for (module docstring); unmapped ids are left out."""
    key_names = {str(r["speaker_id"]): _names(r) for _, r in key_speakers.iterrows()}
    key_surnames = {
        str(r["speaker_id"]): str(r["name"]).split()[-1].lower()
        for _, r in key_speakers.iterrows()
        if len(str(r["name"]).split()) >= 2
    }
    mapping: dict[str, str] = {}
    for _, row in proposed_speakers.iterrows():
        proposed_id = str(row["speaker_id"])
        names = _names(row)
        if proposed_id == UNATTRIBUTED and UNATTRIBUTED in key_names:
            mapping[proposed_id] = UNATTRIBUTED
            continue
        by_name = [key_id for key_id, known in key_names.items() if names & known]
        if len(by_name) == 1:
            mapping[proposed_id] = by_name[0]
            continue
        name = str(row["name"]).split()
        if len(name) >= 2:
            by_surname = [key_id for key_id, surname in key_surnames.items() if surname == name[-1].lower()]
            if len(by_surname) == 1:
                mapping[proposed_id] = by_surname[0]
    return mapping


def speaker_judge(proposed_speakers: pd.DataFrame | None, key_speakers: pd.DataFrame | None):
    """right_speaker(p, k): does proposal p name the key row k's speaker (through speaker_map)? Without both
    speaker tables no proposed speaker can be matched."""
    both = proposed_speakers is not None and key_speakers is not None
    mapping = speaker_map(proposed_speakers, key_speakers) if both else {}

    def right_speaker(p, k) -> bool:  # two rows: pandas Series or dicts
        return mapping.get(str(p["speaker_id"])) == str(k["speaker_id"])

    return right_speaker


def matched_pairs(
    proposed: pd.DataFrame, key: pd.DataFrame, right_speaker, exact: bool = False
) -> list[tuple[int, int]]:
    """One-to-one matches (proposed index, key index), largest overlap first (the right speaker breaks ties).

    Each row is matched at most once by its position, so a table whose row labels repeat (a pd.concat) still
    has every row considered; the pairs name rows by their labels, as .loc expects.
    """
    # Plain dicts, key rows grouped by block: scoring runs inside every lesson-08 check, and pandas rows are slow.
    key_rows_by_block: dict[int, list] = {}
    for k_at, k in enumerate(key.to_dict("records")):
        key_rows_by_block.setdefault(int(k["block"]), []).append((k_at, k))
    candidates = []
    for p_at, p in enumerate(proposed.to_dict("records")):
        p_start, p_end = int(p["start"]), int(p["end"])
        for k_at, k in key_rows_by_block.get(int(p["block"]), []):
            k_start, k_end = int(k["start"]), int(k["end"])
            if exact:
                if (p_start, p_end) == (k_start, k_end):
                    candidates.append((1, right_speaker(p, k), p_at, k_at))
                continue
            overlap = min(p_end, k_end) - max(p_start, k_start)
            if overlap > 0 and overlap * 2 >= k_end - k_start:
                candidates.append((overlap, right_speaker(p, k), p_at, k_at))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    used_p, used_k, pairs = set(), set(), []
    for _, _, p_at, k_at in candidates:
        if p_at not in used_p and k_at not in used_k:
            used_p.add(p_at)
            used_k.add(k_at)
            pairs.append((proposed.index[p_at], key.index[k_at]))
    return pairs


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else math.nan


def _f1(precision: float, recall: float) -> float:
    if math.isnan(precision) or math.isnan(recall) or precision + recall == 0:
        return math.nan if (math.isnan(precision) or math.isnan(recall)) else 0.0
    return 2 * precision * recall / (precision + recall)


def score(
    proposed: FinderResult | pd.DataFrame,
    key_quotes: pd.DataFrame,
    key_speakers: pd.DataFrame,
    proposed_speakers: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per kind and "all": counts, precision/recall/F1 (overlap and exact), speaker accuracy."""
    if isinstance(proposed, FinderResult):
        proposed_speakers = proposed.speakers if proposed_speakers is None else proposed_speakers
        proposed = proposed.quotes
    if proposed_speakers is None:
        # Without a speaker table each proposed speaker_id is its own name.
        proposed_speakers = pd.DataFrame({"speaker_id": proposed["speaker_id"].unique()})
        proposed_speakers["name"] = proposed_speakers["speaker_id"]
    right_speaker = speaker_judge(proposed_speakers, key_speakers)
    rows = {}
    for kind in [*KINDS, "all"]:
        p_rows = proposed if kind == "all" else proposed[proposed["kind"] == kind]
        k_rows = key_quotes if kind == "all" else key_quotes[key_quotes["kind"] == kind]
        pairs = matched_pairs(p_rows, k_rows, right_speaker)
        exact = matched_pairs(p_rows, k_rows, right_speaker, exact=True)
        precision, recall = _ratio(len(pairs), len(p_rows)), _ratio(len(pairs), len(k_rows))
        exact_precision, exact_recall = _ratio(len(exact), len(p_rows)), _ratio(len(exact), len(k_rows))
        right = sum(right_speaker(p_rows.loc[p], k_rows.loc[k]) for p, k in pairs)
        rows[kind] = [
            len(p_rows), len(k_rows), len(pairs), precision, recall, _f1(precision, recall),
            exact_precision, exact_recall, _f1(exact_precision, exact_recall), _ratio(right, len(pairs)),
        ]  # fmt: skip
    table = pd.DataFrame.from_dict(rows, orient="index", columns=SCORE_COLUMNS)
    table.index.name = "kind"
    for column in ("proposed", "annotated", "matched"):
        table[column] = table[column].astype(int)
    return table


def agreement_on_matches(
    proposed: FinderResult, key_quotes: pd.DataFrame, key_speakers: pd.DataFrame
) -> dict[str, float]:
    """On the quotes matched regardless of kind: the share with the key's kind, and with the key's channel."""
    pairs = matched_pairs(proposed.quotes, key_quotes, speaker_judge(proposed.speakers, key_speakers))
    same = {
        column: sum(proposed.quotes.loc[p, column] == key_quotes.loc[k, column] for p, k in pairs)
        for column in ("kind", "channel")
    }
    return {column: _ratio(count, len(pairs)) for column, count in same.items()}


def _matched(proposed, key_quotes: pd.DataFrame, key_speakers: pd.DataFrame | None) -> tuple[pd.DataFrame, list]:
    """The proposed quote rows and the scorer's one-to-one pairs (proposed index, key index) with the key."""
    # The scorer's own matching, so these tables agree with its "matched" counts.
    speakers = proposed.speakers if isinstance(proposed, FinderResult) else None
    quotes = proposed.quotes if isinstance(proposed, FinderResult) else proposed
    return quotes, matched_pairs(quotes, key_quotes, speaker_judge(speakers, key_speakers))


def missed_quotes(proposed, key_quotes: pd.DataFrame, key_speakers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The answer key's quotes that no proposal matches (the scorer's rule: same block, half the span covered,
    each proposal matched once). `proposed` is a FinderResult or a quotes table."""
    _, pairs = _matched(proposed, key_quotes, key_speakers)
    found = {k for _, k in pairs}
    missed = key_quotes[[index not in found for index in key_quotes.index]]
    return missed[["quote_id", "block", "speaker_id", "kind", "verb", "text"]].reset_index(drop=True)


def extra_quotes(proposed, key_quotes: pd.DataFrame, key_speakers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The proposals that match no quote of the answer key: what the finder found that is not there."""
    quotes, pairs = _matched(proposed, key_quotes, key_speakers)
    used = {p for p, _ in pairs}
    extra = quotes[[index not in used for index in quotes.index]]
    return extra[["quote_id", "block", "speaker_as_written", "kind", "verb", "text"]].reset_index(drop=True)


def corrections_needed(proposed: FinderResult, key_quotes: pd.DataFrame, key_speakers: pd.DataFrame) -> pd.Series:
    """What a person reviewing the proposal must do to reach the key: quotes to add (missed), proposals to reject
    (no quote in the key), and matched proposals whose speaker or kind must be changed."""
    right_speaker = speaker_judge(proposed.speakers, key_speakers)
    pairs = matched_pairs(proposed.quotes, key_quotes, right_speaker)
    wrong_speaker = sum(not right_speaker(proposed.quotes.loc[p], key_quotes.loc[k]) for p, k in pairs)
    wrong_kind = sum(proposed.quotes.loc[p, "kind"] != key_quotes.loc[k, "kind"] for p, k in pairs)
    counts = {
        "add a missed quote": len(key_quotes) - len(pairs),
        "reject a proposal": len(proposed.quotes) - len(pairs),
        "change the speaker": wrong_speaker,
        "change the kind": wrong_kind,
    }
    return pd.Series(counts, name="corrections", dtype=int)


def traps_proposed(proposed_quotes: pd.DataFrame, traps: pd.DataFrame) -> int:
    """How many traps (quoted terms that nobody is said to have said: a key's traps.csv) the finder proposed
    as quotes: a proposal in the trap's block that covers at least half of the trap's span and is itself mostly
    the trap (the trap covers at least half of it). A longer statement that merely contains the term — “He said
    the roof was ‘talking’ again …”, "a scheme it has branded “Smart Quay”" inside a reported clause — is that
    statement, not the term proposed as a quote."""
    hits = 0
    for trap in traps.to_dict("records"):
        start, end = int(trap["start"]), int(trap["end"])
        same_block = proposed_quotes[proposed_quotes["block"] == int(trap["block"])]
        if not len(same_block):
            continue
        overlaps = (same_block["end"].clip(upper=end) - same_block["start"].clip(lower=start)).clip(lower=0)
        lengths = same_block["end"] - same_block["start"]
        hits += bool(((overlaps * 2 >= end - start) & (overlaps * 2 >= lengths)).any())
    return hits


def pooled(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Several keys' score tables as one, counts added up (each quote counts once, whatever its article)."""
    rows = {}
    for kind in [*KINDS, "all"]:
        parts = [table.loc[kind] for table in tables]
        proposed, annotated, matched = (sum(int(part[column]) for part in parts) for column in SCORE_COLUMNS[:3])
        exact = sum(round(part["exact_precision"] * part["proposed"]) for part in parts if part["proposed"])
        right = sum(round(part["speaker_accuracy"] * part["matched"]) for part in parts if part["matched"])
        precision, recall = _ratio(matched, proposed), _ratio(matched, annotated)
        exact_precision, exact_recall = _ratio(exact, proposed), _ratio(exact, annotated)
        rows[kind] = [
            proposed, annotated, matched, precision, recall, _f1(precision, recall),
            exact_precision, exact_recall, _f1(exact_precision, exact_recall), _ratio(right, matched),
        ]  # fmt: skip
    table = pd.DataFrame.from_dict(rows, orient="index", columns=SCORE_COLUMNS)
    table.index.name = "kind"
    return table
