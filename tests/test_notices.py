"""The toasts about a load's problems and failed extractions: one short toast for many, naming the inputs."""

from core.article import Article, content_hash
from core.ingest import Problem
from core.pipeline import ExtractionFailure
from tui.notices import failures_notice, problems_notice


def test_one_problem_is_its_file_and_reason():
    problem = Problem("/home/ana/news/today/empty.txt", "empty file")
    assert problems_notice([problem], "p") == ("not loaded", "empty.txt: empty file")


def test_several_problems_are_one_toast_naming_the_files():
    problems = [Problem("/in/empty.txt", "empty file"), Problem("/in/dump.jsonl", "line 2: invalid JSON"),
                Problem("/in/dump.jsonl", "line 4: expected an object, found an array"),
                Problem("/in/noise.txt", "binary file (NUL bytes), not text")]
    assert problems_notice(problems, "p") == ("4 could not be read (p shows why)",
                                              "empty.txt, dump.jsonl (2), noise.txt")
    many = [Problem(f"/in/bad{n}.md", "empty file") for n in range(6)]
    assert problems_notice(many, "P")[1] == "bad0.md, bad1.md, bad2.md, 3 more"
    assert problems_notice([Problem("https://example.org/feed", "timed out")] * 2, "p")[1] == (
        "https://example.org/feed (2)")


def test_failed_extractions_are_told_by_title():
    def failed(title):
        return ExtractionFailure(Article(title, title, None, None, None, "x", f"/in/{title}.txt",
                                         content_hash(title, "x")), "TimeoutError")

    assert failures_notice([failed("Bridge closes")], "p") == ("not extracted", "Bridge closes: TimeoutError")
    assert failures_notice([failed("Bridge closes"), failed("Ferry late")], "p") == (
        "2 articles not extracted (p shows why)", "Bridge closes; Ferry late")
