"""Stage 4, speaker resolution: a mention to the fullest name the article uses ("Kim" to "Kim Jong-un",
"he" to the most recent compatible speaker or subject), a group as written ("state media"), with its role."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from core.actors import is_place
from core.lexicon import is_common_word, parts_of_speech
from core.names import NOT_NAMES, NameBook, clean_name, is_organization, person_of_place
from core.quotes.checks import is_passive, is_pronoun, is_role
from core.quotes.patterns import PLURAL_GROUP, TRAILING_NAME, named_patterns
from core.text import Document, Sentence
from core.vocabulary.function_words import ARTICLES, COORDINATORS, PREPOSITIONS, QUANTIFIERS, SUBORDINATORS
from core.vocabulary.titles import HONORIFICS


@dataclass(slots=True)
class _Referent:
    offset: int
    name: str
    person: bool
    plural: bool
    gender: str | None


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
        starts = [0, *(i + 1 for i, c in enumerate(s[:160]) if c == ",")][:5]  # after lead-ins of any length
        subject = None
        for m in filter(None, (named_patterns()["subject"].match(s, at) for at in starts)):
            word = m.group("speaker")
            if word.split()[0].lower() in (*PREPOSITIONS, "it", "we", "i") or self._not_a_name(word):
                continue  # "Asked about it, the senator said": the subject is past the lead-in
            offset = sentence.start + m.start("speaker")
            name, role = self._resolve(word, offset)
            if name is None:
                continue
            subject = (name, role)
            if not is_pronoun(word):
                self._remember(name, offset)
            break
        self._subjects[sentence.start] = subject

    def subject_of(self, sentence: Sentence) -> tuple[str, str | None] | None:
        return self._subjects.get(sentence.start)

    def speaker(self, m: re.Match[str], base: int) -> tuple[str | None, str | None]:
        groups = m.groupdict()
        key = next((k for k in ("speaker", "speaker2", "speaker3", "speaker4") if groups.get(k)), None)
        if key is None:
            return None, None
        mention = re.sub(r"\s*\([^()]*\)", "", m.group(key)).strip()
        offset = base + m.start(key)
        role = groups.get("role") or groups.get("role2") or groups.get("role3")
        if is_passive(m):
            return None, None  # "Mook was asked if ...": who is asked or told is not who speaks
        if mention.lower() in ("who", "which", "that"):
            return self._relative(m.string, m.start(key), base), None
        name, descriptor = self._resolve(mention, offset)
        if name is not None and not is_pronoun(mention):
            self._remember(name, offset)
        role = role.strip() if role and is_role(role) else descriptor
        return name, role or None

    def _resolve(self, mention: str, offset: int) -> tuple[str | None, str | None]:
        """The speaker's canonical name and what the mention says about them (titles, descriptors)."""
        if is_pronoun(mention):
            return self._pronoun(mention.lower(), offset), None
        trailing = TRAILING_NAME.search(mention)
        if trailing is None:
            return _group_name(mention), None
        before = mention[:trailing.start()].strip()
        if before and before.split()[-1].lower() in PREPOSITIONS:
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
        trailing = TRAILING_NAME.search(head)
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
        plural = bool(PLURAL_GROUP.search(name.lower())) and not name[:1].isupper()
        referent = _Referent(offset, name, person, plural, self.names.gender_of(name) if person else None)
        for pronoun, fits in _FITS.items():
            if fits(referent):
                self._fitting[pronoun].append(referent)

    def _pronoun(self, pronoun: str, offset: int) -> str | None:
        """The most recently remembered referent before `offset` that the pronoun fits; for "he" and "she", else
        the nearest name before it that could be such a person. Each pronoun looks only at the referents it fits,
        and at names sorted once: a pronoun that fits none of a thousand earlier ones is not a scan of them all."""
        fitting = self._fitting.get(pronoun)
        if fitting is None:
            return None
        earlier = next((r for r in reversed(fitting) if r.offset < offset), None)
        if earlier is not None:
            return earlier.name
        if pronoun not in _GENDER_OF:
            return None
        starts, names = self._possible_people(_GENDER_OF[pronoun], offset)
        at = bisect_left(starts, offset)
        return names[at - 1] if at else None

    def _possible_people(self, wanted: str, offset: int) -> tuple[list[int], list[str]]:
        """The names mentioned before `offset` that could be a person of gender `wanted`, in text order (each
        mention judged once, however many pronouns ask)."""
        checked, starts, names = self._people.setdefault(wanted, (0, [], []))
        mentions = self.names.mentions
        while checked < len(mentions) and mentions[checked].start < offset:
            mention = mentions[checked]
            name = self.names.canonical(mention.name, mention.start)
            if not is_organization(name) and self.names.gender_of(name) in (None, wanted) \
                    and not self._not_a_name(mention.name) and not is_place(name):
                starts.append(mention.start)
                names.append(name)
            checked += 1
        self._people[wanted] = (checked, starts, names)
        return starts, names


# Which remembered referents each personal pronoun may stand for
_FITS: dict[str, Callable[[_Referent], bool]] = {
    "he": lambda r: r.person and r.gender in (None, "male"),
    "him": lambda r: r.person and r.gender in (None, "male"),
    "she": lambda r: r.person and r.gender in (None, "female"),
    "her": lambda r: r.person and r.gender in (None, "female"),
    "they": lambda r: r.plural or not r.person,
    "them": lambda r: r.plural or not r.person,
    "it": lambda r: not r.person,
}
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
