"""Quality flags: each check on its own, and flagged text marked in the briefing."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import SEEDS
from docx_text import docx_text

import briefgen
from briefgen.translate.base import Translation
from briefgen.translate.quality import confidence, flags

SOURCE = "政府は来年度の予算案と税制改正大綱を閣議決定した。"  # 25 characters, a sentence


@pytest.mark.parametrize(
    ("english", "log_prob", "expected"),
    [
        ("The cabinet approved the budget plan for next fiscal year.", -0.1, ()),
        ("", -0.1, ("empty",)),
        ("The cabinet approved 予算案 for next year.", -0.1, ("untranslated",)),
        ("The cabinet approved [予算案: budget plan] for next year.", -0.1, ()),
        ("The the the the the the budget was approved by the cabinet.", -0.1, ("repetition",)),
        ('"No, no, no, no," the cabinet said of the budget.', -0.1, ()),
        ("The budget reached 1,000,000,000,000 yen in the next fiscal year.", -0.1, ()),
        ("of the plan of the plan of the plan of the plan", -0.1, ("repetition",)),
        ("Budget.", -0.1, ("length",)),
        ("The cabinet approved the budget plan for next fiscal year.", -2.0, ("low confidence",)),
        ("The cabinet approved the budget plan for next fiscal year.", None, ()),
        ("Budget.", None, ()),  # a name or heading may be far shorter: not a sentence
    ],
)
def test_flags(english: str, log_prob: float | None, expected: tuple[str, ...]) -> None:
    source = SOURCE if english != "Budget." or log_prob is not None else "予算"
    assert flags(source, Translation(english, log_prob), "ja") == expected


def test_acronyms_truncation_and_given_english() -> None:
    assert flags("北大西洋条約機構", Translation("NATO", -0.1), "ja") == ()
    assert flags(SOURCE, Translation("The cabinet approved the budget.", -0.1, truncated=True),
                 "ja") == ("truncated",)  # fmt: skip
    assert flags(SOURCE, Translation("", exact=True), "ja") == ()


def test_confidence_is_the_geometric_mean_token_probability() -> None:
    assert confidence(Translation("x", math.log(0.5))) == pytest.approx(0.5)
    assert confidence(Translation("x", None)) is None


class Faulty:
    """Translates the seed's title well and everything else badly, in known ways."""

    name = "faulty"

    def translate(self, texts: Sequence[str]) -> list[str]:
        return [t.english for t in self.translate_scored(texts)]

    def translate_scored(self, texts: Sequence[str]) -> list[Translation]:
        out = []
        for text in texts:
            if text == "結局、プーチンの注文通り":
                out.append(Translation("In the end, just as Putin ordered", -0.05))
            elif text.startswith("米露首脳会談"):
                out.append(Translation("", -0.1))
            elif len(text) > 40:
                out.append(Translation("the summit the summit the summit the summit", -0.2))
            else:
                out.append(Translation(f"Rendered: {text}", -3.0))
        return out


def test_flagged_translations_are_counted_and_marked_in_the_document(tmp_path: Path) -> None:
    messages: list[str] = []
    options = briefgen.Options(use_cache=False)
    briefing = briefgen.make_briefing(
        SEEDS, translator=Faulty(), options=options, progress=messages.append
    )
    (source,) = briefing.sources
    assert source.title.flags == () and source.title.confidence == pytest.approx(0.951, abs=1e-3)
    # What Faulty did, counted from the source texts themselves:
    texts = {p.text.original for s in source.full_text for p in s.points}
    texts |= {s.heading.original for s in source.full_text if s.heading}
    texts |= {link.title.original for link in source.related}
    long = sum(len(t) > 40 and not t.startswith("米露首脳会談") for t in texts)
    short = sum(len(t) <= 40 for t in texts)
    summary = next(m for m in messages if m.startswith("quality: "))
    assert summary.startswith(f"quality: {1 + long + short} translated text(s) flagged (1 empty, ")
    assert f"{short} low confidence, {long} repetition, {short} untranslated)" in summary
    assert briefing.metadata.flagged == 1 + long + short
    out = briefing.save_docx(tmp_path / "b.docx")
    lines = docx_text(out).splitlines()
    marked = [line for line in lines if "⚠ check: " in line]
    assert any("⚠ check: repetition" in line for line in marked)
    assert any("⚠ check: empty" in line for line in marked)
    assert not any("In the end, just as Putin ordered ⚠" in line for line in lines)
