"""The words news writing attributes with: reporting verbs, and the nouns, titles and function words around them.

Rule "verb lexicon": the verbs are the general reporting verbs of news writing, not one article's words, read
from the package's table of reporting words (crisis_reading/dataset/reporting_words.csv, documented in
data/README.md), so an instructor adds a verb there, not here.
"""

from __future__ import annotations

import re

from crisis_reading.dataset.reporting_words import forms_with
from crisis_reading.finder.quote_marks import with_quoted

# Every word list below is built from the package's table of reporting words (dataset/reporting_words.csv):
# "clause" verbs report what was said (said that …); "tell" verbs take a listener first (told Al Jazeera that …);
# "object" verbs report a position held about something (condemned NATO’s expansion, wants NATO to …, called on
# X to …). A verb added to the table is found here without a change of code.
TELL_VERBS = forms_with("listener", "verb")
CLAUSE_VERBS = [form for form in forms_with("that_clause", "verb") if form not in set(TELL_VERBS)]
OBJECT_VERBS = forms_with("object", "verb")
PHRASE_VERBS = forms_with("object", "phrase")
BARE_CLAUSE_VERBS = set(forms_with("bare_clause"))
NEEDS_TO = set(forms_with("to_infinitive"))
INFINITIVE_VERBS = set(forms_with("infinitive"))
GERUND_VERBS = set(forms_with("gerund"))
THAT_ONLY = set(forms_with("that_only"))
WHETHER_VERBS = set(forms_with("whether_clause"))
ACCORDING_TO = "according to"
# "the 58-year-old": a person referred back to by their age, as British and US papers do
AGE_NOUN = re.compile(r"\d{1,3}-year-old")
# Verbs that name rather than say: "called the mill “the Fortress”", "as election staff call ballots marked …"
NAMING_VERBS = {
    "call",
    "calls",
    "called",
    "calling",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    "termed",
    "terming",
    "named",
}
# The passive is read from the past participle: "slammed as", "is accused of".
PASSIVE_JUDGEMENTS = [form for form in forms_with("passive_as", "verb") if form.endswith("ed")]
FROM_SPEAKER_NOUNS = forms_with("from_speaker", "noun")
POSSESSIVE_NOUNS = forms_with("possessive_that", "noun")

INTRODUCING_VERBS = forms_with("introduces", "verb")
VERB_WORDS = sorted(set(CLAUSE_VERBS + TELL_VERBS + OBJECT_VERBS + INTRODUCING_VERBS), key=len, reverse=True)
SINGLE_VERBS = set(VERB_WORDS)
_PHRASES = {*PHRASE_VERBS, ACCORDING_TO}
_PASSIVE_WORDS = set(PASSIVE_JUDGEMENTS)
_PASSIVE_OF = {form for form in forms_with("passive_of", "verb") if form.endswith("ed")}  # "he is accused of …"
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_PHRASE_SECONDS: dict[str, list[str]] = {}
for _phrase in _PHRASES:
    _PHRASE_SECONDS.setdefault(_phrase.split()[0], []).append(_phrase.split()[1])
CANDIDATES = {w.lower() for w in SINGLE_VERBS} | _PASSIVE_WORDS | _PASSIVE_OF | set(_PHRASE_SECONDS)
CANDIDATES_AS_WRITTEN = CANDIDATES | {w.capitalize() for w in CANDIDATES}  # spares a lower() per word
_WORD_JOINERS = "’'-"


