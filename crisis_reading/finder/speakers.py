"""Who a mention ("Grushko", "she", "the minister", "Moscow") refers to: a small coreference over one article.

Rules, applied in reading order:

- full name: a person named in full (two or more capitalised words) is introduced, with the role read from
  the title before the name or the appositive after it; a later full name with the same surname is the same person;
- surname: one capitalised word equal to a known person's surname is that person;
- pronoun: he/she is the most recent person speaker not yet known to be of the other pronoun; it/they is the
  most recent collective speaker (a country, capital or group). What the text says of a person (a title, a
  pronoun in their own reported words, a pronoun already resolved to them) is what is known; failing that, a
  given name that the 1990 U.S. census, or the published name lists compiled by nomquamgender, counted almost only
  for women or only for men ("Teresa", "Martin", "Sunita", "Oskar"; given_names.csv, made by tools/given_names.py)
  is a likely "she" or "he", so "she" skips a Martin met since;
- role: "the minister" is the most recent speaker whose role contains that noun;
- collective: any other name or group ("Moscow", "the West", "some EU diplomats") is a voice of its own,
  one id per wording.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files

from crisis_reading.dataset.vocabulary import UNATTRIBUTED, slug
from crisis_reading.finder.lexicon import AGE_NOUN, ROLE_NOUNS, TITLE_WORDS

PRONOUN_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "hers": "she"}
COLLECTIVE_PRONOUNS = {"it", "they"}
# Rule "gender from a title": "Smt. Kamla Devi Rathore … “…,” he said." — he is not the woman titled Smt.
TITLE_PRONOUN = {
    **dict.fromkeys("mr shri sri sir lord king prince".split(), "he"),
    **dict.fromkeys("mrs ms miss smt shrimati lady dame baroness queen princess madam".split(), "she"),
}
ANALYST_WORDS = (
    "analyst",
    "fellow",
    "researcher",
    "expert",
    "professor",
    "scholar",
    "lecturer",
    "director of research",
)
LEGISLATOR_WORDS = ("parliament", "senator", "congressman", "congresswoman", "lawmaker", "mp ", "deputy of")
ANONYMOUS_HEADS = set(
    "officials official diplomats diplomat sources source analysts experts observers people critics insiders aides"
    " aide insider residents witnesses man woman men women resident farmer worker soldier villager refugee".split()
)
THINK_TANK_WORDS = ("institute", "think tank", "policy group", "centre for", "center for", "foundation", "council on")
NGO_WORDS = ("crisis group", "amnesty", "human rights watch", "ngo", "charity")
INTERGOVERNMENTAL_WORDS = (
    "nato",
    "osce",
    "united nations",
    "un ",
    "european union",
    "eu ",
    "the bloc",
    "african union",
)
# Letters after a name ("Catherine Holloway KC"): the surname is the word before them.
NAME_SUFFIXES = {"Jr", "Sr", "II", "III", "IV", "KC", "QC", "SC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "PhD"}
UNATTRIBUTED_NAME = "(no speaker named)"


@dataclass
class Mention:
    """How an attribution names its speaker, exactly as written, and what kind of naming it is."""

    text: str  # as written, e.g. "Alexander Grushko", "he", "some EU diplomats"
    start: int  # offset in the block
    kind: str  # "person" (full name), "name" (one proper word), "pronoun", "role", "group", "none"
    role: str = ""  # title or appositive read beside a full name
    # False for a name met in passing that nothing introduces ("stabbed by Tom Reed"), True otherwise
    introduced: bool = True


@dataclass
class Speaker:
    speaker_id: str
    name: str
    person: bool
    names_as_written: list[str] = field(default_factory=list)
    role: str = ""
    pronoun: str | None = None
    # A person named by their role alone ("the former chief inspector"): "he" or "she" may mean them, "it" never.
    by_role: bool = False
    # From the given name alone (given_names.csv); what the text says, in `pronoun`, wins over it.
    likely_pronoun: str | None = None
    age: str = ""  # "Teresa Valdivia, 44, said …": so "the 58-year-old" is somebody else
    # Met in passing after a preposition ("was stabbed by Tom Reed"), not heard or named again since: no pronoun means
    # them, though a later surname does ("… by State Auditor Denise Marchetti … Marchetti said")
    in_passing: bool = False

    @property
    def gender(self) -> str | None:
        """The pronoun a later "he" or "she" can be for this person: the text's, else the given name's, else None."""
        return self.pronoun or self.likely_pronoun

    @cached_property
    def surname(self) -> str:
        words = [w for w in self.name.split() if w.rstrip(".") not in NAME_SUFFIXES] or self.name.split()
        return words[-1] if self.person else ""


# "… but was told by Mrs Orwin “not to go digging”. She told the court …": a name after a preposition is not
# whom the next "she" means (the paragraph's subject is); a name as a subject is ("…, Ferrandel paused.").
# So is a name after "at" or "beside" ("Tran shakes her head at Solberg. She says …" is Tran), and a name the
# reported clause opens with ("Cllr Demir … said Mr Nwosu was right to be angry. He hit back …" is Demir).
_OBJECT_OF_PREPOSITION = re.compile(
    r"\b(?:by|to|with|from|against|for|at|beside|behind|toward|towards|about|said|says|told|tells|added|insisted"
    r"|argued|warned)\s+(?:that\s+|the\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Governor|Minister|President|Mayor|Senator|Judge"
    r"|General|Colonel|Chief|Commissioner)\.?\s+)?$"
)


_POSSESSOR_AS_OBJECT = re.compile(
    r"\b(?:put|about|of|to|for|with|from|on|over|against|by|at|into|despite|behind|dismissed|rejected|criticised"
    r"|criticized|questioned|welcomed|read|heard|saw)\s+(?:the\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|[A-Z][a-z]+)\.?\s+)?$"
)
INDEFINITE_WORDS = {"a", "an", "one", "two", "three", "some", "several", "many"}
# Nouns by which a report names an organisation again: "the company", "the ministry", "the agency"
ORGANISATION_NOUNS = set(
    "company firm ministry agency council union party bank group government department authority board charity"
    " hospital university museum trust court commission committee organisation organization airline operator"
    " regulator club federation confederation association institute institution office embassy centre center"
    " alliance coalition service police province city county municipality presidency cabinet utility".split()
)
AGE_ROLE = re.compile(r"the " + AGE_NOUN.pattern)
STATEMENT_WORDS = {"the statement", "its statement", "the press release", "the release", "the communique"}


class SpeakerRegistry:
    """The speakers met so far in reading order, and which one each new mention refers to."""

    def __init__(self) -> None:
        self.speakers: dict[str, Speaker] = {}
        self.recent: list[str] = []  # speaker ids, most recent last
        self._surnames: tuple[re.Pattern | None, dict[str, str]] | None = None  # built when first needed
        self.statement_author = ""  # who last spoke "in a statement": whom "the statement" then speaks for
        self.statements: dict[str, int] = {}  # speaker id -> statements resolved to them so far
        self.excluded: set[str] = set()  # speakers a pronoun cannot mean here (quotes._told_of_whom)

    def resolve(self, mention: Mention) -> Speaker:
        speaker = self._find(mention) or self._introduce(mention)
        speaker.in_passing = False  # heard now
        if mention.kind in ("person", "name", "group") and mention.text not in speaker.names_as_written:
            speaker.names_as_written.append(mention.text)
        if mention.kind == "pronoun" and mention.text.lower() in PRONOUN_GENDER and speaker.person:
            speaker.pronoun = PRONOUN_GENDER[mention.text.lower()]
        if mention.role and not speaker.role:
            speaker.role = mention.role
        if speaker.person and speaker.pronoun is None and (pronoun := _pronoun_of_title(mention.role)):
            speaker.pronoun = pronoun
        self._touch(speaker.speaker_id)
        return speaker

    def known(self, mention: Mention) -> Speaker | None:
        """The speaker met so far whom `mention` refers to, or None (nothing is registered)."""
        return self._find(mention)

    def notice(self, text: str) -> None:
        """Rule "salience": a known person named again in the reporter's words ("…, Ferrandel paused.") becomes the
        most recent candidate for a following pronoun, even without a reporting verb."""
        if not text.strip():
            return
        if self._surnames is None:
            by_surname = {s.surname: s.speaker_id for s in self.speakers.values() if s.person}
            pattern = "|".join(re.escape(name) for name in sorted(by_surname, key=len, reverse=True))
            self._surnames = (re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])") if pattern else None, by_surname)
        pattern, by_surname = self._surnames
        if pattern is not None:
            for found in pattern.finditer(text):
                possessive = re.match(r"[’']s\b", text[found.end() : found.end() + 3])
                if possessive and _POSSESSOR_AS_OBJECT.search(text, max(0, found.start() - 30), found.start()):
                    # "… put Cllr Ramanathan’s promise to her": a possessor in the object, not whom the next "she"
                    # means ("Ms. Ortiz’s reply was blunt.", "Later, Ruiz’s voice broke." are their subjects)
                    continue
                if not _OBJECT_OF_PREPOSITION.search(text, max(0, found.start() - 20), found.start()):
                    self._touch(by_surname[found.group()])
                    self.speakers[by_surname[found.group()]].in_passing = False  # named again as a subject

    def meet_in_passing(self, mention: Mention, before: str, behind: bool = False, introduced: bool = True) -> None:
        """Register a person the text introduces without a reporting verb (mentions.people_met_in_passing). After a
        preposition ("… with Mei-Ling Tran, a retired nurse"), or in a sentence whose speaker was just read (`behind`:
        "Fabrice Pothier, … named after its founder, … Anders Fogh Rasmussen, said …"), they wait behind the person
        met last, whom a pronoun in the next sentence still more likely means; otherwise they are the most recent."""
        if self._find(mention) is not None:
            return  # met before: `notice` has already judged whether this naming makes them the most recent
        speaker = self._introduce(mention)  # with the mention's role, if any
        after_preposition = bool(_OBJECT_OF_PREPOSITION.search(before[-20:]))
        # a name nothing introduces ("Officers later arrested John Smith", "the bridge, named after John Kennedy")
        # is an object as often as not: no pronoun means them until they speak or are named again as a subject
        speaker.in_passing = not introduced
        if (behind or after_preposition) and self.recent:
            self.recent.insert(len(self.recent) - 1, speaker.speaker_id)
        else:
            self.recent.append(speaker.speaker_id)

    def last_people(self, pronoun: str, count: int = 2) -> list[Speaker]:
        """The `count` people met last whom `pronoun` may mean ("Both women say …"); [] when fewer were met."""
        people = [
            self.speakers[i] for i in reversed(self.recent)
            if self.speakers[i].person and self.speakers[i].gender in (None, pronoun)
        ]  # fmt: skip
        return people[:count] if len(people) >= count else []

    def unattributed(self) -> Speaker:
        if UNATTRIBUTED not in self.speakers:
            self.speakers[UNATTRIBUTED] = Speaker(UNATTRIBUTED, UNATTRIBUTED_NAME, person=False)
        return self.speakers[UNATTRIBUTED]

    def _touch(self, speaker_id: str) -> None:
        if speaker_id in self.recent:
            self.recent.remove(speaker_id)
        self.recent.append(speaker_id)

    def _most_recent(self, accept) -> Speaker | None:
        for speaker_id in reversed(self.recent):
            if accept(self.speakers[speaker_id]):
                return self.speakers[speaker_id]
        return None

    def _find(self, mention: Mention) -> Speaker | None:
        text = mention.text
        lowered = text.lower()
        words = lowered.split()
        if mention.kind in ("group", "name") and len(words) == 2 and words[0] == "the" and words[1] in ROLE_NOUNS:
            # Rule "a role as a sentence's subject": "The Chairperson was not persuaded. “…,” she observed." —
            # the person met who holds that role (a body of that name is met below, when nobody does)
            holder = self._most_recent(lambda s: s.person and words[1] in re.findall(r"[\w-]+", s.role.lower()))
            if holder is not None:
                return holder
        if mention.kind == "person":
            surname = text.split()[-1]
            given = _given_of(text)
            # "Her husband, Daniel Amadi, said …" after Ruth Amadi: the same surname, another given name, another person
            return self._most_recent(
                lambda s: s.person and s.surname == surname and _may_be_the_same(given, _given_of(s.name))
            )
        if mention.kind == "name" and all(word in TITLE_WORDS for word in text.split()):
            # "The Chief Minister's assertion that …" (read as the title "Minister"): the person met last who holds
            # that office, as for "the minister said"
            holder = self._most_recent(
                lambda s: (
                    s.person and not s.by_role and s.name.split()[0] not in TITLE_WORDS and lowered in s.role.lower()
                )
            )
            if holder is not None:
                return holder
        if mention.kind == "name":
            return (
                self._most_recent(lambda s: s.person and s.surname == text)
                or self._most_recent(lambda s: text in s.names_as_written)
                or self._office_holder_named(text)
                # "Mayor Chen Wei said … Chen said …": a family name written first (no given name the lists know)
                or self._most_recent(
                    lambda s: (
                        s.person
                        and len(s.name.split()) == 2
                        and _given_of(s.name) == text
                        and pronoun_of_given_name(s.name) is None
                    )
                )
            )
        if mention.kind == "pronoun":
            if lowered in PRONOUN_GENDER:
                wanted = PRONOUN_GENDER[lowered]

                # the given name's guess skips a candidate only when another is left ("Andrea Rossi … he said"
                # with no other man met is still Andrea Rossi)
                for excluded in (self.excluded, set()):  # the one set aside only while another is left

                    def may_be(s: Speaker, excluded: set[str] = excluded) -> bool:
                        return s.person and not s.in_passing and s.speaker_id not in excluded

                    found = self._most_recent(lambda s: may_be(s) and s.gender in (None, wanted)) or self._most_recent(
                        lambda s: may_be(s) and s.pronoun in (None, wanted)
                    )
                    if found is not None:
                        return found
                return None
            return self._most_recent(lambda s: not s.person and not s.by_role and s.speaker_id != UNATTRIBUTED)
        if mention.kind == "role" and AGE_ROLE.fullmatch(lowered):
            # "the 58-year-old": the person met last (the papers' way of naming the paragraph's subject again)
            # whose age, if the text gave one, is that age
            age = lowered.split()[-1].split("-")[0]
            return self._most_recent(lambda s: s.person and s.age in ("", age))
        if mention.kind == "role":
            head = lowered.split()[-1]
            return self._most_recent(lambda s: head in s.role.lower() or head in s.name.lower().split())
        same = None
        if lowered not in STATEMENT_WORDS or self.statement_author not in self.speakers:
            same = self._most_recent(lambda s: lowered in (n.lower() for n in s.names_as_written))
        if same is None and lowered in STATEMENT_WORDS and self.statement_author in self.speakers:
            # Rule "the statement speaks for its author": "the Ministry of Water said in a statement … the
            # statement added", "Whitcombe said in a statement. The statement also called on …"
            same = self.speakers[self.statement_author]
        words = lowered.split()
        if same is None and len(words) == 2 and words[0] == "the" and words[1].endswith("s"):
            # Rule "definite reference back": "two officials familiar with the talks … one of the officials said"
            # — "the officials" are the officials met last.
            same = self._most_recent(lambda s: not s.person and words[1] in s.name.lower().split())
        if same is None and len(words) == 2 and words[0] == "the" and words[1] in ORGANISATION_NOUNS:
            same = self._organisation_named_before(words[1])
        return same

    def _office_holder_named(self, surname: str) -> Speaker | None:
        """Rule "the office's holder by surname": "Minister of Water Resources and Irrigation Farida Kessoum told …
        Kessoum, speaking later, dismissed …" — when the given name is one the census does not list, the first
        naming reads as an office (mentions._office_or_its_holder); a later surname alone that ends it shows the
        last words were a person's name. The speaker becomes a person, whom "she" may then mean."""
        holder = self._most_recent(
            lambda s: not s.person and len(words := s.name.split()) >= 4 and words[-1] == surname
            and words[0] in TITLE_WORDS and words[-2][:1].isupper()
        )  # fmt: skip
        if holder is not None:
            words = holder.name.split()
            holder.person, holder.name, holder.role = True, " ".join(words[-2:]), holder.role or " ".join(words[:-2])
            holder.__dict__.pop("surname", None)  # a cached_property read while it was no person
            self._surnames = None
        return holder

    def _organisation_named_before(self, noun: str) -> Speaker | None:
        """Rule "the company": "… the Ministry of Water said … The ministry added …" — a body named by what it is
        refers back to the organisation of that kind met last. (Tried and left out: any organisation with a proper
        name among the last three voices; it gave "the union" to the wrong body more often than the right one.)"""

        def of_that_kind(speaker: Speaker) -> bool:
            words = speaker.name.lower().split()
            # a body, not someone speaking for one ("a spokesman for Castelmar’s government")
            return not speaker.person and noun in words and words[0] not in INDEFINITE_WORDS

        return self._most_recent(of_that_kind)

    def _introduce(self, mention: Mention) -> Speaker:
        # "Col Brannigan", "President Putin": a surname after a title is a person's too (mentions._read_name_run)
        titled = mention.kind == "name" and bool(mention.role) and mention.role.split()[-1].rstrip(".") in TITLE_WORDS
        person = mention.kind == "person" or (titled and len(mention.text.split()) == 1)
        name = mention.text if mention.kind != "pronoun" else f"unresolved ‘{mention.text}’"
        speaker_id = slug(name)
        while speaker_id in self.speakers:
            speaker_id += "_2"
        speaker = Speaker(speaker_id, name, person=person, role=mention.role, by_role=mention.kind == "role")
        if person:
            speaker.likely_pronoun = pronoun_of_given_name(name)
        self.speakers[speaker_id] = speaker
        self._surnames = None
        return speaker


