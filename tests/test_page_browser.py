# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The offline quiz page in a real browser (headless Chromium): keyboard only, no network, axe-clean.

The quiz is taken the way a keyboard user takes it (Tab, arrow keys, Space, Enter; never a
click), and what the page shows and saves is compared with what the Python engine decides
for the same answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from browser import (
    axe_report,
    axe_violations,
    chrome_fixture,  # noqa: F401  (the chrome fixture)
    console_errors,
    emulate,
    print_pdf,
    requested_urls,
    set_viewport,
)
from infoblad_cli import content, quiz, result_file
from infoblad_cli import models as m
from infoblad_cli.export_page import to_page
from infoblad_cli.strings import t

pytestmark = pytest.mark.slow

SEED = 12
# The shown option picked for each question (0-based); self-ratings take it as rating - 1.
PICKS = (1, 0, 2, 0, 1, 3, 0, 2)


@pytest.fixture(scope="module")
def bundle() -> m.Bundle:
    return content.load_bundle("nl")


@pytest.fixture(scope="module")
def the_quiz(bundle: m.Bundle) -> quiz.Quiz:
    return quiz.select(bundle, 8, SEED)


@pytest.fixture
def page(tmp_path: Path, bundle: m.Bundle, the_quiz: quiz.Quiz) -> Path:
    path = tmp_path / "infoblad zelftest.html"  # a space, as in many a file name on a shared drive
    path.write_text(to_page(bundle, the_quiz), encoding="utf-8")
    return path


def picks_for(the_quiz: quiz.Quiz) -> list[int]:
    return [min(pick, asked.choices - 1) for pick, asked in zip(PICKS, the_quiz.asked, strict=True)]


# ---------------------------------------------------------------- keyboard


