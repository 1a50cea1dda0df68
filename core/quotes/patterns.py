"""Stage 2, the named patterns: a speaker (a pronoun, a name or a noun phrase), its apposition, the cue (forms from
the cue-verb table in core/vocabulary/cue_verbs.py), and the shapes attribution takes around them ("X said that",
"..., said X", "according to X", "X: ..."). The word lists here are the speakers' own (group heads, adverbs);
English at large is in core/vocabulary."""

from __future__ import annotations

import re
from functools import cache

from core.names import NAME, NOT_NAMES
from core.vocabulary.calendar import MONTH_NAME, PARTS_OF_DAY, WEEKDAY
from core.vocabulary.cue_verbs import (
    IMPRESSION_VERBS,
    MESSAGE_NOUNS,
    alternation,
    cue_forms,
    finite_describing_forms,
    forms_where,
    impression_forms,
)
from core.vocabulary.cue_verbs import participles as participles_of_cues
from core.vocabulary.function_words import DETERMINERS, PREPOSITIONS
from core.vocabulary.titles import ABBREVIATED_TITLES, TITLES

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
    "company|companies|firm|organization|audience|crowd|judge|justice|businessman|businesswoman|mogul|tycoon|"
    "billionaire|front-runner|frontrunner|employee|employees|staffer|staffers|member|executive|actor|actress|"
    "narrator|journalist|moderator|moderators|contenders|senators|email|emails|video|message|"
    "woman|women|man|men|mother|father|wife|husband|friend|friends|neighbor|neighbors|host|anchor|author|writer|"
    "columnist|editor|founder|owner|manager|chairwoman|ambassador|envoy|pastor|coach")
_GROUP_COUNTS = (
    r"\d+(?:\.\d+)?%|"  # "47% say"
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)")  # "one in five", "four out of 10"
GROUP_HEAD = re.compile(f"{_GROUP_HEADS}|{_GROUP_COUNTS}")
# What labels a paragraph without naming who speaks in it: "CORRECTION: ...", "Q: ...", "Editor’s note: ..."
EDITORIAL_LABELS = frozenset("q a correction corrections clarification byline update updates note editor’s editor's "
                             "paid watch read related video photo".split())
PLURAL_GROUP = re.compile(r"(?:s|people|media|police|staff|data)$")
# A group that is one person ("the judge", "a spokeswoman"): neither "it" nor "they" stands for it
ONE_PERSON = re.compile(r"(?:^|\s)(?:analyst|official|expert|spokesman|spokeswoman|spokesperson|aide|critic|witness|"
                        r"diplomat|adviser|advisor|leader|candidate|nominee|lawyer|judge|justice|minister|officer|"
                        r"mayor|governor|senator|president|secretary|chief|director|chairman|strategist|consultant|"
                        r"pollster|operative|donor|insider|veteran|backer|voter|resident|activist|lawmaker|"
                        r"legislator|delegate|organizer|supporter|opponent|economist|historian|researcher|"
                        r"professor|observer|attorney|prosecutor|investigator|scholar|reporter|businessman|"
                        r"businesswoman|mogul|tycoon|billionaire|front-runner|frontrunner|employee|staffer|member|"
                        r"executive|actor|actress|narrator|journalist|moderator|woman|man|mother|father|wife|"
                        r"husband|friend|neighbor|host|anchor|author|writer|columnist|editor|founder|owner|manager|"
                        r"chairwoman|ambassador|envoy|pastor|coach)$")
_PRONOUN = r"(?:he|she|they|it|we|He|She|They|It|We|I)"
_OBJECT_PRONOUN = r"(?:him|her|them|it|us|me)"
# The spaces between a phrase's words are taken whole (\s++): a word follows them, never a space, and a run of
# 100,000 spaces given back one at a time cost a second a sentence.
_AUXILIARY = r"(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|do|does|did)"
# A group's words before its head are no clause: "said he also may campaign" names no "campaign", and an article
# among them opens another noun phrase: "The company issued a statement" is the company's. The heads are one
# factored alternation, tried at each of the words a group may hold (a plain one of 250 words was a fifth of the
# quotes' time); no head is another's start before a mark ("front" of "front-runner"), so it matches as the plain one.
_GROUP = (rf"(?:(?:the|The|a|A|an|An|another|Another|one|One|some|Some|many|Many|most|Most|several|Several|"
          rf"other|Other|two|three|four|[A-Z][\w.-]*(?:’s|'s))\s++)?"
          rf"(?:(?!(?:which|who|whom|whose|that|he|she|they|we|I|it|a|an|{_AUXILIARY})\b)(?:[\w-]+|\d[\d,.]*)\s++){{0,3}}?"
          rf"(?i:{alternation(_GROUP_HEADS.split('|'))}|{_GROUP_COUNTS})(?!\w)")
