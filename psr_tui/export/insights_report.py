"""Insights as Markdown (and as JSON for `--json`): the same tables the screen draws, with
the period, each table's denominator and the suppression rule stated."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain.insights import Insights, Table
from ..domain.suppression import PRIMARY, RULE_TEXT, Shown, primary
from .markdown import Document
from .reports import RenderedReport


def period_text(insights: Insights) -> str:
    return period_words(insights.period_from, insights.period_to)


def period_words(start: date | None, end: date | None) -> str:
    """The period in words (the report's scope line, the screen's "Counting…" line)."""
    if start is None and end is None:
        return "all plans, whenever they started"
    return (f"plans starting (or first issued) from {start.isoformat() if start else 'the first'}"
            f" to {end.isoformat() if end else 'today'}")


def plans_shown(insights: Insights) -> str:
    """How many plans were counted, suppressed like any cell: a period and organisation
    narrow enough to hold 1 to 4 plans must not say how many (one is someone)."""
    return Shown(insights.plans, PRIMARY if primary(insights.plans) else "").text


def scope_text(insights: Insights) -> str:
    where = insights.organisation or "every organisation in your scope"
    return f"{plans_shown(insights)} plans; {period_text(insights)}; {where}."


def _cells(table: Table) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    over_groups = any(row.of is not None for row in table.rows)
    headers: tuple[str, ...] = ("", "Plans", "%", "Of") if over_groups else ("", "Plans", "%")
    rows: list[tuple[str, ...]] = []
    for row in table.rows:
        pct = "" if row.percent is None else f"{row.percent}%"
        cells = (row.label, row.shown.text, pct)
        rows.append((*cells, str(row.of)) if over_groups else cells)
    return headers, rows


def insights_markdown(insights: Insights) -> str:
    doc = Document()
    doc.heading(1, "PSR action plans: insights")
    doc.paragraph(scope_text(insights))
    doc.paragraph(f"Small numbers: {RULE_TEXT} Percentages are whole numbers, rounded half "
                  "up, of the plans with the field recorded (stated under each table).")
    for table in insights.tables:
        doc.heading(2, table.title)
        if table.rows:
            headers, rows = _cells(table)
            doc.table(headers, rows)
        else:
            doc.paragraph("No plans to show.")
        doc.paragraph(table.denominator)
    doc.heading(2, "Duration")
    doc.fields(insights.durations)
    return doc.render()


def insights_json(insights: Insights) -> dict[str, Any]:
    """Withheld cells carry no count: `"count": null, "shown": "<5"`."""
    return {
        "period_from": insights.period_from.isoformat() if insights.period_from else None,
        "period_to": insights.period_to.isoformat() if insights.period_to else None,
        "organisation": insights.organisation or None,
        "plans": None if primary(insights.plans) else insights.plans,
        "plans_shown": plans_shown(insights),
        "suppression": RULE_TEXT,
        "tables": [{
            "title": t.title,
            "denominator": t.denominator,
            "rows": [{"label": r.label, "shown": r.shown.text,
                      "count": None if r.shown.suppressed else r.shown.count,
                      "percent": r.percent, "of": r.of} for r in t.rows],
        } for t in insights.tables],
        "durations": dict(insights.durations),
    }


# Who an insights copy is for, on every printed page of its HTML: no case detail, so not
# one of the case audiences (domain/audiences.py); anyone who may see insights.
READERS = "anyone who may see insights (figures only, small numbers suppressed)"


def insights_document(insights: Insights) -> RenderedReport:
    """The report as the register's renderers give theirs, so `reports.document_text`
    writes it as Markdown or as the printable HTML page like any other."""
    return RenderedReport(insights_markdown(insights), "PSR action plans: insights", READERS,
                          draft=False)


def insights_filename(insights: Insights, suffix: str = ".md") -> str:
    """'insights-all.md', 'insights-2025-04-01-to-2026-03-31.md': the period, no names."""
    start, end = insights.period_from, insights.period_to
    if start is None and end is None:
        return f"insights-all{suffix}"
    return (f"insights-{start.isoformat() if start else 'start'}-to-"
            f"{end.isoformat() if end else 'now'}{suffix}")
