"""The cue verbs of news: one row per verb with what it takes and how it behaves, and every form derived from the
rows (lemminflect inflects them), so no form is ever typed twice.

Quotes find reported speech around these verbs, the summary reads their stance, and names cut a Title Case headline
at them. To add a cue verb, add its row: the patterns, the participles and the headline forms follow.

Where the rows came from: `NEWS`, the verbs of saying news writing uses; `POLNEAR`, verbs that marked speech or
stance in most of their uses in PolNeAR's training split (attributions annotated in 840 political news articles).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

Complement = Literal["object", "clause", "that", "listener"]
NEWS = "news"
POLNEAR = "PolNeAR training split"

# What a cue reports: "object": anything after it ("endorsed the plan"), "clause": a clause that reads as one
# ("added it would ..." but not "added sugar"), "that": only after an explicit "that" ("the poll shows that ...");
# "listener": the listener may stand before the clause ("told Reuters that ...").
ANY: frozenset[Complement] = frozenset({"object", "clause", "that"})
CLAUSE: frozenset[Complement] = frozenset({"clause", "that"})
THAT: frozenset[Complement] = frozenset({"that"})
LISTENER: frozenset[Complement] = frozenset({"listener"})


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str  # one verb, or a verb and its particle ("point out")
    takes: frozenset[Complement] = frozenset()  # empty: no cue of reported speech before a clause
    inverts: bool = False  # may stand before its speaker: "..., said Kim"; "..., endorsed Senator Cruz" may not
    describing: bool = False  # introduces a scare-quoted description: "described it as a “second revolution”"
    bare_describes: bool = False  # so does its base form ("they call it ..."; "brand" there is a noun)
    needs_as: bool = False  # describes only with "as" after it: "sees the plan as a failure", not "sees the river"
    stance: bool = False  # the speaker's judgement rather than a plain report: the summary's assessments
    participle: bool = False  # its -ing form goes on with the speaker's report: ", saying that ..."
    needs_evidence: bool = False  # reports only what evidence shows ("a poll shows ..."; "his remarks show" is a view)
    particles: tuple[str, ...] = ()  # with one of these after it, another verb: "backed away", "called off"
    headline: tuple[str, ...] = ()  # the forms (Penn tags) that end a name in a Title Case headline ("Obama Says")
    source: str = NEWS

    @property
    def reports(self) -> bool:
        return bool(self.takes)


CUE_VERBS: tuple[CueVerb, ...] = (
    CueVerb("say", ANY, inverts=True, stance=True, participle=True, headline=("VB", "VBZ", "VBD")),
    CueVerb("tell", ANY | LISTENER, inverts=True, participle=True, headline=("VB", "VBZ", "VBD")),
    CueVerb("believe", ANY, stance=True),
    CueVerb("think", ANY, stance=True),
    CueVerb("argue", ANY, inverts=True, stance=True, participle=True),
    CueVerb("insist", ANY, inverts=True, stance=True, participle=True),
    CueVerb("claim", ANY, inverts=True, stance=True, participle=True),
    CueVerb("contend", ANY, inverts=True, stance=True, participle=True),
    CueVerb("predict", ANY, inverts=True, stance=True, participle=True),
    CueVerb("fear", ANY, stance=True),
    CueVerb("suggest", ANY, inverts=True, stance=True, participle=True),
    CueVerb("warn", ANY | LISTENER, inverts=True, stance=True, participle=True, headline=("VBZ", "VBD")),
    CueVerb("add", CLAUSE, inverts=True, participle=True, particles=("up",)),
    CueVerb("note", CLAUSE, inverts=True, stance=True, participle=True, particles=("down",)),
    CueVerb("acknowledge", ANY, inverts=True, participle=True),
    CueVerb("admit", ANY, inverts=True, participle=True),
    CueVerb("estimate", CLAUSE, stance=True),
    CueVerb("expect", CLAUSE, stance=True),
    CueVerb("hope", CLAUSE, stance=True),
    CueVerb("write", CLAUSE, inverts=True, participle=True),
    CueVerb("assert", ANY, inverts=True, participle=True),
    CueVerb("maintain", ANY, inverts=True, participle=True),
    CueVerb("agree", ANY, inverts=True),
    CueVerb("recall", CLAUSE, inverts=True, participle=True),
    CueVerb("explain", CLAUSE, inverts=True, participle=True),
    CueVerb("conclude", CLAUSE, inverts=True, stance=True),
    CueVerb("caution", CLAUSE, inverts=True),
    CueVerb("complain", CLAUSE, inverts=True, participle=True),
    CueVerb("concede", ANY, inverts=True),
    CueVerb("allege", ANY),
    CueVerb("testify", CLAUSE),
    CueVerb("tweet", CLAUSE, inverts=True),
    CueVerb("reply", CLAUSE, inverts=True),
    CueVerb("respond", CLAUSE, inverts=True),
    CueVerb("observe", CLAUSE, inverts=True),
    CueVerb("stress", ANY, inverts=True, participle=True),
    CueVerb("emphasize", ANY, inverts=True),
    CueVerb("emphasise", ANY),
    CueVerb("declare", ANY, inverts=True, participle=True),
    CueVerb("report", CLAUSE, inverts=True),
    CueVerb("announce", ANY, inverts=True, participle=True),
    CueVerb("state", THAT),  # a noun far more often: "Rust Belt states underscored ...", "Minnesota state delegate"
    CueVerb("confirm", ANY, inverts=True),
    CueVerb("deny", ANY, inverts=True),
    CueVerb("indicate", THAT),
    CueVerb("promise", ANY, inverts=True, participle=True),
    CueVerb("pledge", ANY, participle=True),
    CueVerb("vow", ANY, inverts=True, participle=True, headline=("VBZ", "VBD")),
    CueVerb("threaten", ANY),
    CueVerb("remark", ANY, inverts=True),
    CueVerb("comment", ANY, inverts=True),
    CueVerb("reckon", ANY),
    CueVerb("speculate", ANY),
    CueVerb("worry", CLAUSE),
    CueVerb("doubt", CLAUSE, stance=True),
    CueVerb("know", CLAUSE),
    CueVerb("learn", THAT),
    CueVerb("find", ANY, needs_evidence=True, particles=("out",)),
    CueVerb("show", ANY, needs_evidence=True, particles=("up", "off")),
    CueVerb("reveal", THAT),
    CueVerb("propose", ANY),
    CueVerb("ask", ANY, inverts=True, particles=("out",), headline=("VBZ", "VBD")),
    CueVerb("support", ANY, source=POLNEAR),
    CueVerb("want", ANY, headline=("VBZ", "VBD"), source=POLNEAR),
    CueVerb("endorse", ANY, source=POLNEAR),
    CueVerb("criticize", ANY, source=POLNEAR),
    CueVerb("criticise", ANY, source=POLNEAR),
    CueVerb("accuse", ANY, source=POLNEAR),
    CueVerb("cite", ANY, participle=True, source=POLNEAR),
    CueVerb("attack", ANY, source=POLNEAR),
    CueVerb("oppose", ANY, source=POLNEAR),
    CueVerb("mention", ANY, source=POLNEAR),
    CueVerb("plan", ANY, headline=("VBZ", "VBD"), source=POLNEAR),
    CueVerb("seek", ANY, source=POLNEAR),
    CueVerb("urge", ANY, participle=True, headline=("VBZ", "VBD"), source=POLNEAR),
    CueVerb("refuse", ANY, source=POLNEAR),
    CueVerb("defend", ANY, source=POLNEAR),
    CueVerb("reject", ANY, source=POLNEAR),
    CueVerb("denounce", ANY, source=POLNEAR),
    CueVerb("blame", ANY, source=POLNEAR),
    CueVerb("dismiss", ANY, source=POLNEAR),
    CueVerb("slam", ANY, headline=("VBZ",), source=POLNEAR),
    CueVerb("tout", ANY, source=POLNEAR),
    CueVerb("question", ANY, source=POLNEAR),
    CueVerb("back", ANY, particles=("away", "down", "off", "out", "up"), headline=("VBZ",), source=POLNEAR),
    CueVerb("decline", ANY, source=POLNEAR),
    CueVerb("demand", ANY, source=POLNEAR),
    CueVerb("request", ANY, source=POLNEAR),
    CueVerb("advocate", ANY, source=POLNEAR),
    CueVerb("applaud", ANY, source=POLNEAR),
    CueVerb("condemn", ANY, source=POLNEAR),
    CueVerb("dispute", ANY, source=POLNEAR),
    CueVerb("challenge", ANY, source=POLNEAR),
    CueVerb("recommend", ANY, source=POLNEAR),
    CueVerb("favor", ANY, source=POLNEAR),
    CueVerb("favour", ANY, source=POLNEAR),
    CueVerb("intend", ANY, source=POLNEAR),
    CueVerb("wonder", ANY, inverts=True),
    CueVerb("hint", ANY, source=POLNEAR),
    CueVerb("signal", ANY, source=POLNEAR),
    CueVerb("decry", ANY, source=POLNEAR),
    CueVerb("blast", ANY, headline=("VBZ",), source=POLNEAR),
    CueVerb("reiterate", ANY, source=POLNEAR),
    CueVerb("lament", ANY, source=POLNEAR),
    CueVerb("praise", THAT, source=POLNEAR),
    CueVerb("boast", ANY, source=POLNEAR),
    CueVerb("plead", ANY, source=POLNEAR),
    CueVerb("mock", ANY, source=POLNEAR),
    CueVerb("assure", CLAUSE | LISTENER, source=POLNEAR),
    CueVerb("echo", ANY, participle=True, source=POLNEAR),
    CueVerb("repeat", CLAUSE, source=POLNEAR),
    CueVerb("disclose", CLAUSE, source=POLNEAR),
    CueVerb("remind", CLAUSE | LISTENER, source=POLNEAR),
    CueVerb("imply", CLAUSE, source=POLNEAR),
    CueVerb("recount", CLAUSE, source=POLNEAR),
    CueVerb("underscore", THAT, source=POLNEAR),
    CueVerb("highlight", THAT, source=POLNEAR),
    CueVerb("yell", ANY, source=POLNEAR),
    CueVerb("shout", ANY, source=POLNEAR),
    CueVerb("inform", CLAUSE | LISTENER, source=POLNEAR),
    CueVerb("chant", ANY, source=POLNEAR),
    CueVerb("apologize", ANY, source=POLNEAR),
    CueVerb("rebuke", ANY, source=POLNEAR),
    CueVerb("congratulate", ANY, source=POLNEAR),
    CueVerb("quote", ANY, source=POLNEAR),
    CueVerb("invoke", ANY, source=POLNEAR),
    CueVerb("rail", ANY, source=POLNEAR),
    CueVerb("express", ANY, source=POLNEAR),
    CueVerb("prefer", ANY, source=POLNEAR),
    CueVerb("feel", CLAUSE, stance=True, source=POLNEAR),
    CueVerb("discuss", ANY, source=POLNEAR),
    CueVerb("recognize", ANY, source=POLNEAR),
    CueVerb("remember", ANY, source=POLNEAR),
    CueVerb("thank", ANY, source=POLNEAR),
    CueVerb("offer", ANY, source=POLNEAR),
    CueVerb("describe", describing=True, needs_as=True),
    CueVerb("call", describing=True, bare_describes=True, participle=True, particles=("off", "up", "back", "in"),
            headline=("VBZ", "VBD")),
    CueVerb("dub", describing=True),
    CueVerb("term", describing=True),
    CueVerb("label", describing=True),
    CueVerb("brand", describing=True),
    CueVerb("characterize", describing=True, needs_as=True),
    CueVerb("characterise", describing=True, needs_as=True),
    CueVerb("portray", describing=True, needs_as=True, source=POLNEAR),
    CueVerb("hail", describing=True, needs_as=True, source=POLNEAR),
    CueVerb("deem", describing=True, source=POLNEAR),
    CueVerb("see", describing=True, bare_describes=True, needs_as=True, source=POLNEAR),
    CueVerb("view", describing=True, bare_describes=True, needs_as=True, source=POLNEAR),
    CueVerb("regard", describing=True, bare_describes=True, needs_as=True, source=POLNEAR),
    CueVerb("joke", inverts=True),
    CueVerb("retort", inverts=True, source=POLNEAR),
    CueVerb("counter", inverts=True),
    CueVerb("reason", inverts=True, source=POLNEAR),
    CueVerb("scoff", inverts=True, source=POLNEAR),
    CueVerb("continue", inverts=True),
    CueVerb("press", inverts=True, source=POLNEAR),
    CueVerb("marvel", inverts=True, source=POLNEAR),
    CueVerb("quip", inverts=True),
    CueVerb("react", inverts=True, source=POLNEAR),
    CueVerb("muse", inverts=True, source=POLNEAR),
    CueVerb("call for", ANY, participle=True),
    CueVerb("call on", ANY),
    CueVerb("urge for", ANY),
    CueVerb("urge on", ANY),
    CueVerb("point out", ANY),
    CueVerb("point to", ANY, source=POLNEAR),
    CueVerb("talk about", ANY, source=POLNEAR),
    CueVerb("speak about", ANY, source=POLNEAR),
    CueVerb("push for", ANY, source=POLNEAR),
    CueVerb("refer to", participle=True, source=POLNEAR),  # ", referring to ..."
    CueVerb("tell reporters", participle=True),  # ", telling reporters that ..."
)


@dataclass(frozen=True, slots=True)
class ImpressionVerb:
    """A verb by which the writer gives an impression rather than a fact: "Kim seemed irritated", "it appears that
    the vote was lost". PolNeAR annotates what seems so as an attribution, its source the person or group who seems
    ("Voters seem to care more about ...") or else the writer, so the clause is a quote whose speaker is that person
    or no one. `after` is what must follow the verb for it to give one ("appeared on Fox News" is an appearance);
    empty for anything."""

    lemma: str
    after: str = ""
    passive: bool = False  # only its passive gives one, and no one in the sentence holds it: "Kim is expected to win"
    source: str = POLNEAR


IMPRESSION_VERBS: tuple[ImpressionVerb, ...] = (
    ImpressionVerb("seem"),
    ImpressionVerb("appear", r"to\s+(?!(?:the|a|an|his|her|their|its|be\s+no)\b)[a-z]|that\b|as\s+(?:if|though)\b|"
                             r"(?:un)?likely\b|poised\b"),
    ImpressionVerb("expect", r"to\s+[a-z]", passive=True),
)


def _inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    """Penn tag -> forms of the lemma; of a phrasal lemma, its verb inflected and its particle kept."""
    import lemminflect

    verb, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    return {tag: tuple(f + tail for f in forms)
            for tag, forms in lemminflect.getAllInflections(verb, upos="VERB").items()}


@cache
def cue_forms() -> dict[str, CueVerb]:
    """Every form of every cue verb, with its row; a one-word verb's forms capitalized too, as Title Case
    headlines write them ("..., Lindsey Graham Says")."""
    forms: dict[str, CueVerb] = {}
    for verb in CUE_VERBS:
        forms[verb.lemma] = verb
        for inflected in _inflections(verb.lemma).values():
            for form in inflected:
                forms[form] = verb
                if " " not in verb.lemma:
                    forms[form.capitalize()] = verb
    return forms


def lemma_of(form: str) -> str:
    """The cue verb a form belongs to ("warned" -> "warn"), or "" for a word that is none."""
    verb = cue_forms().get(form)
    return verb.lemma if verb else ""


def forms_where(wanted: Callable[[CueVerb], bool]) -> list[str]:
    """The forms of the verbs `wanted` accepts, longest first, so a pattern tries "told" before "tol..." and
    "telling reporters" before "telling"."""
    return sorted((form for form, verb in cue_forms().items() if wanted(verb)), key=len, reverse=True)


def _tagged(wanted: Callable[[CueVerb], tuple[str, ...]]) -> Iterator[str]:
    for verb in CUE_VERBS:
        inflections = _inflections(verb.lemma)
        for tag in wanted(verb):
            yield from inflections.get(tag, ())


@cache
def participles() -> list[str]:
    """The -ing forms that go on with a report (", adding that ..."), longest first."""
    return sorted(set(_tagged(lambda v: ("VBG",) if v.participle else ())), key=len, reverse=True)


@cache
def finite_describing_forms() -> list[str]:
    """The forms of the describing verbs that stand after their subject: "The campaign called the charges ..."."""
    found = _tagged(lambda v: (("VB",) if v.bare_describes else ()) + ("VBZ", "VBD") if v.describing else ())
    return sorted(set(found), key=len, reverse=True)


@cache
def headline_forms() -> frozenset[str]:
    """The forms that end a name in a Title Case headline: "Obama Says Museum Will ..." names Obama."""
    return frozenset(_tagged(lambda v: v.headline))


# The nouns of saying: after a possessive they name whose words a quotation is ("Trump’s claim that there were
# “thousands of shootings”")
CUE_NOUNS = frozenset("claim claims statement statements remark remarks comment comments words assertion assertions "
                      "promise promises pledge pledges description characterization tweet tweets phrase slogan "
                      "charge charges accusation accusations warning warnings argument arguments call calls "
                      "criticism insistence suggestion suggestions prediction predictions vow vows".split())

# What a speaker issues that says something: "issued a statement saying ...", "posted a video showing ..." are the
# speaker's own report, its participle after the noun
MESSAGE_NOUNS = frozenset("statement statements release letter letters post posts tweet tweets video videos ad ads "
                          "email emails memo note report op-ed message messages".split())

_Trie = dict[str, "_Trie"]  # a character to the forms that go on with it; "" where a form ends


def alternation(forms: Iterable[str]) -> str:
    """A pattern matching exactly the forms, factored by their common prefixes ("sa(?:id|ys?)"): the regular
    expression engine tries a plain alternation of several hundred forms one by one at every position, which made
    each cue a few hundred tries. Where one form is the start of another, the longer is tried first, as in a
    longest-first alternation."""
    trie: _Trie = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _factored(trie)


def _factored(node: _Trie) -> str:
    branches = [re.escape(char) + _factored(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    ends = "" in node
    if len(branches) == 1 and not ends:
        return branches[0]
    return f"(?:{'|'.join(branches)})" + ("?" if ends else "")


@cache
def impression_forms() -> dict[str, ImpressionVerb]:
    """Every form of every impression verb ("seems", "Appeared"), with its row."""
    forms: dict[str, ImpressionVerb] = {}
    for verb in IMPRESSION_VERBS:
        inflections = _inflections(verb.lemma)
        participle = inflections.get("VBN") or inflections.get("VBD", ())  # lemminflect gives one where both are alike
        for inflected in (participle,) if verb.passive else (*inflections.values(), (verb.lemma,)):
            for form in inflected:
                if not form.endswith("ing"):  # "seeming" qualifies a noun: "a seeming contradiction"
                    forms[form] = forms[form.capitalize()] = verb
    return forms
