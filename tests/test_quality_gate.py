"""Quality gate: the cleaner's F1 must not fall below the floors in bench/floors.json.

Gated here: every cleaner variant on the shared bench (../shared/bench, or $CLEANER_BENCH_DATA),
and the cleaner on a fixed subset of wcxb-dev (every GATE_STEP-th page in sorted order;
../shared/wcxb-dev, or $CLEANER_WCXB_DATA). The whole of wcxb-dev takes minutes, so its floors
are checked by `make bench-quality`. Without a corpus its tests skip. Raise the floors with
`bench/quality.py --update-floors` after an improvement.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from . import bench_scripts

REPO = Path(__file__).resolve().parents[1]
FOLDERS = {
    "bench": Path(os.environ.get("CLEANER_BENCH_DATA") or REPO / ".." / "shared" / "bench").resolve(),
    "wcxb-dev": Path(os.environ.get("CLEANER_WCXB_DATA") or REPO / ".." / "shared" / "wcxb-dev").resolve(),
}

if not any((folder / "ground-truth.json").exists() for folder in FOLDERS.values()):
    pytest.skip(f"no benchmark data at {[str(f) for f in FOLDERS.values()]}: set CLEANER_BENCH_DATA / CLEANER_WCXB_DATA",
                allow_module_level=True)


quality = bench_scripts.load("quality")
FLOORS = quality.read_floors()
GATED = quality.gated()


@pytest.mark.parametrize("gate", GATED, ids=[gate.key for gate in GATED])
def test_f1_at_or_above_floor(gate) -> None:  # type: ignore[no-untyped-def]
    data = FOLDERS[gate.corpus]
    if not (data / "ground-truth.json").exists():
        pytest.skip(f"{gate.corpus} not found at {data}")
    assert gate.key in FLOORS, f"bench/floors.json has no floor for {gate.key!r}; run `python bench/quality.py --update-floors`"
    floor = FLOORS[gate.key]["f1"]
    f1 = quality.cleaner_f1(data, gate.capture, gate.variant, gate.step)
    assert f1 >= floor, (
        f"{gate.variant.label} on {gate.corpus} {gate.capture} (every {gate.step} page(s)): F1 {f1:.3f} is below the "
        f"floor {floor:.2f} in bench/floors.json; run `python bench/quality.py` to see precision, recall and the peers"
    )


def test_every_gate_has_a_floor() -> None:
    """A new gate without a pinned floor would otherwise fail only where its corpus is present."""
    missing = [gate.key for gate in GATED if gate.key not in FLOORS]
    assert not missing, f"bench/floors.json has no floor for {missing}; run `python bench/quality.py --update-floors`"
