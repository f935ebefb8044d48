"""A small neural network over the context features, trained by bench/train.py.

One hidden layer of tanh units over the standardised features, then a logistic output.
The weights ship as weights.json beside this file. The model sees the heuristic passes'
labels among its inputs, so it corrects them rather than replacing them. A hidden layer
lets it combine signals a weighted sum cannot ("a short line" is boilerplate inside a
comment thread but a subheading inside the article).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .context import NAMES

WEIGHTS = Path(__file__).with_name("weights.json")


@dataclass(frozen=True)
class Model:
    mean: np.ndarray  # per feature, subtracted before scaling
    scale: np.ndarray  # per feature, divided by
    hidden: np.ndarray  # features x units
    hidden_bias: np.ndarray  # units
    output: np.ndarray  # units
    output_bias: float
    threshold: float  # keep a block when its probability is at least this

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """The probability that each row's block belongs to the article."""
        # einsum, not @: on a long page OpenBLAS splits the product over threads that then
        # spin, which doubled the CPU time of the whole text path and halved what --jobs 2
        # gained. einsum's own loop is single-threaded and still well under 1% of the time.
        hidden = np.tanh(np.einsum("ij,jk->ik", self._standardised(rows), self.hidden) + self.hidden_bias)
        z = hidden @ self.output + self.output_bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))

    def strongest_against(self, row: np.ndarray) -> str:
        """The feature that pushed hardest towards dropping (gradient times input, measured
        from the average block): the reason --explain shows."""
        x = self._standardised(row[None, :])[0]
        slope = 1.0 - np.tanh(x @ self.hidden + self.hidden_bias) ** 2
        contribution = x * (self.hidden @ (self.output * slope))
        return NAMES[1 + int(contribution[1:].argmin())]  # the method: np.argmin's dispatch cost more

    def _standardised(self, rows: np.ndarray) -> np.ndarray:
        return (rows - self.mean) / self.scale


@functools.lru_cache(maxsize=1)
def load(path: str = str(WEIGHTS)) -> Model | None:
    """The shipped model, or None when none ships. A model built for other features is
    refused rather than silently misread."""
    data = read_weights(path, NAMES, "bench/train.py")
    return None if data is None else from_dict(data)


def read_weights(path: str, names: tuple[str, ...], trainer: str) -> dict[str, Any] | None:
    """A shipped weights file, or None when none ships; one made for other features than
    `names` is refused rather than silently misread (`trainer` makes it anew)."""
    p = Path(path)
    if not p.is_file():
        return None
    data: dict[str, Any] = json.loads(p.read_text(encoding="utf-8"))
    if tuple(data["features"]) != names:
        raise ValueError(f"{p}: the model's features differ from the code's; retrain with {trainer}")
    return data


def from_dict(data: dict[str, Any]) -> Model:
    hidden = np.asarray(data["hidden"], dtype=float)
    if hidden.shape[0] != len(data["features"]):
        raise ValueError("the model's hidden layer does not match its features; retrain with bench/train.py")
    return Model(
        mean=np.asarray(data["mean"], dtype=float),
        scale=np.asarray(data["scale"], dtype=float),
        hidden=hidden,
        hidden_bias=np.asarray(data["hidden_bias"], dtype=float),
        output=np.asarray(data["output"], dtype=float),
        output_bias=float(data["output_bias"]),
        threshold=float(data["threshold"]),
    )


def to_dict(model: Model) -> dict[str, Any]:
    """The JSON form, rounded: six decimals change no decision on the dev bench."""
    def r(a: np.ndarray) -> list[Any]:
        return np.round(a, 6).tolist()

    return {
        "mean": r(model.mean), "scale": r(model.scale), "hidden": r(model.hidden),
        "hidden_bias": r(model.hidden_bias), "output": r(model.output),
        "output_bias": round(model.output_bias, 6), "threshold": model.threshold,
    }
