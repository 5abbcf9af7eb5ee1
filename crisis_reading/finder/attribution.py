"""The reporter's words around a quotation: which verb attributes it, who speaks, and what they are said to have said.

Rules here: indirect speech, bare clause, clause before the attribution, according to, passive judgement, noun
attribution, shared subject, inverted attribution (mentions.py reads the speaker, channels.py the channel).
Each rule names the convention of news writing it reads; tests/finder/test_quotes.py has a small text for each.
Everything here works on a block whose quotations are blanked out (quote_marks.mask_quotations), so words
inside a quotation are never read as the reporter's attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crisis_reading.dataset.reporting_words import forms_with
from crisis_reading.finder.lexicon import (
    ABBREVIATIONS,
    ACCORDING_TO,
    AUXILIARIES,
    BARE_CLAUSE_VERBS,
    CLAUSE_VERBS,
    FROM_SPEAKER_NOUNS,
    GERUND_VERBS,
    INFINITIVE_VERBS,
    INTRODUCING_VERBS,
    NAMING_VERBS,
    NEEDS_TO,
    OBJECT_VERBS,
    PHRASE_VERBS,
    POSSESSIVE_NOUNS,
    ROLE_NOUNS,
    SINGLE_VERBS,
    TELL_VERBS,
    THAT_ONLY,
    TITLE_WORDS,
    VERB_WORDS,
    WHETHER_VERBS,
    followed_by,
    reporting_verbs,
)
from crisis_reading.finder.mentions import DATELINE_START, after_adverbials, find_subject, read_mention
from crisis_reading.finder.quote_marks import MASK, QUOTED, with_quoted
from crisis_reading.finder.speakers import Mention


@dataclass
class Attribution:
    """One reporting verb with its speaker, in one sentence of a block."""

    verb: str
    verb_start: int
    verb_end: int
    sentence: int
    mention: Mention
    clause: tuple[int, int] | None = None  # reported clause, for indirect speech
    passive: bool = False
    nominal: bool = False  # "allegations from X that …": a noun, not a verb, attributes the clause
    speaker_id: str = ""
    parties: list[str] = field(default_factory=list)  # "both sides said": the speaker ids of each side
    more: list[tuple[int, int]] = field(default_factory=list)  # reported clauses after the attribution too


# --- what was said ---------------------------------------------------------------------------------------------

TIME_OR_PLACE = re.compile(
    with_quoted(
        # "to" + a listener: "confirmed to Verum Check that …", "admitted to police that …"
        r"^\s*(?:(?:on|in|at|during|after|before|last|this|earlier|later|late|early|again|also|then|publicly|privately"
        r"|to)\b[^,.;:{quoted}]{0,60}?\s+)?(?:[a-z]+ly\s+)?that\s+"  # "said separately that …"
    )
)
LISTENER = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their)\s+)?"
    # a broadcaster's name may end in a number: "told Channel 7", "told News 12"
    r"(?:[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*(?:(?:(?<=Channel)|(?<=News)|(?<=TV)|(?<=Radio))\s+\d{1,3})?|journalists|reporters|press"
    r"|lawmakers|parliament"
    # the hearers of a court report or a meeting: "told the court", "told jurors", "told the committee"
    r"|court|jury|tribunal|inquiry|inquest|committee|hearing|panel|meeting|conference|audience|crowd|staff|MPs"
    # "told aides the war was lost", "told his generals …", "told colleagues …", "told parliament …"
    r"|aides|generals|colleagues|allies|officials|diplomats|troops|soldiers|police|delegates|senators|ministers"
    r"|residents|families|relatives|villagers|students|parents|doctors|nurses|survivors|guests|donors|investors"
    r"|him|her|them|me|us|[a-z]+(?:ers|ors|ees|ents|ants|ists|ians))(?![\w’'-])"
)
# The listener of "…, the president told employees Tuesday." when nothing but a time follows it: one to three
# words with no comma ("staff", "employees", "a local radio station"); the time check after it keeps it short.
_LISTENER_WORD = r"\s+(?:(?:the|a|an|his|her|their|its)\s+)?[^\s,;:.{quoted}]+"
LISTENER_AT_END = [re.compile(with_quoted(_LISTENER_WORD + r"(?:\s+[a-z][\w’'-]*)" * extra)) for extra in range(3)]
_PARTICIPLES = {v for v in VERB_WORDS if v.endswith("ing")}
# "told a news conference in Norvik that …": any short listener without a comma, when "that" follows it
SAID_WHEN = re.compile(
    # "said on Tuesday", and the wires' "said Tuesday", "said late Tuesday"
    r"^\s*(?:(?:(?:on|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|yesterday|today|last\s+(?:week|month|night|year)|this\s+(?:week|month|morning)"
    r"|in\s+(?:a|an|his|her|their|its)\s+(?:joint\s+|written\s+|brief\s+)?(?:statement|interview|speech|post|letter|briefing)"
    r"(?:\s+(?:on|later|earlier|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?)(?=\s+[a-z]|\s*[.!?]?\s*$)"
)
# (a quoted title may stand in it: "told Radio Brindle’s “Morning Watch” that …")
PLACE_AFTER_LISTENER = re.compile(
    r"(?:\s+(?:at|in|of|from|outside)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:of\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*){1,2}"
)
LISTENER_BEFORE_THAT = re.compile(r"(?:\s+[^\s,;:.]+){1,7}?(?=\s+that\s)")
# Where a reported clause may end: a comma (also one kept inside a closing quotation mark: “reckless,” saying),
# or "and"/"but"/"then" before a new verb.
CLAUSE_STOP = re.compile(
    r"(?:,\s+|[”\"]\s+(?=[a-z]+ing\b)|\s+(?=(?:and|but|then)\s))"
    # "…, and he repeated that …": a new subject (a pronoun or a name) may stand between the conjunction and the verb
    # "…, but was told by …": a passive of a reporting verb ends the clause too
    r"(?:(and|but|then)\s+(?:(?:he|she|they|it|we|[A-Z][\w’'-]+)\s+)?(?:has\s+|have\s+|had\s+|was\s+|were\s+)?"
    r"(?:also\s+|later\s+)?)?"
    r"(?:(?:while|whilst)\s+(?=[a-z]+ing\b))?"  # "…, while calling on demonstrators to …": a participle of its own
    r"([a-z]+)\b"
)
# "…, and a spokeswoman claimed that …": a new subject of one to three words after the determiner
_NOUN_WORD = r"\s+(?!(?:should|would|could|will|can|may|might|must|is|are|was|were|do|does|did)\b)[\w’'-]+"
NEW_SUBJECT_STOPS = [
    re.compile(
        # a comma first: "the union and the company had agreed" is one clause with a joint subject
        r",\s+(and|but)\s+(?:a|an|the|his|her|its|their)" + _NOUN_WORD * size + r"\s+(?:has\s+|had\s+)?([a-z]+)\b"
    )
    for size in (1, 2, 3)
] + [
    # "Ekdal has long denied the charge, and on Tuesday she insisted …": a pronoun subject after "and" or "but"
    re.compile(
        r",\s+(and|but)\s+(?:(?:on|late|early|later|earlier)\s+[A-Z][a-z]+day\s+)?(?:he|she|they|it)\s+"
        r"(?:also\s+|later\s+|then\s+)?([a-z]+)\b"
    ),
]
# "Asked about Ms. Ortiz’s complaint that no one had called, Ms. Kovářová said …": a named subject and its reporting
# verb after a comma start an attribution of their own — after a clause with a verb ("said that on Monday, Hamas
# rejected …" keeps its time phrase)
NAMED_SUBJECT_STOP = re.compile(r",\s+((?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+([a-z]+)\b")
# "– who on Tuesday threatened": the relative pronoun is the verb's subject (not "– who police say lacks …")
WHO_THEN_VERB = re.compile(
    r"\s[–—]\s+(?:who|which)(?:\s+(?:on|in|at|last|this|earlier|later|also|then|had|has|have|once|twice|[A-Z][a-z]+day"
    r"|[a-z]+ly|\d[\w.:]*))*\s+"
)
SHORT_SUBJECT_AFTER_COMMA = re.compile(r",\s+(?:(?:a|an|the|its|their|new)\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+$")
GLOSS_BEFORE = re.compile(r"(?<![\w’'-])as\s+[^,;:]{1,40}$")
WITH_ANOTHER = re.compile(with_quoted(r",\s+with\s+[^,;:{quoted}]{2,90}?\s+([a-z]+ing)\b"))
SINGLE_QUOTED_OPENING = re.compile(r"‘(?P<said>[^‘’\n]{3,200}?)[,.!?]?’\s+")
HEADLINE_TAIL = re.compile(r"\s+(?:as|after|amid|over|in|at|on|despite|while)\s|[,;:.]|$")


def _headline_speaker(masked: str, verb_end: int, sentence_end: int) -> Mention | None:
    """The speaker right after the verb of "‘…,’ says minister as …", up to a comma or the headline's "as …"."""
    tail = HEADLINE_TAIL.search(masked, verb_end, sentence_end)
    end = tail.start() if tail else sentence_end
    mention = read_mention(masked, verb_end, end, anchor="start")
    if mention is None or mention.kind not in ("person", "name", "group", "role"):
        return None
    return mention if not masked[mention.start + len(mention.text) : end].strip() else None


