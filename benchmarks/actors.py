"""Actor precision and recall against the hand-written gold in benchmarks/gold/.

    python benchmarks/actors.py

A gold actor is found when briefgen lists an actor whose name is the gold name or one
of its aliases (each gold actor counted once); the kind is reported, not required.
Precision: briefgen actors that are some gold actor / briefgen actors. The texts are
the seed, public texts read from ../shared/eval (named in each gold file), and texts
written for briefgen (gold/written/, text and gold side by side).
"""

from __future__ import annotations

import sys
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

from briefgen.ingest import read_source  # noqa: E402
from briefgen.summarize.actors import actors  # noqa: E402
from briefgen.text import segment_source  # noqa: E402


def score(gold_file: Path) -> tuple[float, float, float, list[str]] | None:
    gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))
    if "actors" not in gold:
        return None
    path = (ROOT / gold["text"]).resolve()
    if not path.exists():
        sys.exit(f"{path}: the annotated text is missing")
    source = read_source(path)
    found = actors(segment_source(source), source.language, title=source.title)
    forms = {a["name"]: {a["name"], *a.get("aliases", [])} for a in gold["actors"]}
    kinds = {a["name"]: a["kind"] for a in gold["actors"]}
    names = {a.name: a.kind for a in found}
    hits = {g for g, f in forms.items() if f & names.keys()}
    right_kind = sum(1 for g in hits if any(names[n] == kinds[g] for n in forms[g] & names.keys()))
    known = set().union(*forms.values())
    notes = [f"missed   {g} ({kinds[g]})" for g in forms if g not in hits]
    notes += [f"extra    {n} ({k})" for n, k in names.items() if n not in known]
    precision = sum(1 for n in names if n in known) / len(names) if names else 0.0
    return precision, len(hits) / len(forms), right_kind / len(hits) if hits else 0.0, notes


def main() -> None:
    print(f"{'text':<48} {'precision':>9} {'recall':>7} {'kind ok':>7}")
    gold_files = sorted((HERE / "gold").glob("*.toml"))
    gold_files += sorted((HERE / "gold" / "written").glob("*.toml"))
    for gold_file in gold_files:
        result = score(gold_file)
        if result is None:
            continue
        precision, recall, kind, notes = result
        print(f"{gold_file.stem:<48} {precision:9.2f} {recall:7.2f} {kind:7.2f}")
        if "-v" in sys.argv:
            for line in notes:
                print(f"    {line}")


if __name__ == "__main__":
    main()
