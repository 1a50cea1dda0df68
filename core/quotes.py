"""Quotes: who the article reports as saying what, direct and reported, each speaker named.

Rules, not a model: quotation marks are paired per paragraph, reported speech is found around the cue verbs of
news writing, and speakers are resolved to the fullest name the article uses ("he" to the most recent compatible
speaker or subject, "Kim" to "Kim Jong-un"). A quote with the wrong speaker is worse than none, so a quote whose
speaker cannot be found keeps `speaker=None` rather than a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property

from core.actors import is_place
from core.lexicon import is_common_word, parts_of_speech
from core.names import NAME, NOT_NAMES, NameBook, clean_name, is_organization, person_of_place
from core.text import Document, Sentence, split_sentences
from core.vocabulary.calendar import MONTH_NAME, PARTS_OF_DAY, WEEKDAY
from core.vocabulary.cue_verbs import ANY, cue_forms, finite_describing_forms, forms_where
from core.vocabulary.cue_verbs import participles as participles_of_cues
from core.vocabulary.function_words import AUXILIARIES, COORDINATORS, PERSONAL_PRONOUNS, QUANTIFIERS
from core.vocabulary.titles import ABBREVIATED_TITLES, HONORIFICS

VERSION = "4"

# "show" reports only what evidence shows ("a poll shows Clinton ahead"; "his remarks show urgency" is a reading).
_EVIDENCE = re.compile(r"(?i)\b(?:polls?|surveys?|stud(?:y|ies)|analys[ie]s|data|figures|records|documents?|video|"
                       r"footage|reports?|statistics|numbers|results|research|tally|count|transcripts?|"
                       r"investigations?|reviews?|audits?|inquiry|probe|experiments?|tests?)\b")
_GROUP_HEADS = (
    "analysts|analyst|officials|official|experts|expert|sources|source|media|agency|spokesman|spokeswoman|"
    "spokesperson|spokespeople|aides|aide|critics|critic|observers|lawmakers|police|authorities|government|"
    "ministry|diplomats|diplomat|residents|witnesses|witness|investigators|prosecutors|researchers|scientists|"
    "economists|supporters|opponents|democrats|republicans|report|reports|statement|study|survey|poll|polls|"
    "documents|document|campaign|people|voters|leaders|leader|members|advisers|adviser|advisors|staff|"
    "administration|department|insiders|newspaper|paper|network|website|reporters|reporter|journalists|"
    "commentators|historians|scholars|scholar|professors|activists|organizers|allies|rivals|candidates|"
    "candidate|nominee|lawyers|lawyer|attorneys|judges|court|ministers|minister|generals|commanders|troops|"
    "soldiers|planners|executives|employees|workers|users|parents|students|teachers|doctors|nurses|"
    "officers|officer|inspectors|regulators|agencies|outlets|commission|committee|panel|board|council|"
    "mayor|governor|senator|president|secretary|chief|director|head|chairman|group|groups|someone|others|"
    "democrat|republican|strategists|strategist|consultants|consultant|pollsters|pollster|operatives|operative|"
    "donors|donor|insider|veterans|veteran|backers|backer|voter|resident|activist|lawmaker|legislators|"
    "legislator|delegates|delegate|organizer|supporter|opponent|ally|spokesmen|spokeswomen|economist|"
    "historian|researcher|professor|observer|attorney|prosecutor|investigator|"
    "percent|majority|minority|plurality|third|thirds|half|quarter|fifth|fifths|"  # "a third say", "most voters"
    "editorial|editorials|column|memo|memos|letter|filing|lawsuit|complaint|ruling|ad|ads|tweet|release|analysis|"
    "attendees|participants|respondents|protesters|demonstrators|citizens|fans|"
    r"\d+(?:\.\d+)?%|"  # "47% say"
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)")  # "one in five", "four out of 10"
_HEAD = re.compile(_GROUP_HEADS)
_PLURAL_GROUP = re.compile(r"(?:s|people|media|police|staff|data)$")
_PRONOUN = r"(?:he|she|they|it|we|He|She|They|It|We|I)"
_OBJECT_PRONOUN = r"(?:him|her|them|it|us|me)"
_GROUP = (rf"(?:(?:the|The|a|A|an|An|another|Another|one|One|some|Some|many|Many|most|Most|several|Several|"
          rf"other|Other|two|three|four|[A-Z][\w.-]*(?:’s|'s))\s+)?(?:(?!(?:which|who|whom|whose|that)\b)(?:[\w-]+|\d[\d,.]*)\s+){{0,3}}?"
          rf"(?i:{_GROUP_HEADS})(?!\w)")
_PARTY = r"(?:\s*\([^()]{1,30}\))?"  # "(D-Wis.)"
# A name after lower-case words that say who they are: "retired Army Lt. Gen. Mick Bednarek", "another New
# Hampshire Democrat", "81-year-old Parker Eaton".
_MODIFIED_NAME = rf"(?:(?!(?:{'|'.join(sorted(NOT_NAMES))})\b)[a-z\d][\w-]*\s+){{0,3}}{NAME.pattern}"
# A noun phrase standing as a speaker: "Stein spokeswoman Melezia Figueroa", "The bank", "top black lawmakers",
# "Developers and supporters in Congress". It ends before a verb or a clause word, never on a determiner.
_NP_STOP = (r"(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|do|does|did|"
            r"not|that|which|who|whom|whose|if|when|while|because|also|but|or|so|yet|though|although)")
_DETERMINER = (r"(?:the|a|an|The|A|An|this|This|its|his|her|their|our|Its|His|Her|Their|Our|of|in|for|on|by|with|"
               r"at|from|to|about|into|over|upon|against|under|after|before|since|during|than|as|and|or)")
# a speaker never ends on one of these
_NP_WORD = r"[^\s,;:“”\"()―—]+"
_NP = rf"(?:(?!{_NP_STOP}\b){_NP_WORD}{_PARTY}\s+){{0,7}}?(?!{_NP_STOP}\b|{_DETERMINER}\s){_NP_WORD}{_PARTY}"
_SPEAKER = rf"(?P<speaker>(?<![\w’'-])(?:{_PRONOUN}\b|{_NP}))"  # from a word's start
_APPOSITION = (r"(?:,\s*(?P<role>[^“”\"]{2,200}?),|\s*(?:--|—|–|\s-\s)\s*(?P<role3>[^“”\"]{2,200}?)"
               r"\s*(?:--|—|–|\s-(?=\s)))?")
_ADVERBS = (r"(?:(?:also|later|previously|then|further|again|repeatedly|recently|publicly|privately|earlier|"
            r"still|has|have|had|would|will|may|might|could|did|does|do|not|never|once|simply|reportedly|is|are|only|"
            r"was|were|been|long|often|always|already|now|just|even|first|since|"
            r"(?:went|goes|go|going)\s+on\s+to|continued\s+to|(?:was|were|is|are)\s+quick\s+to|"
            r"(?!(?:rally|ally|family|supply|reply|apply|July|Italy|belly|bully|fly|holy|only|assembly)\b)\w{3,}ly)"
            r"\s+){0,3}")
_LEAD_IN = r"(?:(?P<lead>[^,“”\"]{1,60}),\s+)?"
# A role ends at a comma or a full stop, not at the stop of "Mr." or an initial: ", a friend of Mr. Rubio."
_ROLE_END = "".join(rf"(?<!\b{a})" for a in (*ABBREVIATED_TITLES, "[A-Z]"))
# What the speaker did as they spoke: "he laughed and said", "Trump paused, then said"
_GESTURE = r"(?:\s+[a-z]{3,}ed(?:\s+\w+ly)?(?:\s+and|,\s+then))?"
# When it was said, between the cue and the clause: "said Tuesday it would ...", "told CNN last week that ..."
_WHEN = (rf"(?:\s+(?:on\s+)?(?:{WEEKDAY}|yesterday|today|tonight|"
         rf"(?:last|this|earlier\s+this)\s+(?:week|month|year|{'|'.join(PARTS_OF_DAY)})|"
         rf"in\s+{MONTH_NAME}|{MONTH_NAME}\s+\d{{1,2}})(?=[\s,]))?")
# "said on Friday", "said in a statement", "said X, a director at Y, whose advocates lobby every campaign"
_TRAILING = r"(?:[,\s]+(?:[^\s“”\"]+\s*){1,6}?)?(?:,?\s+(?:who|whose|whom|which)\s[^“”\"]*?)?"


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # "direct", "reported" or "mixed"
    speaker: str | None
    speaker_role: str | None
    cue: str | None


@cache
def _patterns() -> dict[str, re.Pattern]:
    cues = "|".join(map(re.escape, forms_where(lambda v: v.reports)))
    cue = rf"(?P<cue>{cues})"
    cue2 = rf"(?P<cue2>{'|'.join(map(re.escape, forms_where(lambda v: v.inverts)))})"
    after_tell = "|".join(rf"(?<=\b{form})" for form, verb in cue_forms().items() if "listener" in verb.takes)
    listener = (rf"(?:(?:{after_tell})\s+(?!that\b)(?:{NAME.pattern}|{_OBJECT_PRONOUN}|reporters|journalists|"
                rf"(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+)(?=\s+that\b|[,:]?\s))?")
    describing = forms_where(lambda v: v.describing)
    participles = "|".join(map(re.escape, participles_of_cues()))
    return {
        # "Kim declared that ...", "Yang Moo-jin, a top scholar in Seoul, said ...", "X told Reuters that ..."
        "speaker_first": re.compile(
            rf"^{_LEAD_IN}{_SPEAKER}{_APPOSITION}{_GESTURE}\s+{_ADVERBS}{cue}\b{listener}{_WHEN}"
            rf"(?:\s+[^,“”\"]{{1,50}}?(?=\s+that\b))?"
            rf"\s*[,:]?\s+(?P<that>that\s+)?"),
        # "The campaign called the charges unsubstantiated", "Trump has called climate change a hoax"
        "describing_first": re.compile(
            rf"^{_LEAD_IN}{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}(?<!been )(?<!was )(?<!were )(?<!is )(?<!are )(?<!be )"
            rf"(?P<cue>{'|'.join(finite_describing_forms())})\b(?!\s+(?:for|on|off|out|up|in|back|it\s+quits|"
            rf"from)\b)\s+"),
        "speaker_first_named": re.compile(
            rf"^{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}{cue}\b(?:\s+[^,“”\"]{{1,50}}?(?=\s+that\b))?"
            rf"\s*[,:]?\s+(?P<that>that\s+)?"),
        # "..., he said." / "..., said Kim." / "..., Yang said in a statement."
        "content_first": re.compile(
            rf",\s+(?:{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}{cue}|{cue2}\s+(?P<speaker2>{_MODIFIED_NAME}|{_GROUP})"
            rf"(?:,\s*(?P<role2>[^,“”\"]{{2,200}}?)(?=,|{_ROLE_END}\.))?){_TRAILING}(?:[.!?]*[\"”’]*$|;)"),
        # "Without this awareness, he warned, the country risks ..."
        "parenthetical": re.compile(rf",\s+(?:{_SPEAKER}\s+{_ADVERBS}{cue}(?:\s+(?:{_OBJECT_PRONOUN}|reporters))?|"
                                    rf"(?P<speaker4>{_PRONOUN}|{NAME.pattern}|{_GROUP})\s+{_ADVERBS}{cue2}"
                                    rf"\s+[^,“”\"]{{1,60}}?),\s+(?![“\"]|'')"),  # "..., he said after the meeting, ..."
        "according_first": re.compile(r"^(?:[^,“”\"]{1,60},\s+)?[Aa]ccording to (?P<speaker>[^,;“”\"]{2,90}?)\s*,\s+"),
        "according_last": re.compile(r",?\s+according to (?P<speaker>[^,;“”\"]{2,120}?)"
                                     r"(?:,\s*(?P<role>(?:an?|the)\s(?:(?!\b(?:will|would|is|are|was|were|has|have|"
                                     r"had|can|could|should|must|may|might)\b)[^,;“”\"]){2,120}?))?\s*[.!?]*[\"”’]*$"),
        # after a closing quotation mark: ", he said" / ", said Kim, a scholar" / " ― Sonya Herridge"
        "after_quote": re.compile(
            rf"^[,\s]*(?:{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}{cue}\b|{cue2}\s+(?P<speaker2>{_MODIFIED_NAME}|{_GROUP})"
            rf"(?:,\s*(?P<role2>[^,“”\"]{{2,90}}?)(?=,|{_ROLE_END}\.))?|[―—–]\s*(?P<speaker3>{NAME.pattern}))"),
        # "PENCE: ..." in transcripts, "Pence: Gennifer Flowers Won’t Be at Debate" in headlines
        "label": re.compile(rf"^(?P<speaker>{NAME.pattern}):\s+(?=\S)"),
        # before an opening quotation mark: "Kim said: “" / "He told reporters, “"
        "before_quote": re.compile(
            rf"{_SPEAKER}{_APPOSITION}{_GESTURE}\s+{_ADVERBS}{cue}\b(?:\s+(?:{NAME.pattern}|{_OBJECT_PRONOUN}|"
            rf"reporters|the\s+\w+))?(?:(?!\b(?:which|who|whom)\b)[^“\"]){{0,40}}?[:,]?\s*$"),
        # "shortly after Trump said he finally believes ...", "an architect who said he was stiffed"
        "mid": re.compile(
            rf"(?:[,;:]\s+|\s(?:--|—|–|-)\s+|\b(?i:after|before|when|while|because|since|as|although|though|and|but|"
            rf"which|where|who|whom|that|until|once|if|why|how|with)\s+|(?<=[a-z])\s+(?=(?:who|which)\s))"
            rf"(?P<speaker>{_PRONOUN}\b|{NAME.pattern}{_PARTY}|{_GROUP}|who|which)\s+"
            rf"{_ADVERBS}{cue}\b{listener}{_WHEN}\s*[,:]?\s+(?P<that>that\s+)?"
            rf"|(?<=\s)(?P<speaker4>{NAME.pattern}{_PARTY})\s+{_ADVERBS}(?P<cue4>said|says|told|tells)\b\s*[,:]?\s+"
            rf"(?P<that4>that\s+)?"),
        # "Merrill says Machado promised ... and said she would stand up to the attacks"
        "coordinated": re.compile(rf"(?:\b(?:and|but)|,(?:\s+and)?)\s+{_ADVERBS}{cue}\b(?!\s+(?:by|of)\b)\s*[,:]?\s+"
                                  rf"(?P<that>that\s+)?"),
        # ", saying that ...", ", adding ...": the sentence's speaker goes on
        "participle": re.compile(rf"(?:,\s+(?:and\s+)?|\b(?:by|while|after|before|when|without|in)\s+(?:\w+ly\s+)?)"
                                 rf"(?P<cue>{participles})\b\s*[,:]?\s+(?P<that>that\s+)?"),
        # a paragraph that introduces the quotation below it: "Cruz continued:", "17-year-old Jared Potts echoed:"
        "introducing": re.compile(rf"{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}(?P<cue>[a-z]\w+)\b[^“\".!?]{{0,60}}?:\s*$"),
        "participle_lead": re.compile(rf"(?P<cue>{participles})\b\s*[,:]?\s+(?P<that>that\s+)?"),
        "describing": re.compile(rf"\b(?P<cue>{'|'.join(map(re.escape, describing))})\b[^“\"]{{0,40}}$"),
        # where a cue of saying or describing stands: no attribution before a quotation without one
        "any_cue": re.compile(rf"\b(?:{cues}|{'|'.join(map(re.escape, describing))})\b"),
        "describing_named": re.compile(rf"(?<![\w’'-])(?P<speaker>{_PRONOUN}|{NAME.pattern})\s+{_ADVERBS}"
                                      rf"(?P<cue>{'|'.join(map(re.escape, describing))})\b[^“\"]{{0,40}}$"),
        # a sentence's subject, after any lead-in: followed by its verb or an apposition, not by a comma alone
        "subject": re.compile(rf"\s*(?P<speaker>{_PRONOUN}\b|{_GROUP}|{NAME.pattern})\b"
                              rf"(?=\s+[a-z]|,\s+(?:an?|the|who|which|whose|[A-Z][\w.]*\s+[A-Z])\b|{_PARTY}\s+[a-z])"),
    }


_TRAILING_NAME = re.compile(rf"(?:{NAME.pattern})$")
_PREPOSITIONS = frozenset("of for in at on to from with by about".split())
_FUNCTION_WORDS = frozenset("the a an this that these those there here what which who in on at as".split())


_QUOTE_MARK = re.compile(r"“|”|\"|''|``")


@dataclass(slots=True)
class _Direct:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or the paragraph's end)
    open_at: int
    close_at: int | None
    paragraph: int


@dataclass(slots=True)
class _Referent:
    offset: int
    name: str
    person: bool
    plural: bool
    gender: str | None


def find_quotes(doc: Document, names: NameBook | None = None) -> list[Quote]:
    """Direct and reported quotes in text order."""
    names = names or NameBook(doc.text)
    resolver = _Resolver(doc, names)
    tags = [(m.start(), m.end()) for m in _TAG.finditer(doc.text)]
    directs = _direct_quotes(doc, tags)
    masked = _mask(doc.text, directs, tags)
    quotes: list[Quote] = []
    by_sentence: dict[int, list[_Direct]] = {}
    for d in directs:
        sentence = doc.sentence_at(d.open_at)
        if sentence is not None:
            by_sentence.setdefault(sentence.start, []).append(d)
    previous_direct: Quote | None = None
    candidates: list[Quote] = []
    cues = [m.start() for m in _patterns()["any_cue"].finditer(masked)]
    quotes.extend(_labelled(doc, resolver))
    for sentence in doc.sentences:
        resolver.note_subject(sentence, masked)
        reported = _reported(doc, masked, sentence, resolver)
        for d in by_sentence.get(sentence.start, []):
            quote = _attribute_direct(doc, masked, d, sentence, resolver, reported, previous_direct, cues)
            if quote is not None:
                quotes.append(quote)
                previous_direct = quote if quote.kind == "direct" else previous_direct
                if quote.kind == "direct" and quote.speaker and d.close_at is not None:
                    quotes.extend(_report_after_quote(doc.text, masked, d.close_at, sentence, quote))
        candidates.extend(reported)
    covered = _Cover([(q.start, q.end) for q in quotes])  # a reported clause inside a quotation is its words
    quotes.extend(q for q in candidates if not covered.holds(q.start))
    quotes.sort(key=lambda q: (q.start, q.end))
    return _joined(doc.text, _without_nested(quotes))


class _Cover:
    """Which offsets a set of spans covers, asked in log time: an article may hold thousands of quotes, and
    asking each against all the others is quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1] if self.reach else end))

    def holds(self, offset: int, end: int | None = None) -> bool:
        """Some span starts at or before `offset` and ends after it (or at or after `end`, if given)."""
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and (self.reach[i] > offset if end is None else self.reach[i] >= end)


