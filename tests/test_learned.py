"""The learned layer: its weights load, match the code's features, and change decisions
only through the model's probability, with a reason --explain can show."""
from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from cleaner import clean
from cleaner.classify import learned, passes
from cleaner.classify.context import NAMES
from cleaner.model import Block, BlockKind
from cleaner.settings import DEFAULT

ARTICLE = "\n\n".join([
    "Home\nNews\nSport\nLogin",
    "The minister said on Tuesday that the government would not change its plans for the new railway line, despite the protests of the last weeks.",
    "She added that there was no reason to think that the talks would fail, because both of the parties had said that they wanted to reach an agreement.",
    "Critics of the project say that it will cost far more than the budget allows and that the money would be better spent on the existing lines.",
    "About us\nContact\nPrivacy policy",
])


def test_shipped_weights_match_the_features() -> None:
    model = learned.load()
    assert model is not None, "cleaner/classify/weights.json is missing"
    assert model.hidden.shape[0] == len(NAMES) == len(model.mean) == len(model.scale)
    assert model.hidden.shape[1] == len(model.output) == len(model.hidden_bias)
    assert 0.0 < model.threshold < 1.0
    data = json.loads(learned.WEIGHTS.read_text(encoding="utf-8"))
    readings = {"md", "txt", "md_no_default_rules", "txt_no_default_rules", "md_reread", "txt_reread"}
    corpora = {name.split("/")[0] for name in data["cross_validated"]}
    assert corpora >= {"bench", "wcxb-dev"}, "the weights must say which corpora they were trained on"
    assert set(data["cross_validated"]) == {f"{c}/{r}" for c in corpora for r in readings}, "the weights must record their cross-validated figures"
    assert {name.split("/")[0] for name in data["cross_corpus"]} == corpora, "and the figures of each corpus held out whole"


def test_a_model_for_other_features_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "weights.json"
    bad.write_text(json.dumps({"features": ["x"], "weights": [1.0], "threshold": 0.5}), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        learned.load(str(bad))


def _model(hidden: list[list[float]], output: list[float], output_bias: float = 0.0) -> learned.Model:
    n = len(hidden)
    return learned.Model(np.zeros(n), np.ones(n), np.array(hidden), np.zeros(len(output)), np.array(output), output_bias, 0.5)


def test_probability_is_a_logistic_of_the_hidden_units() -> None:
    rows = np.array([[1.0, 0.0], [1.0, 2.0], [1.0, -2.0]])
    silent = _model([[0.0], [0.0]], [0.0])
    assert silent.probabilities(rows) == pytest.approx([0.5, 0.5, 0.5])
    # One unit reading the second feature: p = logistic(3 * tanh(x)).
    model = _model([[0.0], [1.0]], [3.0])
    p = model.probabilities(rows)
    assert p[0] == pytest.approx(0.5)
    assert p[1] == pytest.approx(1.0 / (1.0 + np.exp(-3.0 * np.tanh(2.0))))
    assert p[2] == pytest.approx(1.0 - p[1])  # tanh is odd, the logistic symmetric
    assert p[2] < 0.1 < 0.9 < p[1]


def test_the_reason_is_the_feature_that_pushed_towards_dropping() -> None:
    n = len(NAMES)
    hidden = [[0.0] for _ in range(n)]
    link, stop = NAMES.index("link_share"), NAMES.index("stopword_share")
    hidden[link] = [-1.0]
    hidden[stop] = [0.5]
    model = _model(hidden, [2.0])
    row = np.zeros(n)
    row[0], row[link], row[stop] = 1.0, 0.9, 0.4
    assert model.strongest_against(row) == "link_share"


def test_the_json_form_reads_back_the_same() -> None:
    model = learned.load()
    assert model is not None
    again = learned.from_dict({"features": list(NAMES), **learned.to_dict(model)})
    rows = np.random.default_rng(1).normal(size=(5, len(NAMES)))
    assert again.probabilities(rows) == pytest.approx(model.probabilities(rows), abs=1e-6)


@pytest.mark.parametrize("use_model", [True, False])
def test_article_kept_and_menus_dropped_with_and_without_the_model(use_model: bool) -> None:
    doc = clean(ARTICLE, kind="text", settings=replace(DEFAULT, use_learned_model=use_model), explain=True)
    assert "despite the protests" in doc.text and "existing lines" in doc.text
    assert "Login" not in doc.text and "Privacy policy" not in doc.text
    probabilities = [b.features.get("model_p") for b in doc.blocks if b.text]
    assert any(p is not None for p in probabilities) == use_model


def test_good_runs_give_each_good_block_its_runs_characters() -> None:
    from cleaner.classify.context import _good_runs

    runs = _good_runs(np.array([10.0, 20.0, 5.0, 7.0, 3.0, 4.0]), np.array([1.0, 1.0, 0.0, 1.0, 0.0, 1.0]))
    assert runs.tolist() == [30.0, 30.0, 0.0, 7.0, 0.0, 4.0]
    assert _good_runs(np.array([8.0]), np.array([0.0])).tolist() == [0.0]


def test_long_prose_the_passes_kept_stays_whatever_the_model_says(monkeypatch: pytest.MonkeyPatch) -> None:
    # A model that drops every line with a photo credit in it.
    hidden = [[0.0] for _ in NAMES]
    hidden[NAMES.index("credit")] = [1.0]
    monkeypatch.setattr(learned, "load", lambda *a: _model(hidden, [-20.0], output_bias=5.0))
    story = [f"The council met on Tuesday and voted on the budget, part {k} of the story said." for k in range(4)]
    long = " ".join(f"Keeping warm in a hammock is harder than you think, part {k} of the guide says." for k in range(20))
    credited = long + " – Photo Credit: Taylor Passofaro (CleverHiker.com)"
    caption = "A hammock hung between two pines. Photo credit: Casey Handley"
    assert len(credited) >= DEFAULT.model_keep_min_chars
    page = "\n\n".join([*story[:2], credited, caption, *story[2:]]) + "\n"
    doc = clean(page, kind="text", explain=True)
    reasons = {b.text[:12]: b.drop.reason if b.drop else None for b in doc.blocks if b.text}
    assert reasons["Keeping warm"] is None  # long prose: kept
    assert reasons["A hammock hu"] == "model:credit"  # a caption: dropped
    off = clean(page, kind="text", settings=replace(DEFAULT, model_keep_min_chars=0), explain=True)
    assert [b.drop.reason for b in off.blocks if b.text.startswith("Keeping warm") and b.drop] == ["model:credit"]


def test_a_run_of_headlines_is_no_long_prose() -> None:
    # A "trending" box flattened onto one line: headlines one after another, a few of them
    # ending in a stop or a question mark. It is as long as prose, but Title Case.
    heads = " ".join(f"The Real Skill In Programming Is Debugging Number {k}. Everything Else Is Copy Paste" for k in range(14))
    block = Block(BlockKind.PARAGRAPH, heads, heads, 1, 1)
    block.features = {"title_case_share": 0.9}
    assert len(heads) >= DEFAULT.model_keep_min_chars
    assert not passes._long_prose(block, DEFAULT)
    block.features = {"title_case_share": 0.2}
    assert passes._long_prose(block, DEFAULT)
