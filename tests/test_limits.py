"""cleaner.limits: the per-document time limit (SIGALRM in the main thread, check() elsewhere)."""
from __future__ import annotations

import re
import signal
import threading
import time

import pytest

from cleaner import DocumentTimeout, clean
from cleaner.limits import check, time_limit
from cleaner.ruleset import RuleSet

ARTICLE = (
    "The minister said on Tuesday that the government would not change its plans for the budget, and that "
    "it was up to the parliament to decide what should happen next with all of the money.\n"
)


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_slow_block_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(DocumentTimeout, match="0.2 s time limit"):
        with time_limit(0.2):
            spin(5)
    assert time.monotonic() - started < 2


def test_backtracking_in_pythons_re_is_interrupted() -> None:
    # The classic exponential pattern: sre checks for signals while it backtracks.
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2):
            re.match(r"(a+)+$", "a" * 40 + "b")


@pytest.mark.parametrize("seconds", [None, 0])
def test_no_limit(seconds: float | None) -> None:
    with time_limit(seconds):
        spin(0.05)
    check()


def test_the_timer_and_the_handler_are_restored() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        pass
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    check()  # no limit is left behind


def test_an_inner_limit_never_extends_an_outer_one() -> None:
    with pytest.raises(DocumentTimeout, match="0.2 s"):
        with time_limit(0.2):
            with time_limit(30):
                spin(5)


def test_an_outer_timer_is_rearmed_after_an_inner_limit() -> None:
    with time_limit(30):
        with pytest.raises(DocumentTimeout, match="0.1 s"):
            with time_limit(0.1):
                spin(5)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < left <= 30


def test_in_a_thread_check_stops_at_the_next_step() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(0.1):
                spin(0.3)  # no alarm can interrupt a thread...
                check()  # ...but the next step's check sees the deadline
        except DocumentTimeout as exc:
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert len(errors) == 1


def test_clean_under_a_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.pipeline

    real = cleaner.pipeline.segment

    def slow_segment(*args, **kwargs):  # type: ignore[no-untyped-def]
        spin(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(cleaner.pipeline, "segment", slow_segment)
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2):
            clean(ARTICLE, rules=RuleSet())


def test_a_normal_document_is_well_inside_the_limit() -> None:
    with time_limit(30):
        doc = clean(ARTICLE * 5, rules=RuleSet())
    assert "minister" in doc.text
