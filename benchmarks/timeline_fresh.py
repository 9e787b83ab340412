"""Timeline accuracy on fresh sentences written for issue 17 by annotators who never saw
the rules (``tests/dates_fresh/``): ``development.toml``, ``development2.toml`` and
``development3.toml`` were read while the rules were written; ``development4.toml`` to
``development21.toml`` were each scored once before they were read, then read;
``heldback.toml`` was not, and is reported only as totals.

    python benchmarks/timeline_fresh.py --details    # the development sets, every miss
    python benchmarks/timeline_fresh.py --heldback   # and the held-back set, totals only

Each case is a short text with its article date; it is read the way a user's file is
(``date YYYY-MM-DD <title>`` header, then the text) and dated by the summarizer's own
timeline. A briefgen date matches an annotated one when their phrases overlap (one
contains the other): the same date is *right*, another date *wrong*; a briefgen date
with no annotated phrase is *false*; an annotated one briefgen lacks is *missed*.

An annotated date is an ISO date (``2025-09-02``, ``2025-09``, ``2026-04/2027-03``), a
date without its year (``--08-15``), or ``unresolved``: the issue's word for a date a
reader cannot tell, which briefgen gives as its resolution ``unresolved`` (with what
the text does tell, ``--08-15``); so an annotated ``unresolved`` is right when briefgen
says ``unresolved`` too, and wrong when it gives a date a reader could not have told.
A phrase that tells neither year nor month (a bare ``20日``, ``きのう`` in an undated
text) places nothing on a timeline and is annotated as no event.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
FRESH = ROOT / "tests" / "dates_fresh"

from briefgen.ingest import read_source  # noqa: E402
from briefgen.summarize.dates import dated_mentions  # noqa: E402
from briefgen.text import segment_source  # noqa: E402


@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    false: int = 0
    missed: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def annotated(self) -> int:
        return self.right + self.wrong + self.missed

    def add(self, other: Score) -> None:
        self.right += other.right
        self.wrong += other.wrong
        self.false += other.false
        self.missed += other.missed
        self.lines += other.lines


UNRESOLVED = "unresolved"


def predicted(case: dict[str, object]) -> list[tuple[str, str, str]]:
    """(phrase, date, resolution) of every dated mention briefgen finds in the case."""
    date = str(case["article_date"]) or "unknown"
    title = str(case.get("title") or "")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.txt"
        header = f"date {date} {title or '記事'}"
        path.write_text(f"{header}\n\n{case['text']}\n", encoding="utf-8")
        source = read_source(path)
    sentences = segment_source(source)
    headings = [section.heading for section in source.sections]
    events = dated_mentions(title, sentences, source.date, "ja", headings=headings)
    return [(e.phrase, e.date, e.resolution) for e in events]


def agrees(annotated: str, date: str, resolution: str) -> bool:
    """Whether briefgen's date is the annotated one (module docstring)."""
    if annotated == UNRESOLVED:
        return resolution == UNRESOLVED
    return date == annotated


def score_case(case: dict[str, object]) -> Score:
    score = Score()
    expected = [(str(e["phrase"]), str(e["date"])) for e in case["events"]]  # type: ignore[attr-defined]
    found = predicted(case)
    unmatched = list(expected)
    for phrase, date, resolution in found:
        match = next((e for e in unmatched if e[0] in phrase or phrase in e[0]), None)
        if match is None:
            score.false += 1
            score.lines.append(f"{case['id']}: false   {phrase} {date}")
            continue
        unmatched.remove(match)
        if agrees(match[1], date, resolution):
            score.right += 1
        else:
            score.wrong += 1
            score.lines.append(f"{case['id']}: wrong   {phrase} {date} (annotated {match[1]})")
    for phrase, date in unmatched:
        score.missed += 1
        score.lines.append(f"{case['id']}: missed  {phrase} {date}")
    return score


def score_file(path: Path) -> Score:
    total = Score()
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
        total.add(score_case(case))
    return total


def main() -> None:
    details = "--details" in sys.argv
    columns = ("annotated", "right", "wrong", "false", "missed", "recall")
    print(f"{'set':<24} " + " ".join(f"{c:>9}" for c in columns))
    names = ["development", "development2", "development3", "development4", "development5"]
    names += ["development6", "development7", "development8", "development9", "development10"]
    names += ["development11", "development12", "development13", "development14"]
    names += ["development15", "development16", "development17", "development18"]
    names += ["development19", "development20", "development21"]
    names += ["heldback"] if "--heldback" in sys.argv else []
    for name in names:
        path = FRESH / f"{name}.toml"
        if not path.exists():
            continue
        score = score_file(path)
        recall = score.right / score.annotated if score.annotated else 0.0
        counts = (score.annotated, score.right, score.wrong, score.false, score.missed)
        print(f"{name:<24} " + " ".join(f"{n:>9}" for n in counts) + f" {recall:>9.2f}")
        if details and name != "heldback":
            for line in score.lines:
                print("    " + line)


if __name__ == "__main__":
    main()
