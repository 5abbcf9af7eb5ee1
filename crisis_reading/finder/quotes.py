"""Propose every attributed statement of an article, for a person to check: find_quotes(blocks) is the front door.

The rows follow the hand annotation's conventions (data/README.md, quotes.csv): direct and partial quotes hold
exactly what stands between the quotation marks, indirect ones the reported clause after the verb; a paragraph
of pure quotation takes its attribution from the paragraph before (continues_quote), a quotation running over
paragraphs is one row per paragraph. Plain Python: quote_marks pairs the marks, attribution reads the reporter's
words, finder.speakers decides who "he", "Grushko" or "the minister" is.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field

import pandas as pd

from crisis_reading.dataset.schema import columns
from crisis_reading.dataset.vocabulary import UNATTRIBUTED, join_list
from crisis_reading.finder.attribution import (
    INTRODUCING_ONLY,
    NEGATED_BEFORE,
    Attribution,
    find_attributions,
    starts_a_clause,
)
from crisis_reading.finder.channels import find_channel
from crisis_reading.finder.lexicon import (
    BARE_CLAUSE_VERBS,
    CLAUSE_VERBS,
    FUNCTION_WORDS,
    NAMING_VERBS,
    ORG_WORDS,
    ROLE_NOUNS,
    TELL_VERBS,
    TITLE_WORDS,
    reporting_verbs,
)
from crisis_reading.finder.mentions import (
    JOINT_SUBJECT,
    TIME_WORDS,
    both_parties,
    definite_pair,
    joint_bodies,
    named_list,
    named_pair,
    people_met_in_passing,
    read_mention,
    sentence_subject,
)
from crisis_reading.finder.quote_marks import QuoteSpan, mask_quotations, opens_with_quotation, quote_spans, with_quoted
from crisis_reading.finder.sentences import sentence_bounds, sentence_of
from crisis_reading.finder.speakers import (
    AGE_ROLE,
    ORGANISATION_NOUNS,
    PRONOUN_GENDER,
    STATEMENT_WORDS,
    Mention,
    Speaker,
    SpeakerRegistry,
    guess_organisation_type,
    guess_voice_type,
    pronoun_of_given_name,
)
from crisis_reading.finder.text_blocks import is_credit, outlet_from_credit

QUOTE_COLUMNS = columns("quotes")
SPEAKER_COLUMNS = columns("speakers")
NOTE_PREFIX = "Proposed by the finder (unreviewed)"


@dataclass
class FinderResult:
    """The finder's proposal: quote rows and speaker rows in the columns of quotes.csv and speakers.csv."""

    quotes: pd.DataFrame
    speakers: pd.DataFrame


@dataclass
class _Block:
    number: int
    text: str
    spans: list[QuoteSpan]
    masked: str
    bounds: list[tuple[int, int]]
    attributions: list[Attribution]
    owners: dict[int, tuple[Attribution, str]] = field(default_factory=dict)  # span index -> (attribution, rule)


@dataclass
class _Row:
    block: int
    start: int
    end: int
    kind: str
    attribution: Attribution
    attributed_in_block: int
    rule: str
    own_attribution: bool = True
    continues: _Row | None = None
    channel: tuple[str, str, int] | None = None
    quote_id: str = ""
    speaker_id: str = ""  # set for the second party of a joint subject; otherwise the attribution's speaker

    @property
    def speaker(self) -> str:
        return self.speaker_id or self.attribution.speaker_id


def find_quotes(blocks: pd.DataFrame, outlet: str | None = None) -> FinderResult:
    """Every attributed statement in the blocks (columns block, text), with resolved speakers.

    outlet names the publication, so "told <outlet>" reads as an interview with it; by default it is read
    from a credit line such as "Source: Al Jazeera".
    """
    ordered = blocks.sort_values("block")
    texts = [(int(number), str(text)) for number, text in zip(ordered["block"], ordered["text"], strict=True)]
    outlet = outlet or outlet_from_credit(text for _, text in texts)
    parsed = [_parse_block(number, text) for number, text in texts]
    rows = _rows(parsed)
    registry = SpeakerRegistry()
    _resolve_speakers(parsed, rows, registry)
    _lede_roles_named_below(parsed, rows, registry)
    rows = _one_row_per_party(rows)
    _assign_channels(parsed, rows, outlet)
    article_text = "\n\n".join(text for _, text in texts)
    return FinderResult(_quote_table(rows, parsed, registry), _speaker_table(rows, registry, article_text))


def _parse_block(number: int, text: str) -> _Block:
    spans = quote_spans(text)
    masked = mask_quotations(text, spans)
    bounds = sentence_bounds(text, spans)
    attributions = _drop_nested(find_attributions(text, masked, bounds), masked)
    block = _Block(number, text, spans, masked, bounds, attributions)
    _own_spans(block)
    return block


def _drop_nested(attributions: list[Attribution], masked: str) -> list[Attribution]:
    """Rule "one voice per clause": a verb inside a clause already reported ("X said Y should respond") is
    part of X's statement, not a new one; a clause ends where the next attribution in its sentence begins."""
    # Rule "the attribution at the end owns the clause before it": in "The agency has not confirmed any case outside
    # Talmena, Mr. Wrenfield said." the earlier verb is inside what Wrenfield said; its own clause, which ran on over
    # his attribution, is no statement of the agency's.
    # (Not a report inside the report: in "Police said two people had died, the Interfax news agency reported." police
    # speak; but "Inspectors had recommended shutting the unit, a state official told …" is the official's.)
    finals = [a for a in attributions if a.clause and a.clause[1] <= a.verb_start and not (a.nominal or a.passive)]
    attributions = [
        a for a in attributions
        if not any(f is not a and f.clause[0] <= a.verb_start < f.clause[1] and a.clause and a.clause[1] > f.verb_start
                   and (not _reports_speech(a) or NEGATED_BEFORE.search(masked, f.clause[0], a.verb_start))
                   for f in finals)
    ]  # fmt: skip
    kept: list[Attribution] = []
    for attribution in attributions:
        container = next((k for k in kept if k.clause and k.clause[0] <= attribution.verb_start < k.clause[1]), None)
        if container is not None and not (
            attribution.passive or attribution.nominal or _speaks_for_itself(masked, attribution)
        ):
            if attribution in finals and _reports_speech(container) and attribution.mention.kind != "none":
                # Rule "a report of a report": "Police said two people had died, the Interfax news agency reported."
                # — police speak; the clause ends before the attribution that reports them
                comma = masked.rfind(",", container.clause[0], attribution.mention.start)
                if comma > container.clause[0]:
                    container.clause = (container.clause[0], comma)
            continue
        kept.append(attribution)
    for current in kept:
        # Rule "a voice inside the clause": "insisting the loan stands despite a ruling by a court that …" — the
        # court's words are the court's; the first clause ends before the noun phrase that names them.
        if current.nominal or not current.clause:
            continue
        inner = [k for k in kept if k.nominal and current.clause[0] < k.verb_start < current.clause[1]]
        if inner:
            start = current.clause[0]
            before = masked[start : inner[0].verb_start]
            end = NOUN_PHRASE_OPENING.sub("", before).rstrip(" ,")
            if end != before.rstrip(" ,") and len(end.split()) >= 2:  # "rejected the diplomat’s claim that …" stays
                current.clause = (start, start + len(end))
    for current, following in itertools.pairwise([a for a in kept if not a.nominal]):
        if current.clause and current.sentence == following.sentence and following.verb_start < current.clause[1]:
            start = current.clause[0]
            cut = max(following.mention.start if following.mention.kind != "none" else following.verb_start, start)
            head = max(
                (start + m.start() for m in re.finditer(r",\s|\s[–—]\s|;\s", masked[start:cut])),
                default=cut,
            )
            end = head
            before_time_clause = re.search(r"\s+" + TIME_CLAUSE_WORDS + r"(?:\s+(?:the|a|an))?\s*$", masked[start:end])
            end = start + before_time_clause.start() if before_time_clause else end
            current.clause = (start, end) if end - start > 1 else None
    return kept


# The preposition and determiners that open a reporting noun's phrase: "despite a ruling", "amid new warnings".
NOUN_PHRASE_OPENING = re.compile(
    r"\s+(?:despite|after|before|amid|against|over|following|with|and|but|of|on|in|to)"
    r"(?:\s+(?:a|an|the|its|his|her|their|this|these|those|new|fresh|repeated|earlier|recent))*\s*$"
)