def _labelled(doc: Document, resolver: _Resolver) -> list[Quote]:
    """Paragraphs that open with a speaker's name and a colon: transcripts ("PENCE: ...") and headlines
    ("Pence: Flowers won't be at debate")."""
    found = []
    for paragraph in doc.paragraphs:
        m = _patterns()["label"].match(doc.text, paragraph.start, paragraph.end)
        if not m or len(m.group("speaker").split()) > 4:
            continue
        start, end = m.end(), paragraph.end
        while end > start and doc.text[end - 1] in " .”\"":
            end -= 1
        while start < end and doc.text[start] in "“\"":
            start += 1
        if len(doc.text[start:end].split()) < 2:
            continue
        speaker, role = resolver.speaker(m, 0)
        kind = "direct" if m.group("speaker").isupper() else "reported"
        found.append(Quote(doc.text[start:end], start, end, kind, speaker, role, ":"))
    return found


def _without_nested(quotes: list[Quote]) -> list[Quote]:
    """One quote per attribution: a quoted fragment inside a reported clause makes that clause `mixed` rather than
    a quote of its own, and a reported clause inside a direct quote is the quote's own words."""
    directs = _Cover([(o.start, o.end) for o in quotes if o.kind == "direct"])
    reported = _Cover([(o.start, o.end + 3) for o in quotes if o.kind == "reported"])
    others = sorted((o.start, o.end) for o in quotes if o.kind != "reported")
    kept = []
    for q in quotes:
        if q.kind == "reported" and directs.holds(q.start, q.end):
            continue
        if q.kind != "reported" and reported.holds(q.start, q.end):
            continue
        if q.kind == "reported" and any(end <= q.end + 3 for _, end in
                                        others[bisect_left(others, (q.start,)):bisect_right(others, (q.end + 3,))]):
            q = Quote(q.text, q.start, q.end, "mixed", q.speaker, q.speaker_role, q.cue)
        kept.append(q)
    return kept


