"""Markdown documents built from the domain models, one copy per audience.

Pure: no textual, no tinydb. Every copy says who it is for; only the adviser's copy
carries confidential material (see audience.py).
"""

from .audience import AUDIENCES, redact_for
from .plan_document import plan_markdown
from .progress_report import progress_report_markdown, progress_summary_markdown
from .review_sheet import review_meeting_sheet_markdown
from .supervisor_report import educational_supervisor_report_markdown
from .supervisor_sheet import supervisor_information_markdown

__all__ = [
    "AUDIENCES",
    "educational_supervisor_report_markdown",
    "plan_markdown",
    "progress_report_markdown",
    "progress_summary_markdown",
    "redact_for",
    "review_meeting_sheet_markdown",
    "supervisor_information_markdown",
]