RELATIVE_SPEAKER = re.compile(r"(?<![\w’'-])(?P<relative>that|which|who)\s+(?P<who>[^,;:]{2,50}?)\s+$")
# "The man that police said was driving has been arrested": the main clause's verb follows; not the rule's case
AUXILIARY_LATER = re.compile(r"\s(?:has|have|had|was|were|is|are|will|would)\s")
AUXILIARY_FIRST = re.compile(r"(?:had|has|have|was|were|is|are|would|will|could|might|may)\s")
WHETHER = re.compile(r"\s*(?=(?:whether|if)\s+\S+\s+\S)")
AND_THEN = re.compile(r",\s+(?:and|but)\s+")


def _second_statement(masked: str, start: int, end: int) -> int | None:
    """Rule "a second statement after 'and'": "…, and staff at 40 sites told the researchers they …" — after a
    comma and "and" or "but", a noun phrase that reads whole as a speaker and then a reporting verb start a
    statement of their own (a subject with no determiner too, which NEW_SUBJECT_STOPS leaves alone)."""
    for joint in AND_THEN.finditer(masked, start, end):
        verbs = reporting_verbs(masked, joint.end(), min(end, joint.end() + 70))
        if not verbs or verbs[0][2]:
            continue
        verb_start = verbs[0][0]
        subject = read_mention(masked, joint.end(), verb_start, anchor="start")
        if subject is None or subject.kind in ("none", "pronoun") or verb_start - joint.end() < 3:
            continue
        written = masked[joint.end() : verb_start].strip()
        if subject.start == joint.end() and len(subject.text) >= len(written) - 12:
            return joint.start()
    return None


ANONYMITY = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity)\b")


# Where a name after "said" or "according to" ends: a comma, semicolon or full stop, but not the full stop of
# "Col." or "Dr." inside it ("said Col. Anna Petrova, the garrison commander").
class _NameStop:
    """NAME_STOP.search(text): the first such stop in text, as a match (None if there is none)."""

    _STOP = re.compile(r"[,;.]")
    _WORD_BEFORE = re.compile(r"([A-Za-z]+)$")

    def search(self, text: str) -> re.Match | None:
        for stop in self._STOP.finditer(text):
            word = self._WORD_BEFORE.search(text, 0, stop.start())
            if stop.group() != "." or not word or word.group(1).lower() not in ABBREVIATIONS:
                return stop
        return None


NAME_STOP = _NameStop()


def reported_clause(masked: str, verb: str, verb_end: int, sentence_end: int) -> tuple[int, int] | None:
    """Rule "indirect speech": the reported clause after the verb ("said that …", "saying he had …",
    "condemned NATO’s expansion …"), up to the sentence's end; None when the verb introduces a quotation
    (said: “…) or reports nothing (he told Al Jazeera.)."""
    position = verb_end
    head = verb.split()[0].lower()
    if head in TELL_VERBS:
        listener = LISTENER.match(masked, position, sentence_end)
        after = masked[listener.end() : sentence_end] if listener else ""
        # "told The Aid Dispatch by satellite phone that …": how it was told, between the listener and "that"
        how = re.match(r"\s+(?:by|over|via|in|on|from)\s[^,;:.]{0,40}?\s+that\s", after)
        if listener is None or how or re.match(with_quoted(r"\s*[{quoted}]"), after):
            # no listener named plainly, or a quoted title goes on after it ("Radio Brindle’s “Morning Watch”")
            listener = LISTENER_BEFORE_THAT.match(masked, position, sentence_end) or listener
        if listener:
            position = listener.end()
            # Rule "where the listener was": "told reporters at the Secretariat every rupee had been accounted for",
            # "have told residents of the inland town of Cobbarra it may soon be too late" — a place named after
            # the listener, then the clause
            if (place := PLACE_AFTER_LISTENER.match(masked, position, sentence_end)) and (
                following := re.match(r"\s+([\w’'-]+)", masked[place.end() : sentence_end])
            ):
                if following[1].lower() not in {"on", "in", "at", "to", "with", "by", "as", "from", "of", "for"}:
                    position = place.end()
        elif not (
            (that := re.match(r"\s+that\s+(\S+)", masked[position:sentence_end]))
            and starts_a_clause(that[1])
            and VERB_LIKE.search(masked, position + that.start(1), sentence_end)
        ):
            # Rule "tell verb without its listener": "Shri Sethi informed that 2.8 lakh families had …" (South
            # Asian English) reports the that-clause; "told the court." without one reports nothing
            return None
    rest = masked[position:sentence_end]
    if re.match(r"^\s*[:,;.]|^\s*$", rest):
        return None  # "said:" introduces a quotation, "he told Al Jazeera." reports nothing
    that = TIME_OR_PLACE.match(rest)
    if that is not None and verb.lower() in OBJECT_VERBS and len(rest[that.end() :].split()) < 3:
        that = None  # "disputed that account": a demonstrative, the object itself, not "that" opening a clause
    if that is None and (adverbial := SAID_WHEN.match(rest)) and not _day_as_subject(rest, adverbial):
        # Rule "time before a bare clause": "said on Tuesday the government would …", "said in a statement …"
        position += adverbial.end()
        rest = masked[position:sentence_end]
        that = TIME_OR_PLACE.match(rest)  # "said Tuesday night that …"
    whether = WHETHER.match(rest) if that is None and verb.lower() in WHETHER_VERBS else None
    bare = that is None and whether is None
    told_to = False
    if whether:
        start = position + whether.end()  # Rule "indirect question": "questioned whether the deal went far enough"
    elif that:
        start = position + that.end()
    else:
        first_word = re.match(r"^\s*([\w’'-]+)", rest)
        prepositions = ("on", "in", "at", "during", "after", "before", "to", "with", "by", "as", "from", "of")
        # "vowed to …", "refused to sign …" report a stance (a position, data/README.md), as the course keys do
        infinitive = first_word and first_word.group(1) == "to" and verb.lower() in INFINITIVE_VERBS
        # Rule "told without that": "told reporters the bridge would reopen" reports a clause when what follows
        # the listener reads as one (it has a finite verb); "told reporters on Monday." does not.
        told_bare = head in TELL_VERBS and bool(first_word) and first_word.group(1).lower() not in prepositions
        # "she told The Courier when read his remarks": a time clause after the listener reports nothing
        told_bare = told_bare and first_word.group(1).lower() not in SUBORDINATORS
        # "told jurors not to research the case": what they were told to do is the statement (as "urged X to")
        told_to = head in TELL_VERBS and re.match(r"\s*(?:not\s+)?to\s+[a-z]", rest) is not None
        infinitive = infinitive or told_to
        # "said at least 12 people had died": "at least" counts, it is no place
        counted = AT_LEAST.match(rest)
        if counted is None and (
            (head in TELL_VERBS and not told_bare) or not first_word or first_word.group(1).lower() in prepositions
        ):
            if verb.lower() not in PHRASE_VERBS and not infinitive:
                return None
        start = position + len(rest) - len(rest.lstrip())
    end = sentence_end
    for stop in CLAUSE_STOP.finditer(masked, start, end):
        conjunction, word = stop.group(1), stop.group(2)
        if (
            (conjunction is not None and (word in SINGLE_VERBS or _phrase_verb_at(masked, stop.start(2), end)))
            or (conjunction is None and word in _PARTICIPLES)
            or (word == "according" and followed_by(masked, stop.end(), "to", end))
        ):
            end = stop.start()
            break
    for pattern in [*NEW_SUBJECT_STOPS, NAMED_SUBJECT_STOP]:
        stop = next(
            (
                m for m in pattern.finditer(masked, start, end)
                # "said that on Monday, Hamas rejected …": a time before the comma is no clause of its own
                if m.group(2) in SINGLE_VERBS
                and (pattern is not NAMED_SUBJECT_STOP or VERB_LIKE.search(masked, start, m.start()))
            ),
            None,
        )  # fmt: skip
        end = stop.start() if stop else end
    second = _second_statement(masked, start, end)
    end = end if second is None else second
    with_another = next((m for m in WITH_ANOTHER.finditer(masked, start, end) if m[1] in _PARTICIPLES), None)
    end = with_another.start() if with_another else end  # "…, with its spokesperson warning that …": another's
    semicolon = masked.find(";", start, end)
    if semicolon >= 0:
        end = semicolon  # a semicolon starts an independent clause: the reporter's, not the speaker's
    if masked[start:end].rstrip().endswith(":"):
        return None  # "warned the government in Solvar:" introduces the quotation that follows
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".?!;:,"):
        end -= 1
    if len(masked[start:end].split()) < 2 and MASK not in masked[start:end]:
        return None
    if bare and not told_to and not _reads_as_reported(masked[start:end], verb.lower()):
        return None
    return (start, end) if end > start else None


# only the forms with a tense ("played down", "plays down"): a base form after "and" may depend on "to" or "should"
# ("urged residents to stay calm and play down rumours")
_TENSED_PHRASES = [form for form in PHRASE_VERBS if form.split()[0].endswith(("ed", "s"))]
_PHRASE_VERB_AT = re.compile(r"(?:" + "|".join(sorted(map(re.escape, _TENSED_PHRASES), key=len, reverse=True)) + r")\b")


