"""The reporter's words around a quotation: attribution verbs, who speaks, and what they are said to have said.

Each rule names the convention of news writing it reads; tests/test_quote_finder.py has a small text for each.
Everything here works on a block whose quotations are blanked out (quote_marks.mask_quotations), so words
inside a quotation are never read as the reporter's attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .quote_marks import QuoteSpan
from .speaker_resolution import Mention

# Rule "verb lexicon": reporting verbs of news writing, not one article's words. "clause" verbs report what was
# said (said that …); "tell" verbs take a listener first (told Al Jazeera that …); "object" verbs report a
# position held about something (condemned NATO’s expansion, wants NATO to …, called on X to …).
CLAUSE_VERBS = """
say says said saying add adds added adding explain explains explained explaining warn warns warned warning
insist insists insisted insisting argue argues argued arguing stated stating noted noting
claim claims claimed claiming stress stresses stressed stressing emphasise emphasises emphasised emphasising
emphasize emphasizes emphasized emphasizing acknowledge acknowledges acknowledged acknowledging admit admits admitted
admitting announce announces announced announcing assert asserts asserted asserting declare declares declared
declaring suggest suggests suggested suggesting reply replies replied replying respond responds responded
remark remarks remarked observe observes observed caution cautions cautioned cautioning complain complains complained
complaining concede concedes conceded conceding confirm confirms confirmed confirming predict predicts predicted
predicting recall recalls recalled recalling reiterate reiterates reiterated reiterating bemoan bemoans bemoaned
bemoaning lament laments lamented lamenting maintain maintains maintained maintaining contend contends contended
countered write writes wrote tweet tweets tweeted believe believes believed agree agrees agreed allege alleges
alleged alleging deny denies denied denying promise promises promised promising pledge pledges pledged pledging
vow vows vowed vowing threaten threatens threatened threatening ask asks asked
""".split()
TELL_VERBS = "tell tells told telling assure assures assured assuring inform informs informed informing".split()
OBJECT_VERBS = """
condemn condemns condemned condemning criticise criticises criticised criticising criticize criticizes criticized
blame blames blamed blaming accuse accuses accused accusing reject rejects rejected rejecting refuse refuses refused
refusing demand demands demanded demanding want wants wanted urge urges urged urging welcome welcomes welcomed
praise praises praised dismiss dismisses dismissed slam slams slammed slamming
""".split()
PHRASE_VERBS = [
    "called on", "calls on", "call on", "calling on", "called for", "calls for", "call for", "calling for",
    "spoke of", "speaks of", "spoke about", "pointed out", "points out", "pointing out", "warned of", "warns of",
    "warned against",
]  # fmt: skip
ACCORDING_TO = "according to"
PASSIVE_JUDGEMENTS = (
    "dubbed slammed branded described labelled labeled hailed denounced derided dismissed condemned criticised "
    "criticized decried"
).split()

_VERB_WORDS = sorted(set(CLAUSE_VERBS + TELL_VERBS + OBJECT_VERBS), key=len, reverse=True)
_SINGLE_VERBS = set(_VERB_WORDS)
_PHRASES = {*PHRASE_VERBS, ACCORDING_TO}
_PASSIVE_WORDS = set(PASSIVE_JUDGEMENTS)
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_PHRASE_SECONDS: dict[str, list[str]] = {}
for _phrase in _PHRASES:
    _PHRASE_SECONDS.setdefault(_phrase.split()[0], []).append(_phrase.split()[1])
_CANDIDATES = {w.lower() for w in _SINGLE_VERBS} | _PASSIVE_WORDS | set(_PHRASE_SECONDS)
_CANDIDATES_AS_WRITTEN = _CANDIDATES | {w.capitalize() for w in _CANDIDATES}  # spares a lower() per word
_WORD_JOINERS = "’'-"


def reporting_verbs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
    """Each reporting verb of the lexicon in text[start:end] as (start, end, passive): a word lookup, not one
    large regular expression, so the finder stays fast. passive marks "slammed as", "dubbed as" and the like."""
    end = len(text) if end is None else end
    found = []
    for match in _ASCII_WORD.finditer(text, start, end):
        word = match.group()
        if word not in _CANDIDATES_AS_WRITTEN:
            continue
        lowered = word.lower()
        w_start, w_end = match.span()
        if (w_start > 0 and text[w_start - 1] in _WORD_JOINERS) or (w_end < len(text) and text[w_end] in _WORD_JOINERS):
            continue
        if lowered in _PASSIVE_WORDS and _followed_by(text, w_end, "as", end):
            found.append((w_start, w_end + 3, True))
            continue
        second = next((w for w in _PHRASE_SECONDS.get(lowered, ()) if _followed_by(text, w_end, w, end)), None)
        if second and (word.islower() or lowered == "according"):
            found.append((w_start, w_end + 1 + len(second), False))
        elif word in _SINGLE_VERBS:
            found.append((w_start, w_end, False))
    return found


def _followed_by(text: str, position: int, word: str, end: int) -> bool:
    after = position + 1 + len(word)
    return after <= end and text.startswith(" " + word, position) and not text[after : after + 1].isalpha()


PRONOUNS = {"he", "she", "it", "they"}
CONJUNCTIONS = {"but", "and", "yet", "so", "or", "then"}
ADVERBIAL_OPENERS = """
after as at before by despite during following for from however if in looking meanwhile on once since speaking
though although when whereas while with without primarily separately earlier later today yesterday also still
instead until amid among under over which who whom whose where asked addressing writing
""".split()
SUBJECT_TRAILERS = """
also instead has have had would will could can may might must should then now again later earlier previously
repeatedly reportedly publicly privately recently already once further too first last even not only later
""".split()
AUXILIARIES = {"been", "was", "were", "is", "are", "be", "being", "has", "have", "had"}
TITLE_WORDS = set(
    """
