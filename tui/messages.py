"""What the background workers tell the list screen, as typed messages (dataclasses), posted from their threads.

Posting a message is thread-safe and the screen handles it on the UI thread, so no worker calls a screen's methods
from its thread; a message posted while the app is closing is dropped with the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.notifications import SeverityLevel

from core.article import Article
from core.briefing import Briefing
from core.corpus import Digest
from core.ingest import Problem
from core.pipeline import ExtractionFailure
from core.review import Review


@dataclass
class ArticlesListed(Message):
    """The list to show: remembered from the store, or read from the inputs."""

    articles: list[Article]
    reviews: dict[str, Review]


@dataclass
class InputsRead(Message):
    """Every input has been read; these could not be."""

    problems: list[Problem]


@dataclass
class ArticlesAdded(Message):
    """A rescan found new articles."""

    articles: list[Article]
    reviews: dict[str, Review]


@dataclass
class BriefingsArrived(Message):
    """Briefings extracted (or read from the cache) and indexed off the UI thread."""

    briefings: list[tuple[Briefing, Digest]]


@dataclass
class BriefingExtracted(Message):
    """The one briefing asked for: the selected article, before the background reached it."""

    briefing: Briefing
    digest: Digest


@dataclass
class GroupsFound(Message):
    """Near-duplicate groups: article key -> its group, the first key standing for it."""

    groups: dict[str, tuple[str, ...]]


@dataclass
class Notice(Message):
    """A line for the analyst from a worker (a store that failed, an export written)."""

    text: str
    title: str = ""
    severity: SeverityLevel = "information"


@dataclass
class ExtractionFailed(Message):
    """An article the extractors failed on; the batch goes on without it."""

    failure: ExtractionFailure