def _report_after_quote(text: str, masked: str, close_at: int, sentence: Sentence, quote: Quote) -> list[Quote]:
    """The speaker of a quotation goes on in their own attribution: "“...,” she said, adding that ..."."""
    m = _patterns()["participle"].search(masked, close_at, sentence.end)
    if m is None or m.start() - close_at > 80 or _QUOTE_MARK.search(masked, close_at + 1, m.start()):
        return []
    opening = _QUOTE_MARK.search(masked, m.end(), sentence.end)
    end = opening.start() if opening else sentence.end
    if not _bare_or_that(m, masked[m.end():end]):
        return []
    return _span_quote(text, m.end(), end, quote.speaker, quote.speaker_role, m.group("cue"))


def _joined(text: str, quotes: list[Quote]) -> list[Quote]:
    """A quotation split around its attribution ("“It was a bomb,” he said. “You can see a crater.”") is one
    quote: the span runs from its first word to its last, the attribution between them included, and a clause the
    attribution reports ("..., she said, adding that ...") stays a quote of its own. A new paragraph that reopens
    the quote with an attribution of its own is a new quote."""
    joined: list[Quote] = []
    for q in quotes:
        at = _split_half(text, joined, q)
        last = joined[-1] if joined else None
        # a paragraph left open and reopened: the quote goes on, attributed where it ends
        continued = (last is not None and last.kind == q.kind == "direct" and last.speaker is None
                     and re.fullmatch(r"[\s“\"'`]*", text[last.end:q.start]) is not None and "\n" in
                     text[last.end:q.start])
        if continued:
            at = len(joined) - 1
        if at is None:
            joined.append(q)
            continue
        first = joined[at]
        joined[at] = Quote(text[first.start:q.end], first.start, q.end, "direct", q.speaker,
                           first.speaker_role or q.speaker_role, first.cue or q.cue)
    return joined