President Vice Prime Minister Ministers Deputy Foreign Defence Defense Secretary General Secretary-General State
Affairs Ambassador Chancellor Senator Representative Member Parliament European Spokesperson Spokesman Spokeswoman
Chairman Chairwoman Chairperson Chair Director Chief Commander Head Leader Governor Mayor King Queen Prince Sheikh
Pope Envoy Special High Union Council Commission Commissioner Interior Finance Justice Home Office Department
Ministry Mr Mrs Ms Dr Professor Prof Gen Col Lt Sen Rep Army National Security Adviser Advisor Officer Assistant
Undersecretary Under Lieutenant Colonel Major Admiral Captain Judge Justice Attorney Speaker Premier Foreign Trade
Economy Energy Health Education Culture Agriculture Environment Transport MP MEP Sir Lord Lady Baroness Federal
Executive Acting Former Senior First Second Supreme Court Board Press Communications Policy Strategy
""".split()
)
ORG_WORDS = set(
    """
Group Institute Council Global Union Organization Organisation Agency Ministry Party Forces Company Bank Fund
Committee Foundation Centre Center University Association Alliance Commission Assembly Office Service News Times
Post Government Parliament Congress Senate Kremlin Pentagon Department Network Watch International Initiative
""".split()
)
SPEAKER_NOUNS = set(
    """