def press(driver: Any, *keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def focused(driver: Any) -> Any:
    return driver.switch_to.active_element


def tab_to(driver: Any, text: str, limit: int = 40) -> None:
    """Press Tab until the element with this text has the focus, as a keyboard user would."""
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        press(driver, Keys.TAB)
        if focused(driver).text.strip() == text:
            return
    pytest.fail(f"Tab never reached {text!r}")


def status(driver: Any) -> str:
    return str(driver.execute_script("return document.querySelector('#quiz-app [role=status]').textContent"))


def open_quiz(driver: Any, page: Path) -> None:
    """Load the page, then skip to the content with the keyboard and start the quiz."""
    from selenium.webdriver.common.keys import Keys

    requested_urls(driver)  # forget what the browser did before the page (its new-tab page)
    driver.get(page.as_uri())
    press(driver, Keys.TAB)
    assert focused(driver).text == t("nl", "export.skip")
    press(driver, Keys.ENTER)
    tab_to(driver, t("nl", "page.start"), limit=3)


def answer(driver: Any, pick: int) -> None:
    """Choose the pick'th answer with the arrow keys (or Space for the first) and ask for feedback."""
    from selenium.webdriver.common.keys import Keys

    press(driver, Keys.TAB)
    assert focused(driver).get_attribute("type") == "radio"
    if pick == 0:
        press(driver, Keys.SPACE)
    else:
        press(driver, *([Keys.ARROW_DOWN] * pick))
    assert focused(driver).get_attribute("value") == str(pick)
    assert focused(driver).is_selected()
    press(driver, Keys.TAB)
    assert focused(driver).text == t("nl", "page.check")
    press(driver, Keys.ENTER)


def take_quiz(driver: Any, the_quiz: quiz.Quiz, bundle: m.Bundle, picks: list[int]) -> None:
    from selenium.webdriver.common.keys import Keys

    press(driver, Keys.ENTER)  # on "Begin de zelftest"
    total = len(the_quiz.asked)
    for number, (asked, pick) in enumerate(zip(the_quiz.asked, picks, strict=True), 1):
        heading = focused(driver)
        assert heading.tag_name == "h3"
        assert heading.text == t("nl", "quiz.question", number=number, total=total)
        answer(driver, pick)
        assert focused(driver).tag_name == "h4"
        assert focused(driver).text == t("nl", "page.feedback")
        outcome = quiz.judge(asked, pick + 1, bundle)
        assert status(driver).startswith(verdict(outcome))
        feedback = driver.find_element("css selector", "#quiz-app .feedback").text
        for paragraph in outcome.feedback.split("\n\n"):
            assert " ".join(paragraph.split()) in feedback
        if outcome.best_text:
            assert " ".join(outcome.best_text.split()) in feedback
        last = number == total
        tab_to(driver, t("nl", "page.to_result" if last else "page.next"))
        press(driver, Keys.SPACE if number % 2 else Keys.ENTER)  # a button takes both


def verdict(outcome: quiz.Outcome) -> str:
    from infoblad_cli.render_quiz import verdict_key

    if outcome.correct is None:
        return t("nl", "quiz.rating_noted", rating=outcome.answer)
    return t("nl", verdict_key(outcome))


def assert_no_network(driver: Any, page: Path) -> None:
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    urls = requested_urls(driver)
    # The page itself; a download is a blob: URL made in the page, not a request to anywhere.
    assert urls and all(url == page.as_uri() or url.startswith("blob:file://") for url in urls), urls
    assert console_errors(driver) == []


def assert_axe_clean(driver: Any, where: str) -> None:
    violations = axe_violations(driver)
    assert violations == [], f"{where}:\n{axe_report(violations)}"


# ---------------------------------------------------------------- tests


def test_the_whole_quiz_by_keyboard_and_the_result_file(
    chrome: Callable[..., Any], page: Path, tmp_path: Path, bundle: m.Bundle, the_quiz: quiz.Quiz, run: Any
) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = chrome(downloads=downloads)
    open_quiz(driver, page)
    assert_axe_clean(driver, "start")
    picks = picks_for(the_quiz)
    take_quiz(driver, the_quiz, bundle, picks)

    # The result: what quiz.result says for the same answers, in the terminal's words.
    outcomes = [
        quiz.judge(asked, pick + 1, bundle) for asked, pick in zip(the_quiz.asked, picks, strict=True)
    ]
    expected = quiz.result(the_quiz, bundle, outcomes)
    assert focused(driver).text == t("nl", "quiz.result")
    shown = driver.find_element("id", "quiz-app").text
    percent = round(100 * expected.score / expected.max_score)
    score_line = t("nl", "quiz.score", score=expected.score, max=expected.max_score, percent=percent)
    assert score_line in shown
    assert status(driver) == score_line
    for theme in expected.themes:
        line = t("nl", "page.theme_score", score=theme.score, max=theme.max_score, percent=theme.percent)
        assert f"{theme.title}\n{line}" in shown
    missed = driver.find_elements("css selector", "#quiz-app .missed > li")
    assert len(missed) == len(expected.missed) > 0
    read_next = [a.text for a in driver.find_elements("css selector", "#quiz-app .read-next a")]
    from infoblad_cli.render_quiz import title_of

    assert read_next == [title_of(bundle, link) for link in expected.read_next]
    assert_axe_clean(driver, "result")
    emulate(driver, dark=True)
    assert_axe_clean(driver, "result, dark")
    emulate(driver)

    # Save the result: a download, found by waiting for the file, never for a time.
    tab_to(driver, t("nl", "page.save"))
    press(driver, "\ue007")  # Enter
    WebDriverWait(driver, 30).until(lambda _: [p for p in downloads.glob("*.json")])
    saved = next(downloads.glob("*.json"))
    assert re.fullmatch(r"infoblad-resultaat-\d{4}-\d\d-\d\d\.json", saved.name)
    assert t("nl", "page.saved", file=saved.name) in driver.find_element("id", "quiz-app").text
    assert_result_file(saved, the_quiz, picks, expected)
    assert_no_network(driver, page)
    assert_group_counts(run, saved, the_quiz, picks, expected)


def assert_group_counts(
    run: Any, saved: Path, the_quiz: quiz.Quiz, picks: list[int], expected: quiz.Result
) -> None:
    """The trainer's infoblad group reads the page's file and counts each answer where it belongs."""
    group = run.json("group", str(saved))
    assert group["participants"] == 1 and group["notes"] == []
    assert group["score_percent"]["count"] == 1
    assert group["score_percent"]["mean"] == round(100 * expected.score / expected.max_score, 1)
    by_id = {q["id"]: q for q in group["questions"]}
    for asked, pick in zip(the_quiz.asked, picks, strict=True):
        counted = by_id[asked.question.id]
        assert counted["answered"] == 1
        if isinstance(asked.question, m.SelfRating):
            assert counted["ratings"]["distribution"][str(pick + 1)] == 1
        else:
            counts = [option["count"] for option in counted["options"]]
            assert counts == [1 if i == asked.order[pick] else 0 for i in range(len(counts))]


def assert_result_file(saved: Path, the_quiz: quiz.Quiz, picks: list[int], expected: quiz.Result) -> None:
    """The file is, byte for byte, what the terminal's quiz writes for these answers (made by the page)."""
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["date"])  # a date, never a time
    same = result_file.from_result(expected, data["date"], result_file.mode_of(None))
    same["made_by"] = "page"
    assert saved.read_bytes() == result_file.dumps(same)
    read = result_file.read(saved)  # the strict reader of infoblad group
    assert (read.made_by, read.lang, read.quiz.seed, read.quiz.mode) == ("page", "nl", SEED, "full")
    for answer, asked, pick in zip(read.answers, the_quiz.asked, picks, strict=True):
        if isinstance(asked.question, m.SelfRating):
            assert (answer.choice, answer.rating) == (None, pick + 1)
        else:  # the index in the content's order, not the shuffled one the page showed
            assert (answer.choice, answer.rating) == (asked.order[pick], None)


