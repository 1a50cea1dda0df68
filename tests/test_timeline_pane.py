"""The timeline pane's entries: the date in words beside its TIMEX value, except where the value is a decade's or
a century's digits ("195" beside "the 1950s" read as a number leaking into the label) or the words themselves
("1780  1780")."""

from textual.app import App, ComposeResult

from core.timeline import TimeExpression
from tui.widgets.timeline import TimelinePane


class _PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TimelinePane()


async def _shown(entries: list[TimeExpression]) -> list[str]:
    app = _PaneApp()
    async with app.run_test():
        pane = app.query_one(TimelinePane)
        pane.show(entries)
        return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


async def test_a_decade_shows_its_words_not_its_digits():
    (line,) = await _shown([TimeExpression("the 1950s", 0, 9, "DATE", "195", "Towns grew in the 1950s.")])
    assert line.startswith("the 1950s  date “the 1950s”")


async def test_a_date_shows_its_value_beside_its_words():
    (line,) = await _shown([TimeExpression("Tuesday", 0, 7, "DATE", "2024-03-05", "It opened on Tuesday.")])
    assert line.startswith("Tue 5 March 2024  2024-03-05  date “Tuesday”")


async def test_a_year_is_not_shown_twice():
    (line,) = await _shown([TimeExpression("1780", 0, 4, "DATE", "1780", "The fort was built in 1780.")])
    assert line.startswith("1780  date “1780”")


def test_the_batch_timeline_reads_each_value_by_its_type():
    from core.corpus import Corpus
    from tui.corpus import timeline_rows

    corpus = Corpus()
    corpus.timeline.add("a", [
        TimeExpression("every Tuesday", 20, 33, "SET", "XXXX-WXX-2", "The ferry sails every Tuesday."),
        TimeExpression("1780", 22, 26, "DATE", "1780", "The fort was built in 1780."),
    ])
    lines = [str(text).split("\n")[0] for text, _ in timeline_rows(corpus, {}, lambda key, at: None)]
    assert lines == ["1780", "every Tuesday  XXXX-WXX-2"]