def _phrase_verb_at(masked: str, start: int, end: int) -> bool:
    """ "…, but played down talk of a collapse": a reporting phrase after "and"/"but" is a verb of its own too."""
    return _PHRASE_VERB_AT.match(masked, start, end) is not None


AT_LEAST = re.compile(r"\s*at\s+(?:least|most)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s)")
CLAIMED_AN_ACT = re.compile(r"\s+(?:the\s+)?(?:responsibility|credit)\s+(?:for|over)\b|\s+responsibility\s*[.,;]")


def _day_as_subject(rest: str, adverbial: re.Match) -> bool:
    """ "said Monday would be a turning point": the bare day is the clause's subject, not when it was said."""
    bare_day = re.fullmatch(r"\s*[A-Z][a-z]+day", adverbial.group())
    following = re.match(r"\s+([a-z]+)", rest[adverbial.end() :])
    return bool(bare_day and following and VERB_LIKE.fullmatch(following.group(1)))


PROGRESSIVE_BEFORE = re.compile(r"(?<![\w’'-])(?:is|are|was|were|been)\s+$")
SUBORDINATORS = {"when", "while", "after", "before", "if", "as", "because", "since", "until", "once", "though"}
# The common irregular past tenses, so that "told officers she saw him" and "the man fled on foot" read as clauses
IRREGULAR_PAST = (
    "saw heard knew thought felt found left lost made took gave got came went ran fled fell began broke held kept"
    " paid sent spent stood won wrote rose drove hid led met sold struck threw understood became brought bought"
    " built caught chose drew ate fought flew forgot froze grew lay meant rode rang sank sat shot slept spoke stole"
    " swore swam taught tore woke wore"
).split()
VERB_LIKE = re.compile(
    r"(?<![\w’'-])(?:is|are|was|were|be|been|being|has|have|had|will|would|can|cannot|could|should|shall|may|might"
    r"|must|do|does|did|" + "|".join(IRREGULAR_PAST) + r")(?![\w’'-])|n[’']t(?![\w’'-])|(?<![\w’'-])\w{3,}ed(?![\w’'-])"
)


OBJECT_AND_MANNER = re.compile(r"(?:it|so|this|that|them|nothing|little)\s*,?\s+(?:again|twice|once|[a-z]+ly)\b")
WHEN_THEN_TO = re.compile(
    r"(?:(?:early|late|earlier|later|also|again|finally|then|yesterday|today|tonight|on|in|at|last|this|next"
    r"|[A-Z][a-z]+day|morning|afternoon|evening|night|week|month|year|[a-z]+ly)\s+){1,5}to\s+[a-z]"
)


def _reads_as_reported(clause: str, verb: str) -> bool:
    """Rule "bare clause": without "that", what follows a verb is reported speech only when it reads as a clause:
    "said the talks failed" does, "added two brigades" does not; say-verbs (and deny, insist, …) always take one,
    position verbs take their object ("condemned the shelling", "wants a vote"), call on / urge need "… to …"."""
    if verb in NEEDS_TO:
        # "urged the ministers to decide", not "directed officials to the affected villages"
        return bool(
            re.search(r"(?<![\w’'-])to\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those)\s)[a-z]", clause)
        )
    if verb in INFINITIVE_VERBS and re.match(r"(?:[\w’'-]+\s+){0,5}?to\s+[a-z]", clause):
        return True  # vowed to fight; asked a county judge to order …
    if verb not in OBJECT_VERBS and WHEN_THEN_TO.match(clause):
        # Rule "infinitive, no clause": "agreed early on Wednesday to cut the catch" reports what was agreed to do,
        # no statement (only a time stands between the verb and its "to": no subject, no clause)
        return False
    if OBJECT_AND_MANNER.match(clause) and not VERB_LIKE.search(clause):
        return False  # "He says it twice, politely, then a third time": what he says is "it", no clause
    if verb in OBJECT_VERBS or verb in PHRASE_VERBS or verb in BARE_CLAUSE_VERBS:
        return True
    if verb in GERUND_VERBS and re.match(r"[a-z]{2,}ing\b", clause):
        return True  # Rule "gerund": "recalls warning the company", "denied taking the files"
    return bool(VERB_LIKE.search(clause))


APPOSITIVE = re.compile(with_quoted(r"(?:an?|the)\s[^,;:.{quoted}]{1,60},\s+"))


NAME_APPOSITIVE = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+,\s+")
APPOSITIVE_NAME = re.compile(r",\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+)\s*[.!?]?\s*$")
WHOSE_FIGURES = re.compile(
    r"\s+(?P<whose>(?:the\s+)?(?:[\w-]+\s+){0,4}?[\w-]+)[’']s\s+(?:own\s+|latest\s+|new\s+|official\s+)*"
    r"(?:figures|data|statistics|numbers|estimates|count|tally|records|calculations)\s*$"
)
PUBLISHED_BY = re.compile(
    r"\s+(?:(?:the|new|latest|official)\s+)*(?:figures|data|statistics|numbers|estimates|documents|records|a\s+report|a\s+study"
    r"|a\s+survey|an\s+analysis)\s+(?:(?:\w+\s+)?(?:published|released|compiled|issued|gathered|seen)\s+by|from|by)\s+"
)


def according_to(
    masked: str, block: str, verb_start: int, verb_end: int, sentence: tuple[int, int]
) -> Attribution | None:
    """Rule "according to": "According to X, clause." or "Clause, according to X." is X's indirect speech."""
    after_end = NAME_STOP.search(masked[verb_end : sentence[1]])
    name_end = verb_end + (after_end.start() if after_end else sentence[1] - verb_end)
    published = PUBLISHED_BY.match(masked, verb_end, name_end)
    # Rule "figures published by X": "According to figures published by (or from) the Hydrological Office, …" is X's
    if whose := WHOSE_FIGURES.match(masked, verb_end, name_end):
        # Rule "X's figures": "According to the VER’s figures, a household paid …" is the regulator's
        mention = read_mention(masked, whose.start("whose"), whose.end("whose"), anchor="start")
    else:
        mention = read_mention(masked, published.end() if published else verb_end, name_end, anchor="start")
    if mention is None:
        return None
    if _a_persons_role(mention) and (named := APPOSITIVE_NAME.match(masked, name_end, sentence[1])):
        # "…, according to the regional governor, Pavel Orsk.": the name after the role speaks, the role is his
        person = read_mention(masked, named.start("name"), named.end("name"), anchor="start")
        if person is not None and person.kind == "person":
            person.role = person.role or mention.text
            mention = person
    if verb_start == sentence[0]:
        clause_start = name_end + 1
        while clause_start < sentence[1] and masked[clause_start].isspace():
            clause_start += 1
        named = NAME_APPOSITIVE.match(masked, clause_start, sentence[1])  # "According to the governor, Pavel Orsk, …"
        person = read_mention(masked, clause_start, named.end() - 2, anchor="start") if named else None
        if person is not None and person.kind == "person" and _a_persons_role(mention):
            person.role = person.role or mention.text
            mention, clause_start = person, named.end()
        appositive = APPOSITIVE.match(masked, clause_start, sentence[1])  # "According to X, a charity, …"
        # … but not a clause of its own: "According to the paper, a third of the clinics had no thermometer, and …"
        if appositive and not _a_clause_not_an_appositive(masked, appositive):
            clause_start = appositive.end()
        second = _second_statement(masked, clause_start, sentence[1])
        clause_end = sentence[1] if second is None else second
    else:
        clause_start, clause_end = sentence[0], verb_start
    while clause_end > clause_start and (masked[clause_end - 1].isspace() or masked[clause_end - 1] in ".,;:!?"):
        clause_end -= 1
    if clause_end <= clause_start:
        return None
    verb = block[verb_start:verb_end]
    return Attribution(verb, verb_start, verb_end, -1, mention, clause=(clause_start, clause_end))


def _a_persons_role(mention: Mention) -> bool:
    """ "the regional governor", "a ministry spokesman": one person's office, whom a name after a comma may give
    ("…, Pavel Orsk"); not a body or a group ("According to police, Maria Lopez, 34, was driving …")."""
    head = mention.text.lower().split()[-1] if mention.text else ""
    return mention.kind in ("role", "group") and head in ROLE_NOUNS and not head.endswith("s")


def _a_clause_not_an_appositive(masked: str, appositive: re.Match) -> bool:
    """ "According to the paper, a third of the clinics had no thermometer, and …": what looked like an appositive
    is the reported clause when "and" or "but" follows it, or when it has a verb outside a relative clause
    ("a nurse who treated the victims" is an appositive)."""
    text = appositive.group()
    if re.match(r"\s*(?:and|but)\b", masked[appositive.end() :]):
        return True
    return bool(VERB_LIKE.search(text)) and not re.search(r"(?<![\w’'-])(?:who|which|that)(?![\w’'-])", text)