def _may_be_the_same(given: str, other: str) -> bool:
    """Two given names of one person: the same, one missing, or an initial of the other ("R." and "Ruth")."""
    if not given or not other or given == other:
        return True
    return (len(given) == 1 and other.startswith(given)) or (len(other) == 1 and given.startswith(other))


def _given_of(name: str) -> str:
    """The first word of a full name after its titles ("Daniel" of "Dr Daniel Amadi"); "" for one word."""
    words = [word for word in name.replace(".", " ").split() if word not in TITLE_WORDS]
    return words[0] if len(words) >= 2 else ""


@cache
def _given_names() -> dict[str, str]:
    text = (files("crisis_reading.finder") / "given_names.csv").read_text(encoding="utf-8")
    return {row["name"]: row["pronoun"] for row in csv.DictReader(io.StringIO(text))}


def pronoun_of_given_name(name: str) -> str | None:
    """Rule "given name": "he" for "Col. Martin Hale", "she" for "Teresa Vance" or "Mirela Dusan", None for "Dana
    Reid" (either), a name the lists lack or a surname alone. A guess the text's own words override."""
    given = _given_of(name)
    # the table's names are in plain letters: "András" is looked up as "Andras"
    plain = unicodedata.normalize("NFKD", given).encode("ascii", "ignore").decode("ascii")
    return _given_names().get(plain) if given else None


