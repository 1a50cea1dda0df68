"""English as the extractors read it: word lists by kind, one module each, and the patterns built from them.

Every extractor that needs a month, a weekday, a title or an abbreviation asks here, so adding a word is one edit
and no copy elsewhere goes stale. This package imports nothing of core (an import-linter contract holds it to
that): it is data, and data depends on nothing.

- calendar: months, weekdays, seasons, parts of the day, and the patterns for a month or a weekday
- numbers: number words and ordinals
- titles: titles and honorifics that stand before a name, which of them are written with a full stop, gender
- abbreviations: words that end with a full stop without ending the sentence
- function_words: auxiliaries, coordinators, pronouns, quantifiers
- datelines: the place and agency a wire story opens with
- time_modifiers: "about", "more than" and the like before a date or duration, with TimeML's mod for each
- boilerplate: what a page carries around a story (paywall notices, "Read more:", agency footers)
"""
