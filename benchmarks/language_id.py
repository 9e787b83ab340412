"""Language identification of single sentences: briefgen's common-word rule vs py3langid.

    pip install py3langid   # only for this comparison
    python benchmarks/language_id.py

What briefgen has to decide per sentence: is this sentence in the language of its
source, or English (kept untranslated)? And per source: which Latin-script language?
Sentences: the German and French news texts of ../shared/eval (every sentence of
five words or more, cut by briefgen's segmenter), and sentences written for this
benchmark in English, Spanish, Italian, Portuguese and Dutch (below: short news
sentences, like the quotes and captions that end up alone). Reported: accuracy per
language over {en, de, fr, es, it, pt, nl}, and the cost of each detector (install
size, time to first answer, time per sentence).
"""

from __future__ import annotations

import time
from pathlib import Path

from corpus import EVAL

from briefgen.text import split_sentences
from briefgen.text.detect import latin_language

WRITTEN = {
    "en": [
        "The minister said the plan would be ready by the end of the month.",
        "Officials expect the talks to continue next week in Brussels.",
        "Prices rose faster than expected in the second quarter.",
        "We will not accept any delay to the agreement.",
        "The company reported a loss for the first time in ten years.",
        "Police closed the road after the accident on Monday night.",
        "It is too early to say whether the policy has worked.",
        "Voters in the north turned out in record numbers.",
        "The bank cut its forecast for growth this year.",
        "Both sides agreed to meet again after the summer.",
    ],
    "es": [
        "El ministro dijo que el plan estaría listo a finales de mes.",
        "Las autoridades esperan que las conversaciones continúen la próxima semana.",
        "Los precios subieron más de lo previsto en el segundo trimestre.",
        "No aceptaremos ningún retraso en el acuerdo.",
        "La empresa registró pérdidas por primera vez en diez años.",
        "La policía cerró la carretera tras el accidente del lunes por la noche.",
        "Es demasiado pronto para saber si la política ha funcionado.",
        "Los votantes del norte acudieron a las urnas en cifras récord.",
        "El banco rebajó su previsión de crecimiento para este año.",
        "Ambas partes acordaron reunirse de nuevo después del verano.",
    ],
    "it": [
        "Il ministro ha detto che il piano sarà pronto entro la fine del mese.",
        "Le autorità si aspettano che i colloqui continuino la settimana prossima.",
        "I prezzi sono saliti più del previsto nel secondo trimestre.",
        "Non accetteremo alcun ritardo sull'accordo.",
        "L'azienda ha registrato una perdita per la prima volta in dieci anni.",
        "La polizia ha chiuso la strada dopo l'incidente di lunedì sera.",
        "È troppo presto per dire se la politica abbia funzionato.",
        "Gli elettori del nord si sono recati alle urne in numero record.",
        "La banca ha tagliato le previsioni di crescita per quest'anno.",
        "Le due parti hanno concordato di incontrarsi di nuovo dopo l'estate.",
    ],
    "pt": [
        "O ministro disse que o plano estaria pronto no fim do mês.",
        "As autoridades esperam que as negociações continuem na próxima semana.",
        "Os preços subiram mais do que o esperado no segundo trimestre.",
        "Não aceitaremos nenhum atraso no acordo.",
        "A empresa registrou prejuízo pela primeira vez em dez anos.",
        "A polícia fechou a estrada depois do acidente na segunda-feira à noite.",
        "É cedo demais para dizer se a política funcionou.",
        "Os eleitores do norte compareceram em número recorde.",
        "O banco reduziu a sua previsão de crescimento para este ano.",
        "As duas partes concordaram em voltar a reunir-se depois do verão.",
    ],
    "nl": [
        "De minister zei dat het plan eind deze maand klaar zou zijn.",
        "De autoriteiten verwachten dat de gesprekken volgende week doorgaan.",
        "De prijzen stegen in het tweede kwartaal sneller dan verwacht.",
        "Wij zullen geen enkele vertraging van het akkoord aanvaarden.",
        "Het bedrijf leed voor het eerst in tien jaar verlies.",
        "De politie sloot de weg af na het ongeluk op maandagavond.",
        "Het is te vroeg om te zeggen of het beleid heeft gewerkt.",
        "Kiezers in het noorden kwamen in recordaantallen naar de stembus.",
        "De bank verlaagde haar groeiverwachting voor dit jaar.",
        "Beide partijen spraken af elkaar na de zomer opnieuw te zien.",
    ],
}


def sentences() -> dict[str, list[str]]:
    found = {code: list(lines) for code, lines in WRITTEN.items()}
    for code, name in (("de", "de01_*.txt"), ("fr", "fr01_*.txt")):
        (path,) = (EVAL / "other").glob(name)
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        cut = [s for line in lines for s, _ in split_sentences(line)]
        found[code] = [s for s in cut if len(s.split()) >= 5]
    return found


def accuracy(detect: object, data: dict[str, list[str]]) -> dict[str, float]:
    return {
        code: sum(detect(s) == code for s in lines) / len(lines)  # type: ignore[operator]
        for code, lines in data.items()
    }


def main() -> None:
    data = sentences()
    codes = sorted(data)
    print("| detector | " + " | ".join(f"{c} (n={len(data[c])})" for c in codes) + " | mean |")
    print("|---" * (len(codes) + 2) + "|")
    rows = [("briefgen common words", latin_language)]
    try:
        import py3langid

        started = time.perf_counter()
        py3langid.classify("warm up")
        load = time.perf_counter() - started
        py3langid.set_languages(codes)  # the same candidates as briefgen's rule
        rows.append(("py3langid (same 7 languages)", lambda s: py3langid.classify(s)[0]))
        size = sum(f.stat().st_size for f in Path(py3langid.__file__).parent.rglob("*"))
    except ImportError:
        load, size = 0.0, 0
        print("(py3langid is not installed: pip install py3langid)")
    for name, detect in rows:
        scores = accuracy(detect, data)
        mean = sum(scores.values()) / len(scores)
        cells = " | ".join(f"{scores[c]:.2f}" for c in codes)
        print(f"| {name} | {cells} | {mean:.2f} |")
    all_sentences = [s for lines in data.values() for s in lines]
    for name, detect in rows:
        started = time.perf_counter()
        for sentence in all_sentences:
            detect(sentence)
        per = (time.perf_counter() - started) / len(all_sentences) * 1e6
        print(f"{name}: {per:.0f} µs per sentence")
    if size:
        print(f"py3langid: {size / 1e6:.1f} MB installed, first answer after {load:.2f} s")


if __name__ == "__main__":
    main()
