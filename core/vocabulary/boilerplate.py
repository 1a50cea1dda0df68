"""What a page carries around a story that is no part of it: paywall notices, links to other pages, prompts to
share or subscribe, agency footers. A summary line is never one of these ("To view the full story, please
subscribe to ...", "Read more: ...", "(Reporting by ...; Editing by ...)").
"""

from __future__ import annotations

import re

# A sentence that opens with one of these is the page talking, not the story (case is ignored; an opening
# bracket before it is allowed, as in "(Reporting by ...)").
OPENINGS = (
    "read more", "read also", "also read", "more:", "related:", "related coverage", "related articles", "see also",
    "more on this", "click here", "scroll down for", "watch the video", "watch video", "watch:", "video:",
    "advertisement", "story continues below", "continue reading", "share this", "sign up",
    "follow us", "follow him on", "follow her on", "like us on", "subscribe", "to view the full story",
    "to read the full story", "already a subscriber", "log in to", "sign in to", "reporting by",
    "additional reporting by", "editing by", "writing by", "©", "contact the author", "send tips",
    "email the author", "this article was originally published", "this story was originally published",
    "this article first appeared", "this story first appeared", "get the latest", "download our app",
)
# Anywhere in a sentence, these make it a notice: paywalls, rights lines, the wire's credits, an embedded tweet.
PHRASES = (
    "please subscribe", "to view the full story", "to continue reading", "subscribers only", "subscriber-only",
    "you have reached your limit", "free articles remaining", "all rights reserved", "may not be published, broadcast",
    "rewritten or redistributed", "contributed to this report", "sign up for our", "pic.twitter.com",
)
# Prompts that page layouts run into the next sentence ("Scroll down for video The 'special relationship' ..."):
# cut from the sentence's start, the rest of it kept.
GLUED_PROMPTS = ("scroll down for video", "scroll down for videos", "click here to watch", "watch the video")


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


BOILERPLATE_OPENING = re.compile(rf"^[\s(\[]*(?:{_alternatives(OPENINGS)})(?!\w)", re.IGNORECASE)
# searched at every character of every sentence: the lookahead at the phrases' first letters skips most of them
# before the alternatives are tried
_PHRASE_FIRSTS = "".join(re.escape(first) for first in sorted({p[0] for p in PHRASES}))
BOILERPLATE_PHRASE = re.compile(rf"(?=[{_PHRASE_FIRSTS}])(?:{_alternatives(PHRASES)})(?!\w)", re.IGNORECASE)
GLUED_PROMPT = re.compile(rf"^(?:{_alternatives(GLUED_PROMPTS)})\s+(?=[\"'“‘A-Z0-9])", re.IGNORECASE)
# Markup a source left in its text ('<tweet tweet-id="7834..."><tweet/>', "<br/>"): never words of the story.
MARKUP_TAG = re.compile(r"</?[A-Za-z][\w:-]{0,30}(?:\s[^<>\n]{0,500})?/?>")

# A line in capitals on its own is the page's section label ("ABSTRACT.", "FULL TEXT", "LETTERS", "TOP STORIES."):
# never a topic or someone the story is about.
SECTION_LABEL = re.compile(r"^[ \t]*[A-Z][A-Z&'’ -]{1,40}[.:]?[ \t]*$", re.MULTILINE)
