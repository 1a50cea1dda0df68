"""Stage 6, direct attribution: each quotation's speaker from the attribution after it (", he said"), before it
("Kim said: “"), the longer report that holds it, the paragraph that introduces it, or the quote before it."""

from __future__ import annotations

import re
from bisect import bisect_left

from core.lexicon import parts_of_speech
from core.names import NAME
from core.quotes.checks import first_valid, valid
from core.quotes.marks import Quotation
from core.quotes.patterns import EDITORIAL_LABELS, cue_of, named_patterns
from core.quotes.quote import Quote
from core.quotes.resolver import Resolver
from core.text import Document, Sentence
from core.vocabulary.cue_verbs import CUE_NOUNS
from core.vocabulary.works import BEFORE_A_TITLE, TITLE_SMALL_WORDS

# How far before its opening mark a quotation's attribution is sought ("Kim Jong-un, the leader of ..., told
# reporters: “"): the patterns reach no further (a speaker of at most twelve words, an apposition of at most 200
# characters, 40 after the cue), and searching the whole sentence again for each of a thousand quotations in it
# is quadratic.
ATTRIBUTION_REACH = 600
# An introducing paragraph's speaker and cue stand in its last words, before the colon ("Kim Jong-un, the leader of
# ..., continued:"): at most twelve words, an apposition of 200 characters, the cue and 60 characters after it.
_INTRODUCING_REACH = 1000
_DESCRIBING_TAIL = 60  # the longest describing form ("characterising") and the 40 characters after it
_SHORT_QUOTATION = 3  # words: a scare quote or a chant inside a sentence, without a cue of its own
# A possessive name and its noun of saying, the last before the quotation: whose words it is
_POSSESSOR = re.compile(rf"(?<![\w’'])(?P<speaker>{NAME.pattern})(?:’s|'s)\s+(?:[a-z][\w-]*\s+){{0,2}}?"
                        rf"(?P<noun>{'|'.join(sorted(CUE_NOUNS))})\b(?!.*(?:’s|'s)\s)[^“\"]*$")


def labelled(doc: Document, resolver: Resolver) -> list[Quote]:
    """Paragraphs that open with a speaker's name and a colon: transcripts ("PENCE: ...") and headlines
    ("Pence: Flowers won't be at debate")."""
    found = []
    for paragraph in doc.paragraphs:
        m = named_patterns()["label"].match(doc.text, paragraph.start, paragraph.end)
        if not m or len(m.group("speaker").split()) > 4 or resolver.names_no_one(m.group("speaker")) \
                or m.group("speaker").split()[0].lower() in EDITORIAL_LABELS \
                or resolver.in_a_caption(paragraph.start):
            continue  # "The Latest: ...", "CORRECTION: ...", "Photo: Burnaby RCMP" name no speaker
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


