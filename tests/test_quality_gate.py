"""Quality gate: the cleaner's F1 on the shared bench must not fall below the floors in bench/floors.json.

The bench lives outside the repository (../shared/bench, or $CLEANER_BENCH_DATA); without it
these tests skip. Raise the floors with `bench/quality.py --update-floors` after an improvement.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CLEANER_BENCH_DATA") or REPO / ".." / "shared" / "bench").resolve()

if not (DATA / "ground-truth.json").exists():
    pytest.skip(f"benchmark data not found at {DATA}: set CLEANER_BENCH_DATA to the bench folder",
                allow_module_level=True)


def _load_quality():  # type: ignore[no-untyped-def]
    # bench/ is a folder of scripts, not a package: import the benchmark by path so the
    # gate scores exactly as `make bench-quality` does.
    import importlib.util
    import sys

    path = REPO / "bench" / "quality.py"
    spec = importlib.util.spec_from_file_location("bench_quality", path)
    assert spec is not None and spec.loader is not None, f"cannot import {path}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


quality = _load_quality()
FLOORS = quality.read_floors()
GATED = quality.gated()


@pytest.mark.parametrize(("key", "capture", "variant"), GATED, ids=[key for key, _, _ in GATED])
def test_f1_at_or_above_floor(key: str, capture: str, variant) -> None:  # type: ignore[no-untyped-def]
    assert key in FLOORS, f"bench/floors.json has no floor for {key!r}; run `python bench/quality.py --update-floors`"
    floor = FLOORS[key]["f1"]
    f1 = quality.cleaner_f1(DATA, capture, variant)
    assert f1 >= floor, (
        f"{variant.label} on {capture}: F1 {f1:.3f} is below the floor {floor:.2f} in bench/floors.json; "
        f"run `python bench/quality.py` to see precision, recall and the peers"
    )