officials official diplomats diplomat analysts analyst experts expert sources source critics observers residents
protesters lawmakers legislators leaders leader ministers minister ministry spokesperson spokesman spokeswoman
government governments authorities powers countries allies states nations capitals members member officers officer
commanders commander activists campaigners witnesses people president envoy ambassador chancellor secretary
diplomat negotiators negotiator chief chairperson chairman premier administration observers insiders aides aide
economist economists adviser advisers advisor researcher researchers professor mayor governor prosecutor prosecutors
general colonel spokespeople monitors envoys ambassadors police army military bank company agency court committee
council union party report statement study survey reporter reporters journalist journalists man men woman women
resident farmer farmers worker workers soldier soldiers villager villagers refugee refugees student students teacher
teachers doctor doctors nurse nurses mother father parents survivor survivors witness voter voters shopkeeper
""".split()
)
ROLE_NOUNS = {
    "minister", "spokesperson", "spokesman", "spokeswoman", "ambassador", "president", "envoy", "chancellor",
    "secretary", "analyst", "diplomat", "official", "negotiator", "chief", "chairperson", "chairman", "premier",
    "commander", "leader", "officer", "expert", "aide", "economist", "adviser", "advisor", "researcher",
    "professor", "mayor", "governor", "prosecutor", "general", "colonel",
}  # fmt: skip
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "prof", "jan", "feb", "aug", "sept"}
WORD = re.compile(r"[^\s\x00“”\"]+")
NOT_MODIFIERS = {
    "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but", "that", "who", "which",
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "also", "not",
}  # fmt: skip
DETERMINERS = {
    "the", "a", "an", "one", "some", "many", "several", "other", "most", "few", "both", "all", "two", "three", "four",
    "five",
}  # fmt: skip
NOT_NAMES = {"There", "This", "That", "These", "Those", "Such", "What", "Which", "Who", "Here", "It", "Its", "A", "An"}
FUNCTION_WORDS = set(
    "as if when while after before but and yet in on at for with since although though because once until despite"
    " during so then now".split()
)
NAME_CONNECTORS = {"of", "the", "for", "de", "van", "von", "der", "al", "bin", "da", "di", "la", "le", "on", "to"}


@dataclass
class Attribution:
    """One reporting verb with its speaker, in one sentence of a block."""

    verb: str
    verb_start: int
    verb_end: int
    sentence: int
    mention: Mention
    clause: tuple[int, int] | None = None  # reported clause, for indirect speech
    quoted: list[int] = field(default_factory=list)  # indexes of quote spans woven into the reported clause
    passive: bool = False
    speaker_id: str = ""

    @property
    def participle(self) -> bool:
        return self.verb.split()[0].endswith("ing")


# --- sentences -------------------------------------------------------------------------------------------------


LAST_WORD = re.compile(r"([\w.]+)$")
SENTENCE_END = re.compile(r"[.?!]+([”\"’)]*)(?=\s+[“\"‘(A-Z0-9]|\s*$)")


def sentence_bounds(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Rule "sentences": a sentence ends at . ? ! (and a closing mark after it) before a capital or the block's end;
    a full stop inside a quotation ends the sentence only where the quotation closes, and abbreviations
    (Mr., Dr., U.S.) and initials do not end one."""
    inside = _interior_index(text, spans)
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        stop = match.start()
        if inside[stop] and not match.group(1):
            continue
        word = LAST_WORD.search(text, max(start, stop - 24), stop)
        if word and (word.group(1).lower() in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1))):
            continue
        bounds.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


