"""Errors that map to exit codes. Anything else escaping the pipeline is a bug."""
from __future__ import annotations


class CleanerError(Exception):
    exit_code = 1


class InputError(CleanerError):
    """The input cannot be read or decoded (exit 3)."""

    exit_code = 3


class DocumentTimeout(InputError):
    """Cleaning one document took longer than the time limit (an error record, exit 3)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"took longer than the {seconds:g} s time limit")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return DocumentTimeout, (self.seconds,)


class OutputError(CleanerError):
    """An output cannot be written: a folder that cannot be written, a full disk (exit 4).
    Nothing is left half-written."""

    exit_code = 4


class RuleError(CleanerError):
    """A rule file is invalid (exit 2). The message names the file, line and rule id."""

    exit_code = 2

    def __init__(self, path: str, message: str, *, line: int | None = None, rule_id: str | None = None):
        self.path, self.line, self.rule_id = path, line, rule_id
        where = path if line is None else f"{path}:{line}"
        who = f" rule {rule_id!r}:" if rule_id else ""
        super().__init__(f"{where}:{who} {message}")