def passive_judgement(
    masked: str, block: str, verb_start: int, verb_end: int, sentence: tuple[int, int]
) -> Attribution | None:
    """Rule "passive judgement": "X was slammed as “a non-starter”", "Dubbed as critical, …": the judgement is
    attributed to the agent after "by", and to no one (the unattributed speaker) when the text names none."""
    before = masked[sentence[0] : verb_start].split()
    if before and before[-1].lower() not in AUXILIARIES and before[-1][:1].isupper():
        return None  # "Moscow condemned as …" is active voice, read by the verb rules
    position = verb_end
    while position < sentence[1] and masked[position].isspace():
        position += 1
    judged = JUDGED_NOUN_BEFORE.search(masked, sentence[0], verb_start)
    who = read_mention(masked, judged.start("who"), judged.end("who"), anchor="end") if judged else None
    if who is not None and who.kind in ("person", "name", "group", "role", "pronoun"):
        # Rule "a charge she dismissed as": "…, a charge Ondráková’s ministry dismissed as “recycled fiction”" is
        # active voice in a relative clause after a reporting noun: its subject judges
        stop = re.search(r"[,;]|[.?!]\s*$|[.?!]\s+[A-Z]", masked[position : sentence[1]])
        end = position + stop.start() if stop else sentence[1]
        while end > position and masked[end - 1] in ".,;:?! ":
            end -= 1
        # (kept as a judgement read from its -ed form, like the passive, so no clause around it swallows it)
        return Attribution(
            block[verb_start:verb_end], verb_start, verb_end, -1, who, clause=(position, end), passive=True
        )
    by = re.search(r"\s+by\s+", masked[position : sentence[1]])
    stop = re.search(r"[,;]|\s+by\s+|[.?!]\s*$|[.?!]\s+[A-Z]", masked[position : sentence[1]])
    end = position + stop.start() if stop else sentence[1]
    mention = Mention("", verb_start, "none")
    if by and stop and by.start() == stop.start():
        name_start = position + by.end()
        name_stop = NAME_STOP.search(masked[name_start : sentence[1]])
        name_end = name_start + name_stop.start() if name_stop else sentence[1]
        mention = read_mention(masked, name_start, name_end, anchor="start") or mention
    while end > position and masked[end - 1] in ".,;:?! ":
        end -= 1
    verb = block[verb_start:verb_end]
    return Attribution(verb, verb_start, verb_end, -1, mention, clause=(position, end), passive=True)


JUDGED_NOUN_BEFORE = re.compile(
    r"(?<![\w’'-])(?:a|an|the|that|this)\s+(?:charge|claim|accusation|allegation|suggestion|description|label|report)s?"
    r"\s+(?P<who>[^,;:{quoted}]{1,50}?)\s+$".replace("{quoted}", QUOTED)
)
_PASSIVE_BY_VERBS = sorted(
    {form for form in [*OBJECT_VERBS, *forms_with("passive_of", "verb")] if form.endswith("ed")} | {"told"},
    key=len,
    reverse=True,
)
PASSIVE_BY = re.compile(
    r"(?<![\w’'-])(?:is|are|was|were|been|being)\s+(?:\w+ly\s+|also\s+|not\s+)?"
    r"(?P<verb>" + "|".join(_PASSIVE_BY_VERBS) + r")\s+by\s+"
)
# "of hiding the report", "for sending alerts late"; after "told by X", "that" ("The jury was told by X that …")
AGENT_THEN_WHAT = re.compile(r"(?P<agent>[^,;:.]{2,90}?)\s+(?P<prep>of|for|over|that)\s+")


def passive_with_agent(masked: str, block: str, sentence: tuple[int, int], index: int) -> list[Attribution]:
    """Rule "passive attribution with an agent": "The mayor was accused by rivals of hiding the report", "the
    authority was criticised by residents for sending alerts too late": the agent after "by" holds the position
    in the of/for phrase (the subject is the one it is about, not a speaker)."""
    found = []
    for match in PASSIVE_BY.finditer(masked, sentence[0], sentence[1]):
        what = AGENT_THEN_WHAT.match(masked, match.end(), sentence[1])
        if what is None or (what["prep"] == "that") != (match["verb"] == "told"):
            continue
        mention = read_mention(masked, match.end(), what.end("agent"), anchor="start")
        if mention is None or mention.kind == "none":
            continue
        start = what.end()
        end = _clause_end(masked, start, sentence[1])
        if len(masked[start:end].split()) < 2:
            continue
        verb_end = match.end() - len(match.group()) + len(match.group().rstrip())
        verb = block[match.start() : verb_end]
        found.append(Attribution(verb, match.start(), verb_end, index, mention, clause=(start, end), nominal=True))
    return found


# "The torc is said to have been buried …", "It is alleged that he …": a statement the text gives to no one.
_PASSIVE_TO_FORMS = "|".join(form for form in forms_with("passive_to", "verb") if form.endswith("d"))
PASSIVE_TO = re.compile(
    r"(?<![\w’'-])(?:(?P<it>[Ii]t)\s+)?(?:is|are|was|were)\s+(?:also\s+|widely\s+)?(?:" + _PASSIVE_TO_FORMS + r")"
    r"(?=\s+(?P<what>to|that)\s)"
)
_UNATTRIBUTED_NOUNS = "|".join(sorted(forms_with("unattributed_that", "noun"), key=len, reverse=True))
_UNATTRIBUTED_NOUNS_CAPITALISED = "|".join(form.capitalize() for form in _UNATTRIBUTED_NOUNS.split("|"))
# "Claims that the vote was rigged spread quickly": the noun may open the sentence
UNATTRIBUTED_NOUN = re.compile(
    r"(?<![\w’'-])(?P<noun>" + _UNATTRIBUTED_NOUNS + "|" + _UNATTRIBUTED_NOUNS_CAPITALISED + r")(?=\s+that\s)"
)
_POSSESSOR_BEFORE = re.compile(r"(?:[’']s|\b(?:his|her|their|its|my|our|your))\s+(?:own\s+)?$", re.IGNORECASE)


# "a claim that the army said was false": after "that", a speaker, a reporting verb and a predicate with no subject
# of its own — "that" stands for the claim, and the army speaks (a relative clause, not the claim's content)
RELATIVE_THAT = re.compile(
    r"(?!(?:what|whatever|all|everything|anything|nothing)\b)[^,;:]{1,60}?\s(?:said|says|called|described|insisted|maintained|claimed)\s+(?:was|were|is|are|had|has|would"
    r"|could|will)\b"
)


def unattributed_statements(masked: str, block: str, sentence: tuple[int, int], index: int) -> list[Attribution]:
    """Rules "passive without a speaker" ("The torc is said to have been buried with a chieftain", "It is alleged
    that he hid the money") and "claims that" ("He dismissed claims that the town had been abandoned": a noun
    with no possessor and no "from"): what nobody named says, given to the unattributed speaker."""
    found = []
    for match in PASSIVE_TO.finditer(masked, sentence[0], sentence[1]):
        if match["what"] == "that" and not match["it"]:
            continue  # "the plan was said that …" is not English; "Officials were told that …" is another rule's
        start = match.end() + 1 + (len("that") + 1 if match["what"] == "that" else 0)
        end = _clause_end(masked, start, sentence[1])
        if re.search(r"\b(?:which|who)\s+$", masked[max(sentence[0], match.start() - 8) : match.start()]):
            comma = masked.find(",", start, end)  # "The torc, which is said to have been buried …, has been …"
            end = _clause_end(masked, start, comma) if comma >= 0 else end
        verb_start = match.start() if match["it"] is None else match.end("it") + 1  # "is said", "is alleged"
        if len(masked[start:end].split()) >= 2:
            # Not nominal: inside another's reported clause ("X said the plan was said to be final") it is X's.
            verb = block[verb_start : match.end()]
            found.append(Attribution(verb, verb_start, match.end(), index, Mention("", verb_start, "none"),
                                     clause=(start, end)))  # fmt: skip
    for match in UNATTRIBUTED_NOUN.finditer(masked, sentence[0], sentence[1]):
        if _POSSESSOR_BEFORE.search(masked, max(sentence[0], match.start() - 40), match.start()):
            continue  # "the ministry’s claim that …": the possessive rule's
        clause = reported_clause(masked, "said", match.end(), sentence[1])
        if clause is not None and not masked[sentence[0] : match.start()].strip():
            clause = _without_the_main_verb(masked, clause)  # "Warnings that the dam could burst were ignored."
        if clause is not None and RELATIVE_THAT.match(masked, clause[0], clause[1]):
            continue  # "…, a claim that the army said was false": "that" is what the army said of the claim
        if clause is not None and starts_a_clause(masked[clause[0] : clause[1]].split()[0]):
            noun_start, noun_end = match.span("noun")
            found.append(Attribution(block[noun_start:noun_end], noun_start, noun_end, index,
                                     Mention("", noun_start, "none"), clause=clause, nominal=True))  # fmt: skip
    return found


# British court reports: "…, court hears", "The jury heard that …", "…, the court was told."
HEARD = re.compile(
    r"(?<![\w’'-])(?:(?:the|a)\s+)?(?:court|jury|jurors|tribunal|inquest|hearing|inquiry|committee|panel)\s+"
    r"(?P<verb>(?:has\s+|had\s+|have\s+)?(?:heard|hears)|(?:was|were|is|are|has\s+been|have\s+been)\s+told)"
    r"(?![\w’'-])(?P<that>\s+that\s)?",
    re.IGNORECASE,
)


