"""The cue-verb table: one row per verb, and every form the extractors use derived from it."""

from core.names import NameBook
from core.quotes import find_quotes
from core.text import Document
from core.vocabulary.cue_verbs import CUE_VERBS, cue_forms, headline_forms, lemma_of, participles


def test_one_row_per_verb_and_every_row_does_something():
    lemmas = [v.lemma for v in CUE_VERBS]
    assert len(lemmas) == len(set(lemmas))
    for v in CUE_VERBS:
        assert v.reports or v.inverts or v.describing or v.participle, v.lemma
        assert not v.needs_evidence or v.reports, v.lemma


def test_forms_are_derived_from_the_rows():
    assert lemma_of("warned") == "warn" and lemma_of("told") == "tell" and lemma_of("Says") == "say"
    assert lemma_of("pointed out") == "point out" and lemma_of("sugar") == ""
    assert {"saying", "adding", "calling for", "telling reporters", "referring to"} <= set(participles())
    assert {"says", "said", "told", "warned", "slams"} <= headline_forms()
    assert all(" " not in form or form.islower() for form in cue_forms())


def _clear_caches():
    from core.quotes.patterns import named_patterns
    from core.vocabulary import cue_verbs

    for cached in (cue_verbs.cue_forms, cue_verbs.participles, cue_verbs.finite_describing_forms,
                   cue_verbs.headline_forms, named_patterns):
        cached.cache_clear()


def test_a_new_row_is_a_cue_in_every_pattern(monkeypatch):
    """What the table says is what the extractor does: a verb without a row reports nothing, with one it does."""
    from core.vocabulary import cue_verbs

    text = "The minister grumbled that the plan would fail. “It will fail,” grumbled the minister."

    def cues() -> list[str | None]:
        return [q.cue for q in find_quotes(Document(text), NameBook(text))]

    assert cues() == []
    monkeypatch.setattr(cue_verbs, "CUE_VERBS", (*CUE_VERBS, cue_verbs.CueVerb("grumble", cue_verbs.ANY, inverts=True)))
    _clear_caches()
    try:
        assert cues() == ["grumbled", "grumbled"]
    finally:
        monkeypatch.undo()
        _clear_caches()
