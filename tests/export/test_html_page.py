"""--format html: the same document as one printable page; parsed back with html.parser,
the audience redaction holds as in Markdown, DRAFT only while draft, the audience on the
page, user text never becomes a tag."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from case_fixture import (
    CONFIDENTIAL_PRINTED,
    CONFIDENTIAL_STRINGS,
    HOSTILE_NAME,
    active_case,
    draft_case,
)

from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.export.html_page import html_page
from psr_tui.export.reports import REPORTS, ReportRequest, document_text

TODAY = date(2026, 6, 1)


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.classes: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.by_class: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        cls = dict(attrs).get("class") or ""
        self.classes.append(cls)
        self.stack.append(cls)

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for cls in self.stack:
            if cls:
                self.by_class.setdefault(cls, []).append(data)


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def render(report_id: str, case, audience: str, rp: str | None = None) -> str:  # type: ignore[no-untyped-def]
    request = ReportRequest(case, audience, default_vocabularies(), TODAY, rp)
    return document_text(REPORTS[report_id].render(request), "html")


@pytest.mark.parametrize("report_id", ["plan", "progress"])
@pytest.mark.parametrize("audience", ["organisation", "practitioner"])
def test_redaction_holds_in_html_as_in_markdown(report_id: str, audience: str) -> None:
    page = parsed(render(report_id, active_case(), audience))
    text = " ".join(page.text)
    for secret in CONFIDENTIAL_STRINGS:
        assert secret not in text
    assert "script" not in page.tags and "link" not in page.tags  # self-contained


def test_the_adviser_copy_keeps_what_the_markdown_keeps() -> None:
    text = " ".join(parsed(render("plan", active_case(), "adviser")).text)
    assert all(secret in text for secret in CONFIDENTIAL_PRINTED)


def test_draft_watermark_while_draft_only() -> None:
    draft = parsed(render("plan", draft_case(), "organisation"))
    assert "watermark" in draft.classes and draft.by_class["watermark"] == ["DRAFT"]
    signed = parsed(render("plan", active_case(), "organisation"))
    assert "watermark" not in signed.classes
    assert "DRAFT" not in " ".join(signed.text)


@pytest.mark.parametrize(("audience", "label"), [("organisation", "The healthcare organisation"),
                                                 ("practitioner", "The practitioner")])
def test_the_audience_is_on_every_page(audience: str, label: str) -> None:
    html = render("plan", active_case(), audience)
    page = parsed(html)
    assert page.by_class["copy-for top"] == [f"Copy for: {label}"]
    assert page.by_class["copy-for bottom"] == [f"Copy for: {label}"]
    assert "position: fixed" in html and "size: A4" in html  # repeated on each printed page
    assert "break-before: page" in html


def test_one_copy_sheets_say_whose_copy_they_are() -> None:
    page = parsed(render("supervisor-sheet", active_case(), "organisation"))
    assert page.by_class["copy-for top"] == ["Copy for: The healthcare organisation"]


def test_user_text_never_becomes_a_tag() -> None:
    case = active_case(HOSTILE_NAME)
    html = render("plan", case, "organisation")
    page = parsed(html)
    assert "b" not in page.tags
    assert "Dr <b>A</b>" in " ".join(page.text)  # shown as the text it is


def test_the_title_names_the_case_not_the_practitioner() -> None:
    rendered = REPORTS["plan"].render(ReportRequest(active_case(HOSTILE_NAME), "organisation",
                                                    default_vocabularies(), TODAY))
    html = html_page(rendered)
    assert "<title>Action plan, case " in html and "<b>A" not in html