def _split_half(text: str, joined: list[Quote], q: Quote) -> int | None:
    """Where in `joined` the first half of the direct quote `q` is, if `q` is the second half."""
    at = len(joined) - 1
    while at >= 0 and joined[at].kind == "reported":
        at -= 1
    if at < 0 or q.kind != "direct" or joined[at].kind != "direct" or not q.speaker or joined[at].speaker != q.speaker:
        return None
    first, between = joined[at], joined[at + 1:]
    if _attributed_after(text, q.end):
        return None  # "“A,” he told them. “B,” he said, ...": B has an attribution of its own
    gap = q.start - first.end - (max(r.end for r in between) - between[0].start if between else 0)
    between_text = text[first.end:q.start]
    if not (0 <= gap <= _SPLIT_GAP and "\n" not in between_text and _QUOTE_MARK.search(between_text)):
        return None
    return at if _only_attribution(text, first.end, max((r.end for r in between), default=0), q.start) else None


def _attributed_after(text: str, end: int) -> bool:
    """The quotation ending at `end` is followed by an attribution in its sentence: "...,” he said" (after "...”
    a new sentence starts, whatever its subject does)."""
    closing = _QUOTE_MARK.match(text, end + 1) if text[end:end + 1] == "," else None
    if closing is None:
        return False
    return _valid(_patterns()["after_quote"].match(text[closing.end():closing.end() + 160])) is not None


def _only_attribution(text: str, after: int, reported_end: int, reopen: int) -> bool:
    """Between the halves of one quotation stands its attribution and little else ("," he said on Monday. "):
    "“...,” Mr. Elkins said - but they could not back him. “...”" is two quotes."""
    marks = list(_QUOTE_MARK.finditer(text, after, reopen))
    if len(marks) < 2:
        return False
    closing, opening = marks[0], marks[-1]
    m = _patterns()["after_quote"].match(text[closing.end():opening.start()])
    if m is None:
        return False
    rest = text[max(closing.end() + m.end(), reported_end):opening.start()]
    return len(split_sentences(rest)) < 2 and not re.search(r"\s(?:-|—|–|;)\s|:\s+\w|\s(?:and|but)\s+"
                                                        r"(?:he|she|they|we|I|it)\s", rest)


_SPLIT_GAP = 250


# ---------------------------------------------------------------- quotation marks

def _direct_quotes(doc: Document, tags: list[tuple[int, int]]) -> list[_Direct]:
    """Pair quotation marks per paragraph; an opening mark left open runs to the paragraph's end, where a quote
    that goes on into the next paragraph (reopened there) stays one speaker's. Straight marks and the doubled
    apostrophes of some wire copy ('' and ``) pair like curly ones."""
    found: list[_Direct] = []
    text = doc.text
    in_tag = _Cover(tags)
    for number, paragraph in enumerate(doc.paragraphs):
        open_at: int | None = None
        open_len = 0
        for m in _QUOTE_MARK.finditer(text, paragraph.start, paragraph.end):
            at, mark = m.start(), m.group()
            if in_tag.holds(at):
                continue  # an attribute's value in markup left in the text: <tweet tweet-id="6772">
            if mark in ("“", "``") or (open_at is None and mark in ('"', "''")):
                open_at, open_len = at, len(mark)  # a stray second opening mark starts the quote again
            elif open_at is not None:
                if at - open_at > open_len:
                    found.append(_Direct(open_at + open_len, at, open_at, at, number))
                open_at = None
        if open_at is not None and paragraph.end - open_at > open_len:
            found.append(_Direct(open_at + open_len, paragraph.end, open_at, None, number))
    return [d for d in (_trim(text, d) for d in found) if d.end > d.start]


def _trim(text: str, d: _Direct) -> _Direct:
    start, end = d.start, d.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return _Direct(start, end, d.open_at, d.close_at, d.paragraph)


def _mask(text: str, directs: list[_Direct], tags: list[tuple[int, int]]) -> str:
    """The text with quoted words and markup tags blanked (same length), so a cue verb inside a quote or a tag
    ("<tweet tweet-id=...>") is not taken for one."""
    chars = list(text)
    spans = [(d.start, d.end) for d in directs] + tags
    for start, end in spans:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)


_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,300}>")  # markup a saved page or a corpus left in the text
# How far before its opening mark a quotation's attribution is sought ("Kim Jong-un, the leader of ..., told
# reporters: “"): the patterns reach no further (a speaker of at most eight words, an apposition of at most 200
# characters, 40 after the cue), and searching the whole sentence again for each of a thousand quotations in it
# is quadratic.
ATTRIBUTION_REACH = 600
_DESCRIBING_TAIL = 60  # the longest describing form ("characterising") and the 40 characters after it