class _Interior:
    """position in inside: True when the position is within a quotation's words."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = spans

    def __getitem__(self, position: int) -> bool:
        return any(span.start <= position < span.end for span in self.spans)


def _interior_index(text: str, spans: list[QuoteSpan]) -> _Interior:
    return _Interior(spans)


def sentence_of(bounds: list[tuple[int, int]], position: int) -> int:
    for index, (start, end) in enumerate(bounds):
        if start <= position < end:
            return index
    return len(bounds) - 1


# --- mentions of speakers -------------------------------------------------------------------------------------


def _words(segment: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in WORD.finditer(segment)]


def _is_titleish(tokens: list[str], index: int) -> bool:
    word = tokens[index]
    parts = word.split("-")
    if word in TITLE_WORDS or all(p in TITLE_WORDS for p in parts if p):
        return True
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
    last_title = -1
    for index in range(len(tokens) - 1):
        if _is_titleish(tokens, index) or tokens[index] in NAME_CONNECTORS:
            last_title = index
    name_words = words[last_title + 1 :]
    while name_words and name_words[0][2] in NAME_CONNECTORS:
        name_words = name_words[1:]
    if not name_words:
        return None
    start, end = name_words[0][0], name_words[-1][1]
    role = block[words[0][0] : words[last_title][1]].strip() if last_title >= 0 else ""
    name_tokens = [w for _, _, w in name_words]
    is_org = any(t in ORG_WORDS for t in name_tokens) or any(t.isupper() and len(t) > 1 for t in name_tokens)
    if len(name_tokens) >= 2 and not is_org and len(name_tokens) <= 4:
        return Mention(block[start:end], start, "person", role=role)
    if last_title >= 0 and len(name_tokens) == 1 and not is_org and role and role.split()[-1] in TITLE_WORDS:
        return Mention(block[start:end], start, "name", role=role)  # President Putin: a surname after a title
    start = words[0][0] if is_org or len(name_tokens) > 1 or last_title < 0 else start
    return Mention(block[start:end], start, "name")


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


def read_mention(block: str, start: int, end: int, anchor: str) -> Mention | None:
    """The speaker named in block[start:end]: at its end (subject right before a verb) or at its start
    (the subject of the main clause, or the name after "according to" or an inverted "said X")."""
    words = _words(block[start:end], start)
    while words and words[0][2].lower() in CONJUNCTIONS:
        words = words[1:]
    if anchor == "end":
        while words and (words[-1][2].lower() in SUBJECT_TRAILERS or re.fullmatch(r"[a-z]+ly", words[-1][2])):
            words = words[:-1]
    if not words:
        return None
    if anchor == "start":
        original = words
        if words[0][2] in ("The", "the") and len(words) > 1 and _capitalised(words[1][2]):
            words = words[1:]
        first = words[0][2]
        if first.lower() in PRONOUNS:
            return Mention(first, words[0][0], "pronoun")
        if first.lower() in DETERMINERS:
            return _read_group(words, block, anchor)
        run = []
        for word in words:
            if _capitalised(word[2]) or (run and word[2] in NAME_CONNECTORS):
                run.append(word)
            else:
                break
        while run and run[-1][2] in NAME_CONNECTORS:
            run.pop()
        if run:
            group = _group_after_name(original, len(original) - len(words) + len(run), block)
            if group:
                return group
            mention = _read_name_run(run, block)
            return _with_article(mention, block) if mention else None
        return _read_group(words, block, anchor)
    last = words[-1][2]
    if last.lower() in PRONOUNS and len(words) == 1:
        return Mention(last, words[-1][0], "pronoun")
    if _capitalised(last):
        run = [words[-1]]
        for word in reversed(words[:-1]):
            if _capitalised(word[2]) or word[2] in NAME_CONNECTORS:
                run.insert(0, word)
            else:
                break
        while run and run[0][2] in NAME_CONNECTORS:
            run.pop(0)
        mention = _read_name_run(run, block)
        return _with_article(mention, block) if mention else None
    return _read_group(words, block, anchor)


def _group_after_name(words: list[tuple[int, int, str]], after: int, block: str) -> Mention | None:
    """Rule "proper modifier": a name followed by a speaker noun is a group or a role, not a name:
    "Carvessan officials", "Meridia’s defence ministry", "the agency’s special envoy"."""
    for word in words[after : after + 3]:
        lowered = word[2].lower()
        if lowered in SPEAKER_NOUNS:
            start, end = words[0][0], word[1]
            singular_role = lowered in ROLE_NOUNS and words[0][2].lower() == "the"
            return Mention(block[start:end], start, "role" if singular_role else "group")
        if not word[2].islower() or lowered in NOT_MODIFIERS or lowered in _CANDIDATES or lowered.endswith("ed"):
            return None
    return None


def _read_group(words: list[tuple[int, int, str]], block: str, anchor: str) -> Mention | None:
    """Rules "collective" and "role": a noun phrase whose head names speakers ("some EU diplomats", "officials",
    "Western powers"), or "the minister" referring back to a speaker met before."""
    if anchor == "start":
        head_index = next((i for i, w in enumerate(words[:5]) if w[2].lower() in SPEAKER_NOUNS), None)
        if head_index is None:
            return None
        words = words[: head_index + 1]
    head = words[-1][2]
    if head.lower() not in SPEAKER_NOUNS:
        return None
    phrase = [words[-1]]
    for word in reversed(words[:-1]):
        lowered = word[2].lower()
        if len(phrase) >= 4 or lowered in ADVERBIAL_OPENERS or lowered in AUXILIARIES or lowered in CONJUNCTIONS:
            break
        if lowered in PRONOUNS or lowered in ("of", "to") or lowered in SPEAKER_NOUNS:
            break
        phrase.insert(0, word)
        if lowered in DETERMINERS:
            break
    start, end = phrase[0][0], phrase[-1][1]
    text = block[start:end]
    if head.lower() in ROLE_NOUNS and phrase[0][2].lower() == "the":
        return Mention(text, start, "role")
    return Mention(text, start, "group")


def _segments(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of block[start:end], as (start, end) offsets, blank pieces kept."""
    pieces = []
    position = start
    for match in re.finditer(",", block[start:end]):
        pieces.append((position, start + match.start()))
        position = start + match.end()
    pieces.append((position, end))
    return pieces


