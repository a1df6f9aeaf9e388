"""A report as one self-contained HTML page that prints well (A4) from any browser.

The same Markdown document, rendered by markdown-it-py with raw HTML switched off: user
text was escaped for Markdown already (export/markdown.py), and a '<' that reached the
renderer anyway is written as '&lt;', never as a tag. No script, no external file, no
link to fetch: the page is the whole document, safe to mail or keep.

Printing: A4, each major section (a level-2 heading) starts a new page, the copy's
audience is on every page (a fixed header and footer repeat on each printed page), and a
plan not yet signed by both parties carries a DRAFT watermark on every page.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

from ..domain.audiences import audience_label
from .reports import RenderedReport

_STYLE = """
@page { size: A4; margin: 22mm 16mm 20mm 16mm; }
html { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #000; }
body { margin: 0 auto; max-width: 180mm; padding: 14mm 0; }
h1 { font-size: 18pt; margin-top: 0; }
h2 { font-size: 14pt; border-bottom: 1px solid #444; margin-top: 1.4em; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #666; padding: 3px 5px; text-align: left; vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
.copy-for { position: fixed; left: 0; right: 0; font-size: 8.5pt; color: #333;
  text-align: center; background: #fff; }
.copy-for.top { top: 0; border-bottom: 1px solid #999; }
.copy-for.bottom { bottom: 0; border-top: 1px solid #999; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center;
  font-size: 110pt; font-weight: bold; color: rgba(160, 0, 0, 0.12);
  transform: rotate(-35deg); pointer-events: none; z-index: -1; }
@media print {
  body { padding: 0; max-width: none; }
  h2 { break-before: page; page-break-before: always; }
  h2:first-of-type { break-before: auto; page-break-before: auto; }
}
"""


def _renderer() -> MarkdownIt:
    # commonmark with raw HTML off (escaped, never passed), plus the tables the documents use.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def html_page(report: RenderedReport) -> str:
    """The whole page: title, print stylesheet, audience header/footer, watermark, body."""
    copy_for = escape(f"Copy for: {audience_label(report.audience)}"
                      + (" · DRAFT: not yet agreed and signed" if report.draft else ""))
    watermark = '<div class="watermark" aria-hidden="true">DRAFT</div>\n' if report.draft else ""
    body = _renderer().render(report.markdown)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(report.title)}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<div class="copy-for top">{copy_for}</div>\n'
        f'<div class="copy-for bottom">{copy_for}</div>\n'
        f"{watermark}<main>\n{body}</main>\n</body>\n</html>\n"
    )

