# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Helpers for tests in a real browser: the system Chromium, driven by Selenium.

Use the ``chrome`` fixture (bring it into a test module with
``from browser import chrome_fixture  # noqa: F401``) or ``launch()`` directly. Tests that need a
browser are skipped, with the reason shown, only when Chromium or its driver is not
installed (Debian: ``apt-get install chromium chromium-driver``); Selenium itself is a
test dependency and must be there.

Nothing is downloaded: the driver is the system ``chromedriver``, given to Selenium
explicitly, so Selenium Manager never runs (and is told to stay offline all the same).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"

# Where Debian, Ubuntu and others put them; INFOBLAD_CHROMIUM / INFOBLAD_CHROMEDRIVER override.
_BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
_DRIVERS = (
    "/usr/bin/chromedriver",
    "/usr/lib/chromium/chromedriver",
    "/usr/lib/chromium-browser/chromedriver",
)
_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def _first(env: str, candidates: tuple[str, ...], name: str) -> str | None:
    chosen = os.environ.get(env)
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
    for path in candidates:
        if os.access(path, os.X_OK):
            return path
    return shutil.which(name)


def find_browser() -> tuple[str, str] | None:
    """(chromium, chromedriver), or None when either is not installed."""
    browser = _first("INFOBLAD_CHROMIUM", _BROWSERS, "chromium")
    driver = _first("INFOBLAD_CHROMEDRIVER", _DRIVERS, "chromedriver")
    return (browser, driver) if browser and driver else None


def launch(
    profile: Path,
    *,
    width: int = 1280,
    height: int = 900,
    javascript: bool = True,
    downloads: Path | None = None,
) -> Any:
    """A headless Chromium with a fresh profile in ``profile``, logging network and console."""
    found = find_browser()
    if found is None:
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    os.environ["SE_OFFLINE"] = "true"  # belt and braces: Selenium Manager never fetches a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for flag in _FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    prefs: dict[str, Any] = {}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if downloads is not None:
        prefs.update(
            {
                "download.default_directory": str(downloads),
                "download.prompt_for_download": False,
                "safebrowsing.enabled": False,
            }
        )
    if prefs:
        options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    if downloads is not None:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
    set_viewport(driver, width, height)
    return driver


def set_viewport(driver: Any, width: int, height: int) -> None:
    """The page's width in CSS pixels, whatever the window's frame takes."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def emulate(driver: Any, *, dark: bool = False, reduced_motion: bool = False, media: str = "") -> None:
    """Pretend the user chose a dark scheme or less motion, or that the page is printed."""
    features = [
        {"name": "prefers-color-scheme", "value": "dark" if dark else "light"},
        {"name": "prefers-reduced-motion", "value": "reduce" if reduced_motion else "no-preference"},
    ]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media, "features": features})


@pytest.fixture(name="chrome")
def chrome_fixture(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """A factory for browsers (``chrome(width=390)``); each one is closed after the test."""
    started: list[Any] = []

    def start(**kwargs: Any) -> Any:
        profile = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp_path))
        driver = launch(profile, **kwargs)
        started.append(driver)
        return driver

    yield start
    for driver in started:
        driver.quit()


def axe_violations(driver: Any, options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run the axe-core rules on the page as it is now; the violations found."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(function (r) { done(r.violations); },"
        " function (e) { done([{id: 'axe-error', help: String(e), nodes: []}]); });",
        options or {},
    )
    return list(result)


def axe_report(violations: list[dict[str, Any]]) -> str:
    """The violations, one rule a line with the elements it found, for an assertion message."""
    lines = []
    for violation in violations:
        targets = [", ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])][:5]
        lines.append(f"{violation['id']}: {violation.get('help', '')} -> {targets}")
        for node in violation.get("nodes", [])[:2]:
            lines.append("    " + node.get("failureSummary", "").replace("\n", " "))
    return "\n".join(lines)


def requested_urls(driver: Any) -> list[str]:
    """Every URL the browser asked for since the last call (from the DevTools network log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver: Any) -> list[str]:
    """Errors the page wrote to the console (a blocked request, a script error, a CSP violation)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def print_pdf(driver: Any) -> bytes:
    """The page printed to A4 as the browser would (print style sheet, backgrounds off)."""
    result = driver.execute_cdp_cmd(
        "Page.printToPDF",
        {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False, "preferCSSPageSize": True},
    )
    return base64.b64decode(result["data"])


def screenshot(driver: Any, path: Path) -> None:
    """What is in the viewport now, as a PNG."""
    result = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    path.write_bytes(base64.b64decode(result["data"]))
