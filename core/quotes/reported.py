"""Stage 5, reported speech: the clause a cue reports, found around the cue in each sentence, cut where the speaker
goes on to another report (", adding that ...") or another speaker takes over."""

from __future__ import annotations

import re
from itertools import pairwise

from core.lexicon import parts_of_speech
from core.quotes.checks import first_valid, valid, without_name_lead
from core.quotes.marks import QUOTE_MARK
from core.quotes.patterns import CONTENT_FIRST_AFTER_CUE, CONTENT_FIRST_BEFORE_CUE, cue_of, named_patterns
from core.quotes.quote import Quote
from core.quotes.resolver import Resolver
from core.text import Document, Sentence
from core.vocabulary.cue_verbs import ANY, POLNEAR, cue_forms, impression_forms
from core.vocabulary.function_words import AUXILIARIES, DETERMINERS, PREPOSITIONS

# "show" reports only what evidence shows ("a poll shows Clinton ahead"; "his remarks show urgency" is a reading).
_EVIDENCE = re.compile(r"(?i)\b(?:polls?|polling|surveys?|stud(?:y|ies)|analys[ie]s|data|figures|records|documents?|"
                       r"video|footage|reports?|statistics|numbers|results|research|tally|count|transcripts?|"
                       r"investigations?|reviews?|audits?|inquiry|probe|experiments?|tests?)\b")
_OPENS_A_QUOTE = re.compile(r"\s*(?:(?:why|how|what|whether)\s|[:,]?\s*[“\"])")  # "explained why", "noted: “...”"


# How much of what follows a cue is read to tell whether a clause follows: its first twelve words
_CLAUSE_READ = 1000


def _bare_or_that(m: re.Match[str], masked: str, start: int, end: int) -> bool:
    """A cue that needs a clause gets one: "that", a colon, or words that read as a clause (in masked[start:end],
    of which the first words are read, never the whole sentence for each cue)."""
    rest = masked[start:min(end, start + _CLAUSE_READ)]
    if m.groupdict().get("that") or m.groupdict().get("that4"):
        return True
    verb = cue_forms().get((cue_of(m) or "").lower())
    takes = verb.takes if verb is not None and verb.reports else ANY  # no cue before a clause: as any other word
    words = rest.split()
    if len(words) < 3 or "clause" not in takes or (verb and words[0].lower() in verb.particles) or \
            words[0].lower() in ("which", "who", "whom", "whose"):
        return False  # "backed away from the deal", "called off the vote", "the bridge plan, which ..."
    if "object" not in takes and _OPENS_A_QUOTE.match(rest):
        return True
    if verb and verb.needs_evidence:
        return bool(m.group("that")) or bool(_EVIDENCE.search(m.groupdict().get("speaker") or ""))
    if "listener" in takes and not _OPENS_A_QUOTE.match(rest) and not _reads_as_clause(words[:12]):
        return False  # "..., Trump told Bill O'Reilly of Fox News this week": the listener, no report
    if "object" in takes:
        return True
    return _reads_as_clause(words[:12])


def _reads_as_clause(words: list[str]) -> bool:
    for i, word in enumerate(words):
        w = word.lower().strip(",.;:")
        if w in AUXILIARIES or (w == "to" and 0 < i <= 5):  # "expect Clinton to win"
            return True
        if i and w.endswith(("ed", "s")) and "VERB" in parts_of_speech(w) and words[i - 1][:1].isalpha():
            return True
    return False


def _content_start(s: str, base: int) -> int:
    offset = 0
    while offset < len(s) and s[offset] in " “\"‘'":
        offset += 1
    return base + offset


def reported_speech(doc: Document, masked: str, sentence: Sentence, resolver: Resolver) -> list[Quote]:
    s = masked[sentence.start:sentence.end]
    if not named_patterns()["reporting_words"].search(s):
        return []  # no word any pattern needs
    return _attributed(doc, masked, sentence, resolver) or _impression(doc.text, s, sentence.start, resolver)


