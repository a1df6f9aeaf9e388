"""Documents built from the domain models, one copy per audience (Markdown, and HTML).

Pure: no textual, no tinydb. Every copy says who it is for; only the adviser's copy
carries confidential material (see audience.py). The register of reports is reports.py.

The names below load on first use: the CLI's grammar imports export.reports, and must not
pay for pydantic and every document module to print --help.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, typed, for mypy
    from .audience import AUDIENCES, redact_for
    from .decision_letter import decision_letter_markdown
    from .plan_document import plan_markdown
    from .progress_report import progress_report_markdown, progress_summary_markdown
    from .review_sheet import review_meeting_sheet_markdown
    from .supervisor_report import educational_supervisor_report_markdown
    from .supervisor_sheet import supervisor_information_markdown
    from .withholding_letter import withholding_letter_markdown

_WHERE = {
    "AUDIENCES": "audience",
    "redact_for": "audience",
    "decision_letter_markdown": "decision_letter",
    "plan_markdown": "plan_document",
    "progress_report_markdown": "progress_report",
    "progress_summary_markdown": "progress_report",
    "review_meeting_sheet_markdown": "review_sheet",
    "educational_supervisor_report_markdown": "supervisor_report",
    "supervisor_information_markdown": "supervisor_sheet",
    "withholding_letter_markdown": "withholding_letter",
}

__all__ = [
    "AUDIENCES", "decision_letter_markdown", "educational_supervisor_report_markdown",
    "plan_markdown", "progress_report_markdown", "progress_summary_markdown",
    "redact_for", "review_meeting_sheet_markdown", "supervisor_information_markdown",
    "withholding_letter_markdown",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
