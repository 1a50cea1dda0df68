"""A cached extraction is never served once the code that made it has changed (issue 18)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import core
from core import extractor_version as version_module
from core.extractor_version import NOT_EXTRACTION, extractor_version, library_versions

ROOT = Path(core.__file__).resolve().parent.parent
EXTRACTORS = ("core.keyphrases", "core.timeline", "core.quotes", "core.summary", "core.names", "core.text",
              "core.actors", "core.briefing", "core.lexicon")


def test_the_version_is_a_digest_of_the_sources(tmp_path, monkeypatch):
    copy = tmp_path / "core"
    shutil.copytree(version_module.CORE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(version_module, "CORE", copy)
    version = extractor_version.__wrapped__  # the digest itself, not the process's cached answer
    before = version()
    assert before == version()  # stable
    (copy / "store.py").write_text((copy / "store.py").read_text() + "\n# a comment\n")
    assert version() == before  # the store does not make briefings
    (copy / "keyphrases.py").write_text((copy / "keyphrases.py").read_text() + "\n# a comment\n")
    assert version() != before
    changed = version()
    (copy / "vocabulary" / "new_words.py").write_text("WORDS = frozenset({'x'})\n")
    assert version() != changed  # a new module counts from the day it is written


def test_every_library_the_extractors_read_counts_in_the_version():
    """In a fresh interpreter: the libraries the extractor modules import, and those one extraction loads beyond
    what the pipeline's own modules (store, ingest) bring, are all among LIBRARIES and what they require."""
    probe = f"""
import json, sys
from importlib import metadata
def third_party():
    return {{m.split(".")[0] for m in sys.modules if not m.startswith(("core", "_"))
            and m.split(".")[0] not in sys.stdlib_module_names}}
import {", ".join(EXTRACTORS)}
by_extractors = third_party()
from core.pipeline import extract
from core.article import Article
with_pipeline = third_party()
extract(Article("p", "Talks resume", None, None, "2025-01-07", "Officials in Geneva said on Tuesday that talks "
                "would resume. “We expect progress,” said Maria Okafor, a spokesperson.", None, "p"))
read = by_extractors | (third_party() - with_pipeline)
dists = metadata.packages_distributions()
print(json.dumps(sorted({{dists[m][0] for m in read if m in dists}})))  # cython_runtime is no library
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    counted = set(library_versions())
    read = {re.sub(r"[-_.]+", "-", name).lower() for name in json.loads(out.stdout)}
    assert {"yake", "lemminflect", "wordfreq"} <= read  # the probe did run an extraction
    assert read <= counted, f"read by the extractors but not in the version: {read - counted}"


def test_the_modules_left_out_are_never_imported_by_an_extractor():
    probe = (f"import sys; import {', '.join(EXTRACTORS)}; "
             "print(' '.join(m for m in sys.modules if m.startswith('core.')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    for module in out.stdout.split():
        top = module.removeprefix("core.").split(".")[0]
        assert f"{top}.py" not in NOT_EXTRACTION and top not in NOT_EXTRACTION, f"{module} is imported by an extractor"


def test_a_changed_rule_is_not_served_from_the_cache(tmp_path):
    """The same article through the same store, before and after a rule changes: the second run computes anew."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "core", tree / "core", ignore=shutil.ignore_patterns("__pycache__", "seeds"))
    shutil.copytree(ROOT / "tui", tree / "tui", ignore=shutil.ignore_patterns("__pycache__"))
    article = tmp_path / "a.txt"
    article.write_text("Harbour talks resume\n\nOfficials in Geneva said on Tuesday that harbour talks would resume "
                       "next week after the port strike. The port authority and the dock workers union met "
                       "again, and negotiators said the wage talks could end the strike by March.")

    def run() -> dict:
        out = subprocess.run([sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())",
                              "extract", str(article), "--db", str(tmp_path / "db.sqlite"), "--workers", "1"],
                             capture_output=True, text=True, cwd=tree, check=True,
                             env={"PYTHONPATH": str(tree), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
        return json.loads(out.stdout)

    first = run()
    assert len(first["keyphrases"]) > 3
    keyphrases = tree / "core" / "keyphrases.py"
    source = keyphrases.read_text()
    assert "DEFAULT_TOP = 10" in source
    keyphrases.write_text(source.replace("DEFAULT_TOP = 10", "DEFAULT_TOP = 3"))
    second = run()
    assert second["extractor_version"] != first["extractor_version"]
    assert len(second["keyphrases"]) == 3  # computed by the changed rule, not read back from the cache