def _pronoun_of_title(role: str) -> str | None:
    """The title right before the name ("… Smt." or "Shri" alone, or "Smt. of the Jan Kalyan Morcha"), written as a
    title (Ms, not MS); not a title inside a longer role ("a spokesman for Lady Jones", "Sri Lankan President")."""
    words = role.replace(".", " ").split()
    if not words:
        return None
    candidates = [words[-1]] + ([words[0]] if len(words) == 1 or words[1][:1].islower() else [])
    for word in candidates:
        if word[:1].isupper() and word[1:].islower() and word.lower() in TITLE_PRONOUN:
            return TITLE_PRONOUN[word.lower()]
    return None


def guess_voice_type(speaker: Speaker) -> str:
    role = f" {speaker.role.lower()} "
    if not speaker.person:
        head = speaker.name.lower().split()[-1] if speaker.name.split() else ""
        return "anonymous" if head in ANONYMOUS_HEADS or speaker.speaker_id == UNATTRIBUTED else "collective"
    if any(word in role for word in ANALYST_WORDS):
        return "analyst"
    if any(word in role for word in LEGISLATOR_WORDS):
        return "legislator"
    return "official"


def guess_organisation_type(speaker: Speaker) -> str:
    role = f" {speaker.role.lower()} "
    if not speaker.person:
        return "collective"
    for words, kind in (
        (NGO_WORDS, "ngo"),
        (THINK_TANK_WORDS, "think_tank"),
        (LEGISLATOR_WORDS, "legislature"),
        (INTERGOVERNMENTAL_WORDS, "intergovernmental"),
    ):
        if any(word in role for word in words):
            return kind
    if any(word in role for word in ANALYST_WORDS):
        return "think_tank"
    return "government"