def _is_adverbial(block: str, piece: tuple[int, int]) -> bool:
    words = [w for _, _, w in _words(block[piece[0] : piece[1]], piece[0])]
    while words and words[0].lower() in CONJUNCTIONS:
        words = words[1:]
    if not words:
        return True
    first = words[0]
    return (
        first.lower() in ADVERBIAL_OPENERS
        or (first.lower().endswith("ing") and first[0].isupper())
        or bool(re.fullmatch(r"[A-Za-z]+ly", first))
    )


def find_subject(block: str, masked: str, sentence_start: int, verb_start: int, participle: bool) -> Mention | None:
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
    last_close = max(masked.rfind(mark, region_start, verb_start) for mark in ("”", '"'))
    if last_close >= 0:
        region_start = last_close + 1
    pieces = _segments(masked, region_start, verb_start)
    while len(pieces) > 1 and _is_adverbial(masked, pieces[0]):
        pieces = pieces[1:]
    last_piece = pieces[-1]
    last_words = masked[last_piece[0] : last_piece[1]].split()
    if len(pieces) > 1 and len(last_words) > 1 and last_words[0].lower() in CONJUNCTIONS and not participle:
        return read_mention(masked, *last_piece, anchor="end")  # "…, but both governments said": a new clause
    for index, piece in enumerate(pieces):
        mention = read_mention(masked, *piece, anchor="start")
        if mention and mention.kind == "person" and _covers(masked, piece, mention):
            # "NAME, appositive, said" or "role, NAME, said": the piece that is only a name is the subject.
            neighbour = pieces[index - 1] if index > 0 else pieces[index + 1] if index + 1 < len(pieces) else None
            appositive = masked[neighbour[0] : neighbour[1]].strip() if neighbour else ""
            if appositive and not mention.role and not _is_adverbial(masked, neighbour):
                mention.role = appositive
            return mention
    first = read_mention(masked, *pieces[0], anchor="start")
    if participle:
        return first
    last_blank = not last_words
    if len(pieces) > 1 and first and (last_blank or _covers(masked, pieces[0], first)):
        return first
    if last_blank:
        return None
    return read_mention(masked, *last_piece, anchor="end")


def _covers(block: str, piece: tuple[int, int], mention: Mention) -> bool:
    """True when the piece is only a (titled) name: nothing but the mention and its title."""
    rest = block[mention.start + len(mention.text) : piece[1]].strip()
    return rest == "" and mention.kind in ("person", "name")


# --- what was said ---------------------------------------------------------------------------------------------

DATELINE_START = re.compile(r"\s*[A-Z][^–—.:\x00“”\"]{0,50}?(?:\([^()]{1,30}\))?\s*(?:[–—]|\s-)\s+")
TIME_OR_PLACE = re.compile(
    r"^\s*(?:(?:on|in|at|during|after|before|last|this|earlier|later|late|early|again|also|then|publicly|privately)"
    r"\b[^,.;:\x00“”\"]{0,60}?\s+)?that\s+"
)
LISTENER = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their)\s+)?"
    r"(?:[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*|journalists|reporters|press|lawmakers|parliament"
    r"|him|her|them|me|us|[a-z]+ers)(?![\w’'-])"
)
_PARTICIPLES = {v for v in _VERB_WORDS if v.endswith("ing")}
CLAUSE_STOP = re.compile(r"(?:,\s+|\s+(?=(?:and|but|then)\s))(?:(and|but|then)\s+(?:also\s+|later\s+)?)?([a-z]+)\b")


