"""How the reporter names a speaker: full names with titles, surnames, pronouns, roles and groups.

Works on a block whose quotations are blanked out (quote_marks.mask_quotations); each rule names its convention.
"""

from __future__ import annotations

import re

from crisis_reading.dataset.vocabulary import CLOSING_MARKS
from crisis_reading.finder.lexicon import (
    ADVERBIAL_OPENERS,
    AGE_NOUN,
    AUXILIARIES,
    CANDIDATES,
    CONJUNCTIONS,
    DETERMINERS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    NAME_CONNECTORS,
    NOT_MODIFIERS,
    NOT_NAMES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEAKER_NOUNS,
    SUBJECT_TRAILERS,
    TITLE_WORDS,
    WORD,
)
from crisis_reading.finder.quote_marks import with_quoted
from crisis_reading.finder.speakers import NAME_SUFFIXES, ORGANISATION_NOUNS, Mention, pronoun_of_given_name

DATELINE_START = re.compile(
    with_quoted(
        r"\s*[A-Z][^–—.:{quoted}]{0,50}?(?:\([^()]{1,30}\))?\s*(?:[–—]|\s-)\s+"
        # an agency's English service with no dash: "San Aurelio, Dec 7 (AHS) The confederation …" (a place, a
        # comma, a date with its day, the agency's letters, or the blanks left where a bracketed aside was read out)
        r"|\s*[A-Z][^–—.:,{quoted}]{0,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s+\([A-Z]{2,8}\)|\s{5,12})\s+(?=[A-Z])"
    )
)


def _words(segment: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in WORD.finditer(segment)]


# A person's initials: "K. Surendranath", "R.K. Ghatge", "J. R. Ortiz" — not an organisation's letters (NATO)
INITIALS = re.compile(r"(?!(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.|U\.S\.A\.|U\.A\.E\.)$)(?:[A-Z]\.){1,3}")


def _is_titleish(tokens: list[str], index: int) -> bool:
    if INITIALS.fullmatch(tokens[index]):
        return False
    word = tokens[index].rstrip(".")  # Mr. and Dr. are titles like Mr and Dr
    parts = word.split("-")
    if word in TITLE_WORDS or all(p in TITLE_WORDS for p in parts if p):
        return True
    if index == 0 and word.lower() in ROLE_NOUNS and word[:1].isupper():
        return True  # "Chef Ana Biel has blasted …": a role noun capitalised as the sentence's first word
    if len(word) >= 2 and word.replace("-", "").isupper():
        return True  # an acronym: NATO, US, OSCE
    if word.endswith(("’s", "'s")):
        return True  # a possessive: Poland’s Minister …
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:ian|an|ese|ish|ic)", word)) and following in TITLE_WORDS


def _read_name_run(words: list[tuple[int, int, str]], block: str) -> Mention | None:
    """Rule "full name": a run of capitalised words is [title words] + name; the title is the role."""
    while words and words[0][2] in ("The", "the"):
        words = words[1:]
    while words and words[0][2].lower() in FUNCTION_WORDS:
        words = words[1:]
    if not words or words[-1][2].endswith(("’s", "'s")) or words[-1][2] in NOT_NAMES:
        return None
    tokens = [w for _, _, w in words]
    # Rule "person of an organisation": "Union President Doreen Alcott of the Ostrander Nurses Association" is
    # Doreen Alcott, whose role names the organisation; "the Ministry of Transport" stays one name. Also "Rafael
    # Osei of Branwell Research": a full name, then "of" and a name of more than one word. Only the first "of" is
    # tried, and the words before it are read without this rule (no recursion: "Garden of Garden of …").
    at = tokens.index("of") if "of" in tokens else -1
    if at >= 2:
        after = tokens[at + 1 :]
        named_body = sum(t[:1].isupper() for t in after) >= 2 and not set(tokens[:at]) & _PLACE_WORDS
        if any(t.strip(",") in ORG_WORDS for t in after) or named_body:
            person = _read_name_run(words[:at], block) if "of" not in tokens[:at] else None
            if person is not None and person.kind == "person":
                person.role = f"{person.role} {block[words[at][0] : words[-1][1]]}".strip()
                return person
    holder_after = at >= 0 and any(t in TITLE_WORDS for t in tokens[at + 1 : -2])
    if at >= 1 and tokens[at - 1] in ORG_WORDS and at + 1 < len(tokens) and not holder_after:
        # "the National Confederation of Transport Workers": an organisation's own "of" ("Transport" is no title
        # here, as it is before a name: "… of Mine Workers President Ana Ruiz")
        return Mention(block[words[0][0] : words[-1][1]], words[0][0], "name")
    last_title = -1
    for index in range(len(tokens) - 1):
        if _is_titleish(tokens, index) or tokens[index] in NAME_CONNECTORS:
            last_title = index
    if (
        last_title >= 1
        and tokens[last_title] in ("for", "of")
        and (_is_titleish(tokens, last_title - 1) or tokens[last_title - 1] in ORG_WORDS)
    ):
        # "the UN High Commissioner for Refugees", "the Pellingford Museum of Antiquities": an office or a body
        # named by what it is for or of; the whole run speaks — unless its last two words are a given name and
        # a surname ("Minister of Water Resources and Irrigation Farida Kessoum")
        return _office_or_its_holder(words, block, len(tokens) - last_title > 3)
    name_words = words[last_title + 1 :]
    if name_words and name_words[0][2] == "and":
        # "The Minister of Trade and Industry": the words after "and" are the office's too (and a given name
        # and a surname at its end the person's: "Minister of Trade and Industry Tom Reid")
        return _office_or_its_holder(words, block, len(name_words) >= 3)
    while name_words and name_words[0][2] in NAME_CONNECTORS:
        name_words = name_words[1:]
    if not name_words:
        return None
    start, end = name_words[0][0], name_words[-1][1]
    role = block[words[0][0] : words[last_title][1]].strip() if last_title >= 0 else ""
    name_tokens = [w for _, _, w in name_words]
    # "Catherine Holloway KC": letters after a name are no organisation's initials
    letters = [t for t in name_tokens if t not in NAME_SUFFIXES and not INITIALS.fullmatch(t)]
    is_org = any(t in ORG_WORDS for t in name_tokens) or any(t.isupper() and len(t) > 1 for t in letters)
    # "Halden Oil", "Ashcombe Hydro": a company's word last, after a first word that is no given name
    is_org = (
        is_org
        or (
            len(name_tokens) >= 2
            and name_tokens[-1] in COMPANY_WORDS
            # "Kenya Airways", "Grace Petroleum": no surname, whatever comes first ("Samantha Power" is a person)
            and (name_tokens[-1] not in SURNAME_TOO or pronoun_of_given_name(" ".join(name_tokens[:2])) is None)
        )
    )
    place = name_tokens[-1] in PLACE_LAST_WORDS  # "Victoria Falls", "Lincoln Park": a place, not a person
    if len(name_tokens) >= 2 and not is_org and not place and len(name_tokens) <= 4:
        return Mention(block[start:end], start, "person", role=role)
    if last_title >= 0 and len(name_tokens) == 1 and not is_org and role and role.split()[-1] in TITLE_WORDS:
        return Mention(block[start:end], start, "name", role=role)  # President Putin: a surname after a title
    start = words[0][0] if is_org or len(name_tokens) > 1 or last_title < 0 else start
    return Mention(block[start:end], start, "name")