def _reports_speech(attribution: Attribution) -> bool:
    """A say or tell verb ("Police said …", "told reporters …"): a report that a later attribution may itself report."""
    verb = attribution.verb.lower()
    return verb in BARE_CLAUSE_VERBS or verb in TELL_VERBS or verb in ("reported", "reports", "announced", "stated")


def _speaks_for_itself(masked: str, attribution: Attribution) -> bool:
    """Is this verb, inside another's reported clause, a statement of its own? Rule "contrasting voice": "X say
    …, while the government insists …" (while, whereas, but, although); "…, which Ms Pell said was “…”" at the
    end of a sentence; and rule "a voice in a time clause" below."""
    start = attribution.mention.start if attribution.mention.kind != "none" else attribution.verb_start
    contrast = CONTRAST.search(masked, max(0, start - 20), start)
    if contrast and "which" in contrast.group():
        # "…, which Ms Pell said was “simply untrue”." judges what came before; in "the bridge, which engineers
        # said was safe, had failed" the relative clause sits inside the first speaker's words
        clause = attribution.clause
        return bool(clause) and "," not in masked[clause[0] : clause[1]]
    if contrast:
        return True
    if SUMMING_UP.search(masked, max(0, start - 30), start):
        # Rule "a voice in a summing-up appositive": "… near the Legislative Palace, a case that the Public Ministry
        # said it is investigating" — the noun sums up what came before; the words after it are the ministry's
        return True
    # Rule "a voice in a time clause": "Museum insists loan runs until 2027 after court rules licence was invalid"
    # — what the court ruled is the court's statement, not part of the museum's.
    return (
        bool(attribution.clause)
        and attribution.mention.kind in ("person", "name", "group", "role")
        and attribution.verb.lower() in CLAUSE_VERBS
        and bool(TIME_CLAUSE.search(masked, max(0, start - 20), start))
    )


SUMMING_UP = re.compile(r",\s+(?:a|an)\s+[a-z]+\s+(?:that|which)\s+$")
# "…, which Ms Pell said was “simply untrue”": the relative clause's speaker judges what came before
CONTRAST = re.compile(r"[,;]\s+(?:while|whereas|but|although|though|which)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?$")
# Not "since" or "when": "Analysts said the cuts had been expected since the company warned …" cites the warning as
# background to the analysts' own statement (the development corpus's writers read it so).
TIME_CLAUSE_WORDS = r"(?:after|before|until|following|once)"
TIME_CLAUSE = re.compile(r"\s" + TIME_CLAUSE_WORDS + r"\s+(?:the\s+|a\s+|an\s+)?$")


def _stands_alone(block: _Block, span: QuoteSpan) -> bool:
    """Rule "direct or partial": a quotation is direct when it stands on its own (it opens the sentence, or follows
    "said:" / "said," or a semicolon), and partial when the reporter's own sentence runs into it."""
    sentence_start = block.bounds[sentence_of(block.bounds, max(span.start - 1, 0))][0]
    before = block.masked[sentence_start : max(span.start - 1, sentence_start)]
    stripped = before.rstrip()
    verbs = reporting_verbs(stripped)
    after_verb = bool(verbs and re.fullmatch(r"\s*,?", stripped[verbs[-1][1] :]))
    if block.text[span.start : span.start + 1].islower():
        # “Enough,” she said, “is enough.” — a direct sentence resumed after its attribution
        resumed = after_verb and stripped.endswith(",")
        return resumed and any(s.end < span.start and s.start > sentence_start for s in block.spans)
    return not stripped or stripped.endswith((":", ";")) or after_verb


def _own_spans(block: _Block) -> None:
    """Give each quotation the attribution that reads it, by the conventions of attribution placement."""
    attributions = block.attributions
    for index, span in enumerate(block.spans):
        after_mark = span.end + 1 if span.closed else span.end
        owner = None
        opening = span.start - 1 if span.start > 0 else 0
        if re.search(r":\s*$", block.masked[max(0, opening - 3) : opening]):
            # Rule "introduced by a colon": "She said: “We are ready.” He added: “So are we.”" — the quotation is
            # the colon's speaker's, not the next sentence's
            introduced = [a for a in attributions if a.verb_end <= opening and _same_sentence(block, a, opening - 1)]
            owner = (introduced[-1], "attribution before the quotation") if introduced else None
        for attribution in attributions if owner is None else []:  # after the quotation: “…,” he said.
            anchor = attribution.mention.start if attribution.mention.kind != "none" else attribution.verb_start
            first = min(anchor, attribution.verb_start)
            if first >= after_mark and re.fullmatch(r"[\s,]*", block.masked[after_mark:first]):
                owner = (attribution, "attribution after the quotation")
                break
        if owner is None:  # woven into a reported clause, or introduced: said: “…
            # (not across a semicolon: "…pledged to “…”; an earlier draft had offered only “free access”" — the
            # clause after it is the reporter's, as a reported clause ends there)
            candidates = [
                a for a in attributions if a.verb_end <= span.start and _same_sentence(block, a, span.start - 1)
                and not _semicolon_between(block, a, span)
            ]  # fmt: skip
            if candidates:
                owner = (candidates[-1], "attribution before the quotation")
        if owner is None:  # “…,” he said. “…” — the middle one serves both
            before = [a for a in attributions if a.verb_start < span.start]
            after = [a for a in attributions if a.verb_start >= span.end]
            if not _opens_sentence(block, span):
                # Words woven into a sentence with no verb of its own belong to a voice of this sentence or the one
                # before ("She said talks were over. The plan was “dead”."), or to nobody: a term, a name.
                here = sentence_of(block.bounds, span.start)
                before = [
                    a for a in before if a.sentence in (here - 1, here) and not _semicolon_between(block, a, span)
                ]
                after = [a for a in after if a.sentence == here]
            if before or after:
                owner = ((before[-1] if before else after[0]), "attribution in the middle of the quotation")
        if owner is not None and (_names_a_term(block, span) or _word_in_the_reporters_phrase(block, span, owner[0])):
            owner = None
        if owner is not None:
            block.owners[index] = owner


def _semicolon_between(block: _Block, attribution: Attribution, span: QuoteSpan) -> bool:
    """A semicolon between the attribution's verb and a quotation after it: the quotation is in another clause."""
    return attribution.verb_end <= span.start and ";" in block.masked[attribution.verb_end : span.start]


# Words that present what follows in quotation marks as a name, a term or a title, not as anyone's words.
TERM_MARKER = re.compile(
    r"(?:so-called|dubbed|known(?:\s+[\w’'-]+){0,3}\s+as|called|titled|entitled|author of|the word|the phrase|the term|"
    r"a single word[^.?!]*,|under the slogan|the slogan|nicknamed|branded(?: as)?|according to|headed|labelled|labeled|"
    r"placed in|put in|"
    r"question\s*[–—:-]|"  # a question named by its words: "An older question – “who pays for the cargoes?” –"
    r"what\s+(?:[\w’'-]+\s+){0,3}(?:calls?|terms?|termed|dubs?))\s*$",  # "what engineers call “soft steel”"
    re.IGNORECASE,
)


def _opens_sentence(block: _Block, span: QuoteSpan) -> bool:
    """The quotation stands at the start of its sentence: a sentence of its own, not words inside the reporter's."""
    sentence_start = block.bounds[sentence_of(block.bounds, max(span.start - 1, 0))][0]
    return not block.masked[sentence_start : max(span.start - 1, sentence_start)].strip()


def _names_a_term(block: _Block, span: QuoteSpan) -> bool:
    """Rule "terms are not quotes": quoted words right after "so-called", "known as", "titled", "author of", "the
    word" … are the article naming a thing, not a voice, even in a sentence that attributes something else."""
    opening = span.start - 1 if span.start > 0 else 0
    if TERM_MARKER.search(block.text[max(0, opening - 60) : opening]):
        return True
    return not _stands_alone(block, span) and _is_a_name(block.text[span.start : span.end])


# "a “short” detour", "her “go bag”", "Veltria’s “temporary” tariffs": quoted words a determiner opens
DETERMINER_BEFORE = re.compile(
    r"(?:(?<![\w’'-])(?:a|an|the|his|her|its|their|our|this|that)|[\w-]+[’']s)\s+$", re.IGNORECASE
)
TERM_WORDS = 2  # at most this many words in such a term