def test_a_missing_answer_is_said_and_the_focus_goes_back(chrome: Callable[..., Any], page: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    driver = chrome()
    open_quiz(driver, page)
    press(driver, Keys.ENTER)
    tab_to(driver, t("nl", "page.check"), limit=3)
    press(driver, Keys.ENTER)
    error = driver.find_element("id", "quiz-error")
    assert error.is_displayed() and error.text == t("nl", "page.choose_first")
    assert status(driver) == t("nl", "page.choose_first")
    assert focused(driver).get_attribute("type") == "radio"
    assert_axe_clean(driver, "missing answer")


def test_the_page_adds_up_as_the_engine_does_for_many_answers(
    chrome: Callable[..., Any], page: Path, bundle: m.Bundle, the_quiz: quiz.Quiz
) -> None:
    """The page's sums and its list of what to read next agree with quiz.result, answer for answer."""
    import random

    driver = chrome()
    driver.get(page.as_uri())
    rng = random.Random(3)
    for _ in range(60):
        picks = [rng.randrange(asked.choices) for asked in the_quiz.asked]
        outcomes = [
            quiz.judge(asked, pick + 1, bundle) for asked, pick in zip(the_quiz.asked, picks, strict=True)
        ]
        expected = quiz.result(the_quiz, bundle, outcomes)
        got = driver.execute_script("return window.infobladQuiz.summarise(arguments[0])", picks)
        assert (got["score"], got["max_score"]) == (expected.score, expected.max_score)
        assert got["percent"] == (
            round(100 * expected.score / expected.max_score) if expected.max_score else 0
        )
        assert [(x["id"], x["points"], x["max_points"], x["percent"]) for x in got["themes"]] == [
            (x.theme, x.score, x.max_score, x.percent) for x in expected.themes
        ]
        assert got["missed"] == [the_quiz.asked.index(o.asked) for o in expected.missed]
        assert got["read_next"] == [f"{kind}/{ident}" for kind, ident in expected.read_next]


def test_without_javascript_the_quiz_is_a_discussion_sheet(
    chrome: Callable[..., Any], page: Path, bundle: m.Bundle, the_quiz: quiz.Quiz
) -> None:
    driver = chrome(javascript=False)
    requested_urls(driver)
    driver.get(page.as_uri())
    assert not driver.find_element("id", "quiz-app").is_displayed()
    sheet = driver.find_element("id", "quiz-sheet")
    assert sheet.is_displayed()
    text = sheet.text
    for asked in the_quiz.asked:
        question = asked.question
        if isinstance(question, m.Scenario):
            for option in question.options:
                assert " ".join(option.text.split()) in text
                assert " ".join(option.feedback.split("\n\n")[0].split()) in text
        elif isinstance(question, m.Recognise):
            assert " ".join(question.explanation.split("\n\n")[0].split()) in text
        else:
            assert " ".join(question.statement.split()) in text
            assert " ".join(question.suggestion.split()) in text
    # All the reading content is there too.
    body = driver.find_element("tag name", "main").text
    for narrative in bundle.narratives:
        assert narrative.title in body
    urls = requested_urls(driver)
    assert urls and all(url == page.as_uri() for url in urls), urls


def test_without_javascript_the_page_is_accessible(
    chrome: Callable[..., Any], page: Path, tmp_path: Path
) -> None:
    """axe needs a script of its own, so it checks the page as it is without ours: the same DOM."""
    html = page.read_text(encoding="utf-8")
    script = html.rindex("<script>")
    without = tmp_path / "without script.html"
    without.write_text(
        html[:script] + html[html.index("</script>", script) + len("</script>") :], encoding="utf-8"
    )
    driver = chrome()
    driver.get(without.as_uri())
    assert driver.find_element("id", "quiz-sheet").is_displayed()
    assert_axe_clean(driver, "no JavaScript")
    emulate(driver, dark=True)
    assert_axe_clean(driver, "no JavaScript, dark")


def test_narrow_screen_dark_scheme_and_large_text(
    chrome: Callable[..., Any], page: Path, the_quiz: quiz.Quiz, bundle: m.Bundle
) -> None:
    """At phone width, with the text at 200 %, nothing needs sideways scrolling (WCAG 1.4.4, 1.4.10)."""
    driver = chrome(width=390, height=844)
    emulate(driver, dark=True, reduced_motion=True)
    open_quiz(driver, page)
    scrolling = "return getComputedStyle(document.documentElement).scrollBehavior"
    assert driver.execute_script(scrolling) == "auto"  # no smooth scrolling for who asked for less motion
    assert driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    take_quiz(driver, the_quiz, bundle, picks_for(the_quiz))
    assert_axe_clean(driver, "result, phone, dark")
    # 320 px: the reflow width of WCAG 1.4.10; 640 px at 200 %: a laptop zoomed in twice (1.4.4).
    for width, size in ((390, "200%"), (640, "200%"), (320, "100%")):
        set_viewport(driver, width, 800)
        driver.execute_script("document.documentElement.style.fontSize = arguments[0]", size)
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{overflow} px sideways at {width} px wide with {size} text"


def test_printed_before_the_quiz_it_is_the_discussion_sheet(chrome: Callable[..., Any], page: Path) -> None:
    driver = chrome()
    driver.get(page.as_uri())
    assert not driver.find_element("id", "quiz-sheet").is_displayed()  # on screen: the quiz
    emulate(driver, media="print")
    assert driver.find_element("id", "quiz-sheet").is_displayed()
    assert not driver.find_element("id", "quiz-app").is_displayed()


def test_it_prints_the_result_without_buttons(
    chrome: Callable[..., Any], page: Path, the_quiz: quiz.Quiz, bundle: m.Bundle
) -> None:
    driver = chrome()
    open_quiz(driver, page)
    take_quiz(driver, the_quiz, bundle, picks_for(the_quiz))
    emulate(driver, media="print")
    hidden = driver.execute_script(
        "return Array.from(document.querySelectorAll('button'))"  # the contents list prints (issue 15)
        ".every(function (b) { return getComputedStyle(b).display === 'none'; })"
    )
    assert hidden
    assert driver.find_element("css selector", "#quiz-app .score").is_displayed()
    assert not driver.find_element("id", "quiz-sheet").is_displayed()
    pdf = print_pdf(driver)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000


def test_content_stays_text_in_the_browser(
    chrome: Callable[..., Any], tmp_path: Path, bundle: m.Bundle
) -> None:
    """Markup and a closing script tag in a question are shown as typed; nothing runs."""
    hostile_text = "</script><script>alert(1)</script><img src=x onerror=alert(2)> <b>vet</b>"
    hostile = m.Scenario(
        id="vijandig",
        theme=bundle.quiz_themes[0].id,
        setting="<i>balie</i>",
        prompt=hostile_text,
        options=(
            m.Option(text=hostile_text, weight=2, feedback=hostile_text, lesson=bundle.lessons[0].id),
            m.Option(text="<u>gewoon</u>", weight=0, feedback="<u>nee</u>", lesson=bundle.lessons[0].id),
        ),
    )
    hostile_bundle = bundle._replace(questions=(*bundle.questions, hostile))
    chosen = quiz.select(hostile_bundle, 1, 0, only=["vijandig"])
    page = tmp_path / "vijandig.html"
    page.write_text(to_page(hostile_bundle, chosen), encoding="utf-8")
    driver = chrome()
    open_quiz(driver, page)
    press(driver, "\ue007")  # Enter: start
    question = driver.find_element("id", "quiz-app").text
    assert question.count(hostile_text) == 2 and "<u>gewoon</u>" in question  # the situation, an option
    answer(driver, chosen.asked[0].order.index(0))
    assert hostile_text in driver.find_element("css selector", "#quiz-app .feedback").text
    assert driver.execute_script("return document.querySelectorAll('img, b, i, u').length") == 0
    assert console_errors(driver) == []