def reported_clause(masked: str, verb: str, verb_end: int, sentence_end: int) -> tuple[int, int] | None:
    """Rule "indirect speech": the reported clause after the verb ("said that …", "saying he had …",
    "condemned NATO’s expansion …"), up to the sentence's end; None when the verb introduces a quotation
    (said: “…) or reports nothing (he told Al Jazeera.)."""
    position = verb_end
    head = verb.split()[0].lower()
    if head in TELL_VERBS:
        listener = LISTENER.match(masked, position, sentence_end)
        if not listener:
            return None
        position = listener.end()
    rest = masked[position:sentence_end]
    if re.match(r"^\s*[:,;.]|^\s*$", rest) or rest.rstrip().endswith(":"):
        return None  # "said:" or "warned the government:" introduce a quotation, they report no clause
    that = TIME_OR_PLACE.match(rest)
    bare = that is None
    if that:
        start = position + that.end()
    else:
        first_word = re.match(r"^\s*([\w’'-]+)", rest)
        prepositions = ("on", "in", "at", "during", "after", "before", "to", "with", "by", "as", "from", "of")
        if head in TELL_VERBS or not first_word or first_word.group(1).lower() in prepositions:
            if verb.lower() not in PHRASE_VERBS:
                return None
        start = position + len(rest) - len(rest.lstrip())
    end = sentence_end
    for stop in CLAUSE_STOP.finditer(masked, start, end):
        conjunction, word = stop.group(1), stop.group(2)
        if (
            (conjunction is not None and word in _SINGLE_VERBS)
            or (conjunction is None and word in _PARTICIPLES)
            or (word == "according" and _followed_by(masked, stop.end(), "to", end))
        ):
            end = stop.start()
            break
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".?!;:,"):
        end -= 1
    if len(masked[start:end].split()) < 2 and "\x00" not in masked[start:end]:
        return None
    if bare and not _reads_as_reported(masked[start:end], verb.lower()):
        return None
    return (start, end) if end > start else None


BARE_CLAUSE_VERBS = set(
    """
say says said saying insist insists insisted insisting argue argues argued arguing claim claims claimed claiming
believe believes believed agree agrees agreed allege alleges alleged alleging admit admits admitted admitting
acknowledge acknowledges acknowledged acknowledging concede concedes conceded conceding suggest suggests suggested
suggesting predict predicts predicted predicting maintain maintains maintained contend contends contended complain
complains complained complaining assert asserts asserted deny denies denied denying bemoan bemoans bemoaned
bemoaning lament laments lamented lamenting
""".split()
)
NEEDS_TO = {"called on", "calls on", "call on", "calling on", "urge", "urges", "urged"}
VERB_LIKE = re.compile(
    r"(?<![\w’'-])(?:is|are|was|were|be|been|being|has|have|had|will|would|can|cannot|could|should|shall|may|might"
    r"|must|do|does|did)(?![\w’'-])|n[’']t(?![\w’'-])|(?<![\w’'-])\w{3,}ed(?![\w’'-])"
)


def _reads_as_reported(clause: str, verb: str) -> bool:
    """Rule "bare clause": without "that", what follows a verb is reported speech only when it reads as a clause:
    "said the talks failed" does, "added two brigades" does not; say-verbs (and deny, insist, …) always take one,
    position verbs take their object ("condemned the shelling", "wants a vote"), call on / urge need "… to …"."""
    if verb in NEEDS_TO:
        return bool(re.search(r"(?<![\w’'-])to\s", clause))
    if verb in OBJECT_VERBS or verb in PHRASE_VERBS or verb in BARE_CLAUSE_VERBS:
        return True
    return bool(VERB_LIKE.search(clause))


