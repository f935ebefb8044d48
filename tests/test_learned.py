"""The learned layer: its weights load, match the code's features, and change decisions
only through the model's probability, with a reason --explain can show."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from cleaner import clean
from cleaner.classify import learned
from cleaner.classify.context import NAMES
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
    weights, threshold = model
    assert len(weights) == len(NAMES)
    assert 0.0 < threshold < 1.0
    data = json.loads(learned.WEIGHTS.read_text(encoding="utf-8"))
    assert set(data["cross_validated"]) == {"md", "txt", "md_no_default_rules", "txt_no_default_rules"}, "the weights must record their cross-validated figures"


def test_a_model_for_other_features_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "weights.json"
    bad.write_text(json.dumps({"features": ["x"], "weights": [1.0], "threshold": 0.5}), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        learned.load(str(bad))


def test_probability_is_a_logistic_of_the_weighted_sum() -> None:
    assert learned.probability((0.0, 0.0), [1.0, 5.0]) == pytest.approx(0.5)
    assert learned.probability((2.0, 0.0), [1.0, 5.0]) > 0.88
    assert learned.probability((-2.0, 0.0), [1.0, 5.0]) < 0.12


@pytest.mark.parametrize("use_model", [True, False])
def test_article_kept_and_menus_dropped_with_and_without_the_model(use_model: bool) -> None:
    doc = clean(ARTICLE, kind="text", settings=replace(DEFAULT, use_learned_model=use_model), explain=True)
    assert "despite the protests" in doc.text and "existing lines" in doc.text
    assert "Login" not in doc.text and "Privacy policy" not in doc.text
    probabilities = [b.features.get("model_p") for b in doc.blocks if b.text]
    assert any(p is not None for p in probabilities) == use_model
