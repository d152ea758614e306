# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Screenshots of the offline quiz page, to look at: python tests/page_screenshots.py [FOLDER].

At 1280 and 390 px wide, light and dark: the start of the quiz, the feedback on an answer
that was not the best, and the result. Driven by the keyboard, like the browser tests.
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path
from typing import Any

from browser import emulate, launch
from infoblad_cli import content, quiz
from infoblad_cli.export_page import to_page


def shoot(driver: Any, path: Path, selector: str = "#quiz") -> None:
    """The element (the quiz section by default), however tall, as a PNG."""
    box = driver.execute_script(
        "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};",
        selector,
    )
    # The whole width of the window, so the screenshot shows the page as it sits on the screen.
    width = driver.execute_script("return document.documentElement.clientWidth")
    clip = {"x": 0, "y": box["y"], "width": width, "height": box["height"], "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True}
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def main(folder: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    folder.mkdir(parents=True, exist_ok=True)
    bundle = content.load_bundle("nl")
    chosen = quiz.select(bundle, 8, 12)
    page = folder / "zelftest.html"
    page.write_text(to_page(bundle, chosen), encoding="utf-8")
    # The first option that is not the best, so the feedback shows a better answer too.
    first = chosen.asked[0]
    wrong = next(n for n in range(1, first.choices + 1) if not quiz.judge(first, n, bundle).correct) - 1
    for width, height in ((1280, 900), (390, 844)):
        for dark in (False, True):
            name = f"{width}{'-dark' if dark else ''}"
            with tempfile.TemporaryDirectory() as profile:
                driver = launch(Path(profile), width=width, height=height)
                try:
                    emulate(driver, dark=dark, reduced_motion=True)
                    driver.get(page.as_uri())
                    shoot(driver, folder / f"{name}-top.png", "body > header")
                    shoot(driver, folder / f"{name}-start.png")
                    driver.find_element("css selector", "#quiz-app button").send_keys(Keys.ENTER)
                    for number in range(len(chosen.asked)):
                        radio = driver.switch_to.active_element
                        radio.send_keys(Keys.TAB)
                        pick = wrong if number == 0 else 0
                        keys = [Keys.SPACE] if pick == 0 else [Keys.ARROW_DOWN] * pick
                        driver.switch_to.active_element.send_keys(*keys)
                        driver.switch_to.active_element.send_keys(Keys.TAB)
                        driver.switch_to.active_element.send_keys(Keys.ENTER)
                        if number == 0:
                            shoot(driver, folder / f"{name}-feedback.png")
                        driver.find_element("css selector", "#quiz-app .feedback-area button").send_keys(
                            Keys.ENTER
                        )
                    shoot(driver, folder / f"{name}-result.png")
                finally:
                    driver.quit()
    print(folder)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="infoblad-shots-")))