def _attribute_direct(doc: Document, masked: str, d: _Direct, sentence: Sentence, resolver: _Resolver,
                      reported: list[Quote], previous: Quote | None, cues: list[int]) -> Quote | None:
    text = doc.text
    patterns = _patterns()
    paragraph = doc.paragraphs[d.paragraph]
    content = text[d.start:d.end]
    whole_sentence = d.open_at <= sentence.start + 1 and (d.close_at or paragraph.end) >= sentence.end - 2
    if d.close_at is not None:
        close_end = d.close_at + (2 if text.startswith("''", d.close_at) else 1)
        after = masked[close_end:min(paragraph.end, close_end + 160)]
        m = _valid(patterns["after_quote"].match(after))
        if m and text[d.start:d.end].rstrip().endswith("."):
            # after a full stop, "Gov. McCrory said it would be ..." starts a report of its own
            rest = re.split(r"(?<=[.!?])\s", after[m.end():], maxsplit=1)[0]
            m = m if len(rest.split()) <= 4 else None
        if m:
            speaker, role = resolver.speaker(m, close_end)
            return Quote(content, d.start, d.end, "direct", speaker, role, _cue(m))
    holder = next((q for q in reported if q.start <= d.start and d.end <= q.end), None)
    if holder is not None and holder.start < d.open_at - 2 and holder.speaker:
        # the quoted words inside a longer report: "The rejection signals “the end” for the EU, said Wilders"
        return Quote(content, d.start, d.end, "mixed", holder.speaker, holder.speaker_role, holder.cue)
    # what stands before the opening mark, in its sentence and within reach
    reach = max(sentence.start, d.open_at - ATTRIBUTION_REACH)
    before = masked[reach:d.open_at]
    has_cue = bisect_left(cues, reach) < bisect_left(cues, d.open_at)  # looked up, not searched for again
    # nor across another quotation's marks: it is read from the last opening or straight mark on
    after_marks = max(before.rfind("“"), before.rfind('"')) + 1
    m = _first_valid(patterns["before_quote"], before, after_marks) if has_cue else None
    if m:
        speaker, role = resolver.speaker(m, reach)
        return Quote(content, d.start, d.end, "direct", speaker, role, _cue(m))
    introduced = _introduced(doc, masked, d, resolver)
    if introduced is not None:
        speaker, role, cue = introduced
        return Quote(content, d.start, d.end, "direct", speaker, role, cue)
    if holder is not None:
        return Quote(content, d.start, d.end, "mixed", holder.speaker, holder.speaker_role, holder.cue)
    if not whole_sentence:
        # the describing cue stands in the last words: "described as a “...”" (the named form ends the same way)
        described = patterns["describing"].search(before, max(0, len(before) - _DESCRIBING_TAIL)) if has_cue else None
        m = _valid(patterns["describing_named"].search(before)) if described else None
        if m:  # "what Sroka called a “let a thousand flowers bloom” approach"
            speaker, role = resolver.speaker(m, reach)
            return Quote(content, d.start, d.end, "mixed", speaker, role, _cue(m))
        m = described
        subject = resolver.subject_of(sentence)
        if subject is not None and m:
            return Quote(content, d.start, d.end, "mixed", subject[0], subject[1], _cue(m))
        return None
    if previous is not None and doc.sentence_at(previous.start) is not None and \
            doc.sentence_at(previous.start).paragraph >= d.paragraph - 1:
        return Quote(content, d.start, d.end, "direct", previous.speaker, previous.speaker_role, previous.cue)
    return Quote(content, d.start, d.end, "direct", None, None, None)


def _introduced(doc: Document, masked: str, d: _Direct, resolver: _Resolver) -> tuple[str | None, str | None,
                                                                                     str | None] | None:
    """A quotation that opens its paragraph after one that ends on a colon is introduced there: "Cruz continued:",
    "The foundation describes itself in the following way:"."""
    paragraph = doc.paragraphs[d.paragraph]
    if d.paragraph == 0 or doc.text[paragraph.start:d.open_at].strip():
        return None
    previous = doc.paragraphs[d.paragraph - 1]
    if not doc.text[previous.start:previous.end].rstrip().endswith(":"):
        return None
    last = doc.sentence_at(max(previous.start, previous.end - 2))
    start = last.start if last is not None else previous.start
    m = _first_valid(_patterns()["introducing"], masked[start:previous.end].rstrip())
    cue = m.group("cue").lower() if m else ""
    if m is None or not (parts_of_speech(cue) == {"VERB"} or (cue.endswith(("ed", "s")) and "VERB" in
                                                               parts_of_speech(cue))):
        return None  # "Partial transcript as follows:" has no verb before its colon
    speaker, role = resolver.speaker(m, start)
    return speaker, role, _cue(m)


# ---------------------------------------------------------------- reported speech

def _reported(doc: Document, masked: str, sentence: Sentence, resolver: _Resolver) -> list[Quote]:
    s = masked[sentence.start:sentence.end]
    base = sentence.start
    patterns = _patterns()
    text = doc.text
    m = _valid(patterns["according_last"].search(s))  # first: "X is so, according to Y, a director at Z."
    if m and m.start() > 10:
        return _clause(text, masked, _content_start(s, base), base + m.start(), "according to", m, resolver, base)
    m = _valid(patterns["according_first"].match(s))
    if m:
        return _clause(text, masked, base + m.end(), sentence.end, "according to", m, resolver, base)
    m = _first_valid(patterns["parenthetical"], s)
    if m and m.start() > 3:
        return _clause(text, masked, _content_start(s, base), sentence.end, _cue(m), m, resolver, base)
    content_first = _valid(patterns["content_first"].search(s))
    m = content_first
    if m and m.start() > 10 and m.groupdict().get("cue2"):  # "..., said Geert Wilders, founder of the party."
        return _clause(text, masked, _content_start(s, base), base + m.start(), _cue(m), m, resolver, base)
    first = patterns["speaker_first"].match(s)
    m = _valid(_without_name_lead(first, s))
    if first is not None and m is None:  # "Trump, speaking at a rally in Wilmington, warned that"
        m = _valid(patterns["speaker_first_named"].match(s))
    if m and _bare_or_that(m, masked[base + m.end():sentence.end]):
        return _in_lead(text, masked, m, base, resolver) + _clause(
            text, masked, base + m.end(), sentence.end, _cue(m), m, resolver, base)
    m = _valid(patterns["describing_first"].match(s))
    if m and _cue(m).lower().startswith(("describ", "characteri", "portray", "hail")) and \
            not re.search(r"\bas\b", s[m.end():]):
        m = None  # "describes the valley" reports nothing; "described the plan as a failure" does
    if m and not _QUOTE_MARK.search(text, base + m.end(), sentence.end):  # a quoted label is the quote itself
        return _clause(text, masked, base + m.end(), sentence.end, _cue(m), m, resolver, base)
    m = content_first
    if m and m.start() > 10:
        return _clause(text, masked, _content_start(s, base), base + m.start(), _cue(m), m, resolver, base)
    mid = next((m for m in patterns["mid"].finditer(s)
                if _valid(m) and _bare_or_that(m, masked[base + m.end():sentence.end])), None)
    subject = resolver.subject_of(sentence)
    m = patterns["participle"].search(s) or patterns["coordinated"].search(s)
    # the subject's own report comes first where it stands first: "X gave him credit, saying ..., but he suggested"
    if m and subject is not None and (mid is None or m.start() < mid.start()) and \
            _bare_or_that(m, masked[base + m.end():sentence.end]):
        found = _clause(text, masked, base + m.end(), sentence.end, _cue(m), m, resolver, base)
        return [q if q.speaker else Quote(q.text, q.start, q.end, q.kind, subject[0], subject[1], q.cue)
                for q in found]
    if mid is not None:
        return _clause(text, masked, base + mid.end(), sentence.end, _cue(mid), mid, resolver, base)
    return []


