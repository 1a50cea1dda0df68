"""Stage 7, assembly: the stages run over an article in order, nested quotes folded into the one that holds them, and
the halves of a quotation split around its attribution joined into one quote."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from core.names import NameBook
from core.quotes.checks import valid
from core.quotes.direct import attribute_direct, labelled
from core.quotes.marks import QUOTE_MARK, TAG, Cover, Quotation, direct_quotes, mask
from core.quotes.patterns import named_patterns
from core.quotes.quote import Quote
from core.quotes.reported import report_after_quote, reported_speech
from core.quotes.resolver import Resolver
from core.text import Document, split_sentences


def find_quotes(doc: Document, names: NameBook | None = None) -> list[Quote]:
    """Direct and reported quotes in text order."""
    names = names or NameBook(doc.text)
    resolver = Resolver(doc, names)
    tags = [(m.start(), m.end()) for m in TAG.finditer(doc.text)]
    directs = direct_quotes(doc, tags)
    masked = mask(doc.text, directs, tags)
    quotes: list[Quote] = []
    by_sentence: dict[int, list[Quotation]] = {}
    for d in directs:
        sentence = doc.sentence_at(d.open_at)
        if sentence is not None:
            by_sentence.setdefault(sentence.start, []).append(d)
    previous_direct: Quote | None = None
    candidates: list[Quote] = []
    cues = [m.start() for m in named_patterns()["any_cue"].finditer(masked)]
    quotes.extend(labelled(doc, resolver))
    # a labelled paragraph that opens on a quotation mark is its label's speaker's, not a quotation of its own
    labels = {doc.paragraphs[s.paragraph].start for s in map(doc.sentence_at, (q.start for q in quotes)) if s}
    for sentence in doc.sentences:
        resolver.note_subject(sentence, masked)
        reported = reported_speech(doc, masked, sentence, resolver)
        for d in by_sentence.get(sentence.start, []):
            if doc.paragraphs[d.paragraph].start in labels and d.open_at == doc.paragraphs[d.paragraph].start:
                continue
            quote = attribute_direct(doc, masked, d, sentence, resolver, reported, previous_direct, cues)
            if quote is not None:
                quotes.append(quote)
                previous_direct = quote if quote.kind == "direct" else previous_direct
                if quote.kind == "direct" and quote.speaker and d.close_at is not None:
                    quotes.extend(report_after_quote(doc.text, masked, d.close_at, sentence, quote))
        candidates.extend(reported)
        last = max((q for q in reported if q.speaker), key=lambda q: q.end, default=None)
        if last is not None and _ATTRIBUTION_ENDS.fullmatch(doc.text, last.end, sentence.end):
            previous_direct = last  # "..., Schiff said." goes on in the quotation after it: “The other factor ...”
    covered = Cover([(q.start, q.end) for q in quotes])  # a reported clause inside a quotation is its words
    quotes.extend(q for q in candidates if not covered.holds(q.start))
    quotes.sort(key=lambda q: (q.start, q.end))
    return _joined(doc.text, _without_nested(quotes))


# An attribution that ends its sentence after the words it attributes: ", Schiff said.", " - Kim said Monday."
_ATTRIBUTION_ENDS = re.compile(r"[\s,”\"’'-]+(?:[^\s.!?]+\s+){1,7}[^\s.!?]+[.!?]?[\s”\"’']*")


def _without_nested(quotes: list[Quote]) -> list[Quote]:
    """One quote per attribution: a quoted fragment inside a reported clause makes that clause `mixed` rather than
    a quote of its own, and a reported clause inside a direct quote is the quote's own words."""
    directs = Cover([(o.start, o.end) for o in quotes if o.kind == "direct"])
    reported = Cover([(o.start, o.end + 3) for o in quotes if o.kind == "reported"])
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