COMPANY_WORDS = set(
    """
Oil Gas Petroleum Energy Power Electric Hydro Airlines Airways Air Holdings Motors Steel Mining Minerals Metals
Telecom Pharma Pharmaceuticals Chemicals Industries Partners Capital Systems Technologies Foods Logistics Shipping
Lines Rail Railways Water Utilities Insurance Securities Resources Construction Engineering Media Communications
""".split()
)


PLACE_LAST_WORDS = set(
    """
Falls Street Avenue Square Bridge River Lake Lakes Mountain Mountains Hills Valley Island Islands Bay Beach
Springs Heights Road Harbour Harbor Airport Station Stadium Camp Creek Point Forest Desert Canyon Gardens Plaza
""".split()
)
SURNAME_TOO = {"Power", "Steel", "Water", "Media", "Air", "Lines", "Gas", "Capital", "Partners"}


def _office_or_its_holder(words: list[tuple[int, int, str]], block: str, room_for_a_name: bool) -> Mention:
    """A run read as an office ("the Minister of Trade and Industry"): the whole run speaks, unless its last two
    words are a given name the census lists and a surname, the office's holder ("… and Irrigation Tom Reid")."""
    tokens = [w for _, _, w in words]
    if room_for_a_name and pronoun_of_given_name(" ".join(tokens[-2:])):
        start = words[-2][0]
        return Mention(block[start : words[-1][1]], start, "person", role=block[words[0][0] : words[-3][1]])
    return Mention(block[words[0][0] : words[-1][1]], words[0][0], "name")


def _number_in_name(before: str, word: str) -> bool:
    """ "Local 412", "Route 9": a number right after a capitalised word that is no date, time or function word."""
    lowered = before.lower()
    return word.isdigit() and _capitalised(before) and lowered not in TIME_WORDS and lowered not in FUNCTION_WORDS


_PLACE_WORDS = {"Republic", "Kingdom", "States", "Emirates", "Isle", "City", "County", "Province", "Region", "Gulf"}


def _with_article(mention: Mention, block: str) -> Mention:
    """Keep "the" before a one-word name as written: "the West", "The Kremlin"."""
    before = block[: mention.start]
    found = re.search(r"(?:^|\s)([Tt]he)\s+$", before)
    if found and mention.kind == "name":
        start = found.start(1)
        return Mention(block[start : mention.start + len(mention.text)], start, "name")
    return mention


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in PRONOUNS


TIME_WORDS = set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august"
    " september october november december week month year weekend morning evening night today yesterday".split()
)


