# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""The search evaluation: realistic questions (tests/data/search_eval.yaml) and the entries that answer them.

Prints hits@3 (an answer among the first three hits) and MRR (mean of 1 / the rank
of the first answer), per language and in all, and fails below 0.9 hits@3.
Run with ``-s`` to see the figures and the questions that miss.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from infoblad_cli import content
from infoblad_cli.kinds import documents
from infoblad_cli.search import search

EVAL = Path(__file__).resolve().parent / "data" / "search_eval.yaml"
FLOOR = 0.9


def questions() -> list[dict[str, Any]]:
    return list(yaml.safe_load(EVAL.read_text(encoding="utf-8"))["questions"])


def rank(bundle: Any, query: str, answers: list[str]) -> int | None:
    """The rank (1-based) of the first hit that answers the question, or None."""
    for place, hit in enumerate(search(bundle, query), 1):
        if f"{hit.kind}/{hit.id}" in answers:
            return place
    return None


def test_the_evaluation_set_is_realistic_and_its_answers_exist() -> None:
    found = questions()
    assert len(found) >= 60
    per_lang = {lang: sum(q["lang"] == lang for q in found) for lang in ("nl", "en")}
    assert min(per_lang.values()) >= 0.4 * len(found)
    assert len({(q["lang"], q["query"]) for q in found}) == len(found)
    for lang in ("nl", "en"):
        bundle = content.load_bundle(lang)
        known = {f"{d.kind}/{d.id}" for d in documents(bundle)}
        for q in found:
            if q["lang"] == lang:
                assert q["answers"] and set(q["answers"]) <= known, q


def test_hits_at_3_and_mrr(capsys: pytest.CaptureFixture[str]) -> None:
    bundles = {lang: content.load_bundle(lang) for lang in ("nl", "en")}
    ranks: dict[str, list[int | None]] = {"nl": [], "en": []}
    misses = []
    for q in questions():
        found = rank(bundles[q["lang"]], q["query"], q["answers"])
        ranks[q["lang"]].append(found)
        if found is None or found > 3:
            misses.append(f"  {q['lang']}  {q['query']!r}: rank {found}")

    def figures(values: list[int | None]) -> tuple[float, float]:
        hits = sum(1 for r in values if r is not None and r <= 3) / len(values)
        mrr = sum(1 / r for r in values if r is not None) / len(values)
        return hits, mrr

    everything = ranks["nl"] + ranks["en"]
    with capsys.disabled():
        print()
        for name, values in (("nl", ranks["nl"]), ("en", ranks["en"]), ("all", everything)):
            hits, mrr = figures(values)
            print(f"search evaluation {name:3}: {len(values)} questions, hits@3 {hits:.2f}, MRR {mrr:.2f}")
        print("\n".join(misses))
    assert figures(everything)[0] >= FLOOR
