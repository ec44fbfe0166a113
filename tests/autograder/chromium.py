"""Headless Chromium (Debian's /usr/bin/chromium) for tests that look at a page as a reader's
browser shows it.

`look(page, folder)` opens the page twice:

1. A copy whose Content-Security-Policy lets one script run, the probe (by its nonce; the
   policy is otherwise the page's own), dumped with --dump-dom. The probe records every error
   event (a script error, a resource that failed to load), every CSP refusal (a script or a
   fetch the page's policy blocks: what an escaping bug would let a student's text inject) and
   every console.error/warn. Once the page has loaded it measures each figure, writes what it
   found into the DOM and logs it to the console: seeing that line on stderr proves that the
   console channel of step 2 works.
2. The page itself, unchanged, with --screenshot at the page's full height and its console
   logged to stderr (--enable-logging=stderr --v=0). The page runs no script, so any CONSOLE
   line (a CSP refusal, an "Uncaught ..." error) is a problem. Chromium's own noise on stderr
   (D-Bus, GPU) is not a console line and is ignored.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import subprocess
from pathlib import Path

import numpy as np
from matplotlib import image

from autograder.page import POLICY

CHROMIUM = Path("/usr/bin/chromium")
WIDTH = 1100  # CSS pixels, one device pixel each (--force-device-scale-factor=1)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--enable-logging=stderr",
    "--v=0",
]
MARKER = "rnngrade-probe"
PROBE = """<script nonce="rnngrade-probe">
(() => {
  const problems = [];
  addEventListener("error", (e) => problems.push("error: " + (e.message || e.target.src || e.target.href
                                                              || e.target.tagName)), true);
  document.addEventListener("securitypolicyviolation",
                            (e) => problems.push("refused: " + e.violatedDirective + " " + e.blockedURI));
  for (const level of ["error", "warn"]) {
    const original = console[level];
    console[level] = (...args) => { problems.push(level + ": " + args.join(" ")); original(...args); };
  }
  addEventListener("load", () => {
    const figures = [...document.querySelectorAll("figure svg, figure img")].map((element) => {
      const box = element.getBoundingClientRect();
      return {x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height,
              shapes: element.querySelectorAll("path, rect, use").length};
    });
    const found = {problems, figures, height: document.documentElement.scrollHeight};
    const out = document.createElement("pre");
    out.id = "rnngrade-probe";
    out.textContent = JSON.stringify(found);
    document.body.append(out);
    console.log("MARKER " + JSON.stringify(found));
  });
})();
</script>
""".replace("MARKER", MARKER)
CONSOLE = re.compile(r":CONSOLE[^\]]*\] (.*)")


@dataclasses.dataclass
class Look:
    """What a browser made of a page.

    problems -- the probe's findings and every console line but the probe's own; [] is clean
    figures -- each figure's box on the page (x, y, width, height in pixels) and shape count
    dom -- the DOM once loaded (the probed copy; the page has no script, so the same markup)
    screenshot -- the whole page, rows x columns x RGB(A), values 0 to 1
    """

    problems: list[str]
    figures: list[dict]
    dom: str
    screenshot: np.ndarray

    def pixels(self, figure: dict) -> np.ndarray:
        """The screenshot's pixels of one figure, as RGB."""
        x, y = int(figure["x"]), int(figure["y"])
        return self.screenshot[y : y + int(figure["height"]), x : x + int(figure["width"]), :3]


def _run(arguments: list[str], profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def _console(stderr: str) -> list[str]:
    return CONSOLE.findall(stderr)


def look(page: Path, folder: Path) -> Look:
    """Open page in headless Chromium as described above; work files go into folder."""
    source = page.read_text(encoding="utf-8")
    assert POLICY in source, "the page does not declare the policy the probe extends"
    probed = page.with_name(f".probe-{page.name}")  # beside the page: relative links alike
    probed.write_text(
        source.replace(POLICY, f"{POLICY}; script-src 'nonce-{MARKER}'").replace(
            "<head>", "<head>" + PROBE, 1
        ),
        encoding="utf-8",
    )
    try:
        dumped = _run(
            ["--virtual-time-budget=1000", f"--window-size={WIDTH},1000", "--dump-dom", probed.as_uri()],
            folder / "profile-dom",
        )
    finally:
        probed.unlink()
    found = re.search(r'<pre id="rnngrade-probe">(.*?)</pre>', dumped.stdout, re.S)
    assert found, f"the probe did not run:\n{dumped.stderr[-2000:]}"
    probe = json.loads(html.unescape(found.group(1)))
    console = _console(dumped.stderr)
    assert any(line.startswith(f'"{MARKER}') for line in console), "the console is not read: no probe line"
    problems = list(probe["problems"]) + [line for line in console if not line.startswith(f'"{MARKER}')]
    shot = folder / "page.png"
    shown = _run(
        [f"--window-size={WIDTH},{min(int(probe['height']), 16000)}", f"--screenshot={shot}", page.as_uri()],
        folder / "profile-shot",
    )
    problems += _console(shown.stderr)
    return Look(problems, probe["figures"], dumped.stdout, image.imread(shot))
