# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""One practical tip a day, from what the lessons and narratives ask you to do.

The tips are every lesson's ``tomorrow`` actions and every narrative's ``asks_of_you`` lines,
for the front line and for policy officers. They are put in a fixed, mixed order (by a checksum
of where each comes from, so the order does not depend on the order of the content files nor on
the language) and the day picks one: ``day.toordinal() % count``. So a tip stays the same all
day, the next day always brings another one, and every tip comes round before one repeats.
Dutch and English users see the same tip on the same day.

Pure: the caller says which day it is; nothing here reads the clock.
"""

from __future__ import annotations

import zlib
from datetime import date
from random import Random
from typing import Any, NamedTuple

from . import models as m

ROLES = ("frontline", "policy")


class Tip(NamedTuple):
    text: str
    role: str  # "frontline" or "policy"
    kind: str  # where it comes from: "lessons" or "narratives"
    id: str
    title: str

    @property
    def command(self) -> str:
        """The command that opens what the tip comes from."""
        return f"infoblad {self.kind} {self.id}"


class _Candidate(NamedTuple):
    key: str
    tip: Tip


def all_tips(bundle: m.Bundle) -> list[Tip]:
    """Every tip in the content, in the fixed daily order."""
    found: list[_Candidate] = []
    for lesson in bundle.lessons:
        for role, text in zip(ROLES, lesson.tomorrow, strict=True):
            if text.strip():
                tip = Tip(text, role, "lessons", lesson.id, lesson.title)
                found.append(_Candidate(f"lessons/{lesson.id}/{role}", tip))
    for narrative in bundle.narratives:
        for role, items in zip(ROLES, narrative.asks_of_you, strict=True):
            for index, text in enumerate(items):
                if text.strip():
                    tip = Tip(text, role, "narratives", narrative.id, narrative.title)
                    found.append(_Candidate(f"narratives/{narrative.id}/{role}/{index}", tip))
    found.sort(key=lambda c: (zlib.crc32(c.key.encode("utf-8")), c.key))
    return [c.tip for c in found]


def today() -> date:
    """The local date: the one place that reads the clock (tests replace it)."""
    return date.today()


def for_day(bundle: m.Bundle, day: date) -> Tip | None:
    """The tip of ``day`` (a local date); None when the content has no tips at all."""
    tips = all_tips(bundle)
    return tips[day.toordinal() % len(tips)] if tips else None


def another(bundle: m.Bundle, day: date, rng: Random | None = None) -> Tip | None:
    """A tip chosen at random, never the one of ``day`` (unless it is the only one)."""
    tips = all_tips(bundle)
    if not tips:
        return None
    today = day.toordinal() % len(tips)
    others = [tip for index, tip in enumerate(tips) if index != today] or tips
    return (rng or Random()).choice(others)


def to_data(tip: Tip, lang: str, day: date, random: bool) -> dict[str, Any]:
    """The tip for ``--json``."""
    return {
        "lang": lang,
        "date": day.isoformat(),
        "random": random,
        "tip": {
            "text": tip.text,
            "role": tip.role,
            "kind": tip.kind,
            "id": tip.id,
            "title": tip.title,
            "command": tip.command,
        },
    }
