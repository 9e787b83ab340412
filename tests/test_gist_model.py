"""The gist's sentence model: the shipped weights, the features, and the script that
trains them. Speeches written for these tests (none from the evaluation data)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from briefgen.model import Sentence
from briefgen.summarize.gist import candidate_features, make_gist, sentence_role
from briefgen.summarize.gist_model import GistModel, shipped_model
from briefgen.text.tokenize import content_words

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "train_gist_model.py"
SHIPPED = ROOT / "src" / "briefgen" / "summarize" / "gist_model.json"


def sentences(*texts: str) -> list[Sentence]:
    found, start = [], 0
    for i, text in enumerate(texts):
        found.append(Sentence(f"s{i}", text, (start, start + len(text)), 0, i))
        start += len(text)
    return found


def model_scores(speech: list[Sentence], model: GistModel, budget: int = 50) -> list[float]:
    roles = {s.id: sentence_role(s.text) for s in speech}
    words = {s.id: content_words(s.text, "ja") for s in speech}
    scores = dict.fromkeys(roles, 0.5)
    features = candidate_features(speech, scores, roles, words, budget)
    return [model.score(f) for f in features]


QUESTION = sentences(
    "おはようございます。本日はよろしくお願いいたします。",
    "次に、公園の防災機能について伺います。",
    "大きな地震の際、近くの公園に避難する住民は少なくありません。",
    "しかし、多くの公園には水や毛布の備えがなく、夜を過ごすことは難しいのが実情です。",
    "公園に防災倉庫を整備し、避難者を受け入れる体制をつくるべきと考えますが、見解を伺います。",
)
ANSWER = sentences(
    "公園の防災機能についてでございますが、都はこれまで、避難場所となる公園の整備を進めてまいりました。",
    "昨年の震災では、多くの帰宅困難者が公園に集まりました。",
    "今後は、区と連携し、防災倉庫の設置と非常用電源の整備を計画的に進めてまいります。",
)


def test_the_shipped_model_loads_and_names_its_features() -> None:
    model = shipped_model()
    assert model is shipped_model()  # read once
    shipped = json.loads(SHIPPED.read_text("utf-8"))
    weights = shipped["weights"]
    assert dict(model.weights) == weights and len(weights) >= 20
    assert dict(model.clause_weights) == shipped["clause_weights"]
    assert {"first", "last", "length", "end=te"} <= set(model.clause_weights)
    features = candidate_features(
        QUESTION,
        dict.fromkeys((s.id for s in QUESTION), 0.5),
        {s.id: sentence_role(s.text) for s in QUESTION},
        {s.id: content_words(s.text, "ja") for s in QUESTION},
        50,
    )
    # The ask's score is the dot product of its features with the weights.
    ask = features[4]
    assert len(set(ask) & set(weights)) >= 10
    assert model.score(ask) == sum(weights.get(k, 0.0) * v for k, v in ask.items())
    assert features[4]["role=ask"] == 1.0 and features[4]["last"] == 1.0
    assert features[0]["role=greeting"] == 1.0 and features[0]["first"] == 1.0


def test_the_ask_outranks_the_greeting_and_the_background() -> None:
    scores = model_scores(QUESTION, shipped_model())
    assert scores[4] == max(scores)
    assert scores[4] > scores[0] and scores[4] > scores[2]


def test_the_decision_outranks_the_past() -> None:
    scores = model_scores(ANSWER, shipped_model())
    assert scores[2] == max(scores)


def test_the_speech_gist_is_the_ask_compressed() -> None:
    roles = {s.id: sentence_role(s.text) for s in QUESTION}
    gist = make_gist(QUESTION, {s.id: 0.5 for s in QUESTION}, "ja", 50, roles=roles)
    # The ask, compressed, and what room is left (in the text's order).
    assert gist.endswith("公園に防災倉庫を整備し、避難者を受け入れる体制をつくるべき。")
    assert "おはよう" not in gist and "伺" not in gist and len(gist) <= 50


def test_a_given_model_orders_the_sentences() -> None:
    # A model that only likes the first sentence of a speech picks it.
    first = GistModel({"first": 5.0})
    gist = make_gist(ANSWER, {s.id: 0.5 for s in ANSWER}, "ja", 60, model=first)
    assert gist.startswith("都はこれまで")


# A tiny made-up training set: in each speech the summary repeats the ask (questions)
# or the decision (answers); the other sentences are background.
SYNTHETIC = [
    {
        "id": "q1",
        "meeting": "A",
        "limit": 50,
        "lines": [
            "次に、図書館について伺います。",
            "図書館の利用者は年々減っております。",
            "開館時間を延長し、学習の場として活用すべきと考えますが、見解を伺います。",
        ],
        "summary": "開館時間を延長し学習の場として活用すべき。",
    },
    {
        "id": "a1",
        "meeting": "A",
        "limit": 50,
        "lines": [
            "図書館についてでございますが、利用者が減っていることは承知しております。",
            "来年度から、開館時間を夜九時まで延長してまいります。",
        ],
        "summary": "来年度から開館時間を夜九時まで延長。",
    },
    {
        "id": "q2",
        "meeting": "B",
        "limit": 50,
        "lines": [
            "最後に、歩道の安全について伺います。",
            "通学路では自転車と歩行者の事故が起きております。",
            "自転車専用の通行帯を整備すべきと考えますが、所見を伺います。",
        ],
        "summary": "自転車専用の通行帯を整備すべき。",
    },
    {
        "id": "a2",
        "meeting": "B",
        "limit": 50,
        "lines": [
            "歩道の安全についてでございますが、事故の多くは朝の時間帯に起きております。",
            "今後、警察と連携し、通学路に自転車の通行帯を設けてまいります。",
        ],
        "summary": "警察と連携し通学路に自転車の通行帯を設ける。",
    },
]


def test_the_training_script_is_deterministic_and_writes_the_shipped_format(
    tmp_path: Path,
) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text(
        "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in SYNTHETIC), "utf-8"
    )
    built = []
    for name in ("one.json", "two.json"):
        subprocess.run(
            [sys.executable, str(SCRIPT), "--data", str(data), "--out", str(tmp_path / name)],
            check=True,
            capture_output=True,
        )
        built.append((tmp_path / name).read_bytes())
    assert built[0] == built[1]
    model = json.loads(built[0])
    shipped = json.loads(SHIPPED.read_text("utf-8"))
    assert set(model) == set(shipped) and model["settings"] == shipped["settings"]
    assert model["items"] == 4 and model["clause_weights"]
    # What it learned from the four speeches: the ask and the decision come first.
    learned = GistModel(model["weights"])
    question = sentences(*SYNTHETIC[2]["lines"])  # type: ignore[misc]
    scores = model_scores(question, learned)
    assert scores[2] > scores[1]
    # One sitting only: a different model, from the two speeches of sitting A.
    subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--data",
            str(data),
            "--meeting",
            "A",
            "--out",
            str(tmp_path / "a.json"),
        ],
        check=True,
        capture_output=True,
    )
    assert json.loads((tmp_path / "a.json").read_text("utf-8"))["items"] == 2
