"""How often each glossary technique gets the glossary's English into the output.

    python benchmarks/glossary.py

For every sentence holding a glossary term, the share of (sentence, term) pairs
whose translation contains the glossary's English, by technique alone
(placeholder; post-edit of the model's own rendering of the term) and for
briefgen's combination (post-edit, then placeholder, then a ``[term: English]``
note, which by construction always holds the English). Run on the seed with the
demo model (text it knows) and on the Japanese texts of ../shared/eval with the
demo model and with the random Transformer-base package (text they do not know).
The glossary's English forms differ from the demo model's own ("V. Putin", not
"Putin"), so a hit means the technique worked, not that the model already said it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from base_model import OUT as BASE_PACKAGE  # noqa: E402
from corpus import japanese_sentences  # noqa: E402

from briefgen.text import split_sentences  # noqa: E402
from briefgen.translate.argos import ArgosTranslator  # noqa: E402
from briefgen.translate.glossary import (  # noqa: E402
    Glossary,
    GlossaryTranslator,
    _Plan,
    contains_word,
)

SEED_TERMS = {
    "プーチン": "V. Putin",
    "トランプ": "D. Trump",
    "アラスカ": "State of Alaska",
    "上海協力機構": "SCO",
    "ウクライナ": "Ukr.",
    "キリル・ドミトリエフ": "K. Dmitriev",
}
EVAL_TERMS = {
    "東芝": "Toshiba Corp.",
    "パキスタン": "Islamic Republic of Pakistan",
    "ブットー": "B. Bhutto",
    "はやぶさ": "Hayabusa probe",
    "宇宙航空研究開発機構": "JAXA",
    "東京都": "Tokyo Metropolitan Government",
    "新型コロナウイルス": "COVID-19",
    "オウム真理教": "Aum Shinrikyo",
}


def seed_sentences() -> list[str]:
    text = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines()[1:] if line.strip()]
    return [s for line in lines for s, _ in split_sentences(line)]


def measure(
    label: str, translator: ArgosTranslator, texts: Sequence[str], glossary: Glossary
) -> None:
    pairs = [(t, term, english) for t in texts for term, english in glossary.terms_in(t)]
    with_terms = list(dict.fromkeys(t for t, _, _ in pairs))
    if not with_terms:
        print(f"{label}: no glossary term occurs")
        return
    plans = {t: _Plan.make(t, glossary) for t in with_terms}
    batch = list(dict.fromkeys(x for plan in plans.values() for x in plan.model_texts()))
    out = dict(zip(batch, translator.translate_scored(batch), strict=True))
    combined = dict(
        zip(with_terms, GlossaryTranslator(translator, glossary).translate(with_terms), strict=True)
    )
    hits = {"placeholder": 0, "post-edit": 0, "briefgen": 0}
    for text, term, english in pairs:
        plan = plans[text]
        restored = out[plan.masked].english
        for placeholder, (_, target) in zip(plan.placeholders, plan.terms, strict=True):
            restored = restored.replace(placeholder, target)
        hits["placeholder"] += english in restored
        rendering = out[term].english.strip().rstrip(".")
        hits["post-edit"] += bool(rendering) and contains_word(out[text].english, rendering)
        hits["briefgen"] += english in combined[text]
    shares = "  ".join(f"{k} {v / len(pairs):.0%}" for k, v in hits.items())
    print(f"{label:<44} {len(pairs):4d} term occurrences   {shares}")


def main() -> None:
    demo = ArgosTranslator.from_path(ROOT / "demo-model" / "translate-ja_en-demo.argosmodel")
    seed_glossary = Glossary.from_pairs(SEED_TERMS)
    eval_glossary = Glossary.from_pairs(EVAL_TERMS)
    measure("seed, demo model (text it knows)", demo, seed_sentences(), seed_glossary)
    eval_texts = japanese_sentences()
    measure("shared/eval, demo model (unseen text)", demo, eval_texts, eval_glossary)
    if BASE_PACKAGE.exists():
        base = ArgosTranslator.from_path(BASE_PACKAGE)
        measure("shared/eval, random base model (unseen)", base, eval_texts, eval_glossary)
    else:
        print(f"{BASE_PACKAGE}: missing (python benchmarks/base_model.py); row skipped")


if __name__ == "__main__":
    main()