def _word_in_the_reporters_phrase(block: _Block, span: QuoteSpan, attribution: Attribution) -> bool:
    """Rule "a quoted word in the reporter's noun phrase": one or two quoted words a determiner opens, outside what
    the attribution reports ("Drivers face a “short” detour of 14 miles, officials said." — nobody is said to have
    said “short”): a term, not a quotation."""
    words = block.text[span.start : span.end].split()
    opening = span.start - 1 if span.start > 0 else 0
    determined = DETERMINER_BEFORE.search(block.masked, max(0, opening - 30), opening)
    if not words or len(words) > TERM_WORDS or not determined:
        return False
    clause = attribution.clause
    return not (clause and clause[0] <= span.start <= clause[1] + 1)


_SMALL_WORDS = {"a", "an", "the", "of", "and", "at", "in", "on", "for", "to", "by", "with"}


def _is_a_name(words: str) -> bool:
    """Rule "quoted names": “the Old Saint”, “Operation Dry Furrow”, “The Thirsty Border” — a short run of
    capitalised words (small words aside) inside the reporter's sentence names a place, an operation or a title."""
    tokens = re.findall(r"[\w’'-]+", words)
    content = [token for token in tokens if token.lower() not in _SMALL_WORDS]
    # "Water Security 2030": a year or a number inside a name
    return 0 < len(content) <= 5 and len(tokens) <= 7 and all(t[0].isupper() or t.isdigit() for t in content)


def _same_sentence(block: _Block, attribution: Attribution, position: int) -> bool:
    return sentence_of(block.bounds, position) == attribution.sentence


MESSAGE_WORDS = re.compile(
    r"\b(?:this|the following|statement|message|post|tweet|video|letter|online|social media|in full)\b", re.IGNORECASE
)


def _introducer(block: _Block) -> Attribution | None:
    """Rule "introduced paragraph": a paragraph ending "… said:" hands its attribution to the next paragraph."""
    if not block.attributions:
        return None
    last = block.attributions[-1]
    if last.verb.lower() in INTRODUCING_ONLY and not MESSAGE_WORDS.search(block.masked[last.verb_end :]):
        return None  # "Thieves posted the stolen jewels to Spain:" introduces no one's words
    # "… has issued a statement. Here it is in full:": a short second sentence that points at the quotation
    pointer = r"(?:[.!?]\s+(?:Here|It|This|In full|The statement)\b[^.?!{quoted}]{0,40})?"
    ending = with_quoted(r"[^.?!{quoted}]*" + pointer + r":\s*")
    if re.fullmatch(ending, block.masked[last.verb_end :]):
        return last
    # Rule "a verb that ends its paragraph": "Anna Holt, a farmer, disagreed." then “Nobody has come.” — a reporting
    # verb with nothing after it hands the paragraph's speaker to the quotation that follows
    # (only in a paragraph with no quotation of its own: "“…,” Jane Doe said." is the quotation's attribution)
    ends = not block.spans and last.clause is None and not last.passive
    ends = ends and re.fullmatch(r"\s*[.!]?\s*", block.masked[last.verb_end :])
    return last if ends and last.mention.kind in ("person", "name", "group", "role") else None


def _rows(parsed: list[_Block]) -> list[_Row]:
    rows: list[_Row] = []
    previous: _Block | None = None
    previous_rows: list[_Row] = []
    pending: list[_Row] = []  # paragraphs of a running quotation whose attribution comes later
    fallback: _Row | None = None  # what those paragraphs take if no later paragraph names the speaker
    for position, block in enumerate(parsed):
        block_rows: list[_Row] = []
        used_clauses = set()
        chain_goes_on = bool(previous and previous.spans and not previous.spans[-1].closed)
        chain_goes_on = chain_goes_on and opens_with_quotation(block.text)
        if pending and not chain_goes_on:
            _settle_waiting(pending, fallback)
            pending = []
        for index, span in enumerate(block.spans):
            running = index == 0 and chain_goes_on
            continues = previous_rows[-1] if running and previous_rows else None
            if index in block.owners:
                attribution, rule = block.owners[index]
                kind = "partial" if attribution.passive or not _stands_alone(block, span) else "direct"
                row = _Row(block.number, span.start, span.end, kind, attribution, block.number, rule)
                row.continues = continues
                if running:
                    for waiting in pending:
                        waiting.attribution, waiting.attributed_in_block = attribution, block.number
                        waiting.rule = "running quotation, attributed in a later paragraph"
                    pending = []
                if attribution.clause and attribution.clause[0] <= span.start <= attribution.clause[1] + 1:
                    used_clauses.add(id(attribution))
            elif index == 0 and (box := _claim_box(block, span, parsed[position + 1 : position + 2])):
                row = _Row(block.number, span.start, span.end, "direct", box, block.number, "claim box",
                           own_attribution=False)  # fmt: skip
            elif index == 0 and opens_with_quotation(block.text) and previous is not None:
                row = _borrowed_row(block, span, previous, previous_rows, continues)
                if row is None:
                    row = _after_its_speakers_sentence(block, span, previous)
                if row is None:
                    continue
                if row.rule == "waiting":
                    if not pending:
                        fallback = previous_rows[-1] if previous_rows else None
                    pending.append(row)
            elif (
                row := _headline_speaker_colon(block, span) or _after_its_speakers_sentence(block, span, None)
            ) is None:
                continue
            block_rows.append(row)
        for attribution in block.attributions:
            if not attribution.clause:
                continue
            rule = "passive judgement" if attribution.passive else "indirect speech"
            parts = _clause_parts(block.masked, attribution.clause)
            naming = attribution.verb.lower() in NAMING_VERBS  # "called the mill “the Fortress”": a name, not speech
            if id(attribution) in used_clauses or _has_quote(block, attribution.clause, terms_too=naming):
                rule = "reported clause beside a quoted one"
                if len(parts) == 1 and not attribution.more:
                    own = _unquoted_conjunct(block, attribution.clause)
                    if own is not None:
                        block_rows.append(_Row(block.number, *own, "indirect", attribution, block.number, rule))
                    continue  # the clause is the quotation's: its partial row stands for it
            for start, end in parts + attribution.more:
                if not _has_quote(block, (start, end), terms_too=naming):
                    block_rows.append(_Row(block.number, start, end, "indirect", attribution, block.number, rule))
        block_rows.sort(key=lambda r: r.start)
        rows += block_rows
        if block_rows or block.text.strip():
            previous, previous_rows = block, block_rows
        if pending and (not block.spans or block.spans[-1].closed):
            _settle_waiting(pending, fallback)  # the running quotation ended without naming its speaker
            pending = []
    _settle_waiting(pending, fallback)
    return [row for row in rows if row.rule != "waiting"]


# A fact-check's claim box: "CLAIM: “…”" and, in the next paragraph, "MADE BY: Tobias Rennick, candidate …".
CLAIM_LABEL = re.compile(r"\s*(?P<label>(?:the\s+)?claim|what\s+was\s+(?:said|claimed))\s*:\s*", re.IGNORECASE)
MADE_BY = re.compile(
    r"\s*(?:made\s+by|claimed\s+by|said\s+by|who\s+(?:said|made)\s+(?:it|the\s+claim)|speaker)\s*:\s*"
    r"(?P<who>[^,;.:]+)",
    re.IGNORECASE,
)


def _claim_box(block: _Block, span: QuoteSpan, following: list[_Block]) -> Attribution | None:
    """Rule "claim box": a fact-check's "CLAIM: “…”" quotes whoever the next paragraph's "MADE BY:" names (the
    label is the attribution word; the speaker's name stands in the next paragraph, so none is written here)."""
    label = CLAIM_LABEL.fullmatch(block.text, 0, span.start - 1)
    made_by = MADE_BY.match(following[0].masked) if following and label else None
    if made_by is None:
        return None
    mention = read_mention(following[0].masked, made_by.start("who"), made_by.end("who"), anchor="start")
    if mention is None or mention.kind == "none":
        return None
    who = Mention(mention.text, label.start("label"), mention.kind, mention.role)
    box = Attribution(label["label"], label.start("label"), label.end("label"), 0, who)
    block.attributions.append(box)  # resolved with the block's own attributions
    return box