def _impression(text: str, s: str, base: int, resolver: Resolver) -> list[Quote]:
    """A sentence no one is said to speak in may give an impression: "It appears (that) the vote was lost" is what
    follows the verb, "The senator seemed irritated" its whole clause. Whose impression it is, is named where a
    person or a group seems ("Voters seem to care more about ..."): theirs; else, and always in the passive ("Kim is
    expected to win": not Kim's), no one's."""
    patterns = named_patterns()
    m = patterns["impression"].search(s)
    if m is None or _RELATIVE_BEFORE.search(s, max(0, m.start() - 40), m.start()):
        return []  # "price tags that seem to start at six figures" qualify a noun of another clause
    speaker = None
    if patterns["impression_it"].search(s, max(0, m.start() - 60), m.start()):
        opening = patterns["impression_opening"].match(s, m.end())
        start = opening.end() if opening else m.end()
    else:
        start = max((o.end() for o in patterns["clause_opening"].finditer(s, 0, m.start())), default=0)
        subject = None if impression_forms()[m["cue"]].passive else patterns["subject"].match(s, start)
        if subject is not None and _ADVERBS_ONLY.fullmatch(s, subject.end(), m.start()):
            speaker, _ = resolver.speaker(subject, base)
    semicolon = s.find(";", m.end())
    end = len(s) if semicolon < 0 else semicolon
    return _span_quote(text, base + start, base + end, speaker, None, m["cue"])


# A relative before the verb: the impression qualifies a noun ("tags that seem to grow"), it is no clause of its own
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+(?:[a-z]+\s+){0,2}$")
# Between a subject and its verb: "Voters never seem", "Obama himself seemed", "The senator did not appear"
_ADVERBS_ONLY = re.compile(r"(?:\s+[a-z]+){0,3}\s+")


def _attributed(doc: Document, masked: str, sentence: Sentence, resolver: Resolver) -> list[Quote]:
    """The reports a cue attributes to a speaker in the sentence."""
    s = masked[sentence.start:sentence.end]
    base = sentence.start
    patterns = named_patterns()
    text = doc.text
    m = valid(patterns["according_last"].search(s))  # first: "X is so, according to Y, a director at Z."
    if m and m.start() > 10:
        return _clause(text, masked, _content_start(s, base), base + m.start(), "according to", m, resolver, base)
    m = valid(patterns["according_first"].match(s))
    if m:
        return _clause(text, masked, base + m.end(), sentence.end, "according to", m, resolver, base)
    m = first_valid(patterns["parenthetical"], s)
    if m and m.start() > 3:
        return _clause(text, masked, _content_start(s, base), sentence.end, cue_of(m), m, resolver, base)
    content_first = valid(_content_first(s))
    m = content_first
    if m and m.start() > 10 and m.groupdict().get("cue2"):  # "..., said Geert Wilders, founder of the party."
        return _clause(text, masked, _content_start(s, base), base + m.start(), cue_of(m), m, resolver, base)
    first = patterns["speaker_first"].match(s)
    m = valid(without_name_lead(first, s))
    if first is not None and m is None:  # "Trump, speaking at a rally in Wilmington, warned that"
        m = valid(patterns["speaker_first_named"].match(s))
    if m and content_first and content_first.start() > max(10, m.end()) and _acts(m) and _says(content_first):
        m = None  # "Her plans offer a stark alternative to his, Kamin said": the plans are what Kamin said
    if m and _bare_or_that(m, masked, base + m.end(), sentence.end):
        return _in_lead(text, masked, m, base, resolver) + _clause(
            text, masked, base + m.end(), sentence.end, cue_of(m), m, resolver, base)
    m = valid(patterns["describing_first"].match(s))
    verb = cue_forms().get((cue_of(m) or "").lower()) if m else None
    if m and verb is not None and verb.needs_as and not _AS.search(s, m.end(), m.end() + _AS_REACH):
        m = None  # "describes the valley" reports nothing; "described the plan as a failure" does
    if m and not QUOTE_MARK.search(text, base + m.end(), sentence.end):  # a quoted label is the quote itself
        return _clause(text, masked, base + m.end(), sentence.end, cue_of(m), m, resolver, base)
    m = content_first
    if m and m.start() > 10:
        return _clause(text, masked, _content_start(s, base), base + m.start(), cue_of(m), m, resolver, base)
    mid = next((m for m in patterns["mid"].finditer(s)
                if valid(m) and _bare_or_that(m, masked, base + m.end(), sentence.end)), None)
    subject = resolver.subject_of(sentence)
    m = patterns["participle"].search(s) or patterns["coordinated"].search(s)
    # the subject's own report comes first where it stands first: "X gave him credit, saying ..., but he suggested"
    if m and subject is not None and (mid is None or m.start() < mid.start()) and \
            _bare_or_that(m, masked, base + m.end(), sentence.end):
        found = _clause(text, masked, base + m.end(), sentence.end, cue_of(m), m, resolver, base)
        return [q if q.speaker else Quote(q.text, q.start, q.end, q.kind, subject[0], subject[1], q.cue)
                for q in found]
    if mid is not None:
        return _clause(text, masked, base + mid.end(), sentence.end, cue_of(mid), mid, resolver, base)
    return []