def heard_in_court(masked: str, block: str, sentence: tuple[int, int], index: int) -> list[Attribution]:
    """Rule "what a court heard": "A finance director used fake invoices, a court has heard.", "The jury heard
    that the payments went to …", "…, court hears" — evidence the report gives to no one by name (unattributed);
    "was told by X that" is X's, read by the passive rule."""
    found = []
    for match in HEARD.finditer(masked, sentence[0], sentence[1]):
        verb_start, verb_end = match.span("verb")
        if match["that"]:
            clause = (match.end(), _clause_end(masked, match.end(), sentence[1]))
        elif re.fullmatch(r"[.!?]?\s*", masked[match.end() : sentence[1]]):
            clause = _clause_up_to_comma(masked, sentence, match.start())
        else:
            continue
        if clause and len(masked[clause[0] : clause[1]].split()) >= 2:
            mention = Mention("", verb_start, "none")
            found.append(Attribution(block[verb_start:verb_end], verb_start, verb_end, index, mention, clause=clause))
    return found


DOCUMENT_VERBS = {"show", "shows", "showed", "shown"}
_DOCUMENTS = re.compile(
    r"\b(?:filing|filings|report|reports|figures|data|records|documents|study|survey|poll|polls|analysis|statement|"
    r"minutes|accounts|statistics|audit|review|census|estimates)\s+(?:also\s+|have\s+|has\s+)?$",
    re.IGNORECASE,
)


def _names_a_document(masked: str, start: int, verb_start: int) -> bool:
    return bool(_DOCUMENTS.search(masked, max(start, verb_start - 40), verb_start))


def starts_a_clause(word: str) -> bool:
    """Can `word`, right after "that", begin a clause of its own? "claims that the town …" yes; "claims that
    arrived before May" (a relative "that", then a verb) and "that of milk" (a demonstrative) no."""
    lowered = word.lower().strip(",")
    return not (
        lowered in AUXILIARIES
        or lowered in {"of", "in", "on", "for", "to", "would", "will", "could", "can", "may", "might", "must", "should"}
        or re.fullmatch(r"[a-z]{3,}ed", lowered)
    )


def _clause_end(masked: str, start: int, end: int) -> int:
    """Where a reported clause from `start` ends: at a semicolon (the reporter's next clause), without the
    punctuation and spaces before it."""
    semicolon = masked.find(";", start, end)
    end = semicolon if semicolon >= 0 else end
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".?!,:"):
        end -= 1
    return end


# --- all attributions in a block -------------------------------------------------------------------------------


NOMINAL = re.compile(
    r"(?<![\w’'-])(?:" + "|".join(sorted(FROM_SPEAKER_NOUNS, key=len, reverse=True)) + r")\s+(?:from|by)(?![\w’'-])"
)


# "the ministry’s assertion that …", "his vow that …": the possessor of a reporting noun said the that-clause.
POSSESSIVE_NOMINAL = re.compile(
    r"(?<![\w’'-])(?P<who>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|(?:(?:the|a)\s+)?(?:[\w-]+\s+){0,3}[\w-]+[’']s)\s+(?:own\s+)?"
    r"(?P<noun>" + "|".join(sorted(POSSESSIVE_NOUNS, key=len, reverse=True)) + r")\s+that\s"
)


def possessive_attributions(masked: str, block: str, sentence: tuple[int, int], index: int) -> list[Attribution]:
    """Rule "possessive noun attribution": "rejected the diplomat’s claim that Marendt had left the talks"
    attributes the that-clause to the diplomat; "his vow that …" to the person "his" stands for."""
    found = []
    for match in POSSESSIVE_NOMINAL.finditer(masked, sentence[0], sentence[1]):
        clause = reported_clause(masked, "said", match.end() - 1 - len("that"), sentence[1])
        if clause is None:
            continue
        if not masked[sentence[0] : match.start()].strip():
            clause = _without_the_main_verb(masked, clause)
        who_start, who_end = match.span("who")
        who = masked[who_start:who_end]
        if who.lower() in ("his", "her", "their", "its"):
            mention = Mention(who, who_start, "pronoun")
        else:
            mention = read_mention(masked, who_start, who_end - 2, anchor="end")  # without the ’s
        if mention is None or mention.kind == "none":
            continue
        noun_start, noun_end = match.span("noun")
        found.append(
            Attribution(block[noun_start:noun_end], noun_start, noun_end, index, mention, clause=clause, nominal=True)
        )
    return found


FINITE_AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might"}


def _without_the_main_verb(masked: str, clause: tuple[int, int]) -> tuple[int, int]:
    """Rule "claim as the subject": "Her warning that Lusenia could withhold its share has rattled donors." — a
    that-clause inside the sentence's subject ends before its second verb, the main clause's ("has rattled")."""
    groups: list[list[int]] = []
    for found in VERB_LIKE.finditer(masked, *clause):
        finite = found.group().lower() in FINITE_AUXILIARIES
        after_participle = groups and masked[groups[-1][1] - 2 : groups[-1][1]] == "ed"
        if groups and not masked[groups[-1][1] : found.start()].strip() and not (finite and after_participle):
            groups[-1][1] = found.end()  # "has rattled": one verb group ("had called was ignored": two)
        else:
            groups.append([found.start(), found.end()])
    if len(groups) < 2:
        return clause
    end = groups[1][0]  # the clause's own verb, then the sentence's ("… was rejected by the court, which said …")
    while end > clause[0] and masked[end - 1].isspace():
        end -= 1
    return (clause[0], end)


def nominal_attributions(masked: str, block: str, sentence: tuple[int, int], index: int) -> list[Attribution]:
    """Rule "noun attribution": "allegations from Kyiv and Western powers that it is planning an invasion"
    attributes the that-clause to each voice named after the noun: one attribution per speaker."""
    found = []
    for match in NOMINAL.finditer(masked, sentence[0], sentence[1]):
        that = re.search(r"\s+that\s", masked[match.end() : sentence[1]])
        if not that:
            continue
        names_end = match.end() + that.start()
        names = masked[match.end() : names_end]
        clause = reported_clause(masked, "said", names_end, sentence[1])
        if clause is None or len(names.split()) > 8 or re.search(with_quoted(r"[;:{quoted}]"), names):
            continue
        verb = block[match.start() : match.end()]
        for part in re.finditer(r"[^,]+?(?=\s*,\s*|\s+and\s+|$)", names):
            text = part.group().strip()
            if not text or text == "and":
                continue
            start = match.end() + part.start() + (len(part.group()) - len(part.group().lstrip()))
            mention = read_mention(masked, start, start + len(text), anchor="start")
            if mention is not None:
                found.append(Attribution(verb, match.start(), match.end(), index, mention, clause=clause, nominal=True))
    return found


