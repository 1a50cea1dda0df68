"""The marks a Markdown heading line carries ("## Council votes", "# Title #"): a title derived from such a line
drops them, and the summary reads such a line as a heading, never as the story's first sentence."""

from __future__ import annotations

import re

MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
CLOSING_HASHES = re.compile(r"\s+#+\s*$")