def _first_valid(pattern: re.Pattern, s: str, pos: int = 0) -> re.Match | None:
    """The first match whose speaker names someone: where "In a series of posts Sunday, Mr. Frum, a former
    speechwriter, wrote:" reads first as a speaker "In a series ...", the search goes on after the lead-in."""
    while (m := pattern.search(s, pos)) is not None:
        if _valid(m):
            return m
        comma = s.find(",", m.start())
        if comma < 0:
            return None
        pos = comma + 1
    return None


def _in_lead(text: str, masked: str, m: re.Match, base: int, resolver: _Resolver) -> list[Quote]:
    """Reports in the sentence's lead-in or in its speaker's apposition: "After Hillary Clinton accused him of
    sexism, he warned, ...", "Donald Trump - who previously said he would bomb the oil fields - said ..."."""
    found = []
    for group in ("lead", "role", "role3"):
        if not m.groupdict().get(group):
            continue
        start, end = base + m.start(group) - 3, base + m.end(group)  # a relative "who" needs the comma or dash before
        x = next((x for x in _patterns()["mid"].finditer(masked, max(base, start), end)
                  if _valid(x) and _bare_or_that(x, masked[x.end():end])), None)
        if x is not None:
            found += _clause(text, masked, x.end(), end, _cue(x), x, resolver, 0)
    return found


def _valid(m: re.Match | None) -> re.Match | None:
    """A match whose speaker is a word like "The" or a possessive ("Kim’s remarks show") names nobody."""
    if m is None:
        return None
    groups = m.groupdict()
    mention = next((groups[k] for k in ("speaker", "speaker2", "speaker3", "speaker4") if groups.get(k)), "")
    words = mention.split()
    role = re.split(r"\b(?:who|which|that|whose|whom)\b", groups.get("role") or "x")[0].split() or ["who"]
    if role[0].lower() in COORDINATORS or _holds_a_verb([*role, "x"]):
        return None  # "Burlington, Iowa, and, citing ...", "Iowa, on Sunday, Mrs. Clinton tried to expand ...,"
    if mention in ("who", "which") and m.re is _patterns()["mid"]:
        return None if _cue_in_a_name(m) else m  # "Priebus, who has said ...": the name before it
    if not words or words[-1].endswith(("’s", "'s", "‘s", "’", "'")) or mention.lower() in _FUNCTION_WORDS \
            or not re.search(r"\w", mention) or _participle(words[0]) \
            or (len(words) == 1 and parts_of_speech(mention.lower()) == {"ADV"}) \
            or (len(words) == 1 and words[0].lower() in NOT_NAMES and not _is_pronoun(words[0])) \
            or (words[0].lower() in _SPEAKER_NEVER_STARTS and not _approximately(words)) \
            or _cue_is_a_noun(words) or _holds_a_verb(words):
        return None
    return None if _cue_in_a_name(m) else m


# A speaker is a noun phrase: it never opens on a preposition ("In nearby Decatur, the plant is ... said").
_SPEAKER_NEVER_STARTS = frozenset("in on at for with from by after before during since until into about over under "
                                  "across through amid among without despite to of upon than via per like unlike "
                                  "toward towards within beyond".split())


def _participle(word: str) -> bool:
    """"speaking at a rally": a speaker never opens on a present participle ("retired Army Gen. Bednarek" may
    open on a past one)."""
    return word[:1].islower() and word.endswith("ing") and "VERB" in parts_of_speech(word)


def _approximately(words: list[str]) -> bool:
    """"About four out of 10 voters", "Over 40 percent": a preposition that rounds a number."""
    return len(words) > 1 and words[0].lower() in ("about", "over", "under") and (
        words[1][:1].isdigit() or words[1].lower() in QUANTIFIERS)


def _holds_a_verb(words: list[str]) -> bool:
    """A speaker is a noun phrase, not a clause: "Bradley Cranston stood at his pulpit" or "Trump despises what he"
    hold a verb that is nothing else. A participle may stand in one ("veterans interviewed at rallies")."""
    return any(w[:1].islower() and not w.endswith(("ed", "ing")) and parts_of_speech(w) == {"VERB"}
               for w in words[:-1])


def _cue_is_a_noun(words: list[str]) -> bool:
    """The word before the cue makes the cue a noun: "across the four states", "made similar comments" (alone,
    as in "but few believe" or "as some have speculated", it is the speaker)."""
    while words and words[0].lower() in (*COORDINATORS, "as"):
        words = words[1:]
    word = words[-1] if len(words) > 1 else ""
    w = word.lower()
    if not word[:1].islower() or words[-2].lower() == "in":  # "one in five say" is a share of people
        return False
    if w in QUANTIFIERS or w[:1].isdigit() or parts_of_speech(w) == {"ADJ"}:
        return True
    # "the caustic chant": an adjective after a determiner qualifies the cue; "the official said" is a speaker
    return words[-2].lower() in ("the", "a", "an", "this", "that", "his", "her", "their", "its", "our") and \
        "ADJ" in parts_of_speech(w) and not _HEAD.fullmatch(w)


def _cue_in_a_name(m: re.Match) -> bool:
    """The cue matched part of a name, not a verb: "The United States has been lobbying", "Islamic State claimed".
    A capitalized verb form reads as a verb only in a Title Case headline ("..., Lindsey Graham Says")."""
    name = next((g for g in ("cue", "cue2", "cue4") if m.groupdict().get(g)), None)
    if name is None:
        return False
    cue = m.group(name)
    if not cue[:1].isupper() or not m.string[:m.start(name)].strip():
        return False
    words = [w for w in m.string.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) < 0.6 * len(words)