def find_attributions(block: str, masked: str, bounds: list[tuple[int, int]]) -> list[Attribution]:
    """Every reporting verb in the block with a speaker it can be read from, in reading order."""
    found: list[Attribution] = []
    # Rule "aside between subject and verb": "The minister – who flew in overnight – said …" reads the subject
    # with the aside blanked out (same length, so every offset still points into the block).
    # So is a short aside in brackets: "Kamla Devi Rathore of the Jan Kalyan Morcha (JKM), claimed …".
    asides_blank = DASH_ASIDE.sub(lambda aside: " " * len(aside.group()), masked)
    asides_blank = BRACKET_ASIDE.sub(lambda aside: " " * len(aside.group()), asides_blank)
    for index, sentence in enumerate(bounds):
        found += nominal_attributions(masked, block, sentence, index)
        found += possessive_attributions(masked, block, sentence, index)
        passives = [
            *passive_with_agent(masked, block, sentence, index),
            *unattributed_statements(masked, block, sentence, index),
            *heard_in_court(masked, block, sentence, index),
        ]
        found += passives
        covered = [(a.verb_start, a.verb_end) for a in passives]
        previous = None
        for verb_start, verb_end, passive in reporting_verbs(masked, sentence[0], sentence[1]):
            if any(start <= verb_start < end for start, end in covered):
                continue  # read above as a passive with its agent
            verb = block[verb_start:verb_end]
            if passive:
                attribution = passive_judgement(masked, block, verb_start, verb_end, sentence)
                if attribution:
                    attribution.sentence = index
                    found.append(attribution)
                    continue
                verb = verb.split()[0]
                verb_end = verb_start + len(verb)
                if verb not in SINGLE_VERBS:
                    continue
            if verb.lower() == ACCORDING_TO:
                attribution = according_to(masked, block, verb_start, verb_end, sentence)
                if attribution:
                    attribution.sentence = index
                    found.append(attribution)
                continue
            that_follows = re.match(r"\s+(?:[a-z]+ly\s+)?that\s+(\S+)", masked[verb_end : sentence[1]])
            if verb.lower().startswith("claim") and CLAIMED_AN_ACT.match(masked, verb_end):
                continue  # "The group claimed responsibility for the bombing": an act, not a statement
            if verb.lower().startswith("confirm") and NEGATED_BEFORE.search(masked, sentence[0], verb_start):
                continue  # "Police could not confirm the identity of the driver": nothing confirmed, no statement
            if verb.lower() in DOCUMENT_VERBS and not _names_a_document(masked, sentence[0], verb_start):
                continue  # "the filing showed …" reports; "Photos show the bridge collapsed" is evidence, not speech
            ends_it = AFTER_A_FINAL_VERB.fullmatch(masked, verb_end, sentence[1]) and SHORT_SUBJECT_AFTER_COMMA.search(
                masked, sentence[0], verb_start
            )
            clause_follows = that_follows and starts_a_clause(that_follows.group(1))
            if verb.lower() in THAT_ONLY and not clause_follows and not ends_it:
                # "found that …" reports, and so does "…, a study finds." at the end of its sentence;
                # "a word Verum Check found in 300 posts" does not
                continue
            gloss = GLOSS_BEFORE.search(masked, sentence[0], verb_start) and not re.search(
                with_quoted("[{quoted}]"), masked[verb_end : sentence[1]]
            )
            if verb.lower() in NAMING_VERBS and gloss:
                continue  # "…, as election staff call ballots marked for two candidates": a name's gloss, not speech
            if verb.lower() in ("asked", "asking") and ANONYMITY.match(masked, verb_end, sentence[1]):
                continue  # "who asked not to be named": the reporter's formula for a source, not a statement
            if NOBODY_AS_SUBJECT.match(masked, sentence[0], verb_start) or (
                NEGATED_BEFORE.search(masked, sentence[0], verb_start)
                and WH_OPENING.match(masked, verb_end, sentence[1])
            ):
                # Rule "nothing said": "Police would not say when the deadline fell" — an indirect question
                # nobody answered; "Neither has agreed who should monitor it", "Nobody said the talks had failed"
                # — a statement no one made
                continue
            if (
                verb in ("asked", "told")
                and re.search(r",\s*$", masked[sentence[0] : verb_start])
                and re.match(r"\s+(?:whether|if|about|why|what|how|when|to)\b", masked[verb_end : sentence[1]])
            ):
                continue  # "Varo, asked whether …, said": asked is passive here, Varo is not the one asking
            single = SINGLE_QUOTED_OPENING.fullmatch(masked, sentence[0], verb_start)
            if single and (speaker := _headline_speaker(masked, verb_end, sentence[1])):
                # Rule "single quotation marks": "‘Not a single rupee diverted,’ says minister as row grows" — a
                # headline's quotation in single marks, which the data files as indirect (data/README.md)
                found.append(Attribution(verb, verb_start, verb_end, index, speaker, clause=single.span("said")))
                previous = found[-1]
                continue
            # "saying …" continues a clause; "are asking residents to …" is a verb of its own (after an auxiliary)
            ends_ing = verb.split()[0].endswith("ing")
            progressive = ends_ing and PROGRESSIVE_BEFORE.search(masked, sentence[0], verb_start)
            participle = ends_ing and not progressive
            subject_end = progressive.start() if progressive else verb_start
            mention = find_subject(block, asides_blank, sentence[0], subject_end, participle)
            with_whom = WITH_SUBJECT.search(masked, sentence[0], verb_start) if participle else None
            if with_whom:  # Rule "with X warning": "Soldiers filled sandbags, with Harrow warning: …" is Harrow's
                # read from its end, as a subject before its verb: "with its spokesperson Mohan Lal Bhardwaj warning"
                who = (with_whom.start("who"), with_whom.end("who"))
                mention = (
                    read_mention(masked, *who, anchor="end") or read_mention(masked, *who, anchor="start") or mention
                )
            clause = reported_clause(masked, verb, verb_end, sentence[1])
            if clause is None and verb.lower() in CLAUSE_VERBS:
                if inside := _attribution_inside_clause(masked, sentence, verb_start, verb_end):
                    clause, mention = inside
            clause = _within_an_opening_clause(masked, sentence, verb_start, clause)
            if clause and _circumstance_after_a_quotation(masked, mention, verb_start, clause):
                clause = None
            clause, mention = _statement_in_an_aside(masked, sentence, verb_start, clause, mention)
            if clause and not participle:
                mention = _speaker_in_a_relative_clause(masked, sentence, verb_start, clause) or mention
            if verb.lower() in INTRODUCING_ONLY:
                clause = None  # "has just posted this on social media:": it reports nothing itself
            if clause and RELATIVE_BEFORE.search(masked, max(sentence[0], verb_start - 40), verb_start):
                # Rule "reported clause in a relative clause": "Steelmakers, who say 4,000 jobs depend on it,
                # cheered the duties." — the clause ends at the comma that closes the relative clause.
                # the last comma before a verb of the main clause ("…, cheered", "…, marched", "…, resigned"),
                # not a comma inside the relative clause ("the smell, the noise and the dust")
                closing = [m.start() for m in RELATIVE_CLOSE.finditer(masked, clause[0], clause[1])]
                clause = (clause[0], closing[-1]) if closing else clause
            if verb.lower() in CLAUSE_VERBS and re.search(r",\s*$", masked[sentence[0] : verb_start]):
                # Rule "inverted attribution after a clause": "Closures have grown, said Dr Petrakis, a …": the
                # name after the verb speaks; the words before the verb are not its subject.
                inverted = _named_after(masked, verb_end, sentence[1])
                if inverted is not None:
                    mention, clause = inverted, _clause_up_to_comma(masked, sentence, verb_start)
            shares_subject = not participle and SHARED_SUBJECT.search(masked, sentence[0], verb_start)
            if shares_subject and previous is not None:
                # "…, but warned that …", "urged both sides to … and said she …": a verb right after "and" or "but"
                # has no subject of its own; the words before it end the previous predicate.
                mention = previous.mention
            if participle and previous is not None and not with_whom:
                # "called the walkout “reckless,” saying …", "…, the president told staff, calling …": a participle
                # after a reporting verb of its sentence has that verb's subject, not the sentence's first words.
                mention = previous.mention
            if shares_subject and previous is None:
                # "The authority filed for an injunction and asked a judge to …": the sentence's own subject
                subject = read_mention(masked, after_adverbials(masked, sentence[0], verb_start), verb_start, "start")
                mention = subject if (subject is not None and subject.kind != "pronoun") or previous is None else None
            if mention is None:
                mention, clause = _inverted_subject(masked, verb_end, sentence[1]), None
            if mention is None or mention.kind == "none":
                continue
            if clause and re.search(r"\b(?:is|was)\s+how\s+$", masked[sentence[0] : mention.start]):
                clause = None  # "“A nightmare” is how one survivor described the night": the quotation is the words
            more = []
            if clause is None and (verb.lower() in CLAUSE_VERBS or verb.lower() in TELL_VERBS):
                clause = clause_before(masked, sentence, mention, verb_end, listener=verb.lower() in TELL_VERBS)
                comma = masked.rfind(", ", sentence[0], verb_start) if clause is None else -1
                late = read_mention(masked, comma + 2, verb_start, anchor="end") if comma > 0 else None
                if late is not None and late.start > mention.start and late.kind != "none":
                    # "Hospitals, care homes and fire stations would be exempt, the statement added, …": a list
                    # of commas before it, but the subject is the words right before the verb
                    clause = clause_before(masked, sentence, late, verb_end, listener=verb.lower() in TELL_VERBS)
                    mention = late if clause else mention
                reason = REASON_AFTER.match(masked, verb_end, sentence[1]) if clause else None
                group = next((g for g in ("reason", "predicate") if reason and reason[g]), "reason2")
                # "and …" only after "added" ("…, the statement added, and the measures would be reviewed"):
                # after "said" it is as often the reporter's next fact ("…, the bank said, and the pound fell")
                added = verb.lower() == "added" and reason is not None and reason[group] is not None
                if reason and (group != "reason2" or (added and _reads_as_reported(reason[group], "said"))):
                    # Rule "attribution in the middle of reported speech": "The rescuers came late, she says,
                    # because the team was away." — the reason after the attribution is hers too, and so is a
                    # clause after "and": "…, the statement added, and the measures would be reviewed …", and a
                    # predicate with no subject: "The mission logged it, he acknowledges, but could not establish …"
                    more = [(reason.start(group), reason.end(group))]
            if clause and not more and (but := BUT_A_NEW_CLAUSE.search(masked, clause[0], clause[1])):
                # Rule "two reported clauses joined by but": "said Tuesday the band council ordered all residents out
                # early Sunday, but the first chartered plane did not land until Monday night …" — two statements
                # (data/README.md: two reported clauses are two rows)
                first_verb = VERB_LIKE.search(masked, but.end(), min(clause[1], but.end() + 60))
                # backshifted as reported speech is ("did not land"); "…, but the toll is expected to rise" in the
                # present is the reporter's own
                if first_verb and first_verb.group().lower() not in PRESENT_FORMS:
                    clause, more = (clause[0], but.start()), [(but.end(), clause[1])]
            found.append(Attribution(verb, verb_start, verb_end, index, mention, clause=clause, more=more))
            if previous is None or not (previous.clause and previous.clause[0] <= verb_start < previous.clause[1]):
                previous = found[-1]  # a verb inside the previous one's clause ("asked a judge to order …") is not
                # the predicate a later participle or "and …" continues
    found.sort(key=lambda a: a.verb_start)
    return found