def attribute_direct(doc: Document, masked: str, d: Quotation, sentence: Sentence, resolver: Resolver,
                      reported: list[Quote], previous: Quote | None, cues: list[int]) -> Quote | None:
    text = doc.text
    if is_a_title(text, d, sentence):
        return None
    patterns = named_patterns()
    paragraph = doc.paragraphs[d.paragraph]
    content = text[d.start:d.end]
    whole_sentence = d.open_at <= sentence.start + 1 and (d.close_at or paragraph.end) >= sentence.end - 2
    if d.close_at is not None:
        close_end = d.close_at + (2 if text.startswith("''", d.close_at) else 1)
        after = masked[close_end:min(paragraph.end, close_end + 160)]
        m = valid(patterns["after_quote"].match(after))
        if m and text[d.start:d.end].rstrip().endswith("."):
            # after a full stop, "Gov. McCrory said it would be ..." starts a report of its own
            rest = re.split(r"(?<=[.!?])\s", after[m.end():], maxsplit=1)[0]
            m = m if len(rest.split()) <= 4 else None
        if m:
            speaker, role = resolver.speaker(m, close_end)
            return Quote(content, d.start, d.end, "direct", speaker, role, cue_of(m))
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
    m = first_valid(patterns["before_quote"], before, after_marks) if has_cue else None
    if m:
        speaker, role = resolver.speaker(m, reach)
        return Quote(content, d.start, d.end, "direct", speaker, role, cue_of(m))
    introduced = _introduced(doc, masked, d, resolver)
    if introduced is not None:
        speaker, role, cue = introduced
        return Quote(content, d.start, d.end, "direct", speaker, role, cue)
    if holder is not None:
        return Quote(content, d.start, d.end, "mixed", holder.speaker, holder.speaker_role, holder.cue)
    if not whole_sentence:
        # the describing cue stands in the last words: "described as a “...”" (the named form ends the same way)
        described = patterns["describing"].search(before, max(0, len(before) - _DESCRIBING_TAIL)) if has_cue else None
        m = valid(patterns["describing_named"].search(before)) if described else None
        if m:  # "what Sroka called a “let a thousand flowers bloom” approach"
            speaker, role = resolver.speaker(m, reach)
            return Quote(content, d.start, d.end, "mixed", speaker, role, cue_of(m))
        m = described
        subject = resolver.subject_of(sentence)
        whose = _POSSESSOR.search(before) if not m and len(content.split()) <= _SHORT_QUOTATION else None
        if whose:  # "Trump’s claim that there have been “thousands of shootings”"
            speaker = resolver.names.canonical(whose.group("speaker"), reach + whose.start("speaker"))
            return Quote(content, d.start, d.end, "mixed", speaker, None, whose.group("noun"))
        if subject is not None and (m or len(content.split()) <= _SHORT_QUOTATION):
            # "called the plan a “second revolution”", a scare quote ("playing “chicken”"), a chant ("chanting
            # “U-S-A!”"): the sentence's subject's words, as PolNeAR counts them
            return Quote(content, d.start, d.end, "mixed", subject[0], subject[1], cue_of(m) if m else None)
        return None
    before_this = doc.sentence_at(previous.start) if previous is not None else None
    if previous is not None and before_this is not None and before_this.paragraph >= d.paragraph - 1:
        return Quote(content, d.start, d.end, "direct", previous.speaker, previous.speaker_role, previous.cue)
    return Quote(content, d.start, d.end, "direct", None, None, None)


_TITLE_WORDS = 6  # "The Late Show with Stephen Colbert"
_BEFORE_A_TITLE_READ = 20  # characters before the opening mark: "an episode of", "the documentary,"


def is_a_title(text: str, d: Quotation, sentence: Sentence) -> bool:
    """A quotation that names a work: a few words in Title Case, no exclamation or question ("Build That Wall!" is a
    chant), after a possessive, "of", "titled" or a noun of a work ("told MSNBC’s “Morning Joe” that ...")."""
    words = text[d.start:d.end].strip().rstrip(".,").split()
    if not 0 < len(words) <= _TITLE_WORDS or text[d.start:d.end].rstrip().endswith(("!", "?")):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or (i and w in TITLE_SMALL_WORDS) for i, w in enumerate(words)):
        return False
    return BEFORE_A_TITLE.search(text, max(sentence.start, d.open_at - _BEFORE_A_TITLE_READ), d.open_at) is not None


def _introduced(doc: Document, masked: str, d: Quotation, resolver: Resolver) -> tuple[str | None, str | None,
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
    introducing = masked[start:previous.end].rstrip()
    m = first_valid(named_patterns()["introducing"], introducing, max(0, len(introducing) - _INTRODUCING_REACH))
    cue = m.group("cue").lower() if m else ""
    if m is None or not (parts_of_speech(cue) == {"VERB"} or (cue.endswith(("ed", "s")) and "VERB" in
                                                               parts_of_speech(cue))):
        return None  # "Partial transcript as follows:" has no verb before its colon
    speaker, role = resolver.speaker(m, start)
    return speaker, role, cue_of(m)