def according_to(
    masked: str, block: str, verb_start: int, verb_end: int, sentence: tuple[int, int]
) -> Attribution | None:
    """Rule "according to": "According to X, clause." or "Clause, according to X." is X's indirect speech."""
    after_end = re.search(r"[,.;]", masked[verb_end : sentence[1]])
    name_end = verb_end + (after_end.start() if after_end else sentence[1] - verb_end)
    mention = read_mention(masked, verb_end, name_end, anchor="start")
    if mention is None:
        return None
    if verb_start == sentence[0]:
        clause_start = name_end + 1
        while clause_start < sentence[1] and masked[clause_start].isspace():
            clause_start += 1
        clause_end = sentence[1]
    else:
        clause_start, clause_end = sentence[0], verb_start
    while clause_end > clause_start and (masked[clause_end - 1].isspace() or masked[clause_end - 1] in ".,;:!?"):
        clause_end -= 1
    if clause_end <= clause_start:
        return None
    verb = block[verb_start:verb_end]
    return Attribution(verb, verb_start, verb_end, -1, mention, clause=(clause_start, clause_end))


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
    by = re.search(r"\s+by\s+", masked[position : sentence[1]])
    stop = re.search(r"[,;]|\s+by\s+|[.?!]\s*$|[.?!]\s+[A-Z]", masked[position : sentence[1]])
    end = position + stop.start() if stop else sentence[1]
    mention = Mention("", verb_start, "none")
    if by and stop and by.start() == stop.start():
        name_start = position + by.end()
        name_stop = re.search(r"[,.;]", masked[name_start : sentence[1]])
        name_end = name_start + name_stop.start() if name_stop else sentence[1]
        mention = read_mention(masked, name_start, name_end, anchor="start") or mention
    while end > position and masked[end - 1] in ".,;:?! ":
        end -= 1
    verb = block[verb_start:verb_end]
    return Attribution(verb, verb_start, verb_end, -1, mention, clause=(position, end), passive=True)


# --- channels --------------------------------------------------------------------------------------------------

MEDIA_WORDS = r"(?:TV|television|radio|newspaper|channel|broadcaster|agency|magazine|daily|network)"
CHANNEL_HINT = re.compile(
    r"journalists|reporters|press|media|conference|" + MEDIA_WORDS + r"|meeting|summit|session|talks"
)
CHANNEL_RULES = [
    (
        "press_event",
        re.compile(
            r"(?<![\w’'-])(?:addressing|told|briefing|speaking to)\s+(?:the\s+)?"
            r"(?:journalists|reporters|the press|media)"
            r"(?:\s+(?:at|during|after)\s+[^,.;\x00“”\"]+)?"
            r"|(?<![\w’'-])(?:[Aa]t|[Dd]uring)\s+(?:a|an|the|his|her|their)\s+"
            r"(?:[\w’'-]+\s+){0,2}(?:press|news) conference"
            r"(?:\s+in\s+[A-Z][\w’'-]*)?"
        ),
    ),
    (
        "other_outlet",
        re.compile(
            r"(?<![\w’'-])(?:[Ss]peaking to|told|in an interview with|[Ii]n an interview with)\s+(?:the\s+)?"
            r"(?:[\w’'-]+\s+){0,3}" + MEDIA_WORDS + r"(?:\s+[A-Z][\w’'-]*)*"
        ),
    ),
    (
        "meeting",
        re.compile(
            r"(?<![\w’'-])(?:[Aa]t|[Dd]uring|opening|kicked off|addressing|[Ss]peaking at)\s+(?:the\s+|a\s+)?"
            r"(?:[\w’'-]+\s*){0,5}?(?:meeting|summit|session|talks)(?:\s+in\s+[A-Z][\w’'-]*)?"
        ),
    ),
]