def reporting_verbs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
    """Each reporting verb of the lexicon in text[start:end] as (start, end, passive): a word lookup, not one
    large regular expression, so the finder stays fast. passive marks "slammed as", "dubbed as" and the like."""
    end = len(text) if end is None else end
    found = []
    for match in _ASCII_WORD.finditer(text, start, end):
        word = match.group()
        if word not in CANDIDATES_AS_WRITTEN:
            continue
        lowered = word.lower()
        w_start, w_end = match.span()
        if (w_start > 0 and text[w_start - 1] in _WORD_JOINERS) or (w_end < len(text) and text[w_end] in _WORD_JOINERS):
            continue
        if lowered in _PASSIVE_WORDS and followed_by(text, w_end, "as", end):
            found.append((w_start, w_end + 3, True))
            continue
        preposition = None
        if lowered in _PASSIVE_OF:
            preposition = "of" if followed_by(text, w_end, "of", end) else None
            # "criticised for waiting …", not "criticised for years": "for" and a gerund
            if preposition is None and re.match(r" for [a-z]+ing\b", text[w_end:end]):
                preposition = "for"
        if preposition and _after_an_auxiliary(text, w_start):
            # Rule "passive accusation": "he is accused of …", "the ministry has been criticised for …"
            found.append((w_start, w_end + 1 + len(preposition), True))
            continue
        second = next((w for w in _PHRASE_SECONDS.get(lowered, ()) if followed_by(text, w_end, w, end)), None)
        if second and (word.islower() or lowered == "according"):
            found.append((w_start, w_end + 1 + len(second), False))
        elif word in SINGLE_VERBS and not (lowered == "asked" and _after_an_auxiliary(text, w_start)):
            # ("Ms Benali was then asked about complaints …": the one asked is the subject, not a speaker)
            found.append((w_start, w_end, False))
    return found


_AUXILIARY_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+|also\s+|not\s+|then\s+)?)$")


def _after_an_auxiliary(text: str, position: int) -> bool:
    """True when a form of "be" (and perhaps an adverb) stands just before position: a passive verb."""
    return bool(_AUXILIARY_BEFORE.search(text, max(0, position - 40), position))


def followed_by(text: str, position: int, word: str, end: int) -> bool:
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
also just instead has have had would will could can may might must should then now again later earlier previously since
repeatedly reportedly publicly privately recently already once further too first last even not only later
long always never often strongly firmly flatly openly sharply angrily jointly formally initially quickly swiftly
both all each
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
Detective Constable Sergeant Inspector Superintendent Councillor Councilwoman Councilman Alderman Bishop Archbishop
Rabbi Imam Reverend Rev Coroner Magistrate Miss Dame Madam Shri Sri Smt Shrimati Advocate Counsel Barrister Cllr
Advocate-General Attorney-General Solicitor-General Director-General Inspector-General Governor-General
Surgeon-General Auditor-General Gov Sgt Capt Cmdr Maj Adm Brig Cpl Supt Insp Det Atty
""".split()
)
ORG_WORDS = set(
    """
Group Institute Council Global Union Organization Organisation Agency Ministry Party Forces Company Bank Fund
Committee Foundation Centre Center University Association Alliance Commission Assembly Office Service News Times
Post Government Parliament Congress Senate Kremlin Pentagon Department Network Watch International Initiative
Society Federation Cross Crescent Movement Front League Coalition Corporation Authority Board Programme Program
Court Tribunal Museum Trust Gallery Library Hospital College School Press Wire Radio Television
Mission Confederation Chamber Guild Syndicate Secretariat Police Guard Navy Coastguard Gendarmerie Corps Brigade
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
agencies groups charities organisations organizations unions parties ministries companies banks courts councils
commission commissions office offices service services secretariat clerk clerks board boards inquiry panel
regulator regulators inspectors inspector tribunal judges judge spokespeople lawyers lawyer attorneys attorney
solicitors families relatives neighbours neighbors islanders supporters opponents owners operators authority
camps sides factions delegation delegations representative representatives delegate delegates
museum museums trust trustees firm firms club clubs campaign hospital university school
association associations federation federations confederation confederations guild guilds institute
institution institutions centre center centres centers alliance alliances coalition coalitions
analysis review audit assessment poll memo letter filing documents records estimate estimates census bulletin
bulletins
rebel militant insurgent guerrilla fighter gunman investigator migrant cleric hostage detainee donor senator
councillor editor academic priest imam bishop citizen chair boss sheriff dean skipper pastor rabbi auditor treasurer
provost warden utility lender insurer carrier broadcaster person presidency cabinet province city county
municipality militia militias airline airlines airport retailer manufacturer supplier distributor hospital clinic
secretary-general director-general attorney-general inspector-general commander-in-chief department departments
guard coastguard directorate bureau
executive executives director directors manager managers owner founder editor commissioner superintendent principal
group system network operator
decree ruling judgment judgement verdict resolution communique declaration announcement
prosecution defence defense counsel claimant claimants defendant defendants plaintiff plaintiffs coroner magistrate
opposition
author authors scientist scientists engineer engineers staff employee employees team paper crew crews pilot pilots
passenger passengers driver drivers planner planners volunteer volunteers organiser organisers organizer organizers
tenant tenants landlord landlords customer customers patient patients victim victims developer developers trader
traders fisherman fishermen chef chefs coach player players fan fans rescuer rescuers firefighter firefighters
paramedic paramedics medic medics insider deputy deputies mediator mediators
major majors captain captains lieutenant lieutenants sergeant sergeants brigadier admiral marshal monitor
coordinator coordinators administrator administrators convener conveners convenor facilitator facilitators
rivals rival detractors protesters demonstrators lawmakers legislators
head heads
supervisor supervisors miner miners investor investors banker bankers shareholder shareholders bondholder
bondholders strategist strategists consultant consultants contractor contractors activist protester
""".split()
)
# Plural nouns of the groups crisis reporting quotes ("The rebels said …", "Government troops said …"). They head a
# speaker's phrase; before another noun they modify it ("a citizens group", "an Israel Defense Forces spokesman"),
# so unlike the plurals above they do not end the phrase read back from its head.
GROUP_NOUNS = set(
    """
