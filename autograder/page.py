"""What the feedback files and the class report share: their wording, in the release's
language, and a self-contained page (inline CSS; no script, no external resource).

Everything taken from an outcome is text the student controls (a file name, an exception's
message): it goes through `inline` into HTML and through `markdown` into Markdown, never
as is.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from rnncheck.messages import MESSAGES

# made in engine.explain, where Gradescope's results.json uses them too
from .engine.explain import CODE, one_line
from .engine.explain import markdown as markdown

# A page may use its own inline styles and data: images, and nothing else: were some text to
# slip through unescaped, no script would run and nothing would be fetched.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def language_of(manifest: Mapping[str, Any]) -> str:
    """The release's language, from its manifest; Spanish when it names none we have."""
    language = manifest.get("language", "es")
    return language if language in MESSAGES else "es"


def wording(language: str) -> Callable[..., str]:
    """say(key, **values): a message of rnncheck.messages in `language`, filled with values."""
    messages = MESSAGES.get(language, MESSAGES["es"])

    def say(key: str, **values: Any) -> str:
        return messages[key].format(**values)

    return say


def points(value: float) -> str:
    """A score as people write it: 17.5 -> "17.5", 4.0 -> "4"."""
    return f"{value:g}"


def inline(text: str) -> str:
    """text as HTML: every character escaped, its `code` spans as <code>."""
    return CODE.sub(r"<code>\1</code>", html.escape(one_line(text)))


STYLE = """
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --soft: #f5f7fa;
        --accent: #0571b0; --bad: #b2182b; --hint: #8a6d00; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: var(--ink); max-width: 62rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem;
     border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p.lead { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line);
         vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: 600; color: var(--muted); font-size: .9rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.fixed { table-layout: fixed; }
col.count { width: 8rem; }
col.what { width: 45%; }
.lost { color: var(--bad); font-weight: 600; }
.muted { color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em;
       background: var(--soft); padding: 0 .25em; border-radius: 3px; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0 1.5rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; min-width: 9rem; }
.card .value { font-size: 1.7rem; font-weight: 650; line-height: 1.2; }
.card .label { color: var(--muted); font-size: .85rem; }
.total { font-size: 1.35rem; font-weight: 650; margin: .5rem 0 1rem; }
.box { border-left: 4px solid var(--accent); background: var(--soft); padding: .5rem .8rem;
       margin: .5rem 0; border-radius: 0 6px 6px 0; }
.box.bad { border-color: var(--bad); background: #fdf2f2; }
.box.hint { border-color: var(--hint); background: #fdf8e6; }
ul.failures { padding-left: 1.2rem; margin: .3rem 0; }
ul.failures li { margin: .3rem 0; }
li.hidden { color: var(--muted); font-style: italic; }
figure { margin: .5rem 0 1.5rem; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .9rem; }
a { color: var(--accent); }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


def document(*, title: str, body: str, language: str) -> str:
    """A whole HTML page: title (plain text, escaped here) and body (HTML, already escaped)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(one_line(title))}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
