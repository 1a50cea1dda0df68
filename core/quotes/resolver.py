"""Stage 4, speaker resolution: a mention to the fullest name the article uses ("Kim" to "Kim Jong-un",
"he" to the most recent compatible speaker or subject), a group as written ("state media"), with its role."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import islice, pairwise

from core.actors import is_place
from core.lexicon import is_common_word, parts_of_speech
from core.names import NAME, NOT_NAMES, NameBook, clean_name, gender, is_organization, person_of_place
from core.quotes.checks import is_passive, is_pronoun, is_role
from core.quotes.patterns import GROUP_HEAD, ONE_PERSON, PLURAL_GROUP, TRAILING_NAME, named_patterns
from core.text import Document, Sentence
from core.vocabulary.datelines import DATELINE
from core.vocabulary.function_words import (
    ARTICLES,
    COORDINATORS,
    PEOPLE_PRONOUNS,
    PREPOSITIONS,
    QUANTIFIERS,
    SUBORDINATORS,
)
from core.vocabulary.numbers import NUMBER_WORDS
from core.vocabulary.titles import HONORIFICS

_COMMA = re.compile(",")


@dataclass(slots=True)
class _Referent:
    offset: int
    name: str
    person: bool
    plural: bool
    gender: str | None
    one_person: bool = False  # a group that is one person: "the judge"


class Resolver:
    """Speakers to the fullest name the article uses; pronouns to the most recent compatible referent."""

    def __init__(self, doc: Document, names: NameBook) -> None:
        self.doc = doc
        self.names = names
        self._subjects: dict[int, tuple[str, str | None] | None] = {}
        # speakers and sentence subjects remembered, in text order, under each pronoun that may stand for them
        self._fitting: dict[str, list[_Referent]] = {pronoun: [] for pronoun in _FITS}
        self._people: dict[str, tuple[int, list[int], list[str]]] = {}

    def note_subject(self, sentence: Sentence, masked: str) -> None:
        s = masked[sentence.start:sentence.end]
        starts = [0, *(m.end() for m in islice(_COMMA.finditer(s, 0, 160), 4))]  # after lead-ins of any length
        subject = None
        for m in filter(None, (self._subject_at(s, at) for at in starts)):
            word = m.group("speaker")
            if word.split()[0].lower() in (*PREPOSITIONS, "it", "we", "i") or self._not_a_name(word) \
                    or self.names_no_one(word) or word.split("-")[0].lower() in NUMBER_WORDS:
                continue  # "Asked about it, the senator said", "Twenty-two years ago, a Times article ..."
            offset = sentence.start + m.start("speaker")
            name, role = self._resolve(word, offset)
            if name is None:
                continue
            subject = (name, role)
            if not is_pronoun(word):
                self._remember(name, offset)
            break
        self._subjects[sentence.start] = subject

    def _subject_at(self, s: str, at: int) -> re.Match[str] | None:
        """The subject at `at`: a name before its verb ("Cruz exhorted Republicans"), not a capitalized common word
        ("Nuclear proliferation experts"), else a pronoun, a group or a name."""
        m = named_patterns()["subject_name"].match(s, at)
        name = m.group("speaker") if m else ""
        if m and verb_after(s, m.end()) and (" " in name or name in self._mid_sentence or not is_common_word(name)):
            return m
        return named_patterns()["subject"].match(s, at)

    def subject_of(self, sentence: Sentence) -> tuple[str, str | None] | None:
        return self._subjects.get(sentence.start)

    def speaker(self, m: re.Match[str], base: int, said_from: int | None = None) -> tuple[str | None, str | None]:
        """Who the match names, with their role; `said_from` is where the words it attributes start when they stand
        before it: a pronoun never stands for their first word ("Simple replacement of the board would not solve
        the problem, he said" is not Simple's)."""
        groups = m.groupdict()
        key = next((k for k in ("speaker", "speaker2", "speaker3", "speaker4") if groups.get(k)), None)
        if key is None:
            return None, None
        mention = re.sub(r"\s*\([^()]*\)", "", m.group(key)).strip()
        offset = base + m.start(key)
        words = mention.split()
        verb = next((i for i, (w, after) in enumerate(pairwise(words))
                     if i and _is_past_tense(w) and after.lower() in _OBJECT_OPENERS), None)
        if verb is not None:  # "The company issued a statement saying ...": the words before the verb
            words = words[:verb]
            mention = " ".join(words)
        if len(words) > 1 and words[-1].lower() in _SUBJECT_PRONOUNS:  # "Speaking through an interpreter he"
            offset += mention.rindex(words[-1])
            mention = words[-1]
        role = groups.get("role") or groups.get("role2") or groups.get("role3")
        if is_passive(m):
            return None, None  # "Mook was asked if ...": who is asked or told is not who speaks
        if mention.lower() in ("who", "which", "that"):
            return self._relative(m.string, m.start(key), base), None
        if self.names_no_one(mention):
            return None, None
        name, descriptor = self._resolve(mention, offset, said_from)
        if name is not None and not is_pronoun(mention):
            self._remember(name, offset)
        role = role.strip() if role and is_role(role) else descriptor
        return name, role or None

    def _resolve(self, mention: str, offset: int, said_from: int | None = None) -> tuple[str | None, str | None]:
        """The speaker's canonical name and what the mention says about them (titles, descriptors)."""
        if is_pronoun(mention):
            return self._pronoun(mention.lower(), offset, said_from), None
        trailing = TRAILING_NAME.search(mention)
        if trailing is None:
            return _group_name(mention), None
        before = mention[:trailing.start()].strip()
        if before and before.split()[-1].lower() in PREPOSITIONS:
            return _group_name(mention), None  # "a spokeswoman for Hillary Clinton"
        quantifier = before.split()[-1] if before else trailing.group().split()[0]
        if quantifier.lower() in QUANTIFIERS:
            return _group_name(mention), None  # "some Democrats" are some, not the article's "Virginia Democrats"
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
        trailing = TRAILING_NAME.search(head)
        if trailing:
            name, _ = clean_name(trailing.group())
            return self.names.canonical(name, base + cut + trailing.start())
        words = head.split()
        if words and words[-1].lower() in COORDINATORS:
            # "voters who ... - and who have favored": the phrase before the first "who" is meant, not "and"
            first = head.rfind(" who ")
            return self._relative(sentence, cut + first + 1, base) if first > 0 else None
        return words[-1] if words else None

    def names_no_one(self, mention: str) -> bool:
        """One capitalized word that is no noun and that the article capitalizes only where a sentence or a line
        opens: "The Latest: ...", "Following initial reports, ...", "Another challenge: ..." name no speaker.
        Nouns may ("Research shows", "Politico reported"), and so do groups, plurals and "Everyone"; a participle
        that is also a noun may not ("Following a hastily called meeting, ...")."""
        words = mention.split()
        if words and words[0].lower() in ARTICLES:
            words = words[1:]
        if len(words) != 1:
            return False
        word = words[0]
        w = word.lower()
        tags = parts_of_speech(w)
        return word[:1].isupper() and word not in self._mid_sentence and is_common_word(word) \
            and ("NOUN" not in tags or (w.endswith("ing") and "VERB" in tags)) and not GROUP_HEAD.fullmatch(w) \
            and not is_organization(word) \
            and not w.endswith("s") and w not in QUANTIFIERS and w not in PEOPLE_PRONOUNS and not is_pronoun(word) \
            and self.names.canonical(word) == word

    def _not_a_name(self, word: str) -> bool:
        """One capitalized word that is no noun and is capitalized only where it opens a sentence: "Outright
        victory is vital, he said" gives "he" no "Outright" to name."""
        return " " not in word and word not in self._mid_sentence and is_common_word(word) and \
            "NOUN" not in parts_of_speech(word.lower()) and word.lower() not in QUANTIFIERS

    @cached_property
    def _mid_sentence(self) -> frozenset[str]:
        """Names the article capitalizes somewhere other than at a sentence's start (or after its "The")."""
        opening = {s.start for s in self.doc.sentences}
        opening |= {start + 4 for start in opening if self.doc.text.startswith("The ", start)}
        return frozenset(m.name for m in self.names.mentions
                         if m.start not in opening and self.doc.text[max(0, m.start - 1):m.start] not in "“\"‘'(")

    def _remember(self, name: str, offset: int) -> None:
        person = _may_be_a_person(name)
        plural = bool(PLURAL_GROUP.search(name.lower())) and not name[:1].isupper()
        one_person = not person and not plural and bool(ONE_PERSON.search(name.lower()))
        referent = _Referent(offset, name, person, plural, self.names.gender_of(name) if person else None, one_person)
        for pronoun, fits in _FITS.items():
            if fits(referent):
                self._fitting[pronoun].append(referent)

    def _pronoun(self, pronoun: str, offset: int, not_at: int | None = None) -> str | None:
        """The most recently remembered referent before `offset` that the pronoun fits; for "he" and "she", else
        the nearest name before it that could be such a person. Each pronoun looks only at the referents it fits,
        and at names sorted once: a pronoun that fits none of a thousand earlier ones is not a scan of them all."""
        fitting = self._fitting.get(pronoun)
        if fitting is None:
            return None
        earlier = next((r for r in reversed(fitting) if r.offset < offset and not (
            r.offset == not_at and self.doc.text.startswith(r.name, r.offset))), None)
        if earlier is not None:
            return earlier.name
        if pronoun not in _GENDER_OF:
            return None
        starts, names = self._possible_people(_GENDER_OF[pronoun], offset)
        at = bisect_left(starts, offset)
        if at and starts[at - 1] == not_at:
            at -= 1
        return names[at - 1] if at else None

    def _possible_people(self, wanted: str, offset: int) -> tuple[list[int], list[str]]:
        """The names mentioned before `offset` that could be a person of gender `wanted`, in text order (each
        mention judged once, however many pronouns ask)."""
        checked, starts, names = self._people.setdefault(wanted, (0, [], []))
        mentions = self.names.mentions
        while checked < len(mentions) and mentions[checked].start < offset:
            mention = mentions[checked]
            name = self.names.canonical(mention.name, mention.start)
            if _may_be_a_person(name) and self.names.gender_of(name) in (None, wanted) \
                    and not self._not_a_name(mention.name) and not self.in_a_caption(mention.start):
                starts.append(mention.start)
                names.append(name)
            checked += 1
        self._people[wanted] = (checked, starts, names)
        return starts, names


    def in_a_caption(self, offset: int) -> bool:
        """In a caption, a credit or a byline ("Photo: Burnaby RCMP", "By Ana Ruiz") or a dateline, which name no
        one the text goes on about."""
        sentence = self.doc.sentence_at(offset)
        paragraph = self.doc.paragraphs[sentence.paragraph] if sentence is not None else None
        if paragraph is None:
            return False
        dateline = DATELINE.match(self.doc.text, paragraph.start, paragraph.end)
        return bool(_CAPTION.match(self.doc.text, paragraph.start, paragraph.end)) or (
            dateline is not None and offset < dateline.end())


def verb_after(s: str, at: int) -> bool:
    """The word after `at` is a verb ("exhorted", "says"), not a noun the name qualifies ("Trump supporters")."""
    words = s[at:at + 40].split()[:1]
    return bool(words) and "VERB" in parts_of_speech(words[0].strip(",.;:").lower())


def _is_past_tense(word: str) -> bool:
    """A lower-case -ed verb: before an article it is a verb with its object ("issued a statement"), not a participle
    that qualifies a noun ("veterans interviewed at rallies")."""
    return word[:1].islower() and word.endswith("ed") and "VERB" in parts_of_speech(word)


_OBJECT_OPENERS = frozenset("a an the its his her their".split())


def _may_be_a_person(name: str) -> bool:
    """A name a personal pronoun may stand for: written as a name, and no organization, outlet, place or day, nor led
    by a place ("Toronto Star", "Burnaby RCMP")."""
    words = name.split()
    first = words[0] if words else ""
    return bool(NAME.fullmatch(name)) and not is_organization(name) and not is_place(name) and not (
        is_place(first) and gender(name) is None) and not (len(words) > 1 and words[-1] in _DAYS_NAMED)


_DAYS_NAMED = frozenset({"Day", "Eve"})  # "Labor Day", "Election Day", "Christmas Eve" are no one "he" stands for


# A paragraph that is a caption, a credit or a byline
_CAPTION = re.compile(r"\s*(?:(?:File\s+)?(?:Photo|Image|Picture|Credit|Caption|Video|Photograph|Illustration)s?"
                      r"(?:\s+by\b|\s*[:|(])|By\s+[A-Z])")
# Which remembered referents each personal pronoun may stand for
_FITS: dict[str, Callable[[_Referent], bool]] = {
    "he": lambda r: r.person and r.gender in (None, "male"),
    "him": lambda r: r.person and r.gender in (None, "male"),
    "she": lambda r: r.person and r.gender in (None, "female"),
    "her": lambda r: r.person and r.gender in (None, "female"),
    "they": lambda r: r.plural or not (r.person or r.one_person),
    "them": lambda r: r.plural or not (r.person or r.one_person),
    "it": lambda r: not (r.person or r.one_person),
}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_GENDER_OF = {"he": "male", "him": "male", "she": "female", "her": "female"}


def _group_name(mention: str) -> str:
    """A group speaker as written, without a leading article: "state media", "Analysts", "a source" -> "source"."""
    return _strip_article(mention) or mention


def _strip_article(text: str) -> str:
    words = text.split()
    while words and (words[0].lower() in (*COORDINATORS, *SUBORDINATORS)
                     or parts_of_speech(words[0].lower()) == {"ADV"}):
        words = words[1:]  # "But few believe ...", "Perhaps the mayor believes ...": the speaker is "few", "mayor"
    if words and words[0].lower() in ARTICLES:
        words = words[1:]
    return " ".join(words)
