"""How quoted words reached the article, read from the reporter's words: an interview, a press event, a meeting."""

from __future__ import annotations

import re

from crisis_reading.finder.quote_marks import with_quoted

MEDIA_WORDS = r"(?:TV|television|radio|newspaper|channel|broadcaster|agency|magazine|daily|network)"
CHANNEL_HINT = re.compile(
    r"journalists|reporters|press|media|conference|" + MEDIA_WORDS + r"|meeting|summit|session|talks"
)
CHANNEL_RULES = [
    (
        "press_event",
        re.compile(
            r"(?<![\w’'-])(?:addressing|told|briefing|speaking to|[Aa]sked by)\s+(?:the\s+)?"
            r"(?:journalists|reporters|the press|media)"
            + with_quoted(r"(?:\s+(?:at|during|after)\s+[^,.;{quoted}]+)?")
            + r"|(?<![\w’'-])(?:[Aa]t|[Dd]uring)\s+(?:a|an|the|his|her|their)\s+"
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
        # "told the Vale Courier" for the outlet "Vale Courier" (and "told The Courier" for "The Courier"); "in an
        # interview with", "speaking to" the outlet are interviews too
        name = re.sub(r"^[Tt]he\s+", "", outlet)
        found = re.search(
            r"(?<![\w’'-])(?:told|in an interview with|[Ss]peaking to)\s+(?:[Tt]he\s+)?" + re.escape(name) + r"\b", text
        )
        if found:
            return "outlet_interview", found.group(), sentence[0] + found.start()
    if not CHANNEL_HINT.search(text):
        return None
    for channel, pattern in CHANNEL_RULES:
        found = pattern.search(text)
        if found:
            return channel, found.group().rstrip(), sentence[0] + found.start()
    return None