# The "as" of a description ("sees the plan as a failure"), not of a comparison ("see incomes rise by as much as")
_AS = re.compile(r"(?<!much )(?<!many )\bas\b(?!\s+(?:much|many|well|long|far|soon|if|though|of|a\s+result)\b)")
_AS_REACH = 150  # characters after the cue: its object, then "as"


def _acts(m: re.Match[str]) -> bool:
    """The cue is a verb of doing or holding a stance ("offer", "support"), which PolNeAR reads as attribution, not
    one of saying."""
    verb = cue_forms().get((cue_of(m) or "").lower())
    return verb is not None and verb.source == POLNEAR


def _says(m: re.Match[str]) -> bool:
    """The cue is a verb of saying: one that may stand before its speaker ("..., said Kim")."""
    verb = cue_forms().get((cue_of(m) or "").lower())
    return verb is not None and verb.inverts


def _content_first(s: str) -> re.Match[str] | None:
    """The leftmost content-first attribution ("..., he said."), as a search would find it, tried only at the
    commas within reach before a cue and before the sentence's end or a semicolon."""
    pattern = named_patterns()["content_first"]
    cues = [m.start() for m in named_patterns()["content_first_cue"].finditer(s)]
    ends = [m.start() for m in re.finditer(";", s)] + [len(s)]
    reach = CONTENT_FIRST_BEFORE_CUE + CONTENT_FIRST_AFTER_CUE
    cue = end = 0
    comma = s.find(",")
    while comma >= 0:
        while cue < len(cues) and cues[cue] <= comma:
            cue += 1
        while ends[end] <= comma:
            end += 1
        if cue == len(cues):
            return None
        nearest = max(cues[cue] - CONTENT_FIRST_BEFORE_CUE, ends[end] - reach)
        if nearest > comma:
            comma = s.find(",", nearest)
            continue
        m = pattern.match(s, comma)
        if m:
            return m
        comma = s.find(",", comma + 1)
    return None


def _in_lead(text: str, masked: str, m: re.Match[str], base: int, resolver: Resolver) -> list[Quote]:
    """Reports in the sentence's lead-in or in its speaker's apposition: "After Hillary Clinton accused him of
    sexism, he warned, ...", "Donald Trump - who previously said he would bomb the oil fields - said ..."."""
    found = []
    for group in ("lead", "role", "role3"):
        if not m.groupdict().get(group):
            continue
        start, end = base + m.start(group) - 3, base + m.end(group)  # a relative "who" needs the comma or dash before
        x = next((x for x in named_patterns()["mid"].finditer(masked, max(base, start), end)
                  if valid(x) and _bare_or_that(x, masked, x.end(), end)), None)
        if x is not None:
            found += _clause(text, masked, x.end(), end, cue_of(x), x, resolver, 0)
    return found