def _statement_in_an_aside(
    masked: str, sentence: tuple[int, int], verb_start: int, clause: tuple[int, int] | None, mention: Mention
) -> tuple[tuple[int, int] | None, Mention]:
    """Rule "statement in a dashed aside": "Petra Ondráková – who on Tuesday threatened to walk out of the talks –
    conceded …": the aside's clause ends at its closing dash; its subject is the name before it ("who") or, in
    "Tom Reed – who police say lacks a licence –", the aside's own subject."""
    aside = next(
        (a for a in DASH_ASIDE.finditer(masked, sentence[0], sentence[1]) if a.start() < verb_start < a.end()), None
    )
    if not clause or aside is None:
        return clause, mention
    end = aside.end() - 1
    while end > clause[0] and (masked[end - 1].isspace() or masked[end - 1] in "–—,"):
        end -= 1
    clause = (clause[0], min(clause[1], end)) if end > clause[0] else None
    if WHO_THEN_VERB.fullmatch(masked, aside.start(), verb_start):
        return clause, read_mention(masked, sentence[0], aside.start(), anchor="end") or mention
    inner = read_mention(masked, aside.start() + 3, verb_start, anchor="end")
    return clause, inner if inner is not None and inner.kind in ("person", "name", "group", "role") else mention


def _speaker_in_a_relative_clause(
    masked: str, sentence: tuple[int, int], verb_start: int, clause: tuple[int, int]
) -> Mention | None:
    """Rule "speaker inside a relative clause": "a two-day summit that both delegations said had come close to
    collapse" — the words between "that" and the verb speak, when what follows is a predicate that ends the
    statement (not "The man that police said was driving has been arrested")."""
    relative = RELATIVE_SPEAKER.search(masked, sentence[0], verb_start)
    if relative is None:
        return None
    # "a driver who witnesses say fled the scene", "a man who they believe started the fire": after "who" a past
    # tense opens the predicate too
    past = relative["relative"] == "who" and re.match(r"[a-z]{2,}ed\s|(?:" + "|".join(IRREGULAR_PAST) + r")\s",
                                                       masked[clause[0] : clause[1]])  # fmt: skip
    if not (AUXILIARY_FIRST.match(masked, clause[0]) or past):
        return None
    if AUXILIARY_LATER.search(masked, clause[0] + 3, clause[1]):
        return None
    inner = read_mention(masked, relative.start("who"), relative.end("who"), anchor="end")
    kinds = ("person", "name", "group", "role", *(["pronoun"] if relative["relative"] == "who" else []))
    return inner if inner is not None and inner.kind in kinds else None


# A predicate with no subject of its own ("…, and was four kilometres away", "…, but could not establish …"): it
# goes on from the reported clause's subject, so it is reported speech too.
# Not "did", "would", "has", "will": "…, the army said, but did not give details", "…, the spokesman said, but would
# not say where …", "…, the governor said, and has ordered an inquiry" are the speaker's own acts; nor a passive with
# its agent ("but was interrupted by protesters"), nor a speech act of the speaker's ("but could not say").
SUBJECTLESS_PREDICATE = (
    r"(?:(?:also|then|later|still|now)\s+)?(?:was|were|is|are|had|could|can)(?:n[’']t)?\s"
    r"(?![^.;:,]*\w+ed\s+by\s)(?!(?:not\s+|never\s+)?(?:say|said|comment|elaborate|give|gave|provide|disclose|specify|confirm"
    r"|answer|respond|name|identify)\b)"
)
AFTER_A_FINAL_VERB = re.compile(
    with_quoted(
        # US wire style drops "on" before a weekday: "…, the president told employees Tuesday."
        r"(?:\s+(?:in|on|at|during|after|before|late|earlier|last|this|Monday|Tuesday|Wednesday|Thursday|Friday"
        r"|Saturday|Sunday|yesterday|today|tonight)\b[^,.;:{quoted}]*)?"
        # "…, a source told TNA, speaking on condition of anonymity because …": an aside after the attribution
        # or a participle that goes on to say more: "…, the president told staff, calling the losses “…”"
        # or the circumstances: "…, the ministry said on Wednesday, after the driest July on record …"; or a second
        # clause the speaker adds: "…, the statement added, and the measures would be reviewed …"
        # or where it was written: "…, the authors wrote in the journal, in a paper titled “Cold Nights”."
        # or what the speaker goes on to say, which has its own attribution: "…, Wrenfield said, but he cautioned …"
        r"(?:,\s+[a-z]+ing\b.*|,\s+(?:who|because|as|after|amid|despite|following|while|when|and)\b[^.;:{quoted}]*"
        r"|,\s+but\s+(?:he|she|they|it|the\s+[a-z]+|[A-Z][\w’'-]+)\s[^.;:]*"
        # or what the speaker did besides: "…, the army said, but did not give details of the attack."
        r"|,\s+but\s+(?:also\s+)?(?:was|were|is|are|had|has|have|could|would|will|can|should|did|does|may|might"
        r"|must)(?:n[’']t)?\s[^.;:{quoted}]*"
        r"|,\s+in\s+(?:a|an|the|his|her|its|their)\s[^.;:{quoted}]*(?:[{quoted}]+)?)?"
        r"[.!?]?\s*"
    )
)


def clause_before(
    masked: str, sentence: tuple[int, int], mention: Mention, verb_end: int, listener: bool = False
) -> tuple[int, int] | None:
    """Rule "clause before the attribution": "Prices rose, the bank said (on Monday)." reports the clause before
    the comma, when nothing but a time or place follows the verb and no quotation stands in the clause; a tell
    verb takes its listener first ("…, a rebel source told AFP.", "…, she told reporters on Monday.")."""
    if listener:
        heard = [pattern.match(masked, verb_end, sentence[1]) for pattern in [LISTENER, *LISTENER_AT_END]]
        if not any(heard and AFTER_A_FINAL_VERB.fullmatch(masked, heard.end(), sentence[1]) for heard in heard):
            return None
    elif not AFTER_A_FINAL_VERB.fullmatch(masked, verb_end, sentence[1]):
        return None
    stop = _before_titles(masked, mention.start)
    if role := ROLE_BEFORE_NAME.search(masked, sentence[0], stop):
        stop = role.start() + 1  # "…, the federation’s president, S. Ponnammal, told the Herald.": not the role
    return _clause_up_to_comma(masked, sentence, stop)


def _circumstance_after_a_quotation(
    masked: str, mention: Mention | None, verb_start: int, clause: tuple[int, int]
) -> bool:
    """Rule "circumstance after a quotation": "“Twice? Then they knew,” he said when MV9 News told him about the
    delays." — after a quotation and its attribution, a when/as/after clause says when it was said, not what."""
    start = mention.start if mention is not None and mention.kind != "none" else verb_start
    after_quote = re.search(r"(?:[”\"]|’’|'')[\s,]*$", masked[max(0, start - 4) : start])
    return (
        bool(after_quote) and re.match(r"(?:when|as|after|before|while)\s", masked[clause[0] : clause[1]]) is not None
    )


OPENING_SUBORDINATE = re.compile(r"(?:When|While|Although|Though|If|Once|Because|Whenever)\s")