def _joined(text: str, quotes: list[Quote]) -> list[Quote]:
    """A quotation split around its attribution ("“It was a bomb,” he said. “You can see a crater.”") is one
    quote: the span runs from its first word to its last, the attribution between them included, its parts are the
    quoted words alone, and a clause the attribution reports ("..., she said, adding that ...") stays a quote of
    its own. A new paragraph that reopens
    the quote with an attribution of its own is a new quote."""
    joined: list[Quote] = []
    last_direct = -1  # where in `joined` the last quote that is not reported stands
    for q in quotes:
        at = _split_half(text, joined, last_direct, q)
        last = joined[-1] if joined else None
        # a paragraph left open and reopened: the quote goes on, attributed where it ends
        continued = (last is not None and last.kind == q.kind == "direct" and last.speaker is None
                     and re.fullmatch(r"[\s“\"'`]*", text[last.end:q.start]) is not None and "\n" in
                     text[last.end:q.start])
        if continued:
            at = len(joined) - 1
        if at is None:
            joined.append(q)
            last_direct = last_direct if q.kind == "reported" else len(joined) - 1
            continue
        first = joined[at]
        if not continued:  # the quoted words alone, without the attribution between the halves
            parts = (*(first.parts or ((first.start, first.end),)), (q.start, q.end))
        else:  # the last part goes on into the next paragraph
            parts = (*first.parts[:-1], (first.parts[-1][0], q.end)) if first.parts else ()
        joined[at] = Quote(text[first.start:q.end], first.start, q.end, "direct", q.speaker,
                           first.speaker_role or q.speaker_role, first.cue or q.cue, parts)
    return joined


def _split_half(text: str, joined: list[Quote], at: int, q: Quote) -> int | None:
    """Where in `joined` the first half of the direct quote `q` is, if `q` is the second half (`at` is where the
    last quote that is not reported stands, -1 if none does)."""
    if at < 0 or q.kind != "direct" or joined[at].kind != "direct" or not q.speaker or joined[at].speaker != q.speaker:
        return None
    first, between = joined[at], joined[at + 1:]
    if _attributed_after(text, q.end):
        return None  # "“A,” he told them. “B,” he said, ...": B has an attribution of its own
    gap = q.start - first.end - (max(r.end for r in between) - between[0].start if between else 0)
    if not 0 <= gap <= _SPLIT_GAP:
        return None
    between_text = text[first.end:q.start]
    if "\n" in between_text or not QUOTE_MARK.search(between_text):
        return None
    return at if _only_attribution(text, first.end, max((r.end for r in between), default=0), q.start) else None


def _attributed_after(text: str, end: int) -> bool:
    """The quotation ending at `end` is followed by an attribution in its sentence: "...,” he said" (after "...”
    a new sentence starts, whatever its subject does)."""
    closing = QUOTE_MARK.match(text, end + 1) if text[end:end + 1] == "," else None
    if closing is None:
        return False
    return valid(named_patterns()["after_quote"].match(text[closing.end():closing.end() + 160])) is not None


def _only_attribution(text: str, after: int, reported_end: int, reopen: int) -> bool:
    """Between the halves of one quotation stands its attribution and little else ("," he said on Monday. "):
    "“...,” Mr. Elkins said - but they could not back him. “...”" is two quotes."""
    marks = list(QUOTE_MARK.finditer(text, after, reopen))
    if len(marks) < 2:
        return False
    closing, opening = marks[0], marks[-1]
    m = named_patterns()["after_quote"].match(text[closing.end():opening.start()])
    if m is None:
        return False
    rest = text[max(closing.end() + m.end(), reported_end):opening.start()]
    if named_patterns()["participle"].search(rest):
        return False  # "“A,” he said, adding: “B.”": the speaker goes on to another report
    return len(split_sentences(rest)) < 2 and not re.search(r"\s(?:-|—|–|;)\s|:\s+\w|\s(?:and|but)\s+"
                                                        r"(?:he|she|they|we|I|it)\s", rest)


_SPLIT_GAP = 250