def _without_name_lead(m: re.Match | None, s: str) -> re.Match | None:
    """A name before the first comma is the speaker ("Jean-Marc Ayrault, the foreign minister, said"), not a
    lead-in like "During the inspection,"."""
    if m is None or not m.group("lead"):
        return m
    lead = m.group("lead").split()
    if all(w[:1].isupper() for w in lead) and lead[0].lower() not in NOT_NAMES and (
            len(lead) > 1 or not is_common_word(lead[0])):
        return _patterns()["speaker_first_named"].match(s)
    if any(w.lower() in AUXILIARIES for w in lead) and lead[0].lower() not in _LEAD_IN_OPENERS:
        return None  # "Michigan was only doing what others do, he told the court": a clause, reported after
    return m


_LEAD_IN_OPENERS = frozenset("after before when while as if because since although though once until unless "
                           "whether despite in on at during with without for by from under amid".split())



def _content_start(s: str, base: int) -> int:
    offset = 0
    while offset < len(s) and s[offset] in " “\"‘'":
        offset += 1
    return base + offset


_OPENS_A_QUOTE = re.compile(r"\s*(?:(?:why|how|what|whether)\s|[:,]?\s*[“\"])")  # "explained why", "noted: “...”"


def _bare_or_that(m: re.Match, rest: str) -> bool:
    """A cue that needs a clause gets one: "that", a colon, or words that read as a clause."""
    if m.groupdict().get("that") or m.groupdict().get("that4"):
        return True
    verb = cue_forms().get((_cue(m) or "").lower())
    takes = verb.takes if verb is not None and verb.reports else ANY  # no cue before a clause: as any other word
    words = rest.split()
    if len(words) < 3 or "clause" not in takes or (verb and words[0].lower() in verb.particles) or \
            words[0].lower() in ("which", "who", "whom", "whose"):
        return False  # "backed away from the deal", "called off the vote", "the bridge plan, which ..."
    if "object" not in takes and _OPENS_A_QUOTE.match(rest):
        return True
    if verb and verb.needs_evidence:
        return bool(m.group("that")) or bool(_EVIDENCE.search(m.groupdict().get("speaker") or ""))
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


def _clause(text: str, masked: str, start: int, end: int, cue: str, m: re.Match, resolver: _Resolver,
            base: int) -> list[Quote]:
    """The reported clause; where the speaker goes on ("..., adding that ...") or another speaker takes over
    ("..., though she noted ..."), the clause is cut there and the rest is a quote of its own. A loop, not
    recursion, since one sentence may hold any number of cues."""
    patterns = _patterns()
    found: list[Quote] = []
    while True:
        speaker, role = resolver.speaker(m, base)
        mention = next((v for k, v in m.groupdict().items() if k.startswith("speaker") and v), "")
        if speaker is None and mention.lower() in ("it", "they", "which", "that", "who"):
            return found  # "until it agrees to ...": a pronoun that names no one found is no attribution
        if re.match(r"[\s,]*(?:[-—–]\s|but\b)", masked[start:end]):
            return found  # "Elkins said - but they could not ...": what follows the cue is narration, not a clause
        own = range(base + m.start(), base + m.end())  # a parenthetical cue inside the clause is the clause's own
        other = next((x for x in patterns["mid"].finditer(masked, start, end)
                      if x.start() > start and x.start() not in own and _valid(x)
                      and _bare_or_that(x, masked[x.end():end])), None)
        limit = end if other is None else other.start()  # where another speaker takes over
        if mention.lower() in ("who", "which"):  # "Rubio, who is seeking reelection, and Nelson have ..."
            close = _RELATIVE_END.search(masked, start, limit)
            limit = limit if close is None else close.start()
        semicolon = masked.find("; ", start, limit)
        limit = limit if semicolon < 0 else semicolon  # "47% say A; 37% disagree": a new clause
        going_on = _going_on(masked, start, limit)
        if going_on and masked[start:going_on.start()].strip(" ,"):
            found += _span_quote(text, start, going_on.start(), speaker, role, cue)
            found += _goes_on(text, masked, going_on, limit, speaker, role)
        elif going_on := going_on or patterns["participle_lead"].match(masked, start, limit):
            found += _goes_on(text, masked, going_on, limit, speaker, role)  # "..., she said, adding that ..."
        else:
            found += _span_quote(text, start, limit, speaker, role, cue)
        if other is None:
            return found
        start, cue, m, base = other.end(), _cue(other), other, 0


_RELATIVE_END = re.compile(r",\s|\s[-—–―]\s")


def _going_on(masked: str, start: int, end: int) -> re.Match | None:
    """Where the speaker goes on to another report: ", adding that ...", ", proposed that ...", "and said ..."."""
    patterns = _patterns()
    found = [m for m in (patterns["participle"].search(masked, start, end),
                         patterns["coordinated"].search(masked, start, end)) if m and m.start() > start]
    return min(found, key=lambda m: m.start(), default=None)


def _goes_on(text: str, masked: str, going_on: re.Match, end: int, speaker: str | None,
             role: str | None) -> list[Quote]:
    """The reports after `going_on`, cut again wherever the speaker goes on ("..., proposed A, and pushed B")."""
    found: list[Quote] = []
    while True:
        start, cue = going_on.end(), going_on.group("cue")
        further = _going_on(masked, start, end)
        while further is not None and not masked[start:further.start()].strip(" ,"):
            further = _going_on(masked, further.start() + 1, end)
        if further is None:
            return found + _span_quote(text, start, end, speaker, role, cue)
        found += _span_quote(text, start, further.start(), speaker, role, cue)
        going_on = further


def _span_quote(text: str, start: int, end: int, speaker: str | None, role: str | None, cue: str) -> list[Quote]:
    while start < end and text[start] in " ,“\"":
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?”\"’"):
        end -= 1
    if len(text[start:end].split()) < 3:
        return []
    return [Quote(text[start:end], start, end, "reported", speaker, role, cue)]


# ---------------------------------------------------------------- speakers