def _within_an_opening_clause(
    masked: str, sentence: tuple[int, int], verb_start: int, clause: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Rule "statement in an opening clause": "When Justice Venkatraman asked whether the gauges worked, Ms.
    Rao-Bhalla conceded that only nine did." — a statement inside the sentence's opening subordinate clause ends
    at that clause's comma; the main clause after it is the reporter's (or another statement)."""
    if clause is None or not OPENING_SUBORDINATE.match(masked, sentence[0]):
        return clause
    if "," in masked[sentence[0] : verb_start]:
        return clause  # the verb is in the main clause: "When asked, she said that …"
    for comma in (m.start() for m in re.finditer(",", masked[clause[0] : clause[1]])):
        comma += clause[0]
        following = re.match(r",\s*([^,;]*)", masked[comma : clause[1]]).group(1)
        # the comma that ends the opening clause has a verb before it and a main clause (a verb) after it, not
        # a list ("the troops, tanks and artillery would withdraw, few believed him") nor an aside ("in his view")
        if VERB_LIKE.search(masked, clause[0], comma) and (VERB_LIKE.search(following) or reporting_verbs(following)):
            return (clause[0], comma)
    return clause


def _attribution_inside_clause(
    masked: str, sentence: tuple[int, int], verb_start: int, verb_end: int
) -> tuple[tuple[int, int], Mention] | None:
    """Rule "attribution inside the clause": "Tarangadh, Mr. Deshmane said, had released 11.6 tmcft …", "The
    talks, she said, were over." — between commas after a short subject, the attribution (a name, a pronoun or a
    role, and the verb) splits the statement; what follows it, a predicate with a verb, is reported.
    (clause, speaker), or None."""
    after = re.match(r",\s+", masked[verb_end : sentence[1]])
    comma = masked.rfind(",", sentence[0], verb_start)
    if after is None or comma < 0:
        return None
    before = masked[sentence[0] : comma]
    opening = before.split()[0].lower() if before.split() else ""
    # "For a household using 1,000 kilowatt-hours, he estimated, the bill had risen …": an adverbial opens the
    # sentence, and the whole clause after the attribution is reported
    adverbial = opening in OPENING_ADVERBIAL and len(before.split()) <= 12
    mention = read_mention(masked, comma + 1, verb_start, anchor="end")
    if mention is None or mention.kind == "none":
        return None
    if masked[comma + 1 : mention.start].strip() and not _before_titles(masked, mention.start) <= comma + 2:
        return None  # more than titles between the comma and the name: not an attribution between commas
    if any(mark in before for mark in QUOTED) or not (1 <= len(before.split()) <= 8 or adverbial):
        return None
    start, end = verb_end + after.end(), sentence[1]
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".?!;:,"):
        end -= 1
    rest = masked[start:end]
    if any(mark in rest for mark in QUOTED):
        return None
    if adverbial and len(rest.split()) >= 3 and VERB_LIKE.search(rest) and not VERB_LIKE.match(rest.split()[0]):
        return (start, end), mention
    if not VERB_LIKE.match(rest.split()[0] if rest.split() else ""):
        return None
    return (start, end), mention


PRESENT_FORMS = {"is", "are", "has", "have", "will", "can", "do", "does", "may", "must", "shall"}
# ", but the first chartered plane …": a new subject (a determiner and a noun, or a name) after ", but"
BUT_A_NEW_CLAUSE = re.compile(r",\s+but\s+(?=(?:the|a|an|its|his|her|their|no|some|many|most)\s+[a-z]|[A-Z][a-z])")
OPENING_ADVERBIAL = {
    "for", "in", "on", "at", "by", "after", "before", "during", "since", "until", "within", "across", "under", "from",
    "without", "once", "if", "unless", "when", "while", "meanwhile", "still", "even", "overall", "elsewhere",
}  # fmt: skip


ROLE_BEFORE_NAME = re.compile(
    r",\s+(?:(?:the|a|an|its|his|her|their)\s+[^,;:.]{2,60}?|[A-Z][\w-]*[’']s\s+[^,;:.]{2,50}?),\s*$"
)


_WORD_BEFORE = re.compile(r"([A-Z][\w-]*)\.?\s+$")


def _before_titles(masked: str, start: int) -> int:
    """Where "Mr. Wrenfield", "Foreign Minister Anna Holt" begin with their titles (the mention is the name alone):
    "…, Mr. Wrenfield said." reports the clause before the comma as "…, Wrenfield said." does."""
    while (found := _WORD_BEFORE.search(masked, max(0, start - 30), start)) and found.group(1) in TITLE_WORDS:
        start = found.start()
    return start


APPOSITIVE_ROLE = re.compile(
    with_quoted(r",\s+(?P<role>(?:the|a|an)\s[^,;:.{quoted}]{2,60}?)(?=[,;.]|\s+(?:in|on|at)\s)")
)


_PREPOSITION = re.compile(r"\b(?:in|on|at|by|from|to|with|after|before|during|for|through|via)\b")


def _named_after(masked: str, verb_end: int, sentence_end: int) -> Mention | None:
    """The speaker named right after the verb, up to the next comma: "…, said Dr Lionel Petrakis, a …"."""
    stop = re.search(r"[,;]", masked[verb_end:sentence_end])
    end = verb_end + stop.start() if stop else sentence_end
    while end > verb_end and masked[end - 1] in ". ":
        end -= 1
    mention = read_mention(masked, verb_end, end, anchor="start")
    if mention is None or mention.kind not in ("person", "name", "group", "role"):
        return None
    if _PREPOSITION.search(masked[verb_end : mention.start]):
        return None  # "…, Amara Oyelaran, said in a statement.": the comma closed an appositive; no name follows
    if re.search(r"\b(?:that|whether|if|they|he|she|it|we|there|no|none)\b", masked[verb_end : mention.start]):
        # "…, adding that they blamed the rebels", "…, said there had been no announcement from the crew": a clause
        # opens after the verb; no name follows it
        return None
    # Only a name and nothing else up to the comma: "said Dr Lionel Petrakis, a …", not "said Washington and the
    # West cannot …" (a reported clause after a subject with an appositive: "NAME, analyst, said …").
    if masked[mention.start + len(mention.text) : end].strip():
        return None
    return _with_appositive_role(masked, mention, end, sentence_end)


NAME_AFTER_ROLE = re.compile(r",\s+(?P<name>[^,;:.]{3,60}?)(?=[,;.]|$)")


def _with_appositive_role(masked: str, mention: Mention, end: int, sentence_end: int) -> Mention:
    """ "said Col. Anna Petrova, the garrison commander, …": the appositive after the name is her role (so "the
    garrison commander" met before or after is her too).

    Rule "role, then name": "said the study’s lead author, Dr Ilse Marrow, an epidemiologist" — a role whose
    appositive is a person's full name is that person, with the role as written."""
    if mention.kind in ("role", "group"):
        # … but not "a lawyer for the dead woman, Ella Grant": the name then belongs to the noun after "for"
        attached = re.search(r"(?<![\w’'-])(?:of|for|to|with)(?![\w’'-])", mention.text)
        named = None if attached else NAME_AFTER_ROLE.match(masked, end, sentence_end)
        person = read_mention(masked, named.start("name"), named.end("name"), anchor="start") if named else None
        if person is not None and person.kind == "person" and len(person.text) == named.end("name") - person.start:
            person.role = person.role or mention.text
            return _with_appositive_role(masked, person, named.end("name"), sentence_end)
        return mention
    appositive = APPOSITIVE_ROLE.match(masked, end, sentence_end)
    if appositive and mention.kind == "person":
        mention.role = appositive.group("role")  # words standing in the text, as the data's role column asks
    return mention


def _clause_up_to_comma(masked: str, sentence: tuple[int, int], stop: int) -> tuple[int, int] | None:
    """The sentence (after its dateline) up to the comma right before `stop`, the attribution's first word: the
    clause of "Prices rose, the bank said." and of "…, said X"; None when it holds a quotation or is too short."""
    start = sentence[0]
    if start == 0:
        dateline = DATELINE_START.match(masked)
        start = dateline.end() if dateline and dateline.end() < stop else start
    before = masked[start:stop]
    comma = re.search(r",\s*$", before)
    if not comma or any(mark in before for mark in QUOTED):
        return None
    end = start + comma.start()
    return (start, end) if len(masked[start:end].split()) >= 3 else None


RELATIVE_CLOSE = re.compile(
    r",\s+(?=(?:also\s+|then\s+|later\s+)?(?:[a-z]{3,}ed|has|have|had|was|were|is|are|will|would)\b)"
)
INTRODUCING_ONLY = set(INTRODUCING_VERBS) - set(CLAUSE_VERBS) - set(OBJECT_VERBS) - set(TELL_VERBS)
RELATIVE_BEFORE = re.compile(
    r",\s+(?:who|which)(?:\s+(?:[a-z]+ly|also|have|has|had|long|still))*\s+$"
    r"|,\s+(?:who|which)\s+(?:police|officials|witnesses|prosecutors|investigators|they|he|she)\s+$"
)
REASON_AFTER = re.compile(
    with_quoted(
        r",\s+(?:(?P<reason>because\s[^;:{quoted}]*?)"
        rf"|(?:and|but)\s+(?P<predicate>(?={SUBJECTLESS_PREDICATE})[^;:{{quoted}}]*?)"
        r"|and\s+(?P<reason2>[^;:{quoted}]*?))[.!?]?\s*$"
    )
)
BRACKET_ASIDE = re.compile(r"\s\([^()\n]{1,40}\)(?=[\s,])")
DASH_ASIDE = re.compile(r"\s[–—]\s[^–—.;:]{2,80}?\s[–—](?=\s)")
# a negation just before the verb ("would not say", "has not yet said", "won’t say"), or a sentence whose subject
# is nobody ("Neither side has agreed", "No one has explained")
NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never)|n[’']t)\s+(?:yet\s+|publicly\s+|officially\s+)?(?:\w+\s+)?$")
NOBODY_AS_SUBJECT = re.compile(r"\s*(?:Neither|Nobody|No\s+one)\b[^,;:]{0,40}$")
WH_OPENING = re.compile(r"\s+(?:when|where|why|how|who|whom|what|which|whether|if)\b")
# "with Aigerim Temirbek, an analyst at Harrowgate Energy Research, warning that …": an aside may follow the name
WITH_SUBJECT = re.compile(r"(?:^|[\s,])with\s+(?P<who>[^,;:]{2,90}?)(?:,\s+(?:who|which|a|an|the)\s[^,;:]{2,60},)?\s+$")
SHARED_SUBJECT = re.compile(r"(?:,\s*|\s)(?:and|but|then)\s+(?:also\s+|later\s+)?$")


def _inverted_subject(masked: str, verb_end: int, sentence_end: int) -> Mention | None:
    """Rule "inverted attribution": “…,” said Jane Doe. — the name follows the verb right after a quotation."""
    before = masked[:verb_end].rstrip()
    if not re.search(r"(?:[”\"]|’’|'')\s*\S+$", before):
        return None
    stop = NAME_STOP.search(masked[verb_end:sentence_end])
    end = verb_end + stop.start() if stop else sentence_end
    mention = read_mention(masked, verb_end, end, anchor="start")
    if mention is None or mention.kind not in ("person", "name", "group", "role"):
        return None
    return _with_appositive_role(masked, mention, end, sentence_end)