def _clause(text: str, masked: str, start: int, end: int, cue: str | None, m: re.Match[str], resolver: Resolver,
            base: int) -> list[Quote]:
    """The reported clause; where the speaker goes on ("..., adding that ...") or another speaker takes over
    ("..., though she noted ..."), the clause is cut there and the rest is a quote of its own. A loop, not
    recursion, since one sentence may hold any number of cues."""
    patterns = named_patterns()
    found: list[Quote] = []
    said_from = start if base + m.start() >= end else None  # the words attributed stand before the attribution
    while True:
        speaker, role = resolver.speaker(m, base, said_from)
        mention = next((v for k, v in m.groupdict().items() if k.startswith("speaker") and v), "")
        # "until it agrees to ...", "Health worries have ...": a mention naming no one found has no quote, though
        # another speaker in its clause may ("Following early reports, the governor said ...")
        no_one = speaker is None and (mention.lower() in ("it", "they", "which", "that", "who") or
                                      resolver.names_no_one(mention))
        if _NARRATION.match(masked, start, end):
            return found  # "Elkins said - but they could not ...": what follows the cue is narration, not a clause
        own = range(base + m.start(), base + m.end())  # a parenthetical cue inside the clause is the clause's own
        other = next((x for x in patterns["mid"].finditer(masked, start, end)
                      if x.start() > start and x.start() not in own and valid(x)
                      and not _SUBORDINATE.fullmatch(masked, start, x.start())
                      and _bare_or_that(x, masked, x.end(), end)), None)
        limit = end if other is None else other.start()  # where another speaker takes over
        if mention.lower() in ("who", "which"):  # "Rubio, who is seeking reelection, and Nelson have ..."
            close = _RELATIVE_END.search(masked, start, limit)
            limit = limit if close is None else close.start()
        semicolon = masked.find("; ", start, limit)
        limit = limit if semicolon < 0 else semicolon  # "47% say A; 37% disagree": a new clause
        if not no_one:
            found += _reports(text, masked, start, limit, speaker, role, cue, said_from is not None)
        if other is None:
            return found
        start, cue, m, base, said_from = other.end(), cue_of(other), other, 0, None


def _reports(text: str, masked: str, start: int, limit: int, speaker: str | None, role: str | None,
             cue: str | None, before_cue: bool = False) -> list[Quote]:
    """The clause from `start` to `limit`, cut where its speaker goes on to another report; `before_cue` where it
    stands before its attribution."""
    reports = _GoingOn(masked, limit)
    going_on = reports.after(start)
    if going_on and masked[start:going_on.start()].strip(" ,"):
        return _span_quote(text, start, going_on.start(), speaker, role, cue, before_cue) + \
            _goes_on(text, going_on, reports, speaker, role)
    if going_on := going_on or named_patterns()["participle_lead"].match(masked, start, limit):
        return _goes_on(text, going_on, reports, speaker, role)  # "..., she said, adding that ..."
    return _span_quote(text, start, limit, speaker, role, cue, before_cue)


# A reported clause that opens on a subordinate one: the comma after it leads to the clause's main verb ("worried
# that if the deal failed, the company could threaten to ..."), not to another speaker
_SUBORDINATE = re.compile(r"[\s“\"]*(?:that\s+)?(?:if|when|whenever|while|because|although|though|unless|once|after|"
                          r"before|since|until)\b[^,;:]*")
_RELATIVE_END = re.compile(r",\s|\s[-—–―]\s")
_NARRATION = re.compile(r"[\s,]*(?:[-—–]\s|but\b)")


class _GoingOn:
    """Where the speaker goes on to another report (", adding that ...", ", proposed that ...", "and said ..."),
    asked at positions that only move forward: a pattern's last search answers for every position up to the
    match it found, so a clause of a thousand reports is scanned once rather than once for each."""

    def __init__(self, masked: str, end: int) -> None:
        self.masked, self.end = masked, end
        self._last: dict[str, tuple[int, re.Match[str] | None]] = {}

    def after(self, start: int) -> re.Match[str] | None:
        found = [m for m in (self._first("participle", start), self._first("coordinated", start))
                 if m and m.start() > start]
        return min(found, key=lambda m: m.start(), default=None)

    def _first(self, name: str, start: int) -> re.Match[str] | None:
        last = self._last.get(name)
        if last is not None and last[0] <= start and (last[1] is None or last[1].start() >= start):
            return last[1]
        m = named_patterns()[name].search(self.masked, start, self.end)
        self._last[name] = (start, m)
        return m


