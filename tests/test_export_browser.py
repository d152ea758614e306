# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The HTML handouts in a real browser, on a phone and zoomed in (WCAG 1.4.4 and 1.4.10).

The full handout, the brief handout, the quiz discussion sheet and the answer key: at
390 px with the text at 200 %, at 640 px with 200 % (a laptop zoomed in twice) and at
320 px (the reflow width), nothing may need sideways scrolling; a long e-mail address or
web address of a contact wraps instead. Each page also passes the axe-core rules.
Skipped, with the reason shown, only where Chromium and its driver are not installed
(see tests/browser.py); CI installs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser import axe_report, axe_violations, chrome_fixture, set_viewport  # noqa: F401

PAPERS = {
    "full": ["--format", "html"],
    "brief": [
        "--brief",
        "--sections",
        "narratives,lessons,cases,personal,contact,glossary,quiz",
        "-f",
        "html",
    ],
    "quiz sheet": ["--quiz-sheet", "-f", "html"],
    "answer key": ["--answer-key", "-f", "html"],
}


def sideways(driver: Any) -> int:
    return int(
        driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )


@pytest.mark.parametrize("paper", PAPERS)
def test_handouts_reflow_on_a_phone_and_zoomed_in(run: Any, chrome: Any, tmp_path: Path, paper: str) -> None:
    target = tmp_path / "handout.html"
    result = run("export", *PAPERS[paper], "-o", str(target))
    assert result.exit_code == 0, result.stderr
    driver = chrome(width=390, height=844)
    driver.get(target.as_uri())
    for width, size in ((390, "200%"), (640, "200%"), (320, "100%")):
        set_viewport(driver, width, 800)
        driver.execute_script("document.documentElement.style.fontSize = arguments[0]", size)
        assert sideways(driver) <= 0, (
            f"{paper}: {sideways(driver)} px sideways at {width} px with {size} text"
        )
    violations = axe_violations(driver)
    assert not violations, axe_report(violations)
