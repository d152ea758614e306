# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Write a large content pack for scale measurements: 2,000 narratives, 2,000 lessons and
1,000 quiz questions (5,000 entries) in Dutch and English.

    python benchmarks/make_scale_pack.py OUT_DIR [--narratives 2000 --lessons 2000 --questions 1000]

The texts are filler made from a fixed vocabulary (seeded), long enough to look like real
entries; every entry is valid, so `infoblad validate OUT_DIR` passes.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

WORDS = [
    "gemeente",
    "bewoner",
    "vertrouwen",
    "wijk",
    "gesprek",
    "balie",
    "afspraak",
    "inspraak",
    "besluit",
    "uitleg",
    "luisteren",
    "overheid",
    "burger",
    "zorg",
    "buurt",
    "jongeren",
    "beleid",
    "kennis",
    "ervaring",
    "signaal",
    "terugkoppeling",
    "maatwerk",
    "financiën",
    "coördinatie",
    "reünie",
    "ideeën",
    "privé",
    "café",
]
THEMES = ("verhalen-herkennen", "in-het-moment", "bewoners-betrekken", "eigen-rol")


def sentence(rng: random.Random, words: int = 12) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def source() -> str:
    return '      - title: "Schaaltest"\n        url: "https://example.org/schaal"\n'


def narratives(rng: random.Random, count: int) -> str:
    out = ["narratives:\n"]
    for i in range(count):
        out.append(
            f"  - id: schaal-verhaal-{i:05d}\n"
            f"    title: {q('Verhaal ' + str(i) + ' ' + rng.choice(WORDS))}\n"
            f"    summary: {q(sentence(rng, 10))}\n"
            f"    experience: {q(paragraph(rng) + chr(10) * 2 + paragraph(rng))}\n"
            f"    how_it_grows: {q(paragraph(rng))}\n"
            f"    voices:\n      - {q(sentence(rng))}\n      - {q(sentence(rng))}\n"
            f"    asks_of_you:\n"
            f"      frontline:\n        - {q(sentence(rng))}\n        - {q(sentence(rng))}\n"
            f"      policy:\n        - {q(sentence(rng))}\n        - {q(sentence(rng))}\n"
            f"    lessons: [schaal-les-{i % max(1, count):05d}]\n"
            f"    sources:\n{source()}"
        )
    return "".join(out)


def lessons(rng: random.Random, count: int) -> str:
    out = ["lessons:\n"]
    for i in range(count):
        out.append(
            f"  - id: schaal-les-{i:05d}\n"
            f"    title: {q('Les ' + str(i) + ' ' + rng.choice(WORDS))}\n"
            f"    summary: {q(sentence(rng, 10))}\n"
            f"    lesson: {q(paragraph(rng))}\n"
            f"    why_it_works: {q(paragraph(rng))}\n"
            f"    answers: [niet-gehoord]\n"
            f"    tomorrow:\n      frontline: {q(sentence(rng))}\n      policy: {q(sentence(rng))}\n"
            f"    cases: []\n"
            f"    sources:\n{source()}"
        )
    return "".join(out)


def questions(rng: random.Random, count: int, lessons_count: int) -> str:
    out = ["questions:\n"]
    for i in range(count):
        lesson = f"schaal-les-{i % max(1, lessons_count):05d}" if lessons_count else "vroeg-betrekken"
        out.append(
            f"  - id: schaal-vraag-{i:05d}\n"
            f"    theme: {rng.choice(THEMES)}\n"
            f"    kind: scenario\n"
            f"    setting: {q(rng.choice(WORDS))}\n"
            f"    prompt: {q(paragraph(rng, 3))}\n"
            f"    options:\n"
            + "".join(
                f"      - text: {q(sentence(rng))}\n        weight: {weight}\n"
                f"        feedback: {q(sentence(rng))}\n        lesson: {lesson}\n"
                for weight in (2, 1, 0)
            )
        )
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--narratives", type=int, default=2000)
    parser.add_argument("--lessons", type=int, default=2000)
    parser.add_argument("--questions", type=int, default=1000)
    args = parser.parse_args()
    for lang in ("nl", "en"):
        rng = random.Random(2022)  # the same filler in both languages keeps them in step
        folder = args.out / lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "narratives.yaml").write_text(narratives(rng, args.narratives), encoding="utf-8")
        (folder / "lessons.yaml").write_text(lessons(rng, args.lessons), encoding="utf-8")
        (folder / "quiz.yaml").write_text(questions(rng, args.questions, args.lessons), encoding="utf-8")
    total = args.narratives + args.lessons + args.questions
    print(f"wrote a pack of {total:,} entries per language to {args.out}")


if __name__ == "__main__":
    main()
