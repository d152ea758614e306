# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The brief handout printed by a real browser: headless Chromium prints it to A4 PDF.

The Dutch brief handout of the five narratives and the lessons must fit on twelve A4 pages
or fewer, and no page may be nearly empty (the old full export had pages with only a few
source lines on them). Skipped, with the reason shown, only where Chromium and its driver
are not installed (see tests/browser.py); CI installs them.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from browser import chrome_fixture, print_pdf  # noqa: F401

MAX_PAGES = 12
# A page with less text than this is "nearly empty": a few lines at most.
MIN_CHARACTERS = 300


def page_texts(run: Any, chrome: Any, tmp_path: Path, *args: str) -> list[str]:
    """Export with ``args`` to HTML, print it to A4 in Chromium, and read each page's text."""
    from pypdf import PdfReader

    target = tmp_path / f"handout-{len(list(tmp_path.glob('*.html')))}.html"
    result = run("export", *args, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    driver = chrome()
    driver.get(target.as_uri())
    pdf = print_pdf(driver)
    target.with_suffix(".pdf").write_bytes(pdf)  # kept with the test's files, to look at
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842), "not A4"  # points: 210 x 297 mm
    return [page.extract_text() or "" for page in reader.pages]


def nearly_empty(pages: list[str]) -> list[tuple[int, str]]:
    return [(number, text) for number, text in enumerate(pages, 1) if len(text.strip()) < MIN_CHARACTERS]


def test_dutch_brief_of_narratives_and_lessons_fits_on_twelve_pages(run, chrome, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = page_texts(run, chrome, tmp_path, "--brief", "--sections", "verhalen,lessen", "--format", "html")
    assert 2 <= len(pages) <= MAX_PAGES, f"{len(pages)} pages"
    assert not nearly_empty(pages), nearly_empty(pages)
    whole = " ".join(" ".join(pages).split())
    assert "Inhoud" in pages[0]  # the contents list prints, on the first page
    for heading in ("Verhalen van wantrouwen", "Lessen", "Bronnen"):
        assert heading in whole
    # No heading is left alone at the bottom of a page: no page ends with a section's title.
    for number, text in enumerate(pages[:-1], 1):
        last = [line for line in text.splitlines() if line.strip()][-1].strip()
        assert last not in ("Verhalen van wantrouwen", "Lessen", "Bronnen", "Wat vraagt dit van jou?"), (
            f"page {number} ends with the heading {last!r}"
        )


def test_default_brief_and_full_export_have_no_nearly_empty_page(run, chrome, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    brief = page_texts(run, chrome, tmp_path, "--brief", "--format", "html")
    assert not nearly_empty(brief), nearly_empty(brief)
    full = page_texts(run, chrome, tmp_path, "--format", "html")
    assert not nearly_empty(full), nearly_empty(full)
    assert len(full) > len(brief)  # the full export stays available, and is the long one
    assert "Inhoud" in full[0]  # its contents list prints too