rebels militants insurgents troops forces guerrillas gunmen investigators migrants evacuees locals vendors pilgrims
clerics chiefs gendarmes sailors marines captors hostages detainees inmates donors creditors senators councillors
mayors governors editors commentators academics priests imams bishops monks nuns advisors citizens utilities lenders
insurers carriers militias airlines retailers manufacturers suppliers
""".split()
)
ROLE_NOUNS = {
    "minister", "spokesperson", "spokesman", "spokeswoman", "ambassador", "president", "envoy", "chancellor",
    "secretary", "analyst", "diplomat", "official", "negotiator", "chief", "chairperson", "chairman", "premier",
    "commander", "leader", "officer", "expert", "aide", "economist", "adviser", "advisor", "researcher",
    "professor", "mayor", "governor", "prosecutor", "general", "colonel", "inspector", "executive", "director",
    "manager", "owner", "founder", "editor", "judge", "commissioner", "superintendent", "captain", "principal",
    "author", "scientist", "engineer", "pilot", "coach", "chef", "planner", "organiser", "organizer", "deputy",
    "mediator", "major", "lieutenant", "sergeant", "brigadier", "admiral", "marshal", "coordinator",
    "administrator", "convener", "facilitator", "head",
}  # fmt: skip
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "smt", "st", "gen", "lt", "col", "sen", "rep", "prof", "jan", "feb", "aug", "sept", "cllr",
    # US wire titles before a name ("Gov. Patrick Hallisey", "Sgt. Ana Ruiz")
    "gov", "sgt", "capt", "cmdr", "maj", "adm", "brig", "cpl", "supt", "insp", "det", "atty", "rev",
}  # fmt: skip
WORD = re.compile(with_quoted(r"[^\s{quoted}]+"))
NOT_MODIFIERS = {
    "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but", "that", "who", "which",
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "also", "not",
}  # fmt: skip
DETERMINERS = {
    "the", "a", "an", "one", "some", "many", "several", "other", "most", "few", "both", "all", "two", "three", "four",
    "five",
}  # fmt: skip
NOT_NAMES = set(
    "There This That These Those Such What Which Who Here It Its A An Her His Their Our My Your One".split()
)
FUNCTION_WORDS = set(
    "as if when while after before but and yet in on at for with since although though because once until despite"
    " during so then now".split()
)
NAME_CONNECTORS = {"of", "the", "for", "de", "van", "von", "der", "al", "bin", "da", "di", "la", "le", "on", "to"}