def _goes_on(text: str, going_on: re.Match[str], reports: _GoingOn, speaker: str | None,
             role: str | None) -> list[Quote]:
    """The reports after `going_on`, cut again wherever the speaker goes on ("..., proposed A, and pushed B")."""
    found: list[Quote] = []
    masked = reports.masked
    while True:
        start, cue = going_on.end(), cue_of(going_on)
        further = reports.after(start)
        while further is not None and not masked[start:further.start()].strip(" ,"):
            further = reports.after(further.start() + 1)
        if further is None:
            return found + _span_quote(text, start, reports.end, speaker, role, cue)
        found += _span_quote(text, start, further.start(), speaker, role, cue)
        going_on = further


def _span_quote(text: str, start: int, end: int, speaker: str | None, role: str | None,
                cue: str | None, before_cue: bool = False) -> list[Quote]:
    """The clause as a quote if it reads as one; one that stands before its attribution and holds a verb is a
    sentence's words whatever it opens on ("About 9.9 million mothers live there, according to ..."), not a phrase
    of place."""
    while start < end and text[start] in " ,“\"":
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?”\"’"):
        end -= 1
    words = text[start:min(end, start + _CLAUSE_READ)].split()
    if len(words) < 3 or not (_AFTER_THAT.search(text, max(0, start - 6), start) or _reads_as_content(words)
                              or (before_cue and _holds_a_verb(words))):
        return []
    return [Quote(text[start:end], start, end, "reported", speaker, role, cue)]


# What follows "that" is a clause whatever it opens on: "shows that in a head-to-head race, Kim leads"
_AFTER_THAT = re.compile(r"\bthat\s*$")


def _reads_as_content(words: list[str]) -> bool:
    """What a cue reports is a clause or an object, never the "by" of a passive ("endorsed by dozens of papers")
    nor only a phrase of when and where ("said in an interview", "said at a briefing Monday"): one that opens on a
    preposition holds a verb ("said in 2015 the deficit grew"); "to" opens an intention ("pledged to ban ...")."""
    first = words[0].lower().strip(",")
    if first == "by":
        return False
    return first not in PREPOSITIONS or first == "to" or any(
        _finite_verb(w) and before.lower() not in DETERMINERS for before, w in pairwise(words))


def _holds_a_verb(words: list[str]) -> bool:
    """A word that may be a verb, not after a determiner or a preposition: "Among Democrats, Kim leads Lee" holds
    one, "In an interview" none."""
    return any("VERB" in parts_of_speech(w.lower().strip(",.;:“”\"")) and before.lower() not in DETERMINERS
               and before.lower() not in PREPOSITIONS for before, w in pairwise(words))


def _finite_verb(word: str) -> bool:
    """A verb form that is nothing else, or an -ed form (after a determiner it is an adjective: "a written
    statement")."""
    w = word.lower().strip(",.;:“”\"")
    tags = parts_of_speech(w)
    return w in AUXILIARIES or tags == {"VERB"} or (w.endswith("ed") and "VERB" in tags)


_GOING_ON_REACH = 400  # 80 characters to the participle, and the participle with its "that"


def report_after_quote(text: str, masked: str, close_at: int, sentence: Sentence, quote: Quote) -> list[Quote]:
    """The speaker of a quotation goes on in their own attribution: "“...,” she said, adding that ..."."""
    # sought only within reach of the closing mark, not to the sentence's end after each of its quotations
    m = named_patterns()["participle"].search(masked, close_at, min(sentence.end, close_at + _GOING_ON_REACH))
    if m is None or m.start() - close_at > 80 or QUOTE_MARK.search(masked, close_at + 1, m.start()):
        return []
    opening = QUOTE_MARK.search(masked, m.end(), sentence.end)
    end = opening.start() if opening else sentence.end
    if not _bare_or_that(m, masked, m.end(), end):
        return []
    return _span_quote(text, m.end(), end, quote.speaker, quote.speaker_role, m.group("cue"))