class _Resolver:
    """Speakers to the fullest name the article uses; pronouns to the most recent compatible referent."""

    def __init__(self, doc: Document, names: NameBook) -> None:
        self.doc = doc
        self.names = names
        self.salient: list[_Referent] = []  # speakers and sentence subjects, in text order
        self._subjects: dict[int, tuple[str, str | None] | None] = {}

    def note_subject(self, sentence: Sentence, masked: str) -> None:
        s = masked[sentence.start:sentence.end]
        starts = [0, *(i + 1 for i, c in enumerate(s[:160]) if c == ",")][:5]  # after lead-ins of any length
        subject = None
        for m in filter(None, (_patterns()["subject"].match(s, at) for at in starts)):
            word = m.group("speaker")
            if word.split()[0].lower() in (*_SPEAKER_NEVER_STARTS, "it", "we", "i") or self._not_a_name(word):
                continue  # "Asked about it, the senator said": the subject is past the lead-in
            offset = sentence.start + m.start("speaker")
            name, role = self._resolve(word, offset)
            if name is None:
                continue
            subject = (name, role)
            if not _is_pronoun(word):
                self._remember(name, offset)
            break
        self._subjects[sentence.start] = subject

    def subject_of(self, sentence: Sentence) -> tuple[str, str | None] | None:
        return self._subjects.get(sentence.start)

    def speaker(self, m: re.Match, base: int) -> tuple[str | None, str | None]:
        groups = m.groupdict()
        key = next((k for k in ("speaker", "speaker2", "speaker3", "speaker4") if groups.get(k)), None)
        if key is None:
            return None, None
        mention = re.sub(r"\s*\([^()]*\)", "", m.group(key)).strip()
        offset = base + m.start(key)
        role = groups.get("role") or groups.get("role2") or groups.get("role3")
        if _passive(m):
            return None, None  # "Mook was asked if ...": who is asked or told is not who speaks
        if mention.lower() in ("who", "which", "that"):
            return self._relative(m.string, m.start(key), base), None
        name, descriptor = self._resolve(mention, offset)
        if name is not None and not _is_pronoun(mention):
            self._remember(name, offset)
        role = role.strip() if role and _is_role(role) else descriptor
        return name, role or None

    def _resolve(self, mention: str, offset: int) -> tuple[str | None, str | None]:
        """The speaker's canonical name and what the mention says about them (titles, descriptors)."""
        if _is_pronoun(mention):
            return self._pronoun(mention.lower(), offset), None
        trailing = _TRAILING_NAME.search(mention)
        if trailing is None:
            return _group_name(mention), None
        before = mention[:trailing.start()].strip()
        if before and before.split()[-1].lower() in _PREPOSITIONS:
            return _group_name(mention), None  # "a spokeswoman for Hillary Clinton"
        name, titles = clean_name(trailing.group())
        apart = person_of_place(name)
        if apart:  # "Representative Peter T. King of New York"
            name, titles = apart[0], (*titles, f"of {apart[1]}")
        if not name or name.lower() in NOT_NAMES:
            return (_group_name(mention), None) if before else (None, None)
        titles = tuple(t for t in titles if t.lower().rstrip(".") not in HONORIFICS)
        descriptor = " ".join(x for x in (_strip_article(before), " ".join(titles)) if x) or None
        return self.names.canonical(name, offset), descriptor

    def _relative(self, sentence: str, at: int, base: int) -> str | None:
        """"who" names the phrase before it: "an architect who said" -> "architect"."""
        cut = max(0, at - 200)  # a name of at most nine words ends the phrase; no need to search the sentence
        head = re.sub(r"\s*\([^()]{1,30}\)$", "", sentence[cut:at].rstrip(" ,-—–―"))  # "Marco Rubio (R), who"
        trailing = _TRAILING_NAME.search(head)
        if trailing:
            name, _ = clean_name(trailing.group())
            return self.names.canonical(name, base + cut + trailing.start())
        words = head.split()
        return words[-1] if words else None

    def _not_a_name(self, word: str) -> bool:
        """One capitalized word that is no noun and is capitalized only where it opens a sentence: "Outright
        victory is vital, he said" gives "he" no "Outright" to name."""
        return " " not in word and word not in self._mid_sentence and is_common_word(word) and \
            "NOUN" not in parts_of_speech(word.lower()) and word.lower() not in QUANTIFIERS

    @cached_property
    def _mid_sentence(self) -> frozenset[str]:
        """Names the article capitalizes somewhere other than at a sentence's start."""
        opening = {s.start for s in self.doc.sentences}
        return frozenset(m.name for m in self.names.mentions
                         if m.start not in opening and self.doc.text[max(0, m.start - 1):m.start] not in "“\"‘'(")

    def _remember(self, name: str, offset: int) -> None:
        person = not is_organization(name) and name[:1].isupper() and not is_place(name)
        plural = bool(_PLURAL_GROUP.search(name.lower())) and not name[:1].isupper()
        self.salient.append(_Referent(offset, name, person, plural,
                                      self.names.gender_of(name) if person else None))

    def _pronoun(self, pronoun: str, offset: int) -> str | None:
        earlier = [r for r in self.salient if r.offset < offset]
        if pronoun in ("he", "she", "him", "her"):
            wanted = "male" if pronoun in ("he", "him") else "female"
            for r in reversed(earlier):
                if r.person and r.gender in (None, wanted):
                    return r.name
            for mention in reversed([m for m in self.names.mentions if m.start < offset]):
                name = self.names.canonical(mention.name, mention.start)
                if not is_organization(name) and self.names.gender_of(name) in (None, wanted) \
                        and not self._not_a_name(mention.name) and not is_place(name):
                    return name
            return None
        if pronoun in ("they", "them"):
            for r in reversed(earlier):
                if r.plural or not r.person:
                    return r.name
            return None
        if pronoun == "it":
            for r in reversed(earlier):
                if not r.person:
                    return r.name
        return None


def _passive(m: re.Match) -> bool:
    """The cue is passive: "was asked", "were told", "had been told"; "was saying" is not."""
    cue = next((g for g in ("cue", "cue4") if m.groupdict().get(g)), None)
    key = next((k for k in ("speaker", "speaker4") if m.groupdict().get(k)), None)
    if cue is None or key is None or m.start(cue) < m.end(key) or m.group(cue).endswith("ing"):
        return False
    between = m.string[m.end(key):m.start(cue)].split()
    return bool(between) and between[-1].lower() in ("was", "were", "is", "are", "be", "been", "being")


def _is_role(text: str) -> bool:
    """An apposition that says who someone is ("a top scholar in Seoul"), not an aside ("however")."""
    words = text.split()
    if not words or words[0].lower() in ("who", "which", "whose", "whom", "that"):
        return False  # a relative clause tells what they did ("who endorsed Mr. Rubio"), not who they are
    return len(words) > 1 or words[0].lower() not in _ASIDES


_ASIDES = frozenset("however meanwhile too also though instead nonetheless nevertheless moreover furthermore "
                    "therefore again still indeed then later earlier".split())


def _cue(m: re.Match) -> str | None:
    groups = m.groupdict()
    return groups.get("cue") or groups.get("cue2") or groups.get("cue4")


def _is_pronoun(mention: str) -> bool:
    return mention.lower() in PERSONAL_PRONOUNS


def _group_name(mention: str) -> str:
    """A group speaker as written, without a leading article: "state media", "Analysts", "a source" -> "source"."""
    return _strip_article(mention) or mention


def _strip_article(text: str) -> str:
    words = text.split()
    while words and (words[0].lower() in (*COORDINATORS, "as", "while", "whereas", "though",
                                          "although", "because", "since", "when", "if")
                     or parts_of_speech(words[0].lower()) == {"ADV"}):
        words = words[1:]  # "But few believe ...", "Perhaps the mayor believes ...": the speaker is "few", "mayor"
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)
