"""End to end: the seed report in headless Chromium (Debian's `chromium`): a screenshot, and the
computed styles of kept and removed blocks at normal width and at 200% zoom.

Skips, saying why, where Chromium is missing. `make test` installs it where apt-get can.
"""
from __future__ import annotations

import json
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import lxml.html
import pytest

from cleaner import clean, default_rules
from cleaner.explain import explain
from cleaner.report import Entry, write_report

from .fixture_cases import cases

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install chromium; `make test` does it where apt-get runs as root)"
)
SEEDS = [c for c in cases() if c.slug.startswith("seed-")]

# Runs in a copy of the page only: the report itself carries no script. It writes what the
# browser computed into the DOM, which --dump-dom then prints.
PROBE = """<script>
const style = (sel) => { const el = document.querySelector(sel); if (!el) return null;
  const s = getComputedStyle(el); return {color: s.color, decoration: s.textDecorationLine, height: el.getBoundingClientRect().height}; };
const out = {
  kept: style("div.b.kept p.t"), removed: style("div.b.removed p.t del"), ruleTag: style(".tag.s-rule"),
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  openDetails: document.querySelectorAll("details[open]").length,
};
const pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out); document.body.append(pre);
</script>"""


def _chromium(*args: str, width: int, height: int) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", f"--window-size={width},{height}", *args]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report.html"
    entries = []
    for c in SEEDS:
        doc = clean(c.capture.read_bytes(), url=c.spec.get("url"), kind=c.spec.get("kind", "auto"), explain=True, source=str(c.capture))
        entries.append(Entry(str(c.capture), explain(doc)))
    write_report(entries, default_rules(), out)
    return out


def test_screenshot_renders(page: Path) -> None:
    shot = page.with_suffix(".png")
    _chromium(f"--screenshot={shot}", page.as_uri(), width=1280, height=1600)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 1600)
    assert len(data) > 40_000, f"screenshot is {len(data)} bytes: a blank page?"  # a white page is ~10 kB


@pytest.mark.parametrize("width", [1280, 640], ids=["100%", "200%-zoom"])
def test_titles_and_kept_and_removed_styles(page: Path, width: int) -> None:
    probe = page.with_name(f"probe-{width}.html")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _chromium("--dump-dom", probe.as_uri(), width=width, height=1000).stdout
    root = lxml.html.fromstring(dom)
    index = " ".join(root.cssselect("#index")[0].text_content().split())
    for c in SEEDS:
        title = c.spec.get("fields", {}).get("title")
        if title:
            assert " ".join(title.split()) in index, c.slug
    assert root.cssselect("div.b.kept") and root.cssselect("div.b.removed del")
    got = json.loads(root.get_element_by_id("probe").text_content())
    assert got["kept"]["decoration"] == "none" and got["kept"]["height"] > 0
    assert got["removed"]["decoration"] == "line-through" and got["removed"]["height"] > 0
    assert got["removed"]["color"] != got["kept"]["color"]  # greyed
    assert got["ruleTag"]["color"] == "rgb(179, 38, 30)"
    assert got["openDetails"] == 0  # features stay folded until asked for
    assert got["overflow"] <= 0, f"the page scrolls sideways by {got['overflow']}px at {width}px wide"