def _settle_waiting(pending: list[_Row], fallback: _Row | None) -> None:
    """A running quotation that never names its speaker takes the attribution of the paragraph before it."""
    if fallback is None:
        return
    for waiting in pending:
        waiting.attribution, waiting.attributed_in_block = fallback.attribution, fallback.attributed_in_block
        waiting.rule = "paragraph of pure quotation, running on"
    if pending and pending[0].continues is None and fallback.kind != "indirect":
        pending[0].continues = fallback


def _has_quote(block: _Block, clause: tuple[int, int], terms_too: bool = False) -> bool:
    """True when a quotation stands in the clause; a quoted term or name does not count ("…, a scheme it has
    branded “Smart Quay”" stays indirect speech), unless terms_too (the verb itself names the thing)."""
    start, end = clause
    return any(
        start <= span.start - 1 and span.end <= end + 1 and (terms_too or not _names_a_term(block, span))
        for span in block.spans
    )


# words after an -ed word that show it is a verb ("and that arrived before May", "and that showed the …")
_NOT_NOUNS = set(
    "by to in on at before after from with for of that the a an as when if"
    " it them him her us his its their this these those".split()
)


def _clause_parts(masked: str, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Rule "coordinated reported clauses": "said X, and (or but) that Y" reports two clauses, one row each (the
    development corpus's keys split every such pair); in "said X “…”, and that Y" the one holding a quotation is
    read as its partial quote, the other stays indirect speech."""
    parts, start = [], clause[0]
    for match in re.finditer(r",?\s+(?:and|but)\s+that\s+(?=(\S+)(?:\s+([a-z]+))?)", masked[clause[0] : clause[1]]):
        # "and that insured deposits would …": an -ed word before a noun is its adjective, and the clause starts
        adjective = re.fullmatch(r"[a-z]{3,}ed", match.group(1)) and (match.group(2) or "") not in _NOT_NOUNS
        if not (starts_a_clause(match.group(1)) or (adjective and match.group(2))):
            continue  # "the price of bread and that of milk", "he knew and that was enough"
        parts.append((start, clause[0] + match.start()))
        start = clause[0] + match.end()
    parts.append((start, clause[1]))
    return [(a, b) for a, b in parts if b > a]


# "… had failed to consult residents and had given “no real weight” to …": a second verb of the same subject
SECOND_PREDICATE = re.compile(
    r"\s+and\s+(?:had|has|have|was|were|is|are|would|will|could|should|did)\s+(?:not\s+)?[a-z]"
)


def _unquoted_conjunct(block: _Block, clause: tuple[int, int]) -> tuple[int, int] | None:
    """Rule "two predicates, one quoted": in "said the ministry had failed to consult residents and had given “no
    real weight” to schools" the quotation is a partial row and the first predicate, with its subject, is indirect
    speech of its own (as the development corpus's keys split it); None when no such part stands before the quote."""
    found = SECOND_PREDICATE.search(block.masked, clause[0], clause[1])
    if found is None or _has_quote(block, (clause[0], found.start())):
        return None
    if not _has_quote(block, (found.end(), clause[1])):
        return None
    return (clause[0], found.start()) if len(block.masked[clause[0] : found.start()].split()) >= 4 else None


def _borrowed_row(
    block: _Block, span: QuoteSpan, previous: _Block, previous_rows: list[_Row], continues: _Row | None
) -> _Row | None:
    """Rules "paragraph of pure quotation" and "running quotation": a paragraph that opens with a quotation and
    names no speaker takes the attribution of the paragraph before (or, for a quotation running on over
    paragraphs, of the paragraph that finally names the speaker)."""
    kind = "direct" if _stands_alone(block, span) else "partial"
    if continues is not None:
        row = _Row(block.number, span.start, span.end, kind, continues.attribution, continues.attributed_in_block,
                   "running quotation", own_attribution=False, continues=continues)  # fmt: skip
        if continues.rule == "waiting":
            row.rule = "waiting"
        return row
    introducer = _introducer(previous)
    if introducer is not None:
        return _Row(block.number, span.start, span.end, kind, introducer, previous.number,
                    "introduced paragraph", own_attribution=False)  # fmt: skip
    if not span.closed:
        placeholder = Attribution("", 0, 0, -1, None)  # type: ignore[arg-type]
        return _Row(block.number, span.start, span.end, kind, placeholder, block.number, "waiting",
                    own_attribution=False)  # fmt: skip
    if previous_rows:
        source = previous_rows[-1]
        return _Row(block.number, span.start, span.end, kind, source.attribution, source.attributed_in_block,
                    "paragraph of pure quotation", own_attribution=False,
                    continues=source if source.kind != "indirect" else None)  # fmt: skip
    return None


HEADLINE_COLON = re.compile(r"\s*(?P<who>[^:“”\"\n]{2,40}?)\s*:\s*$")


def _headline_speaker_colon(block: _Block, span: QuoteSpan) -> _Row | None:
    """Rule "speaker, colon, quotation" in a headline: "Aid chief: “We are running out of time”" is the aid chief's
    (a short block whose words before the colon name a speaker: "Flood crisis: “…”" names a topic, nobody)."""
    if len(block.text) > 120 or not span.closed:
        return None
    label = HEADLINE_COLON.fullmatch(block.masked, 0, span.start - 1)
    if label is None:
        return None
    who = read_mention(block.masked, label.start("who"), label.end("who"), anchor="start")
    if who is None or who.kind not in ("person", "role", "group") or who.start + len(who.text) != label.end("who"):
        return None
    kind = "direct" if _only_punctuation(block.text[span.end :]) else "partial"
    return _row_of_a_named_speaker(block, span, who, 0, kind, "speaker, colon, quotation", own_attribution=True)


def _only_punctuation(text: str) -> bool:
    return not re.sub(r"[\s“”\"‘’'.,!?—–-]", "", text)


def _row_of_a_named_speaker(
    block: _Block, span: QuoteSpan, who: Mention, sentence: int, kind: str, rule: str, own_attribution: bool
) -> _Row:
    """A quotation's row whose speaker is named with no reporting verb; the naming is resolved with the block's
    own attributions."""
    speaker = Attribution("", who.start, who.start, sentence, who)
    block.attributions.append(speaker)
    return _Row(block.number, span.start, span.end, kind, speaker, block.number, rule, own_attribution=own_attribution)


FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|I’m|I'm|I’ve|I've|me|my|mine|we|We|us|our|Our|My|Me)(?![\w’'-])")


def _after_its_speakers_sentence(block: _Block, span: QuoteSpan, previous: _Block | None) -> _Row | None:
    """Rule "a quotation after its speaker's sentence": "Nadia Fel was blunt. “They lied to us.”", "Leila Dahan,
    34, fled with her three children." then “We walked for two days without water.” — a quotation that is a whole
    sentence, with no attribution of its own, right after a sentence whose subject is a person named in full, is
    that person's (the sentence before in its paragraph, or the last of the paragraph before)."""
    if not span.closed or not _stands_alone(block, span):
        return None
    at = sentence_of(block.bounds, span.start)
    if at is None:
        return None
    start, end = block.bounds[at]
    outside = block.text[start : max(start, span.start - 1)] + block.text[min(end, span.end + 1) : end]
    if not _only_punctuation(outside):
        return None  # the quotation must be the whole sentence: "“Operation Thunder” began at dawn" is a name
    if not FIRST_PERSON.search(block.text[span.start : span.end]):
        return None  # the speaker's own voice ("They lied to us"), not words about them ("He was the kindest man")
    if at > 0:
        subject = sentence_subject(block.masked, block.bounds[at - 1])
    elif previous is not None and previous.bounds and not previous.spans:
        subject = sentence_subject(previous.masked, previous.bounds[-1])
        subject = Mention(subject.text, 0, subject.kind, subject.role) if subject is not None else None
    else:
        return None
    if subject is None or subject.kind != "person":
        return None
    return _row_of_a_named_speaker(
        block, span, subject, max(at - 1, 0), "direct", "quotation after its speaker's sentence", own_attribution=False
    )


ANOTHER_STATEMENT = re.compile(
    r"\b(?:issued|released|published|put\s+out|sent|posted)\s+(?:a|an|its|their|his|her)\s+(?:own\s+|new\s+|separate\s+)?"
    r"statement\b|\bstatement\s+of\s+(?:its|their|his|her)\s+own\b"
)


# An event in `_resolve_speakers` for a person named in passing: met, never resolved as anyone's speaker.
MET_IN_PASSING = -2


def _resolve_speakers(parsed: list[_Block], rows: list[_Row], registry: SpeakerRegistry) -> None:
    """Resolve each attribution that carries a row, in reading order, so pronouns find the speaker before them."""
    used = {id(row.attribution) for row in rows}
    # Rule "a joint subject goes on speaking": "Okafor and Dremmond said … and urged …" (one naming, shared by both
    # verbs), and "The Veltrian and Karsundi ministries said … They also called on …" — each party has its row
    parties_of_mention: dict[int, list[str]] = {}
    last_parties: list[str] = []  # the parties of the last statement resolved, when it had more than one speaker
    statement_parties: list[str] = []  # the parties of the last joint statement ("in a joint statement")
    statement_block, statement_from = -1, 0  # where it was made
    for number, block in enumerate(parsed):

        def block_subject(sentence: tuple[int, int], block: _Block = block) -> Mention | None:
            return sentence_subject(block.masked, sentence)

        # A full name with a reporting verb introduces a person even when the verb reports no row ("Ann Lee said
        # no."), so a later "she" can find her; other unused attributions stay out of the speaker list.
        attributions = [a for a in block.attributions if id(a) in used or a.mention.kind == "person"]
        # A person named in full as a sentence's subject ("Her neighbour, Karim Saleh, 62, disagrees.") is met too.
        # A byline ("By Tom Hale, Vale Courier") names the reporter and the outlet: nobody the story quotes
        byline = is_credit(block.text)
        subjects = [] if byline else [
            Attribution("", m.start, m.start, -1, m) for m in filter(None, map(block_subject, block.bounds))
        ]  # fmt: skip
        # (not a name inside a speaker's own naming: "Minister of … and Irrigation Farida Kessoum, …")
        taken = [(a.mention.start, a.mention.start + len(a.mention.text)) for a in [*attributions, *subjects]]
        in_passing = [
            Attribution("", m.start, m.start, MET_IN_PASSING, m)
            for sentence in block.bounds if not byline for m in people_met_in_passing(block.masked, sentence)
            if not any(start <= m.start < end for start, end in taken)
        ]  # fmt: skip
        events = [*attributions, *subjects, *in_passing]
        events.sort(key=lambda a: a.mention.start if a.mention.kind != "none" else a.verb_start)
        read_up_to = 0
        for attribution in events:
            position = attribution.mention.start if attribution.mention.kind != "none" else attribution.verb_start
            registry.notice(block.masked[read_up_to:position])
            read_up_to = max(read_up_to, position)
            if attribution.sentence == MET_IN_PASSING:
                # behind the speaker of their own sentence, when one was read before them
                sentence = next((a for a, b in block.bounds if a <= position < b), -1)
                spoke = any(
                    other.verb and other.speaker_id and other.mention.kind != "none"
                    and other.mention.start < position and block.bounds[other.sentence][0] == sentence
                    for other in attributions if other.sentence >= 0
                )  # fmt: skip
                met = attribution.mention
                registry.meet_in_passing(met, block.masked[:position], behind=spoke, introduced=met.introduced)
                read_up_to = position + len(attribution.mention.text)  # `notice` must not meet them again
                continue
            since = statement_from if statement_block == number else 0
            if attribution.mention.text.lower() in STATEMENT_WORDS and ANOTHER_STATEMENT.search(
                block.masked, since, attribution.mention.start
            ):
                # "On Friday the regulator issued a statement of its own. The statement said …": not the one before
                statement_parties, registry.statement_author = [], ""
            if not attribution.verb:
                attribution.speaker_id = registry.resolve(attribution.mention).speaker_id
                _pronoun_identified(parsed, block, attribution, registry)
            elif attribution.mention.kind == "none":
                attribution.speaker_id = registry.unattributed().speaker_id
            elif (
                parties := (
                    parties_of_mention.get(id(attribution.mention))
                    or (last_parties if attribution.mention.text.lower() == "they" else None)
                    # "In a joint statement, the province and Ashcombe Hydro said … The statement said …": both again
                    or (statement_parties if attribution.mention.text.lower() in STATEMENT_WORDS else None)
                    or _joint_parties(block, attribution, registry, parsed[:number])
                )
            ):
                attribution.speaker_id, attribution.parties = parties[0], parties
                parties_of_mention[id(attribution.mention)] = parties
            elif described := _second_reference(block, attribution, registry):
                attribution.speaker_id = described
            elif (named := _name_before(parsed[max(0, number - 1) : number + 1], attribution, registry)) is not None:
                attribution.speaker_id = registry.resolve(named).speaker_id
            else:
                registry.excluded = _told_of_whom(block, attribution, registry)
                try:
                    attribution.speaker_id = registry.resolve(attribution.mention).speaker_id
                finally:
                    registry.excluded = set()
            if attribution.verb:
                last_parties = attribution.parties if len(attribution.parties) > 1 else []
                for party in attribution.parties or [attribution.speaker_id]:
                    registry.statements[party] = registry.statements.get(party, 0) + 1
            _gender_from_own_words(block, attribution, registry)
            _age_after_name(block, attribution, registry)
            if attribution.verb and attribution.sentence >= 0 and attribution.speaker_id:
                sentence = block.masked[slice(*block.bounds[attribution.sentence])]
                if re.search(r"\b[Ii]n\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?statement\b", sentence):
                    registry.statement_author = attribution.speaker_id
                    statement_parties = attribution.parties if len(attribution.parties) > 1 else []
                    statement_block, statement_from = number, attribution.verb_end
        registry.notice(block.masked[read_up_to:])
    _roles_to_names(parsed, registry)


GENDERED = re.compile(r"(?<![\w’'-])(" + "|".join(PRONOUN_GENDER) + r")(?![\w’'-])", re.IGNORECASE)


_IDENTIFIED_BEFORE = re.compile(r"\b(She|He)\s+(?:is|was)\s+(?:[A-Z][\w.]*\s+){0,3}$")


def _pronoun_identified(parsed: list[_Block], block: _Block, subject: Attribution, registry: SpeakerRegistry) -> None:
    """Rule "she is NAME" (mentions.identified_person): "The shelling stopped at four, she says. She is Colonel
    Ilse Varga, …" — what the unresolved "she" said before is Ilse Varga's, and she is a "she"."""
    found = _IDENTIFIED_BEFORE.search(block.masked, max(0, subject.mention.start - 40), subject.mention.start)
    person = registry.speakers.get(subject.speaker_id)
    if found is None or person is None or not person.person:
        return
    pronoun = found.group(1).lower()
    person.pronoun = person.pronoun or pronoun
    at = next(i for i, b in enumerate(parsed) if b is block)
    nearby = parsed[max(0, at - 1) : at + 1]  # this paragraph and the one before, no further
    for speaker in list(registry.speakers.values()):
        if speaker.name.lower() != f"unresolved ‘{pronoun}’":
            continue
        for other in nearby:
            for attribution in other.attributions:
                if attribution.speaker_id == speaker.speaker_id:
                    attribution.speaker_id = person.speaker_id
        if not any(a.speaker_id == speaker.speaker_id for b in parsed for a in b.attributions):
            del registry.speakers[speaker.speaker_id]
            registry.recent = [i for i in registry.recent if i != speaker.speaker_id]


def _gender_from_own_words(block: _Block, attribution: Attribution, registry: SpeakerRegistry) -> None:
    """Rule "his or her own words": "Teresa Valdivia said her unit had lost six nurses" — a person named in full or
    by surname whose reported clause (the reporter's words, quotations blanked) uses one gender of pronoun and names
    no other person is that gender, so a later "she" or "he" can tell two people apart."""
    if attribution.mention.kind not in ("person", "name") or not attribution.clause or not attribution.speaker_id:
        return
    speaker = registry.speakers.get(attribution.speaker_id)
    if speaker is None or not speaker.person or speaker.pronoun is not None:
        return
    clause = block.masked[slice(*attribution.clause)]
    genders = {PRONOUN_GENDER[word.lower()] for word in GENDERED.findall(clause)}
    if len(genders) == 1 and not _FULL_NAME.search(clause):
        speaker.pronoun = genders.pop()


_AGE_AFTER_NAME = re.compile(r"\s*,\s*(\d{1,3}),")


def _age_after_name(block: _Block, attribution: Attribution, registry: SpeakerRegistry) -> None:
    """Rule "age beside the name": "Valdivia, 44, said …" — the age the papers give between commas after a name,
    so that "the 58-year-old" two paragraphs on is not her."""
    mention, speaker = attribution.mention, registry.speakers.get(attribution.speaker_id)
    if mention.kind not in ("person", "name") or speaker is None or not speaker.person:
        return
    if found := _AGE_AFTER_NAME.match(block.masked, mention.start + len(mention.text)):
        speaker.age = found.group(1)


# Letters beyond ASCII too: "Ingrid Solvåg", "Petra Ondráková"
_FULL_NAME = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[ -][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’'-]+){1,2}(?![\w’'-])")


def _name_before(blocks: list[_Block], attribution: Attribution, registry: SpeakerRegistry) -> Mention | None:
    """Rule "a person named in passing": "On Ines Harrow’s kitchen table sits a lamp tag. … “I dust around it,”
    she says." — a "he" or "she" that no speaker met so far can mean is the last full name of a person written
    before it, in this paragraph or the one before, unless the given name says otherwise ("Tom" for "she"). A
    passive's agent ("brokered by Ingrid Solvåg. She told reporters …") counts only when the given name agrees:
    "The teenager was stabbed by Tom Reed. “…,” she said." is not his. None when the rule does not apply."""
    mention = attribution.mention
    wanted = PRONOUN_GENDER.get(mention.text.lower())
    by_age = mention.kind == "role" and AGE_ROLE.fullmatch(mention.text.lower())
    if not (by_age or (mention.kind == "pronoun" and mention.text.lower() in ("he", "she"))):
        return None
    if registry.known(mention) is not None:
        return None
    *earlier, block = blocks
    texts = [(b, b.masked) for b in earlier] + [(block, block.masked[: mention.start])]
    for source, text in reversed(texts):
        for found in reversed(list(_FULL_NAME.finditer(text))):
            words, start, end = found.group().split(), found.start(), found.end()
            possessive = words[-1].endswith(("’s", "'s"))
            if possessive:  # "Ines Harrow’s kitchen table": the owner is the person
                words[-1], end = words[-1][:-2], end - 2
            elif PREPOSITION_BEFORE.search(text[max(0, start - 8) : start]):
                continue  # "Smoke rose over Great Yarmouth", "addressed to Anna Holt": a place, or not the subject
            agent = not possessive and re.search(r"\bby\s+$", text[max(0, start - 4) : start]) is not None
            if agent and _PERSON_SUFFERS.search(text[max(0, start - 80) : start]):
                continue  # "The boy was stabbed by Tom Reed. “…,” he said.": the agent did something to a person
            while words and words[0].lower() in FUNCTION_WORDS | {"the"}:  # "On Ines Harrow’s table"
                start += len(words.pop(0)) + 1
            if len(words) < 2 or words[-1] in _PLACE_NOUNS:
                continue  # "Quarry Lane": a street, not a person
            name = read_mention(source.masked, start, end, anchor="start")
            if name is None or name.kind != "person" or name.text != " ".join(words):
                continue
            likely = pronoun_of_given_name(name.text)
            if (agent and likely != wanted) or (likely and wanted and likely != wanted):
                continue
            return name
    return None


_PERSON_SUFFERS = re.compile(
    r"\b(?:boy|girl|man|woman|teenager|child|pupil|student|patient|victim|driver|officer|worker|resident|nurse"
    r"|men|women|children|he|she|they)\s+(?:was|were|had\s+been|has\s+been)\s+(?:[a-z]+\s+)?[a-z]+(?:ed|en)\s+by\s+$",
    re.IGNORECASE,
)
PREPOSITION_BEFORE = re.compile(r"\b(?:to|over|in|at|on|from|near|into|across|with|for)\s+$")
_PLACE_NOUNS = {
    "Lane", "Street", "Road", "Avenue", "Square", "Park", "Hill", "Bridge", "Station", "Hall", "House", "Way",
    "Drive", "Place", "Court", "Gardens", "Green", "Row", "Quay", "Valley", "River", "Lake", "Island", "Islands",
    "Boulevard", "Memorial", "Centre", "Center", "Stadium", "Airport", "Port", "Harbour", "Market", "Mall",
    "Sea", "Ocean", "Strait", "Gulf", "Coast", "Mountains", "Desert", "Channel", "Peninsula", "Canal", "Basin",
    "Shoal", "Reef", "Delta", "Plains",
}  # fmt: skip


def _roles_to_names(parsed: list[_Block], registry: SpeakerRegistry) -> None:
    """Rule "role named later": "The garrison commander said …" in the lede, then "said Col. Anna Petrova, the
    garrison commander": the role's statements are hers, when exactly one person met holds that role."""
    people = [s for s in registry.speakers.values() if s.person and s.role]
    for speaker in list(registry.speakers.values()):
        if speaker.person or speaker.speaker_id not in registry.speakers:
            continue
        if re.match(r"(?:a|an|one|another|some)\s", speaker.name.lower()):
            continue  # "a spokeswoman" is somebody new, not a reference to a role named elsewhere
        role = re.sub(r"^the\s+", "", speaker.name.lower())
        if not any(word in ROLE_NOUNS for word in role.split()):
            continue
        # The same role, whole: "the garrison commander" is not "the deputy director" nor "a manager at a rival
        # plant" ("the director", "the manager")
        holders = [p for p in people if re.sub(r"^the\s+", "", p.role.lower().strip(" ,.")) == role]
        if len(holders) != 1:
            continue
        person = holders[0]
        for block in parsed:
            for attribution in block.attributions:
                if attribution.speaker_id == speaker.speaker_id:
                    attribution.speaker_id = person.speaker_id
                attribution.parties = [person.speaker_id if p == speaker.speaker_id else p for p in attribution.parties]
        person.names_as_written += [n for n in speaker.names_as_written if n not in person.names_as_written]
        del registry.speakers[speaker.speaker_id]


def _second_reference(block: _Block, attribution: Attribution, registry: SpeakerRegistry) -> str:
    """Rule "second reference by description": "Anselm Koury has read that reply. The former Deputy Chief
    Inspector of Mines, who retired in March, recalls …" — a definite description of a person (the + a title)
    right after a sentence whose subject is a person named in full is that person, when no speaker met so far
    holds that role. "" when the rule does not apply."""
    words = attribution.mention.text.split()
    if len(words) < 2 or words[0].lower() != "the" or words[-1].strip(",") in ORG_WORDS or attribution.sentence < 1:
        return ""
    if any(word.strip(",").lower() in ORGANISATION_NOUNS or word.strip(",") in ORG_WORDS for word in words[1:]):
        return ""  # "The Ministry of Trade and Industry said …" after "Tom Reid … met.": a body, not him
    # A formal title, in capitals, as a feature's second reference ("The former Deputy Chief Inspector"); "The
    # judge said …" after "Anna Holt was arrested." is somebody else.
    if not any(word in TITLE_WORDS and word[:1].isupper() for word in words[1:]):
        return ""
    if registry.known(attribution.mention) is not None:
        return ""
    subject = sentence_subject(block.masked, block.bounds[attribution.sentence - 1])
    if subject is None or subject.kind != "person":
        return ""
    speaker = registry.resolve(subject)
    speaker.role = speaker.role or attribution.mention.text
    return speaker.speaker_id


# "Told of the minister’s remarks, she …", "Asked about Ms. Ortiz’s complaint, Ms. Kovářová said …"
TOLD_OF = re.compile(
    r"\s*(?:Told\s+of|Asked\s+about|Asked\s+of|Shown|Reacting\s+to|Responding\s+to|Informed\s+of)\s+"
    r"(?:the\s+)?(?P<whose>(?:[\w-]+\s+){0,2}?[\w-]+)[’']s\s+(?:latest\s+|earlier\s+)?"
    # the other one's words ("remarks", "accusation"), not "Dunn's critics" or "Dunn's future"
    r"(?:remarks?|comments?|words|accusations?|claims?|criticism|complaints?|statement|allegations?|charges?|account"
    r"|version|testimony|threats?|warnings?|denials?|response|reply|speech|post|tweet)\b"
)


def _told_of_whom(block: _Block, attribution: Attribution, registry: SpeakerRegistry) -> set[str]:
    """Rule "told of another's words": "Told of the minister’s remarks, she called them “insulting”" — the pronoun is
    the one told, never the minister whose remarks they were (the speaker the possessor names is set aside)."""
    if attribution.mention.kind != "pronoun" or attribution.sentence < 0:
        return set()
    told = TOLD_OF.match(block.masked, block.bounds[attribution.sentence][0])
    if told is None or told.end() > attribution.mention.start:
        return set()
    whose = told["whose"]
    kind = "role" if whose.split()[-1].lower() in ROLE_NOUNS and whose[:1].islower() else "name"
    if kind == "name" and not whose[:1].isupper():
        return set()
    known = registry.known(Mention(f"the {whose}" if kind == "role" else whose.split()[-1], 0, kind))
    return {known.speaker_id} if known is not None else set()


def _joint_parties(
    block: _Block, attribution: Attribution, registry: SpeakerRegistry, earlier: list[_Block] = ()
) -> list[str]:
    """Rule "joint subject" (data/README.md: one row per speaker): whom "both officials" or "the two ministers"
    means — the pair just named in this sentence or the one before ([] when the text did not name them there:
    the two speakers met last were as often wrong as right in the development corpus)."""
    mention = attribution.mention
    if attribution.sentence >= 0 and (both := both_parties(block.masked, block.bounds[attribution.sentence][0],
                                                           attribution.verb_start)):  # fmt: skip
        return [registry.resolve(party).speaker_id for party in both]
    if attribution.sentence >= 0 and (pair := definite_pair(block.masked, block.bounds[attribution.sentence][0],
                                                            attribution.verb_start)):  # fmt: skip
        return [registry.resolve(party).speaker_id for party in pair]
    if bodies := joint_bodies(mention):
        return [registry.resolve(body).speaker_id for body in bodies]
    if attribution.sentence >= 0 and (listed := named_list(block.masked, block.bounds[attribution.sentence][0],
                                                           attribution.verb_start)):  # fmt: skip
        if listed[0].start <= mention.start <= listed[-1].start:
            return [registry.resolve(party).speaker_id for party in listed]
    if mention.kind in ("person", "name", "group") and attribution.sentence >= 0:
        # Rule "named pair as subject": "Ashby and Mayor Celia Dunmore met … and urged them to …"
        pair = named_pair(block.masked, block.bounds[attribution.sentence][0], attribution.verb_end)
        pair = pair if pair and mention.start in (pair[0].start, pair[1].start) else []
        # A one-word half must be someone already met ("Ashby"): "Marks and Spencer", "Smith and Jones" may be
        # one company, and "Mr and Mrs Smith" is no pair of names
        pair = pair if all(_named_or_known(party, registry) for party in pair) else []
        if pair and not _between_pair_and_verb(block, pair, attribution):
            return [registry.resolve(party).speaker_id for party in pair]
    joint = JOINT_SUBJECT.fullmatch(mention.text) if mention.kind == "group" else None
    if joint is None:
        return []
    since = block.bounds[max(attribution.sentence - 1, 0)][0]
    if pair := named_pair(block.masked, since, mention.start):
        if all(party.kind == "name" and len(party.text.split()) == 1 for party in pair):
            return _side_speakers(pair, joint.group(1), registry)  # two places
        return [registry.resolve(party).speaker_id for party in pair]
    if joint.group(1) in SIDE_NOUNS | BODY_NOUNS and (pair := _the_two_sides(earlier, block, mention, registry)):
        return _side_speakers(pair, joint.group(1), registry)
    if joint.group(1) in SIDE_NOUNS | BODY_NOUNS and (heard := _the_two_heard_most(registry)):
        return heard
    if joint.group(1) in ("women", "men"):
        # Rule "both women": the two people met last who may be women (or men), when the text has met two
        return [speaker.speaker_id for speaker in registry.last_people("she" if joint.group(1) == "women" else "he")]
    return []


# "Both sides said …", "Both capitals say …": the two parties of the story, named together before
SIDE_NOUNS = {"sides", "capitals", "governments", "countries", "states", "nations", "camps", "parties"}
# two names on their own (not inside a longer name: "the High Commissioner for Displaced and Returning Persons",
# nor a hyphenated one: "the Courier-Ledger")
_PLACE_PAIR = re.compile(
    r"(?<![A-Z][\w’'-]\s)(?<![\w’'-])([A-Z][a-z]{2,})(?:\s+and\s+|\s*[–—]\s*)([A-Z][a-z]{2,})(?![\w’'-])(?!\s+[A-Z])"
)
_NOT_PLACES = {"the", "but", "and", "both", "this", "that", "its", "his", "her", "their", "after", "before"}


def _the_two_sides(earlier: list[_Block], block: _Block, mention: Mention, registry: SpeakerRegistry) -> list[Mention]:
    """Rule "the two sides": "Velmora and Ostrabia have narrowed their differences … Both capitals say …" — when
    the sentence before names no pair, the two one-word names (countries, capitals) the text has named together
    most often so far ("Kestria–Lorvany talks", "between Kestria and Lorvany"), the latest on a tie; [] when
    it has named none, or when a name is a person's."""
    people = {word for s in registry.speakers.values() if s.person for word in s.name.split()}
    counts: dict[tuple[str, str], list[int]] = {}
    texts = [b.masked for b in earlier] + [block.masked[: mention.start]]
    for order, text in enumerate(texts):
        for found in _PLACE_PAIR.finditer(text):
            pair = {found.group(1), found.group(2)}
            lowered = {word.lower() for word in pair}
            if len(pair) < 2 or lowered & (_NOT_PLACES | TIME_WORDS) or pair & (people | TITLE_WORDS):
                continue
            key = tuple(sorted(pair))
            seen = counts.setdefault(key, [0, 0])
            seen[0], seen[1] = seen[0] + 1, order
    if not counts:
        return []
    (first, second), _ = max(counts.items(), key=lambda item: (item[1][0], item[1][1]))
    return [Mention(first, mention.start, "name"), Mention(second, mention.start, "name")]


BODY_NOUNS = {"delegations", "companies", "unions", "ministries", "organisations", "organizations", "groups"}
# "Both governments said …" of Meridia and Carvessa: the Meridia government and the Carvessa government
_ONE_OF = {"governments": "government", "delegations": "delegation", "ministries": "ministry", "states": "state"}


DEMONYM_ENDINGS = ("", "i", "n", "an", "ian", "ese", "ish", "’s", "'s")


def _of_the_place(word: str, place: str) -> bool:
    """ "Marwandi" and "Marwand’s" are of Marwand, "Nigerian" of Nigeria (the place, or all but its last letter, and
    a demonym's ending)."""
    return any(word.startswith(stem) and word[len(stem) :] in DEMONYM_ENDINGS for stem in (place, place[:-1]))


def _first_word(name: str) -> str:
    words = [word for word in name.split() if word.lower() != "the"]
    return words[0] if words else ""


def _side_speakers(pair: list[Mention], noun: str, registry: SpeakerRegistry) -> list[str]:
    """Each place's speaker (_side_speaker); when both would be one body ("Niger" and "Nigeria", both of "The
    Nigerian government"), the longer name keeps it and the other is named by the joint noun."""
    first, second = (_side_speaker(place, noun, registry) for place in pair)
    if first is second:
        shorter = 0 if len(pair[0].text) < len(pair[1].text) else 1
        other = _side_speaker(pair[shorter], noun, registry, heard_too=False)
        first, second = (other, second) if shorter == 0 else (first, other)
    return [first.speaker_id, second.speaker_id]


def _side_speaker(place: Mention, noun: str, registry: SpeakerRegistry, heard_too: bool = True) -> Speaker:
    """One side of "both delegations" (a place the text named with the other): the body of that place already
    heard ("The Marwandi delegation said …" for Marwand), or else the place's body by the joint noun ("Tessuk
    delegation"), or the place itself ("both sides", "both capitals")."""
    singular = _ONE_OF.get(noun)
    if singular is None:
        return registry.resolve(place)  # "both sides", "both capitals": the places themselves
    heard = heard_too and [
        s for s in registry.speakers.values()
        if not s.person and not s.by_role and s.speaker_id != UNATTRIBUTED
        and _of_the_place(_first_word(s.name), place.text) and singular in s.name.lower()
    ]  # fmt: skip
    if heard:
        return max(heard, key=lambda s: registry.statements.get(s.speaker_id, 0))
    named = f"{place.text} {singular}" if singular else place.text
    return registry.resolve(Mention(named, place.start, "group" if singular else "name"))


def _the_two_heard_most(registry: SpeakerRegistry) -> list[str]:
    """Rule "the two sides heard most": "Both sides said no new talks had been scheduled", when the text has not
    named the pair lately, is said by the two organisations quoted most so far, each at least twice, when a third
    is quoted less often than both; [] otherwise (people are not sides)."""
    bodies = [(count, sid) for sid, count in registry.statements.items()
              if sid in registry.speakers and not registry.speakers[sid].person]  # fmt: skip
    bodies.sort(reverse=True)
    if len(bodies) < 2 or bodies[1][0] < 2 or (len(bodies) > 2 and bodies[2][0] >= bodies[1][0]):
        return []
    return [bodies[0][1], bodies[1][1]]


def _named_or_known(party: Mention, registry: SpeakerRegistry) -> bool:
    return len(party.text.split()) >= 2 or registry.known(party) is not None


def _between_pair_and_verb(block: _Block, pair: list[Mention], attribution: Attribution) -> bool:
    """True when a comma or a reporting verb stands between the pair and the verb: then the pair is not its
    subject ("Ashby and Dunmore met the owners, who said …")."""
    between = block.masked[pair[1].start + len(pair[1].text) : attribution.verb_start]
    return "," in between or bool(reporting_verbs(between))


def _one_row_per_party(rows: list[_Row]) -> list[_Row]:
    """A joint subject's statement is one row per party, the same words each time (the loader's overlap rule)."""
    split = []
    for row in rows:
        split.append(row)
        for party in row.attribution.parties[1:]:
            split.append(dataclasses.replace(row, speaker_id=party, rule=f"{row.rule}, one row per party"))
    return split


def _assign_channels(parsed: list[_Block], rows: list[_Row], outlet: str | None) -> None:
    """Rule "channel": read from the attribution's own sentence, else from an earlier sentence of its paragraph
    (the scene it sets: "Asked by reporters …, X paused. “…,” she said."); a quote attributed by a back-reference
    ("he said", "the envoy said") that names no channel continues the channel of the same speaker's quote in the
    same or the paragraph just before (an interview running on); a speaker named again starts a new statement."""
    by_number = {block.number: block for block in parsed}
    last_channel: dict[str, tuple[int, tuple[str, str, int] | None]] = {}
    for row in rows:
        attribution = row.attribution
        home = by_number[row.attributed_in_block]
        channel = None
        if attribution.speaker_id != UNATTRIBUTED:
            own = sentence_of(home.bounds, attribution.verb_start)
            for index in range(own, -1, -1):
                found = find_channel(home.masked, home.bounds[index], outlet)
                if found:
                    channel = (found[0], home.text[found[2] : found[2] + len(found[1])], home.number)
                    break
        continuing = attribution.mention.kind in ("pronoun", "role")
        if channel is None and attribution.speaker_id in last_channel and row.own_attribution and continuing:
            seen_in, seen = last_channel[attribution.speaker_id]
            if seen is not None and row.block - seen_in <= 1:
                channel = seen
        row.channel = channel
        last_channel[attribution.speaker_id] = (row.block, channel)


def _quote_table(rows: list[_Row], parsed: list[_Block], registry: SpeakerRegistry) -> pd.DataFrame:
    texts = {block.number: block.text for block in parsed}
    for number, row in enumerate(rows, start=1):
        row.quote_id = f"p{number:02d}"
    records = []
    for row in rows:
        attribution = row.attribution
        channel = row.channel or ("not_stated", "", None)
        as_written = attribution.mention.text if row.own_attribution and attribution.mention.kind != "none" else ""
        records.append(
            {
                "quote_id": row.quote_id,
                "block": row.block,
                "speaker_id": row.speaker or UNATTRIBUTED,
                "speaker_as_written": as_written,
                "kind": row.kind,
                "verb": attribution.verb,
                "attributed_in_block": row.attributed_in_block,
                "continues_quote": row.continues.quote_id if row.continues else "",
                "channel": channel[0],
                "channel_words": channel[1],
                "channel_block": channel[2],
                "start": row.start,
                "end": row.end,
                "text": texts[row.block][row.start : row.end],
                "note": f"{NOTE_PREFIX}: {row.rule}.",
            }
        )
    table = pd.DataFrame({column: [record[column] for record in records] for column in QUOTE_COLUMNS})
    table["channel_block"] = table["channel_block"].astype("Int64")
    return table


LEDE_BLOCKS = 2  # the headline and the lede: where a wire story names a speaker by role alone
NAMED_WITHIN = 3  # paragraphs after the lede in which the person is named


def _lede_roles_named_below(parsed: list[_Block], rows: list[_Row], registry: SpeakerRegistry) -> None:
    """Rule "a role in the lede, named below": a story opens with "The chief mediator at the talks said …" (or a
    headline's "…, says chief mediator") and names the person in a paragraph below ("The negotiator, Idris Haldane,
    …", "Chief Delphine Kastawan of … said"). A speaker known by a role alone in the headline or lede is the first
    person named in full within the next paragraphs whose naming sentence holds the role's own noun, or who opens
    the paragraph right after the lede in a sentence that gives them a role; their rows go to that person."""
    lede = [block.number for block in parsed[:LEDE_BLOCKS]]
    first_block = {}
    for row in rows:
        first_block.setdefault(row.speaker, row.block)
    roles = [
        sid for sid, block in first_block.items()
        if block in lede and not registry.speakers[sid].person and _role_words(registry.speakers[sid].name)
    ]  # fmt: skip
    if not roles:
        return
    named_below = []  # (block index, position, person, block, sentence): who is first named in full below the lede
    for sid in first_block:
        person = registry.speakers[sid]
        if not person.person or len(person.name.split()) < 2:
            continue
        where = next(
            ((index, block.text.find(person.name), person, block, block.text[a:b])
             for index, block in enumerate(parsed) for a, b in block.bounds if person.name in block.text[a:b]),
            None,
        )  # fmt: skip
        if where is not None and LEDE_BLOCKS <= where[0] < LEDE_BLOCKS + NAMED_WITHIN:
            named_below.append(where)
    if not named_below:
        return
    index, _, person, block, sentence = min(named_below, key=lambda where: (where[0], where[1]))
    for role_id in roles:
        shares_the_noun = bool(_role_words(registry.speakers[role_id].name) & _role_words(sentence))
        opens_next = index == LEDE_BLOCKS and block.text.lstrip().startswith(person.name)
        if shares_the_noun or (opens_next and _role_words(sentence.replace(person.name, ""))):
            for row in rows:
                if row.attribution.speaker_id == role_id:
                    row.attribution.speaker_id = person.speaker_id
                if row.speaker_id == role_id:
                    row.speaker_id = person.speaker_id


def _role_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]+", text.lower()) if word in ROLE_NOUNS}


def _speaker_table(rows: list[_Row], registry: SpeakerRegistry, article_text: str) -> pd.DataFrame:
    """One row per speaker with a statement. Names and roles the finder composed ("the Vale council" of "The Vale
    and Marren councils", a role joined to a title) are left out of names_as_written and role: the data format
    holds only the article's own characters there (data/README.md), and the loader refuses anything else."""

    def as_written(pieces: list[str]) -> str:
        return join_list([piece for piece in pieces if piece and piece in article_text])

    used = list(dict.fromkeys(row.speaker for row in rows))
    interviewed = {row.speaker for row in rows if row.channel and row.channel[0] == "outlet_interview"}
    records = []
    for speaker_id in used:
        speaker = registry.speakers[speaker_id]
        records.append(
            {
                "speaker_id": speaker_id,
                "name": speaker.name,
                "names_as_written": as_written(speaker.names_as_written),
                "role": as_written([speaker.role]),
                "organisation": "",
                "organisation_type": guess_organisation_type(speaker),
                "country": "",
                "side": "unclear",
                "voice_type": guess_voice_type(speaker),
                "interviewed_by_outlet": speaker_id in interviewed,
                "side_basis": "Not judged yet: the finder does not guess sides.",
                "note": f"{NOTE_PREFIX}.",
            }
        )
    return pd.DataFrame({column: [record[column] for record in records] for column in SPEAKER_COLUMNS})
