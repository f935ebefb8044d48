"""bench/audit.py on a tiny wcxb-style corpus: each dropped block's shingles split into real
text lost and boilerplate removed, by drop reason."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from . import bench_scripts
from .test_bench_quality import SCORER, tiny_wcxb
from .texts import GOOD_1, GOOD_2, GOOD_3

AFTER = "The second answer says that the vote was held on Monday and that most of the members were there to see it."

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason=f"no score.py at {SCORER}")


def test_a_cut_that_takes_real_text_is_charged_for_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    audit = bench_scripts.load("audit")
    data = tiny_wcxb(tmp_path)
    # The second page's truth runs on past its "Leave a comment" line, which cuts the rest.
    truth = json.loads((data / "ground-truth.json").read_text())
    truth["w0002"]["articleBody"] = f"{GOOD_3}\n\n{GOOD_2}\n\n{GOOD_1}\n\n{AFTER}"
    (data / "ground-truth.json").write_text(json.dumps(truth))
    (data / "md" / "w0002.md").write_text(f"Home About Contact\n\n# Talks and votes\n\n{GOOD_3}\n\n{GOOD_2}\n\n{GOOD_1}\n\nLeave a comment\n\n{AFTER}\n")
    # The first page prints its first paragraph twice: the copy costs no real text.
    first = (data / "md" / "w0001.md").read_text()
    (data / "md" / "w0001.md").write_text(first + f"\n{GOOD_1}\n")
    scorer = bench_scripts.load("corpora").import_by_path("bench_score", tmp_path / "bench" / "score.py")
    corpus = bench_scripts.load("corpora").Corpus.load(data, scorer)
    tally = audit.audit(corpus, "md", tmp_path / "bench" / "score.py", jobs=1)
    cut = tally["w0002"]["rule:tagdiv.leave-reply"]
    lost = len(scorer.tokenize(AFTER)) - scorer.SHINGLE_N + 1
    assert cut == [2, lost, 1]  # the marker (one shingle, not in the truth) and the sentence after it
    assert "rule:tagdiv.leave-reply" not in tally["w0001"]
    copy = tally["w0001"]["classifier:duplicate"]
    assert copy[:2] == [1, 0] and copy[2] == len(scorer.tokenize(GOOD_1)) - scorer.SHINGLE_N + 1
    assert audit.main(["--data", str(data), "--kind", "md", "--jobs", "1", "--min-blocks", "1"]) == 0
    out = capsys.readouterr().out
    assert f"| rule:tagdiv.leave-reply | 2 | {lost} | 1 | 0.0" in out
