"""JSON (one object or an array of them) and JSON Lines dumps, the export format of scrapers and news APIs.

The text field comes out exactly as it went in (control characters marked as U+FFFD, escape sequences removed),
so offsets computed by another tool on the same JSON still index it.
"""

from __future__ import annotations

import json
import re

from core.ingest.errors import IngestError
from core.ingest.jsonfeed import is_json_feed, parse_json_feed
from core.ingest.record import RawArticle

_TEXT_FIELDS = ("text", "body", "content")
_FIELDS = {"title": ("title", "headline"), "published": ("published", "date", "dct", "pubDate"),
           "source": ("source", "publisher"), "url": ("url", "link"), "id": ("id",)}


def parse_json(text: str) -> list[RawArticle | IngestError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {_reason(exc)}") from None
    except RecursionError:
        raise IngestError("JSON nested too deeply") from None
    except ValueError as exc:  # a number of over 4,300 digits (Python's limit on int conversion)
        raise IngestError(f"unreadable JSON: {_first_line(exc)}") from None
    if is_json_feed(data):
        return parse_json_feed(data)
    if isinstance(data, dict):
        return [_record(data, "")]
    if isinstance(data, list):
        return [_record(item, f"item {number}") for number, item in enumerate(data, start=1)]
    raise IngestError(f"JSON holds a {type(data).__name__}, not an object or an array of objects")


def parse_jsonl(text: str) -> list[RawArticle | IngestError]:
    records: list[RawArticle | IngestError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            records.append(_record(json.loads(line), where))
        except json.JSONDecodeError as exc:
            records.append(IngestError(f"{where}: invalid JSON at column {exc.colno}: {_reason(exc)}"))
        except RecursionError:
            records.append(IngestError(f"{where}: JSON nested too deeply"))
        except ValueError as exc:  # a number of over 4,300 digits
            records.append(IngestError(f"{where}: unreadable JSON: {_first_line(exc)}"))
    return records


def _first_line(exc: Exception) -> str:
    return str(exc).split(";", 1)[0].split("\n", 1)[0][:120]


def _record(item: object, where: str) -> RawArticle | IngestError:
    prefix = f"{where}: " if where else ""
    if not isinstance(item, dict):
        return IngestError(f"{prefix}expected an object, found {_kind(item)}")
    text = next((item[key] for key in _TEXT_FIELDS if item.get(key) not in (None, "")), None)
    if text is None and not any(item.get(key) for key in _FIELDS["title"]):
        return IngestError(f"{prefix}no text (one of the fields {', '.join(_TEXT_FIELDS)}) and no title")
    caveat = None
    if text is None:  # a headline alone is kept, for a headline dump can be triaged by its titles, but never silently
        text = ""
        caveat = f"{prefix}no text (none of the fields {', '.join(_TEXT_FIELDS)}), the headline only"
    if not isinstance(text, str):
        return IngestError(f"{prefix}the text field holds {_kind(text)}, not a string")
    fields = {}
    for name, keys in _FIELDS.items():
        value = next((item[key] for key in keys if item.get(key) is not None), None)
        if name == "source" and isinstance(value, dict):  # news APIs write {"id": ..., "name": "Reuters"}
            value = value.get("name")
        if isinstance(value, dict | list | bool):
            return IngestError(f"{prefix}the field {name!r} holds {_kind(value)}, not a string")
        fields[name] = value
    return RawArticle(text=text, where=where, caveat=caveat, **fields)


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number")


def _reason(exc: json.JSONDecodeError) -> str:
    """The decoder's message without the position it expects after it ("Unterminated string starting at"): the
    line and column are already said in front of it, and the bare "at" read as a message cut short."""
    return re.sub(r"(?: starting)? at$", "", exc.msg)