_PARTY = r"(?:\s*\([^()]{1,30}\))?"  # "(D-Wis.)"
# A name after lower-case words that say who they are: "retired Army Lt. Gen. Mick Bednarek", "another New
# Hampshire Democrat", "81-year-old Parker Eaton".
# A title in front of the name may hold a name of its own: "says Heart and Stroke senior manager Erin Kim" is Erin
# Kim, her role "Heart and Stroke senior manager".
_NOT_A_TITLE_WORD = rf"(?!(?:{'|'.join(sorted(NOT_NAMES))})\b)"
# "the" only before a title ("the Rev. Peter Wherry"; "the Obama administration" is a group), and a word before the
# name may hold a slash ("9/11 widow Terry Strada").
_THE_TITLE = rf"(?:the\s+(?=(?i:{'|'.join(sorted(TITLES))})\b))?"
_MODIFIED_NAME = (rf"(?:{NAME.pattern}\s+(?:{_NOT_A_TITLE_WORD}[a-z][\w-]*\s+){{1,3}}(?={NAME.pattern}))?"
                  rf"{_THE_TITLE}(?:{_NOT_A_TITLE_WORD}[a-z\d][\w/-]*\s+){{0,3}}{NAME.pattern}")
# A noun phrase standing as a speaker: "Stein spokeswoman Melezia Figueroa", "The bank", "top black lawmakers",
# "Developers and supporters in Congress", "A national poll released Sunday by the Post and ABC News" (at most
# twelve words). It ends before a verb or a clause word, never on a determiner.
_NP_STOP = (rf"(?:{_AUXILIARY}|not|that|which|who|whom|whose|if|when|while|because|also|but|or|so|yet|though|although)")
# a speaker never ends on a determiner, a preposition or a conjunction
_DETERMINER = alternation({*DETERMINERS, *(d.capitalize() for d in DETERMINERS), *PREPOSITIONS, "as", "and", "or"})
_NP_WORD = r"[^\s,;:“”\"()―—]+"
_NP = rf"(?:(?!{_NP_STOP}\b){_NP_WORD}{_PARTY}\s++){{0,11}}?(?!{_NP_STOP}\b|{_DETERMINER}\s){_NP_WORD}{_PARTY}"
_SPEAKER = rf"(?P<speaker>(?<![\w’'-])(?:{_PRONOUN}\b|{_NP}))"  # from a word's start
_APPOSITION = (r"(?:,\s*(?P<role>[^“”\"]{2,200}?),|\s*(?:--|—|–|\s-\s)\s*(?P<role3>[^“”\"]{2,200}?)"
               r"\s*(?:--|—|–|\s-(?=\s)))?")
# (the words as one factored alternation: tried after every word a speaker may end on, a plain one of fifty words
# cost a tenth of the quotes' time)
_ADVERB_WORDS = alternation(
    "also later previously then further again repeatedly recently publicly privately earlier still has have had "
    "would will may might could did does do not never once simply reportedly is are only was were been long often "
    "always already now just even first since yesterday today".split())
_ADVERBS = (rf"(?:(?:{_ADVERB_WORDS}\b|"
            r"(?:went|goes|go|going)\s+on\s+to|continued\s+to|(?:was|were|is|are)\s+quick\s+to|"
            # when, between the speaker and the cue: "Sanders on Tuesday said", "Beck last week said"
            rf"(?:on\s+)?{WEEKDAY}|(?:last|this|earlier\s+this)\s+(?:week|month|year|{'|'.join(PARTS_OF_DAY)})|"
            r"(?!(?:rally|ally|family|supply|reply|apply|July|Italy|belly|bully|fly|holy|only|assembly)\b)\w{3,}ly)"
            r"\s+){0,3}")
# Right before a passive participle: "is expected", "are widely expected", "was not expected"
_PASSIVE = "(?:" + "|".join(rf"(?<=\b{w} )" for w in ("is", "are", "was", "were", "be", "been", "widely", "also", "not",
                                                       "now", "generally", "still")) + ")"
