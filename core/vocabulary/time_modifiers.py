"""Words that qualify a date or a duration ("about eight months", "more than 30 days"), with TimeML's `mod` for
each (TimeML 1.2.1, TIMEX3 attribute mod) and the words the dashboard shows for it. TempEval-3's spans leave the
word out, so the timeline reads it just before the expression; the value stays what TimeML compares."""

from __future__ import annotations

# written form: TimeML mod
TIME_MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}

# TimeML mod: how it reads in front of the expression's words
MODIFIER_WORDS = {"APPROX": "about", "LESS_THAN": "less than", "MORE_THAN": "more than",
                  "EQUAL_OR_MORE": "at least", "EQUAL_OR_LESS": "at most"}