def find_channel(masked: str, sentence: tuple[int, int], outlet: str | None) -> tuple[str, str, int] | None:
    """Rule "channel": how the words reached the article, read from the reporter's words in the sentence:
    "told <this outlet>" (an interview), "at a press conference", "speaking to the TV channel …", "at … meeting"."""
    text = masked[sentence[0] : sentence[1]]
    if outlet:
        found = re.search(r"\btold\s+" + re.escape(outlet) + r"\b", text)
        if found:
            return "outlet_interview", found.group(), sentence[0] + found.start()
    if not CHANNEL_HINT.search(text):
        return None
    for channel, pattern in CHANNEL_RULES:
        found = pattern.search(text)
        if found:
            return channel, found.group().rstrip(), sentence[0] + found.start()
    return None


# --- all attributions in a block -------------------------------------------------------------------------------


def find_attributions(block: str, masked: str, bounds: list[tuple[int, int]]) -> list[Attribution]:
    """Every reporting verb in the block with a speaker it can be read from, in reading order."""
    found: list[Attribution] = []
    for index, sentence in enumerate(bounds):
        previous = None
        for verb_start, verb_end, passive in reporting_verbs(masked, sentence[0], sentence[1]):
            verb = block[verb_start:verb_end]
            if passive:
                attribution = passive_judgement(masked, block, verb_start, verb_end, sentence)
                if attribution:
                    attribution.sentence = index
                    found.append(attribution)
                    continue
                verb = verb.split()[0]
                verb_end = verb_start + len(verb)
                if verb not in _SINGLE_VERBS:
                    continue
            if verb.lower() == ACCORDING_TO:
                attribution = according_to(masked, block, verb_start, verb_end, sentence)
                if attribution:
                    attribution.sentence = index
                    found.append(attribution)
                continue
            participle = verb.split()[0].endswith("ing")
            mention = find_subject(block, masked, sentence[0], verb_start, participle)
            clause = reported_clause(masked, verb, verb_end, sentence[1])
            if mention is None and previous is not None and SHARED_SUBJECT.search(masked, sentence[0], verb_start):
                mention = previous.mention  # "…, but warned that …": the verb shares the subject before it
            if mention is None:
                mention, clause = _inverted_subject(masked, verb_end, sentence[1]), None
            if mention is None or mention.kind == "none":
                continue
            if clause is None and verb.lower() in CLAUSE_VERBS:
                clause = clause_before(masked, sentence, mention, verb_end)
            found.append(Attribution(verb, verb_start, verb_end, index, mention, clause=clause))
            previous = found[-1]
    found.sort(key=lambda a: a.verb_start)
    return found


AFTER_A_FINAL_VERB = re.compile(
    r"(?:\s+(?:in|on|at|during|after|before|late|earlier|last|this)\b[^,.;:\x00“”\"]*)?[.!?]?\s*"
)


def clause_before(masked: str, sentence: tuple[int, int], mention: Mention, verb_end: int) -> tuple[int, int] | None:
    """Rule "clause before the attribution": "Prices rose, the bank said (on Monday)." reports the clause before
    the comma, when nothing but a time or place follows the verb and no quotation stands in the clause."""
    if not AFTER_A_FINAL_VERB.fullmatch(masked, verb_end, sentence[1]):
        return None
    start = sentence[0]
    if start == 0:
        dateline = DATELINE_START.match(masked)
        start = dateline.end() if dateline and dateline.end() < mention.start else start
    before = masked[start : mention.start]
    comma = re.search(r",\s*$", before)
    if not comma or any(mark in before for mark in '\x00“”"'):
        return None
    end = start + comma.start()
    return (start, end) if len(masked[start:end].split()) >= 3 else None


SHARED_SUBJECT = re.compile(r"(?:,\s*|\s)(?:and|but|then)\s+(?:also\s+|later\s+)?$")


def _inverted_subject(masked: str, verb_end: int, sentence_end: int) -> Mention | None:
    """Rule "inverted attribution": “…,” said Jane Doe. — the name follows the verb right after a quotation."""
    before = masked[:verb_end].rstrip()
    if not re.search(r"[”\"]\s*\S+$", before):
        return None
    stop = re.search(r"[,.;]", masked[verb_end:sentence_end])
    end = verb_end + stop.start() if stop else sentence_end
    mention = read_mention(masked, verb_end, end, anchor="start")
    return mention if mention and mention.kind in ("person", "name", "group", "role") else None