# What may stand between a cue and its "that" ("told MSNBC's “Morning Joe” that"): no verb, or "said the test could
# change that" would report nothing
_BEFORE_THAT = rf"(?:(?!\b{_AUXILIARY}\b)[^,])"
_LEAD_IN = r"(?:(?P<lead>[^,“”\"]{1,60}),\s+)?"
# A role ends at a comma or a full stop, not at the stop of "Mr." or an initial: ", a friend of Mr. Rubio."
_ROLE_END = "".join(rf"(?<!\b{a})" for a in (*ABBREVIATED_TITLES, "[A-Z]"))
# What the speaker did as they spoke: "he laughed and said", "Trump paused, then said"
_GESTURE = r"(?:\s+[a-z]{3,}ed(?:\s+\w+ly)?(?:\s+and|,\s+then))?"
# When it was said, between the cue and the clause: "said Tuesday it would ...", "told CNN last week that ..."
_WHEN = (rf"(?:\s+(?:on\s+)?(?:{WEEKDAY}|yesterday|today|tonight|"
         rf"(?:last|this|earlier\s+this)\s+(?:week|month|year|{'|'.join(PARTS_OF_DAY)})|"
         rf"in\s+{MONTH_NAME}|{MONTH_NAME}\s+\d{{1,2}})(?=[\s,]))?")
# "said on Friday", "said in a statement", "said X, a director at Y, whose advocates lobby every campaign", to
# the sentence's end or a semicolon; never a clause of its own ("said he would", "said that ..."). Its words are
# whole (from a space to the next, or to a semicolon or a quotation mark) and taken without going back: a word or
# a ", " that could be split every way in turn made ", said X, a, b, ..." seconds a sentence. A relative clause
# reaches at most 1,000 characters.
_TRAILING_TO_END = (r"(?:[,\s]++(?!(?:he|she|they|we|I|that)\s)(?:[^\s“”\";]++\s*+){1,6}?)?"
                    r"(?:,?\s*+(?<=[,\s])(?:who|whose|whom|which)\s[^“”\";]{0,1000}+)?"
                    r"(?:;|[.!?]*[\"”’]*$)")
# How far a content-first attribution reaches on either side of its cue: before it a speaker of at most twelve
# words, an apposition of at most 200 characters and three adverbs (", Yang Moo-jin, a top scholar in Seoul,
# said"); after it a name and its role, six words and a relative clause. Only the commas this close to a cue and
# to the sentence's end or a semicolon are tried: trying every comma of a sentence of commas was quadratic.
CONTENT_FIRST_BEFORE_CUE = 1000
CONTENT_FIRST_AFTER_CUE = 1500


