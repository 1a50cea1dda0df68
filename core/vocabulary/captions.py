"""What photo captions and credits are made of ("(AP Photo/Evan Vucci)", "Getty Images", "pictured"): words that
say where a picture came from, never what the story is about."""

from __future__ import annotations

import re

# A keyphrase holding one of these is a caption or a credit, not a topic.
CREDIT_WORDS = frozenset(
    "photo photos photograph photographs photographer pictured caption captions getty shutterstock istock "
    "alamy afp/getty".split())
# On their own, these name the picture, not the story ("Image", "Video").
PICTURE_NOUNS = frozenset("image images picture pictures pic pics video videos clip file gallery slideshow".split())
# A credit in brackets ("(AP Photo/Evan Vucci)", "(Photo: Reuters)", "(Getty Images)"): left out of what keyphrases
# read, so the photographer's name is not taken for someone the story is about.
CREDIT_IN_BRACKETS = re.compile(
    r"\((?=[^()\n]{0,120}\b(?:Photo|Photos|Photograph|Image|Images|Getty|Shutterstock|Credit|Pictured)\b)"
    r"[^()\n]{0,120}\)")
# A line that is a caption or a credit on its own ("Photo: Getty Images", "Image", "Pictured: the reservoir").
CAPTION_LINE = re.compile(
    r"^[ \t]*(?:Photo|Photos|Image|Images|Picture|Pictures|Pictured|Video|Caption|Credit|Gallery)\b"
    r"[ \t]*(?::[^\n]{0,200})?$",
    re.MULTILINE)
