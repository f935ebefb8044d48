"""Regenerate fixtures/*/expected.{txt,json} and print what changed (`make goldens`).

The hand-written case.yaml files are never touched: they keep checking what must stay
and what must go, whatever the goldens say. Review `git diff fixtures/` before committing.
"""
from __future__ import annotations

import difflib
import sys

from .fixture_cases import cases, golden_meta, render_meta


def main() -> int:
    changed = 0
    for case in cases():
        doc = case.run()
        outputs = {"expected.txt": doc.text + "\n", "expected.json": render_meta(golden_meta(doc))}
        for name, new in outputs.items():
            path = case.folder / name
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old == new:
                continue
            changed += 1
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{case.slug}/{name}", f"b/{case.slug}/{name}"))
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_text(new, encoding="utf-8")
            tmp.replace(path)
    print(f"{changed} golden file(s) changed" if changed else "goldens unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