@cache
def named_patterns() -> dict[str, re.Pattern[str]]:
    cues = alternation(forms_where(lambda v: v.reports))
    # a cue that a verb of saying follows is a noun, one of the speaker's words ("biofuels advocates say")
    cue = rf"(?P<cue>{cues})(?!\w|\s+(?:say|says|said)\b)"
    cue2 = rf"(?P<cue2>{alternation(forms_where(lambda v: v.inverts))})"
    # around a quotation any verb of attribution, also one that reports no clause ("“...,” he quipped")
    attributing = rf"(?P<cue>{alternation(forms_where(lambda v: v.reports or v.inverts))})"
    after_tell = "|".join(rf"(?<=\b{form})" for form, verb in cue_forms().items() if "listener" in verb.takes)
    listener = (rf"(?:(?:{after_tell})\s+(?!that\b)(?:{NAME.pattern}|{_OBJECT_PRONOUN}|reporters|journalists|"
                rf"(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+)(?=\s+that\b|[,:]?\s))?")
    describing = alternation(forms_where(lambda v: v.describing))
    participles = alternation(participles_of_cues())
    return {
        # "Kim declared that ...", "Yang Moo-jin, a top scholar in Seoul, said ...", "X told Reuters that ..."
        "speaker_first": re.compile(
            rf"^{_LEAD_IN}{_SPEAKER}{_APPOSITION}{_GESTURE}\s+{_ADVERBS}{cue}\b{listener}{_WHEN}"
            rf"(?:\s+{_BEFORE_THAT}{{1,50}}?(?=\s+that\s+\w))?"
            rf"\s*[,:]?\s+(?P<that>that\s+)?"),
        # "The campaign called the charges unsubstantiated", "Trump has called climate change a hoax"
        "describing_first": re.compile(
            rf"^{_LEAD_IN}{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}(?<!been )(?<!was )(?<!were )(?<!is )(?<!are )(?<!be )"
            rf"(?P<cue>{alternation(finite_describing_forms())})\b(?!\s+(?:for|on|off|out|up|in|back|it\s+quits|"
            rf"from)\b)\s+"),
        "speaker_first_named": re.compile(
            rf"^{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}{cue}\b(?:\s+{_BEFORE_THAT}{{1,50}}?(?=\s+that\s+\w))?"
            rf"\s*[,:]?\s+(?P<that>that\s+)?"),
        # "..., he said." / "..., said Kim." / "..., Yang said in a statement."
        "content_first": re.compile(
            rf",\s+(?:{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}{cue}|{cue2}\s+(?P<speaker2>{_MODIFIED_NAME}|{_GROUP})"
            rf"(?:,\s*(?P<role2>[^,“”\"]{{2,200}}?)(?=,|{_ROLE_END}\.))?(?!\s+{_AUXILIARY}\b)){_TRAILING_TO_END}"),
        # a cue and its "that": a report opens there ("Regulators worried that ...")
        "cue_that": re.compile(rf"\b(?:{cues})\s+that\s"),
        # where a content-first attribution's cue may stand
        "content_first_cue": re.compile(rf"\b(?:{cues}|{alternation(forms_where(lambda v: v.inverts))})"),
        # "Without this awareness, he warned, the country risks ..."
        "parenthetical": re.compile(rf",\s+(?:{_SPEAKER}\s+{_ADVERBS}{cue}(?:\s+(?:{_OBJECT_PRONOUN}|reporters))?|"
                                    rf"(?P<speaker4>{_PRONOUN}|{NAME.pattern}|{_GROUP})\s+{_ADVERBS}{cue2}"
                                    rf"\s+[^,“”\"]{{1,60}}?),\s+(?![“\"]|'')"),  # "..., he said after the meeting, ..."
        # "According to X, ...", also after a lead-in, a conjunction, a parenthesis or a colon ("But according to
        # reports, ...", "(According to the police, ...", "It has not gone unnoticed: According to polls, ...")
        "according_first": re.compile(r"^(?:[^,“”\"]{1,60},\s+|(?:But|And|Yet|Still|So|but|and|yet)\s+|\(|"
                                      r"[^:“”\"]{1,120}:\s+)?[Aa]ccording to (?P<speaker>[^,;“”\"]{2,90}?)\s*,\s+"),
        # a run of spaces is entered at its first, never at each of its spaces in turn
        "according_last": re.compile(r"(?:,|(?<![\s,]))\s+according to (?P<speaker>[^,;“”\"]{2,120}?)"
                                     r"(?:,\s*(?P<role>(?:an?|the)\s(?:(?!\b(?:will|would|is|are|was|were|has|have|"
                                     r"had|can|could|should|must|may|might)\b)[^,;“”\"]){2,120}?))?"
                                     # to the sentence's end, or to where the narration goes on: ", taking a step
                                     # toward ...", " - despite ..."
                                     r"(?:\s*[.!?]*[\"”’]*$|(?=,\s+[a-z]+ing\s|\s+[-—–]\s))"),
        # after a closing quotation mark: ", he said" / ", said Kim, a scholar" / " ― Sonya Herridge"
        # (the inverted form first: in ", said Ana Ruiz, a spokeswoman, explaining why ..." the speaker is no "said
        # Ana Ruiz" of "explaining")
        "after_quote": re.compile(
            rf"^[,\s]*(?:{cue2}\s+(?P<speaker2>{_MODIFIED_NAME}|{_GROUP})"
            rf"(?:,\s*(?P<role2>[^,“”\"]{{2,90}}?)(?=,|{_ROLE_END}\.))?|{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}{attributing}\b"
            rf"|[―—–]\s*(?P<speaker3>{NAME.pattern}))"),
        # "PENCE: ..." in transcripts, "Pence: Gennifer Flowers Won’t Be at Debate" in headlines
        # (a transcript quoted paragraph by paragraph opens each on a quotation mark: "PENCE: Well, ...)
        "label": re.compile(rf"[“\"]?(?P<speaker>{NAME.pattern}):\s+(?=\S)"),
        # before an opening quotation mark: "Kim said: “" / "He told reporters, “"
        "before_quote": re.compile(
            rf"{_SPEAKER}{_APPOSITION}{_GESTURE}\s+{_ADVERBS}{attributing}\b(?:\s+(?:{NAME.pattern}|{_OBJECT_PRONOUN}|"
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
        "coordinated": re.compile(rf"(?:\b(?:and|but)|,(?:\s+and)?)\s+{_ADVERBS}(?:{cue}|(?P<described>"
                                  rf"{alternation(finite_describing_forms())})(?=\s+(?:him|her|them|it|the)\s))\b"
                                  rf"(?!\s+(?:by|of)\b)\s*[,:]?\s+(?P<that>that\s+)?"),
        # ", saying that ...", ", adding ...": the sentence's speaker goes on
        # (the comma may stand inside a quotation's closing mark: 'has “expanded the party,” claiming that ...')
        "participle": re.compile(rf"(?:[,”\"]\s+(?:and\s+)?|"
                                 rf"\b(?:by|while|after|before|when|without|in)\s+(?:\w+ly\s+)?|"
                                 rf"\b(?:{alternation(MESSAGE_NOUNS)})\s+(?:{WEEKDAY}\s+)?)"
                                 rf"(?P<cue>{participles})\b\s*[,:]?\s+(?P<that>that\s+)?"),
        # a paragraph that introduces the quotation below it: "Cruz continued:", "17-year-old Jared Potts echoed:"
        "introducing": re.compile(rf"{_SPEAKER}{_APPOSITION}\s+{_ADVERBS}(?P<cue>[a-z]\w+)\b[^“\".!?]{{0,60}}?:\s*$"),
        "participle_lead": re.compile(rf"(?P<cue>{participles})\b\s*[,:]?\s+(?P<that>that\s+)?"),
        "describing": re.compile(rf"\b(?P<cue>{describing})\b[^“\"]{{0,40}}$"),
        # every word a reported attribution below is made of (its cue, a participle, "according to"), as a literal
        # scan: a sentence holding none of them is attributed by none of the patterns, and most sentences hold none
        "reporting_words": re.compile(alternation({
            *forms_where(lambda v: v.reports or v.inverts or v.describing), *finite_describing_forms(),
            *participles_of_cues(), *impression_forms(), "said", "says", "told", "tells", "according to",
            "According to"})),
        # "Kim seemed irritated", "it appears that ...": an impression the writer gives (core/vocabulary/cue_verbs.py)
        "impression": re.compile(r"\b(?P<cue>" + "|".join(
            (_PASSIVE if verb.passive else "") +
            rf"{alternation(f for f, v in impression_forms().items() if v is verb)}(?=\s+(?:{verb.after or '[^.!?]'}))"
            for verb in IMPRESSION_VERBS) + r")\b"),
        # "it" before an impression verb stands for what follows: "It seems (to me) that ...", "it would appear"
        "impression_it": re.compile(r"(?<![\w’'-])[Ii]t\s+(?:(?:would|might|may|could|does|did|now|also|still|"
                                    r"certainly|clearly|increasingly|just|only|already|all)\s+)*$"),
        "impression_opening": re.compile(r"\s*(?:to\s+(?:me|us|many|some|him|her|them)\s*,?\s*)?"
                                         r"(?:that\s+|as\s+(?:if|though)\s+|likely\s+that\s+)?"),
        # where the clause holding an impression verb opens, the last of these before it
        "clause_opening": re.compile(r"(?:[,;:]\s+|\s(?:--|—|–|-)\s+|\b(?:and|but|while|although|though|because|"
                                     r"since|whereas|if|when)\s+)"),
        # where a cue of saying or describing stands: no attribution before a quotation without one
        "any_cue": re.compile(rf"\b(?:{cues}|{alternation(forms_where(lambda v: v.inverts))}|{describing})\b"),
        "describing_named": re.compile(rf"(?<![\w’'-])(?P<speaker>{_PRONOUN}|{NAME.pattern})\s+{_ADVERBS}"
                                      rf"(?P<cue>{describing})\b[^“\"]{{0,40}}$"),
        # a sentence's subject, after any lead-in: followed by its verb or an apposition, not by a comma alone
        # a name before a verb is the subject itself, not the start of a group ("Cruz exhorted Republicans to ...")
        "subject_name": re.compile(rf"\s*(?P<speaker>(?>{NAME.pattern}))(?=\s+[a-z])(?!\s+(?i:{_GROUP_HEADS})\b)"),
        "subject": re.compile(rf"\s*(?P<speaker>{_PRONOUN}\b|{_GROUP}|{NAME.pattern})\b"
                              rf"(?=\s+[a-z]|,\s+(?:an?|the|who|which|whose|[A-Z][\w.]*\s+[A-Z])\b|{_PARTY}\s+[a-z])"),
    }


TRAILING_NAME = re.compile(rf"(?:{NAME.pattern})$")


def cue_of(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    return groups.get("cue") or groups.get("cue2") or groups.get("cue4") or groups.get("described")