def _without_trailing_time(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule "time between subject and verb": "the party on Sunday refused" — drop "on Sunday", "last week"."""
    for size in (4, 3, 2):
        tail = [w[2].lower().strip(",") for w in words[-size:]]
        if (
            len(words) > size
            and tail[0] in ("on", "last", "this", "late", "early", "earlier", "in")
            and any(t in TIME_WORDS for t in tail[1:])
        ):
            return words[:-size]
    return words


def _without_leading_time(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule "time before the subject": "Last month the families’ association marched …" — drop "Last month"."""
    for size in (3, 2):
        head = [w[2].lower().strip(",") for w in words[:size]]
        if (
            len(words) > size
            and head[0] in ("on", "last", "this", "late", "early", "earlier", "in", "next")
            and head[-1] in TIME_WORDS
        ):
            return words[size:]
    return words


OPENING_PREPOSITIONS = set(
    "inside outside in at on across along beyond within near throughout despite after before under over around"
    " behind beside between among amid amidst since until from with without against toward towards through during"
    " into onto upon via by for".split()
)


# Adverbials of more than one word between a subject and its verb: "The Ministry has so far maintained …"
TRAILING_ADVERBIALS = [
    phrase.split()
    for phrase in (
        "so far", "thus far", "until now", "up to now", "to date", "for years", "for months", "for weeks",
        "for decades", "for some time", "in the past", "since then", "at the time", "all along", "once again",
    )
]  # fmt: skip


def _without_trailing_adverbial(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    lowered = [w[2].lower() for w in words]
    for phrase in TRAILING_ADVERBIALS:
        if len(words) > len(phrase) and lowered[-len(phrase) :] == phrase:
            return words[: -len(phrase)]
    return words


# words between "the" and a body's name that say what it is now, not what it is called
NAME_MODIFIERS = {"ruling", "governing", "opposition", "main", "rival", "banned", "outlawed", "separatist"}


LIST_MARKERS = {"•", "·", "▪", "*", "-", "–", "—"}


def read_mention(block: str, start: int, end: int, anchor: str) -> Mention | None:
    """The speaker named in block[start:end]: at its end (subject right before a verb) or at its start
    (the subject of the main clause, or the name after "according to" or an inverted "said X")."""
    words = _words(block[start:end], start)
    # a live blog's list marker ("• Analysts at the Carrow Institute say …") is no part of the name
    while words and (words[0][2].lower() in CONJUNCTIONS or words[0][2] in LIST_MARKERS):
        words = words[1:]
    if anchor == "end":
        words = _without_trailing_time(words)
        while words and (words[-1][2].lower() in SUBJECT_TRAILERS or re.fullmatch(r"[a-z]+ly", words[-1][2])):
            words = words[:-1]
            words = _without_trailing_adverbial(words)
        words = _without_trailing_adverbial(words)
        while words and words[-1][2].lower() in SUBJECT_TRAILERS:
            words = words[:-1]  # "The Ministry has so far maintained": "so far", then "has"
    if not words:
        return None
    if anchor == "start":
        words = _without_trailing_time(_without_leading_time(words))  # "the Office on Tuesday"
        if not words:
            return None
        original = words
        if (
            words[0][2] in ("The", "the")
            and len(words) > 2
            and words[1][2] in NAME_MODIFIERS
            and _capitalised(words[2][2])
        ):
            words = words[2:]  # "the ruling Lok Samruddhi Party": the party's name after what it is now
        if words[0][2] in ("The", "the") and len(words) > 1 and _capitalised(words[1][2]):
            words = words[1:]
        first = words[0][2]
        if first.lower() in PRONOUNS:
            return Mention(first, words[0][0], "pronoun")
        lower = 0
        while lower < min(3, len(words) - 1) and words[lower][2].islower() and words[lower][2].isalpha():
            lower += 1
        if (
            1 <= lower <= 3
            and _capitalised(words[lower][2])
            and (
                words[lower - 1][2] in ROLE_NOUNS
                or (_speaker_noun(words[lower - 1][2]) and not words[lower - 1][2].endswith("s"))
            )
        ):
            # Rule "lower-case description before a name": "said nurse Lina Obeid", "said police spokesman Erik Dahl"
            named = read_mention(block, words[lower][0], words[-1][1], anchor="start")
            if named is not None and named.kind == "person":
                named.role = f"{block[words[0][0] : words[lower - 1][1]]} {named.role}".strip()
                return named
        if first in ROLE_NOUNS and len(words) > 1 and _capitalised(words[1][2]):
            # Rule "lower-case role before a name": "spokesperson Tobias Wrenfield of the Office of …"
            named = read_mention(block, words[1][0], words[-1][1], anchor="start")
            if named is not None and named.kind == "person":
                named.role = f"{first} {named.role}".strip()
                return named
        if first.lower() in DETERMINERS:
            return _read_group(words, block, anchor)
        run = []
        for at, word in enumerate(words):
            # "Local 412 of the Allied Fabrication Workers": a number inside a name before "of" (not "Game 7 Tom")
            number = run and _number_in_name(run[-1][2], word[2]) and at + 1 < len(words) and words[at + 1][2] == "of"
            # "Minister of Water Resources and Irrigation Farida Kessoum": "and" inside a title's office
            office_and = (
                run and word[2] == "and" and at + 1 < len(words) and _capitalised(words[at + 1][2])
                and not words[at + 1][2].isupper()  # "… Zbigniew Rau and OSCE chairperson": a second party
                and (
                    (any(w[2] in TITLE_WORDS for w in run) and any(w[2] in ("of", "for") for w in run))
                    # "the Lower Tessary Fire and Rescue Service": one organisation's name
                    or any(w[2].strip(",.") in ORG_WORDS for w in words[at + 1 : at + 4] if _capitalised(w[2]))
                )
            )  # fmt: skip
            if _capitalised(word[2]) and word[2][-1] in ",;:" and len(word[2]) > 2:
                run.append((word[0], word[1] - 1, word[2][:-1]))  # "Aliki Vanne, who chairs …": the name ends here
                break
            if _capitalised(word[2]) or (run and word[2] in NAME_CONNECTORS) or number or office_and:
                run.append(word)
            else:
                break
        while run and run[-1][2] in NAME_CONNECTORS:
            run.pop()
        if len(run) >= 2 and run[0][2].lower() in OPENING_PREPOSITIONS and run[1][2] not in TITLE_WORDS:
            return None  # "Inside Dask the mood is bleaker": a place after a preposition, not a person's name
        after = words[len(run) :] if run and run[-1] is words[len(run) - 1] else []
        while len(after) > 3 and (after[0][2] in ("and", "&") or _capitalised(after[0][2])) and len(after) > 1:
            after = after[1:]  # "… and Livestock executive …": the rest of the office's name
        if len(after) >= 3 and after[0][2] in ROLE_NOUNS and _capitalised(after[1][2]):
            # Rule "an office's name, a lower-case role, a name": "Regional Agriculture and Livestock executive Joel
            # Seronei toured …" — the person after the role speaks; the office and the role are the role
            named = read_mention(block, after[1][0], words[-1][1], anchor="start")
            if named is not None and named.kind == "person":
                named.role = f"{block[run[0][0] : after[0][1]]} {named.role}".strip()
                return named
        if run:
            group = _group_after_name(original, len(original) - len(words) + len(run), block)
            if group:
                return group
            mention = _read_name_run(run, block)
            return _with_article(mention, block) if mention else None
        return _read_group(words, block, anchor)
    words = _without_leading_time(words) or words  # "In July it found …"
    last = words[-1][2]
    if last.lower() in PRONOUNS and len(words) == 1:
        return Mention(last, words[-1][0], "pronoun")
    if last.lower() in PRONOUNS and words[0][2].lower() in FRONTED_OPENERS and len(words) <= 6:
        # Rule "fronted adverbial without a comma": "In a later post she wrote …", "Afterwards he described …"
        return Mention(last, words[-1][0], "pronoun")
    place = _speaker_of_place(words[-8:], block)
    if place is not None:
        return place  # "The district court in Saldren ruled": the court, not the place
    if _capitalised(last):
        run = [words[-1]]
        organisation = last.strip(",") in ORG_WORDS
        for at in range(len(words) - 2, -1, -1):
            word = words[at]
            # "Fire and Rescue Service": "and" joins the words of one organisation's name, between capitals.
            joins = organisation and word[2] in ("and", "&") and at > 0 and _capitalised(words[at - 1][2])
            number = at > 0 and _number_in_name(words[at - 1][2], word[2]) and run[0][2] in NAME_CONNECTORS
            if _capitalised(word[2]) or word[2] in NAME_CONNECTORS or joins or number:
                run.insert(0, word)
            else:
                break
        while run and run[0][2] in NAME_CONNECTORS:
            run.pop(0)
        mention = _read_name_run(run, block)
        return _with_article(mention, block) if mention else None
    return _speaker_of_place(words, block) or _read_group(words, block, anchor)


FRONTED_OPENERS = {
    "in", "on", "at", "after", "before", "during", "later", "afterwards", "then", "earlier", "since", "while",
    "whereas", "although", "though", "when",
}  # fmt: skip


_PLACE_PREPOSITIONS = {
    "at",
    "in",
    "for",
    "from",
    "with",
    "of",
    "to",
    "representing",  # "a group representing villagers near the excavation"
    "familiar",
    "close",
    "briefed",
    "involved",  # "two people familiar with the talks", "a source close to the talks"
}


def _speaker_of_place(words: list[tuple[int, int, str]], block: str) -> Mention | None:
    """Rule "speaker at a place": "a source at the AMTN secretariat", "an official in Cairnwick", "a spokesman
    for the ministry": a speaker noun followed by at/in/for/from/with and the body or place it belongs to.
    A lower-case speaker noun is looked for first, from the left ("a spokesman for the Ministry of the Interior"
    is the spokesman's, not the ministry's); then any, from the right, except a body after a person's "of"
    ("Prof. Ana Rao of the Ranthali Institute of Public Affairs" is hers: _read_name_run reads her)."""
    nouns = [
        at for at in range(max(0, len(words) - 12), len(words) - 1)
        if words[at + 1][2] in _PLACE_PREPOSITIONS and words[at][2].lower() in SPEAKER_NOUNS
    ]  # fmt: skip
    candidates = [at for at in nouns if words[at][2].islower() or at == 0]
    candidates += [at for at in reversed(nouns) if at >= len(words) - 9 and not _after_a_persons_of(words, at)]
    for at in candidates:
        head = _read_group(words[: at + 1], block, "end")
        if head is not None:
            return Mention(block[head.start : words[-1][1]], head.start, "group")
    return None


def _after_a_persons_of(words: list[tuple[int, int, str]], at: int) -> bool:
    """Is words[at] inside a proper name that follows "Surname of (the)"? ("Rao of the Ranthali Institute")"""
    first = at
    while first > 0 and _capitalised(words[first - 1][2]):
        first -= 1
    before = [w for _, _, w in words[max(0, first - 3) : first]]
    if before and before[-1] == "the":
        before = before[:-1]
    return len(before) >= 2 and before[-1] == "of" and _capitalised(before[-2]) and before[-2] not in ORG_WORDS


def _group_after_name(words: list[tuple[int, int, str]], after: int, block: str) -> Mention | None:
    """Rule "proper modifier": a name followed by a speaker noun is a group or a role, not a name:
    "Carvessan officials", "Meridia’s defence ministry", "the agency’s special envoy"."""
    for offset, word in enumerate(words[after : after + 3]):
        lowered = word[2].lower()
        if _speaker_noun(lowered):
            while after + offset + 1 < len(words) and _speaker_noun(words[after + offset + 1][2]):
                offset += 1  # "Meridia’s defence ministry": the head is the last of the nouns
                word = words[after + offset]
                lowered = word[2].lower()
            following = words[after + offset + 1 : after + offset + 5]
            name = []
            for next_word in following:
                if not _capitalised(next_word[2]):
                    break
                name.append(next_word)
            if len(name) >= 2:  # "City Council member Luis Aramburu": the name is the speaker, the rest the role
                person = _read_name_run(name, block)
                if person is not None and person.kind == "person":
                    person.role = person.role or block[words[0][0] : word[1]]
                    return person
            start, end = words[0][0], word[1]
            singular_role = lowered in ROLE_NOUNS and words[0][2].lower() == "the"
            return Mention(block[start:end], start, "role" if singular_role else "group")
        if not word[2].islower() or lowered in NOT_MODIFIERS or lowered in CANDIDATES or lowered.endswith("ed"):
            return None
    return None


def _read_group(words: list[tuple[int, int, str]], block: str, anchor: str) -> Mention | None:
    """Rules "collective" and "role": a noun phrase whose head names speakers ("some EU diplomats", "officials",
    "Western powers"), or "the minister" referring back to a speaker met before."""
    if anchor == "start":
        head_index = next((i for i, w in enumerate(words[:5]) if _speaker_noun(w[2])), None)
        if head_index is None:
            return None
        while head_index + 1 < min(len(words), 6) and _speaker_noun(words[head_index + 1][2]):
            head_index += 1  # "according to a police source", "court records": the head is the last noun
        after = _postmodifier(words[head_index + 1 :])
        group = _read_group(words[: head_index + 1], block, "end")
        if group is not None and after:
            # Rule "speaker with a postmodifier": "two officials familiar with the negotiations", "a senior
            # official at the culture ministry" — the whole phrase names the speaker.
            return Mention(block[group.start : after[-1][1]].rstrip(",. "), group.start, "group")
        return group
    head = words[-1][2]
    if not _speaker_noun(head):
        return None
    phrase = [words[-1]]
    for at in range(len(words) - 2, -1, -1):
        word = words[at]
        lowered = word[2].lower()
        joins_two = _capitalised(phrase[0][2]) and _capitalised(words[at - 1][2]) if at > 0 else False
        # "the culture and foreign ministries": two adjectives of one plural body, lower case
        joins_two = joins_two or (
            at > 0 and len(phrase) == 2 and head.lower() in _BODIES and words[at - 1][2].isalpha()
            and words[at - 1][2].lower() not in NOT_MODIFIERS | DETERMINERS | set(CONJUNCTIONS) | PRONOUNS
        )  # fmt: skip
        if lowered == "and" and joins_two:
            phrase.insert(0, word)  # "the Greek and Turkish ministries": one joint subject, not its last half
            continue
        if len(phrase) >= 6 or lowered in ADVERBIAL_OPENERS or lowered in AUXILIARIES or lowered in CONJUNCTIONS:
            break
        # A singular speaker noun before the head modifies it ("a court spokesman", "a police source", "union
        # leaders"); a plural one is a speaker of its own ("officials and analysts" is read elsewhere).
        if lowered in PRONOUNS or lowered in ("of", "to") or (lowered in SPEAKER_NOUNS and lowered.endswith("s")):
            break
        phrase.insert(0, word)
        if lowered in DETERMINERS:
            break
    start, end = phrase[0][0], phrase[-1][1]
    text = block[start:end]
    if (head.lower() in ROLE_NOUNS or AGE_NOUN.fullmatch(head.lower())) and phrase[0][2].lower() == "the":
        return Mention(text, start, "role")
    return Mention(text, start, "group")


# Plural nouns of people by what they do ("steelmakers", "growers", "exporters", "economists", "Ukrainians") speak
# as groups; these words end the same way and name no one.
_NOT_PEOPLE = {
    "others", "numbers", "papers", "orders", "borders", "matters", "waters", "letters", "headquarters", "offers",
    "centers", "centres", "powers", "hours", "years", "figures", "questions", "chambers", "layers", "quarters",
    "lists", "interests", "frontiers", "barriers", "rivers", "towers", "waivers", "registers", "records", "tests",
    "insists", "persists", "resists", "exists", "assists", "twists", "enters", "answers", "considers",
    "delivers", "remembers", "gathers", "covers", "suffers", "differs", "refers", "prefers", "wonders",
}  # fmt: skip


_POSTMODIFIERS = ("at", "in", "for", "from", "with", "of", "close", "familiar", "briefed", "involved", "representing")


def _postmodifier(rest: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words after a speaker noun that still belong to it ("familiar with the negotiations", "at the
    ministry"): all of them, when they open with such a word and hold no verb and no clause; else []."""
    if not rest or rest[0][2].lower() not in _POSTMODIFIERS or len(rest) > 7:
        return []
    for _, _, word in rest:
        lowered = word.lower().strip(",.")
        if (
            lowered in CANDIDATES
            or lowered in AUXILIARIES
            or lowered in NOT_MODIFIERS - {"of", "to", "in", "on", "at", "for", "with", "by", "from"}
        ):
            return []  # fmt: skip
        if re.fullmatch(r"[a-z]{3,}ed", lowered) and lowered not in ("briefed", "involved"):
            return []
    return rest


def _speaker_noun(word: str) -> bool:
    lowered = word.lower().strip(",")
    if lowered in SPEAKER_NOUNS or lowered in GROUP_NOUNS or AGE_NOUN.fullmatch(lowered):
        return True
    if lowered.endswith(("man", "men")) and len(lowered) > 6 and lowered not in _NOT_MEN:
        return True  # "one fisherman", "a councilwoman", "two policemen": people named by their work
    return lowered.endswith(("ers", "ists", "ians")) and lowered not in _NOT_PEOPLE and len(lowered) > 5


_NOT_MEN = {"specimen", "specimens", "abdomen", "talisman", "ottoman", "regimen"}


THOUSANDS_COMMA_OR_COMMA = re.compile(r"(?P<thousands>(?<=\d),(?=\d{3}(?!\d)))|,")


def _segments(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of block[start:end], as (start, end) offsets, blank pieces kept."""
    pieces = []
    position = start
    for match in THOUSANDS_COMMA_OR_COMMA.finditer(block[start:end]):
        if match.group("thousands"):
            continue  # "9,000 gallons": a number's comma divides no pieces
        pieces.append((position, start + match.start()))
        position = start + match.end()
    pieces.append((position, end))
    return pieces


def after_adverbials(masked: str, start: int, end: int) -> int:
    """Where the words after a sentence's opening adverbials begin ("Late Tuesday, …", "Eleven weeks before …, …")."""
    pieces = _segments(masked, start, end)
    while len(pieces) > 1 and _is_adverbial(masked, pieces[0]):
        pieces = pieces[1:]
    return pieces[0][0]


_AFTER_ASKED = {"about", "whether", "if", "by", "to", "on", "of", "for", "with", "in", "why", "how", "what", "when"}
_TIME_SPANS = {"minutes", "hours", "days", "weeks", "months", "years", "minute", "hour", "day", "week", "month", "year"}


def _is_adverbial(block: str, piece: tuple[int, int]) -> bool:
    words = [w for _, _, w in _words(block[piece[0] : piece[1]], piece[0])]
    while words and words[0].lower() in CONJUNCTIONS:
        words = words[1:]
    if not words:
        return True
    first = words[0]
    late = first.lower() in ("late", "early") and len(words) > 1 and words[1].lower().strip(",") in TIME_WORDS
    # "Eleven weeks before the valve gave way, the company’s own inspectors flagged …": a span of time before or after
    span = (
        len(words) > 2 and words[1].lower() in _TIME_SPANS and words[2].lower() in ("before", "after", "later", "ago")
    )
    # "Asked about the scandal involving her chief of staff, Paulo Reis, Costa said …": a participle opening it
    participle = bool(re.fullmatch(r"[A-Z][a-z]+ed", first)) and len(words) > 1 and words[1].lower() in _AFTER_ASKED
    return (
        late  # "Late Tuesday, the council said …"
        or span
        or participle
        or first.lower() in ADVERBIAL_OPENERS
        or (first.lower().endswith("ing") and first[0].isupper())
        or bool(re.fullmatch(r"[A-Za-z]+ly", first))
    )


ANONYMOUS_RELATIVE = re.compile(
    r"\s+who\s+(?:asked|declined|did\s+not\s+want|was\s+not\s+authori[sz]ed|were\s+not\s+authori[sz]ed)"
    r"\s+(?:not\s+)?to\s+(?:be\s+)?(?:named|identified|quoted|speak\s+publicly|speak\s+on\s+the\s+record)\s+$"
)


SUBJECT_RELATIVE = re.compile(
    r"(?<=[a-z])\s+who\s+(?:[a-z]+ly\s+)?(?:holds|held|has|had|owns|runs|ran|leads|led|lives|"
    r"lost|works|worked|manages|represents|represented|heads|chairs|survived)\s+[^,;:.]{2,50}$"
)


def find_subject(block: str, masked: str, sentence_start: int, verb_start: int, participle: bool) -> Mention | None:
    """Rule "subject" (see _find_subject); when the words after a quotation name nobody, the quotation was a
    title or term inside the subject ("Aaron Feld, author of “Stopped at the Depot,” a history of strikes,
    said …"), so the whole subject is read."""
    if anonymous := ANONYMOUS_RELATIVE.search(masked, sentence_start, verb_start):
        # Rule "source who asked not to be named": "…, a shift supervisor who asked not to be named told GRNA." —
        # the reporter's formula for an anonymous source stands between the subject and its verb
        verb_start = anonymous.start()
    mention = _find_subject(block, masked, sentence_start, verb_start, participle, after_quotes=True)
    if mention is None and (relative := SUBJECT_RELATIVE.search(masked, sentence_start, verb_start)):
        # Rule "subject with a relative clause": "… and one fund manager who holds Corran’s junior bonds called the
        # write-off “…”" — the speaker is the noun phrase before "who"
        before_who = _find_subject(block, masked, sentence_start, relative.start(), participle, after_quotes=True)
        mention = before_who if before_who is not None and before_who.kind not in ("none", "pronoun") else None
    if mention is None and not participle:
        mention = _find_subject(block, masked, sentence_start, verb_start, participle, after_quotes=False)
        if mention is not None and any(block[mention.start : verb_start].count(mark) for mark in CLOSING_MARKS):
            return mention  # a quotation stands between the subject and the verb: a title inside the subject
        return None
    return mention


def _find_subject(
    block: str, masked: str, sentence_start: int, verb_start: int, participle: bool, after_quotes: bool
) -> Mention | None:
    """Rule "subject": who the verb's subject is, reading the reporter's words before the verb.

    Leading adverbials ("At a press conference in Brussels,", "Looking ahead,") are skipped; in
    "NAME, appositive, said" the name before the appositive is the subject; a participle ("…, saying") takes
    the subject of its main clause; after a closing quotation mark only the words after it count.
    """
    region_start = sentence_start
    if sentence_start == 0:
        dateline = DATELINE_START.match(masked)
        if dateline and dateline.end() <= verb_start:
            region_start = dateline.end()
    last_close = max(masked.rfind(mark, region_start, verb_start) for mark in CLOSING_MARKS)
    # a closing mark typed as two apostrophes (“…’’ he said): its second apostrophe closes the quotation
    doubled = [masked.rfind(mark, region_start, verb_start) for mark in ("’’", "''")]
    last_close = max([last_close] + [at + 1 for at in doubled if at >= 0])
    if last_close >= 0 and after_quotes:
        region_start = last_close + 1
    # (not the colon of a time or a score: "at 11:20am", "won 3:1")
    colons = [m.start() for m in re.finditer(r"(?<!\d):|:(?!\d)|;", masked[region_start:verb_start])]
    colon = region_start + colons[-1] if colons else -1
    if colon >= 0 and masked[colon + 1 : verb_start].strip():
        # "Pellowmere floods: Council leader says …", "… from Monday; opposition calls …": the words after it
        region_start = colon + 1
    pieces = _segments(masked, region_start, verb_start)
    opened = len(pieces) > 1 and _is_adverbial(masked, pieces[0])
    while len(pieces) > 1 and _is_adverbial(masked, pieces[0]):
        pieces = pieces[1:]
    last_piece = pieces[-1]
    last_words = masked[last_piece[0] : last_piece[1]].split()
    if opened and len(pieces) > 1 and not participle:
        # "Asked about the scandal involving her chief of staff, Paulo Reis, Costa said …": after an opening
        # adverbial, a name right before the verb is the subject; the name before it belonged to the adverbial
        last = read_mention(masked, *last_piece, anchor="start")
        if last is not None and last.kind in ("person", "name") and _covers(masked, last_piece, last):
            earlier = read_mention(masked, *pieces[-2], anchor="start")
            if earlier is not None and earlier.kind == "person" and _covers(masked, pieces[-2], earlier):
                return last
    if len(pieces) > 1 and len(last_words) > 1 and last_words[0].lower() in CONJUNCTIONS and not participle:
        return read_mention(masked, *last_piece, anchor="end")  # "…, but both governments said": a new clause
    own = not participle and re.match(r"\s*(?:which|whom)\s+(?=\S)", masked[last_piece[0] : last_piece[1]])
    if len(pieces) > 1 and own:
        # Rule "relative clause with a subject of its own": "…, which Ms Pell said was “simply untrue”"
        mention = read_mention(masked, last_piece[0] + own.end(), last_piece[1], anchor="end")
        if mention is not None and mention.kind in ("person", "name", "group", "role"):
            return mention
    for index, piece in enumerate(pieces):
        mention = read_mention(masked, *piece, anchor="start")
        if index == 0 and not (mention and mention.kind == "person" and _covers(masked, piece, mention)):
            mention = _described_person(masked, piece) or mention
        if mention and mention.kind == "person" and _covers(masked, piece, mention) and _an_office(mention):
            later = [(read_mention(masked, *p, anchor="start"), p) for p in pieces[index + 1 :]]
            if any(m and m.kind == "person" and _covers(masked, p, m) for m, p in later):
                continue  # "The High Commissioner for Energy Infrastructure Safety, Celestine Abara, said"
        if mention and mention.kind == "person" and _covers(masked, piece, mention):
            # "NAME, appositive, said" or "role, NAME, said": the piece that is only a name is the subject.
            neighbour = pieces[index - 1] if index > 0 else pieces[index + 1] if index + 1 < len(pieces) else None
            appositive = masked[neighbour[0] : neighbour[1]].strip() if neighbour else ""
            if appositive and not _is_adverbial(masked, neighbour):
                # "The Chairperson of the Tribunal, Justice Kamala Venkatraman, stated": the title and the role
                mention.role = _role_with_title(appositive, mention.role)
            return mention
    first = read_mention(masked, *pieces[0], anchor="start")
    if participle:
        return first
    if first is not None and first.kind == "group" and len(pieces) > 1 and _the_body(first):
        # Rule "the body, then its name": "The company, Golden Ridge Mining, said …" — the name speaks
        named = read_mention(masked, *pieces[1], anchor="start")
        if (
            named is not None
            and named.kind == "name"
            and len(named.text.split()) >= 2
            and _covers(masked, pieces[1], named)
        ):
            return named
    # "…, titled “…”, had described": only auxiliaries and adverbs between the last comma and the verb
    last_blank = all(word.lower() in SUBJECT_TRAILERS or re.fullmatch(r"[a-z]+ly", word) for word in last_words)
    if len(pieces) > 1 and first and (last_blank or _covers(masked, pieces[0], first)):
        return first
    if last_blank:
        return None
    if len(pieces) > 1 and re.fullmatch(
        r"\s*(?:who|which)(?:\s+\w+ly|\s+also|\s+has|\s+have|\s+had|\s+long)*\s*", masked[last_piece[0] : last_piece[1]]
    ):
        # Rule "relative subject": "Karsundi steelmakers, who say …", "said Dunmore, who has long accused …"
        return read_mention(masked, *pieces[-2], anchor="end")
    relative = RELATIVE_CLAUSE.search(masked, last_piece[0], last_piece[1])
    if relative:  # Rule "relative clause": "a senior official who asked not to be named said …"
        mention = read_mention(masked, last_piece[0], relative.start(), anchor="end")
        if mention is not None and mention.kind != "pronoun":
            return mention
    opener = masked[last_piece[0] : last_piece[1]].split()[:1]
    whole = (
        read_mention(masked, *last_piece, anchor="start")
        if opener and opener[0].lower() in INDEFINITE_OPENERS
        else None
    )
    if (
        whole is not None
        and whole.kind == "group"
        and whole.start + len(whole.text) >= len(masked[: last_piece[1]].rstrip())
    ):
        # Rule "a source with a postmodifier": "…, a senior official in the office of the Relief Commissioner told
        # …" — the whole phrase is the subject, not the name at its end
        return whole
    return read_mention(masked, *last_piece, anchor="end")


RELATIVE_CLAUSE = re.compile(r"\s+(?:who|which)\s+[^,;:]+$")
INDEFINITE_OPENERS = {"a", "an", "one", "two", "three", "some", "several", "another"}


LABEL = re.compile(r"\s*[A-Z][A-Z’' -]{1,30}:\s+")


def sentence_subject(masked: str, sentence: tuple[int, int]) -> Mention | None:
    """Rule "named subject": a sentence that opens (after adverbials) with a person's full name, or with
    "role, Full Name," names a person whom a later pronoun may mean, even if no reporting verb follows."""
    label = LABEL.match(masked, sentence[0], sentence[1])  # "ON THE LINE: Gail Horvath, 58, has worked …"
    sentence = (label.end(), sentence[1]) if label else sentence
    if identified := identified_person(masked, sentence):
        return identified
    stop = re.search(r"[.;:?!]", masked[sentence[0] : sentence[1]])
    pieces = _segments(masked, sentence[0], sentence[0] + stop.start() if stop else sentence[1])
    while len(pieces) > 1 and _is_adverbial(masked, pieces[0]):
        pieces = pieces[1:]
    first = read_mention(masked, *pieces[0], anchor="start")
    if first is not None and first.kind == "person":
        return first
    if (named := _appositive_name(masked, pieces, first)) is not None:
        return named
    words = first.text.split() if first is not None else []
    if len(words) == 2 and words[0] in ("The", "the") and words[1].lower() in ROLE_NOUNS:
        return first  # "The Chairperson was not persuaded.": the holder of that role, for a later "she"
    if first is not None and first.kind == "name" and _an_organisation(first):
        return first  # Rule "organisation as subject" below, for a body by its name: "Halden Oil has suspended …"
    if first is not None and first.kind == "group" and first.text.endswith("s") and _speaker_noun(words[-1]):
        return first  # "Local officials visited the site. They said …": the group a later "they" means
    if first is not None and first.kind == "group" and first.text.split()[0] in ("The", "the"):
        if not first.text.endswith("s"):
            # Rule "organisation as subject": "The official inquiry, chaired by …, reports in the spring. … it
            # found that …" — a body that opens a sentence is what a later "it" most likely means.
            return first
    return None


def _the_body(mention: Mention) -> bool:
    """ "The company", "The ferry operator": a body named by what it is."""
    words = mention.text.lower().split()
    return len(words) >= 2 and words[0] == "the" and words[-1] in ORGANISATION_NOUNS


def _an_organisation(mention: Mention) -> bool:
    words = [word for word in mention.text.split() if word not in ("The", "the")]
    return len(words) >= 2 and (any(w in ORG_WORDS or w in COMPANY_WORDS for w in words) or words[0].isupper())


def _role_with_title(role: str, title: str) -> str:
    """The role an appositive gives a person already titled: "The Chairperson of the Tribunal, Justice" (the title
    last, where the pronoun of a title is read); a title that is more than title words, or a long appositive,
    is left as it was."""
    if not title:
        return role
    only_title = all(word.rstrip(".,") in TITLE_WORDS for word in title.split())
    short_role = len(role.split()) <= 8 and role.split()[0] in ("The", "the", "A", "a")
    return f"{role}, {title}" if only_title and short_role else title


def _appositive_name(masked: str, pieces: list[tuple[int, int]], first: Mention | None) -> Mention | None:
    """Rule "name after a role": "The mayor, Tom Reid, spoke first.", "The commander of the Dask garrison,
    Colonel Teodor Brask, spoke …" — the person named between commas after a role or a body is the subject."""
    if len(pieces) > 1 and (first is None or first.kind in ("group", "role")):
        second = read_mention(masked, *pieces[1], anchor="start")
        if second is not None and second.kind == "person" and _covers(masked, pieces[1], second):
            if first is not None and first.kind in ("role", "group", "name"):
                # "The mayor, Tom Reid, spoke first.": a later "the mayor" is him; "The Chairperson of the
                # Tribunal, Justice Kamala Venkatraman, …": her title and her role
                second.role = _role_with_title(first.text, second.role)
            return second
    return None


IDENTIFICATION = re.compile(r"\s*(?P<pronoun>She|He)\s+(?:is|was)\s+")


def identified_person(masked: str, sentence: tuple[int, int]) -> Mention | None:
    """Rule "she is NAME": "… she says. She is Colonel Ilse Varga, a former artillery officer …" — a feature
    names the person it has been describing; the name is the sentence's subject (and whom the "she" before
    meant). None for any other sentence."""
    found = IDENTIFICATION.match(masked, *sentence)
    if found is None:
        return None
    stop = re.search(r"[,;.]", masked[found.end() : sentence[1]])
    end = found.end() + stop.start() if stop else sentence[1]
    mention = read_mention(masked, found.end(), end, anchor="start")
    if mention is None or mention.kind != "person" or masked[mention.start + len(mention.text) : end].strip():
        return None
    return mention


# "… with Mei-Ling Tran, a retired school nurse.": a full name followed by an appositive or a relative clause.
# a whole run of capitalised words (titles, then a given name and a surname), not a piece of a longer one
_GIVEN_AND_SURNAME = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*[a-z](?![\w’'-])(?!\s+[A-Z])")
_INSIDE_A_LONGER_NAME = re.compile(r"(?:\b(?:and|of|for)|&|[A-Z][\w’'.-]*)\s+$")
_NAMED_AFTER_ROLE = re.compile(r"(?<![\w’'-])(?P<role>[a-z]+),\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){1,2}[A-Z][\w’'-]+),\s")
_INTRODUCED = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+),\s+(?:a|an|the|who|whose|\d{1,3},)\s")


def people_met_in_passing(masked: str, sentence: tuple[int, int]) -> list[Mention]:
    """Rule "person introduced in passing": "Ingrid Solberg … has set out 60 of them with Mei-Ling Tran, a retired
    school nurse. … Tran shakes her head at Solberg. She says …" — a full name the text introduces with an
    appositive ("X, a retired nurse,", "X, who …", "X, 62,") is a person a later "she" may mean, though no
    reporting verb follows it. Names that open the sentence are `sentence_subject`'s."""
    people = []
    for found in _INTRODUCED.finditer(masked, sentence[0], sentence[1]):
        mention = read_mention(masked, found.start(1), found.end(1), anchor="end")
        if mention is not None and mention.kind == "person" and mention.start > sentence[0]:
            people.append(mention)
    # "…, and Kestria’s foreign minister, Oskar Vallin, met …": a name between commas after its role
    for found in _NAMED_AFTER_ROLE.finditer(masked, sentence[0], sentence[1]):
        if found.group("role") not in ROLE_NOUNS or any(p.start == found.start("name") for p in people):
            continue
        mention = read_mention(masked, found.start("name"), found.end("name"), anchor="end")
        if mention is not None and mention.kind == "person" and mention.start > sentence[0]:
            people.append(mention)
    # "… released last month by State Auditor Denise Marchetti under the title …": a given name the name lists know,
    # then a surname, is a person met, whom a later "Marchetti" or "she" may mean
    for found in _GIVEN_AND_SURNAME.finditer(masked, sentence[0], sentence[1]):
        if found.start() <= sentence[0] or any(p.start <= found.start() < p.start + len(p.text) for p in people):
            continue
        if _INSIDE_A_LONGER_NAME.search(masked, max(0, found.start() - 16), found.start()):
            continue  # "Minister of Trade and Industry Tom Reid": the office's reading decides (_office_or_its_holder)
        mention = read_mention(masked, found.start(), found.end(), anchor="end")
        if mention is None or mention.kind != "person" or mention.start <= sentence[0]:
            continue
        if pronoun_of_given_name(" ".join(mention.text.split()[-2:])) is not None:  # "… Auditor Denise Marchetti"
            mention.introduced = False
            people.append(mention)
    return sorted(people, key=lambda mention: mention.start)


RELATIVE_WORDS = {"who", "whom", "whose", "which", "that", "of", "for", "with"}
DESCRIPTION = re.compile(r"(?:[A-Z][a-z]+|[A-Z]+|[a-z]+)(?:\s+[a-z]+){0,2}\s+$")


def _described_person(masked: str, piece: tuple[int, int]) -> Mention | None:
    """Rule "description before a name": "Retired headmistress Pam Ogilvy, 71, …", "TELLY chef Danny Cardew" —
    up to three words of description, the first perhaps capitalised as the sentence's first, then a full name that
    ends the piece: the name is the speaker, the description her role."""
    mention = read_mention(masked, *piece, anchor="end")
    if mention is None or mention.kind != "person" or masked[mention.start + len(mention.text) : piece[1]].strip():
        return None
    before = masked[piece[0] : mention.start]
    described = DESCRIPTION.fullmatch(before.lstrip())
    words = [word.lower() for word in before.split()]
    # not "Officers who arrested Tom Reed", "Lawyers for Ann Kerr", "Doctors treating Ann Kerr": he is their object
    if not described or any(w in DETERMINERS | NOT_MODIFIERS | RELATIVE_WORDS for w in words):
        return None
    if any(re.fullmatch(r"[a-z]+(?:ing|ed)", w) for w in before.split()[1:]):
        return None
    mention.role = mention.role or before.strip()
    return mention


def _an_office(mention: Mention) -> bool:
    """True when a "person" read after a title with "for" or "of" may be the office's last words ("the High
    Commissioner for Energy Infrastructure Safety"): a name that follows, between commas, is then the person."""
    return bool(re.search(r"\s(?:for|of)\s", f" {mention.role} "))


def _covers(block: str, piece: tuple[int, int], mention: Mention) -> bool:
    """True when the piece is only a (titled) name: nothing but the mention and its title."""
    rest = block[mention.start + len(mention.text) : piece[1]].strip()
    # "Rafael Osei of Branwell Research": the organisation after "of" was read into the person's role
    covered = rest == "" or (rest.startswith("of ") and mention.role.endswith(rest))
    return covered and mention.kind in ("person", "name")


# "Both sides said …", "the two ministers agreed …": a subject that stands for two parties named elsewhere.
JOINT_SUBJECT = re.compile(r"(?:[Bb]oth|[Tt]he\s+two)\s+([a-z]+)")
_NAMED_PAIR = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)\s+and\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)(?:\s+\([A-Z]{2,8}\))?(?=\s+([a-z][\w’'-]*))"
)


def named_pair(masked: str, start: int, end: int) -> list[Mention]:
    """Rule "both sides": the two parties a joint subject stands for, when the text just named them as a pair
    ("Ashby and Mayor Celia Dunmore met …. Both officials said …"); [] when it did not."""
    pairs = [m for m in _NAMED_PAIR.finditer(masked, start, end) if not _speaker_noun(m.group(3))]
    if not pairs:
        return []  # "the Greek and Turkish ministries": two adjectives of one subject, not two parties
    found = pairs[-1]
    whole = read_mention(masked, found.start(1), found.end(2), anchor="end")
    one_name = " the " not in masked[found.end(1) : found.start(2) + 1] and whole is not None
    if one_name and whole.start <= found.start(1) and len(whole.text) >= found.end(2) - whole.start:
        return []  # "Haskendale Fire and Rescue Service": one organisation's name, not two parties
    first = read_mention(masked, found.start(1), found.end(1), anchor="start")
    second = read_mention(masked, found.start(2), found.end(2), anchor="start")
    # People, or organisations named by their own names ("The Progress Front and the Civic Alliance")
    both = [m for m in (first, second) if m is not None and (m.kind in ("person", "name") or _proper_group(m))]
    return both if len(both) == 2 and both[0].text != both[1].text else []


_LIST_ITEM = r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
NAMED_LIST = re.compile(
    rf"(?:^|(?<=,\s))(?P<items>{_LIST_ITEM}(?:,\s+{_LIST_ITEM})+,?\s+and\s+{_LIST_ITEM})\s+"
    r"(?:(?:also|jointly|have|had|both|all)\s+)*$"
)


def named_list(masked: str, start: int, verb_start: int) -> list[Mention]:
    """Rule "a list of parties": "Kestria, Lorvany and the Council said …" is said by each of the three (data/
    README.md: one row per speaker); [] unless three or more names, each a name of its own, stand before the verb."""
    found = NAMED_LIST.search(masked, start, verb_start)
    if found is None:
        return []
    parties = []
    for item in re.finditer(_LIST_ITEM, masked[: found.end("items")][found.start("items") :]):
        offset = found.start("items") + item.start()
        mention = read_mention(masked, offset, offset + len(item.group()), anchor="start")
        if mention is None or mention.kind not in ("person", "name", "group"):
            return []
        parties.append(mention)
    return parties if len(parties) >= 3 and len({party.text for party in parties}) == len(parties) else []


BOTH_AND = re.compile(
    r"(?:^|[,;]\s+|\s)[Bb]oth\s+(?P<first>[^,;]+?)(?:,\s+[^,;]{2,60},)?\s+and\s+(?P<second>[^,;]+?)"
    r"(?:,\s+(?:however|meanwhile|though|too|in\s+turn|for\s+their\s+part),)?\s+"  # "…, however, conceded"
    r"(?:(?:also|jointly|now|still|have|has|had)\s+)*$"
)


def both_parties(masked: str, start: int, verb_start: int) -> list[Mention]:
    """Rule "both … and …": "Both the miners’ union, Vesk Pit Workers, and the Ashgill Families Association say …"
    is said by each of the two (an appositive after the first is skipped); [] for any other subject."""
    found = BOTH_AND.search(masked, start, verb_start)
    if found is None:
        return []
    first = read_mention(masked, found.start("first"), found.end("first"), anchor="start")
    second = read_mention(masked, found.start("second"), found.end("second"), anchor="start")
    both = [m for m in (first, second) if m is not None and m.kind not in ("none", "pronoun")]
    return both if len(both) == 2 else []


DEFINITE_PAIR = re.compile(
    r"(?:^|[,;]\s+|\s)(?P<first>[Tt]he\s+[^,;]{2,40}?|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})\s+and\s+"
    r"(?P<second>the\s+[^,;]{2,60}?|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5})(?:\s+\([A-Z]{2,8}\))?\s+"
    r"(?:(?:also|jointly|have|had)\s+)*$"
)


def definite_pair(masked: str, start: int, verb_start: int) -> list[Mention]:
    """Rule "the X and the Y": "Late Tuesday, the band council and the ministry said in a joint statement …" is
    said by each, when both are bodies named by what they are ("council", "ministry") or by their names ("the
    OHDP and the Concord Health Agency"); [] for any other subject ("the mayor and the residents")."""
    found = DEFINITE_PAIR.search(masked, start, verb_start)
    if found is None or not re.fullmatch(r"(?:.*,)?\s*", masked[start : found.start("first")]):
        return []  # "A spokesman for the ministry and the council said": the pair is inside the subject
    bodies = []
    for side in ("first", "second"):
        mention = read_mention(masked, found.start(side), found.end(side), anchor="start")
        whole = mention is not None and mention.start + len(mention.text) == found.end(side)
        body = mention is not None and (
            (mention.kind == "group" and mention.text.lower().split()[-1] in ORGANISATION_NOUNS)
            or (mention.kind == "name" and len(mention.text.split()) >= 2)  # "the OHDP", "the Concord Health Agency"
            or (mention.kind == "name" and mention.text.isupper() and len(mention.text) >= 2)  # "HRI and the …"
            # "the province and Ashcombe Hydro": two capitalised words whose first is no given name, beside a body
            or (mention.kind == "person" and pronoun_of_given_name(mention.text) is None and bodies)
        )
        if not whole or not body:
            return []
        bodies.append(mention)
    return bodies


def _proper_group(mention: Mention) -> bool:
    words = mention.text.split()
    words = words[1:] if words and words[0].lower() == "the" else words
    return mention.kind == "group" and len(words) >= 2 and all(_capitalised(word) for word in words)


# "The Veltrian and Karsundi ministries", "the culture and foreign ministries in Velmoria": two bodies, one noun
JOINT_BODIES = re.compile(
    r"(?P<the>[Tt]he\s+)?(?P<first>[\w’'-]+)\s+and\s+(?P<second>[\w’'-]+)\s+(?P<noun>[a-z]+)(?P<rest>\s+(?:in|of)\s+.+)?"
)
_BODIES = {
    "ministries": "ministry", "governments": "government", "departments": "department", "agencies": "agency",
    "unions": "union", "parties": "party", "companies": "company", "courts": "court", "councils": "council",
    "committees": "committee", "offices": "office", "embassies": "embassy", "authorities": "authority",
    "delegations": "delegation", "federations": "federation", "associations": "association",
}  # fmt: skip


def joint_bodies(mention: Mention) -> list[Mention]:
    """Rule "joint subject of two bodies": "The Veltrian and Karsundi ministries said …" is said by the Veltrian
    ministry and by the Karsundi ministry (data/README.md: one row per speaker); [] for any other phrase."""
    found = JOINT_BODIES.fullmatch(mention.text)
    if found is None or found["noun"] not in _BODIES or {found["first"].lower(), found["second"].lower()} & _NOT_SIDES:
        return []
    rest = found["rest"] or ""
    # Named as the course names a body ("Ilvorian ministry", not "the Ilvorian ministry"): no article of the text's
    names = [f"{found[side]} {_BODIES[found['noun']]}{rest}" for side in ("first", "second")]
    return [Mention(name, mention.start, "group") for name in names]


_NOT_SIDES = DETERMINERS | {"other", "both", "their", "its", "his", "her", "our", "these", "those"}
