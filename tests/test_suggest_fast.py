"""The first pass's shortcuts find exactly what the plain searches they stand for find, on generated,
real and fuzzed text."""

from __future__ import annotations

import copy
import pickle
import random
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from checker import engines, suggest
from checker.extract import figure_context, numbers
from checker.extract.nouns import find_unit
from checker.selection import Selection
from checker.text import match_form
from tests.conftest import SEEDS

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus.generate(0.3, 20, 5, folder / "corpus", folder / "rules", quiet=True)
    files = sorted((folder / "corpus").rglob("*.txt")) + sorted(SEEDS.rglob("*.txt"))
    return [file.read_text("utf-8") for file in files]


def fuzzed(pieces: list[str], count: int, seed: int = 1) -> list[str]:
    chance = random.Random(seed)
    return ["".join(chance.choice(pieces) for _ in range(chance.randint(1, 14))) for _ in range(count)]


VAGUE = ["tens", "Tens", "of", "OF", "thousands", "Hundreds", "dozens", "millions", "billions", " ", "  ", "\n",
         "-", "x", "s", "a", "5", "The", " " * 60, "\n" + " " * 55, "thouſands", "mıllions"]


def test_vague_figures_are_those_of_the_whole_text(texts: list[str]) -> None:
    cases = texts + fuzzed(VAGUE, 4000) + ["tens of thousands of people", "hundreds of thousands of homes",
                                           "Tens-of thousands of", "xthousands of", "THOUSANDS OF"]
    for text in cases:
        whole = [m.span() for m in suggest._VAGUE_FIGURE.finditer(text)]
        assert [m.span() for m in suggest._vague_figures(text, match_form(text))] == whole, text


def plain_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a figure as searched for around each one: the last break in the `WINDOW`
    before it, and the first after it."""
    low = max(0, start - suggest.WINDOW)
    begin = max((m.end() for m in suggest._BOUNDARY.finditer(text, low, start)), default=low)
    after = suggest._BOUNDARY.search(text, end, min(len(text), end + suggest.WINDOW))
    return begin, after.start() + 1 if after else min(len(text), end + suggest.WINDOW)


def test_sentence_breaks_found_once_give_each_figure_its_sentence(texts: list[str]) -> None:
    checked = 0
    for text in texts:
        breaks = suggest._breaks(text)
        for figure in suggest._FIGURE.finditer(text):
            found = suggest._sentence_around(breaks, figure.start(), figure.end(), len(text))
            assert found == plain_sentence(text, figure.start(), figure.end())
            checked += 1
    assert checked > 1000


def test_the_break_pattern_is_the_plain_one(texts: list[str]) -> None:
    plain = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z])|\n")
    for text in texts + fuzzed([".", "!", "?", '"', "”", ")", " ", "\n", "A", "a", "(", "“"], 3000):
        assert [m.span() for m in suggest._BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]


NEGATIONS = ["not", "NOT", "didn't", "don’t", "no longer", "No  longer", "yet to", "failed to", "never",
             "not only", ",", " and ", " ", "homes", "5", "knot", "ain't", "faıled to", "FAİLED TO", "nevеr"]


def test_a_negation_is_looked_for_as_before(texts: list[str]) -> None:
    for text in fuzzed(NEGATIONS, 4000) + texts[:40]:
        for at in range(0, len(text) + 1, 3):
            clause = figure_context._clause_before(text[max(0, at - 80):at])
            assert figure_context.is_negated(text, at) == bool(figure_context._NEGATOR.search(clause)), text


MONTHS = ["May", "may", "June", "Sept.", "of", " ", "  ", "\n", "5", "12", "x", "Dec"]


def test_a_day_of_a_date_is_looked_for_as_before() -> None:
    for text in fuzzed(MONTHS, 4000):
        for day in re.finditer(r"\d+", text):
            start, end = day.span()
            plain = bool(numbers._MONTH_BEFORE.search(text[max(0, start - 12):start])
                         or numbers._MONTH_AFTER.match(text, end)) and len(day[0]) <= 2
            assert numbers.day_of_date(text, start, end, day[0]) == plain, text


LONG = "298441737587687237823770918913"


@pytest.mark.parametrize(("raw", "value"), [("12", 12), ("007", 7), ("٣٤", 34), ("1,200", 1200), ("1" * 31, None),
                                            ("0" * 40 + "5", 5), ("9" * 29, Decimal("9" * 29) * 1),
                                            (LONG, Decimal(LONG) * 1)])
def test_digits_read_without_the_pattern_as_with_it(raw: str, value: Decimal | None) -> None:
    """Rounded to the decimal context as the pattern's path rounds them."""
    found = numbers.figure_value(raw)
    assert found == value and str(found) == str(value)


@pytest.mark.parametrize(("text", "unit"), [("5 parents' homes", "parents"), ("5 workers’ unions", "workers"),
                                            ("5 James's cats", "james"), ("5 rock'n'roll bands", "bands")])
def test_possessives_end_the_noun(text: str, unit: str) -> None:
    found = find_unit(text, 1, ())
    assert found is not None and found[0] == unit


def test_figures_travel_from_workers_whole(texts: list[str]) -> None:
    figures = [figure for text in texts for figure in suggest.figures_in(text, "source")]
    assert any(f.wholes for f in figures)
    assert pickle.loads(pickle.dumps(figures)) == figures


def test_a_clusters_commonest_words_are_kept_as_most_common_counts_them() -> None:
    """Kept up to date figure by figure, and what `ranked` kept is what ranking afresh gives; a word
    repeated in a figure's context (which `figures_in` never makes) is still one word."""
    chance = random.Random(3)
    vocabulary = [f"w{n}" for n in range(30)]
    for case in range(400):
        cluster = suggest._Cluster(noun="home")
        for _ in range(chance.randint(1, 12)):
            cluster.ranked()  # ranked once, the commonest words are kept up to date from then on
            size = chance.randint(1, 14)
            context = tuple(chance.choices(vocabulary, k=size) if case % 4 == 0 else chance.sample(vocabulary, size))
            noun = chance.choice(["home", "home", "house"])
            cluster.add(suggest._Figure("s", noun, "homes", frozenset(), context, True, 1.0, 0))
            assert cluster._top == [w for w, _ in cluster.context.most_common(suggest.CONTEXT_WORDS)]
            afresh = copy.copy(cluster)
            afresh._ranked = None
            assert cluster.ranked() == afresh.ranked()


def test_spread_counts_each_figures_context_once(texts: list[str]) -> None:
    grouping = suggest._Grouping()
    counted: Counter[str] = Counter()
    for text in texts:
        for figure in suggest.figures_in(text, "source"):
            grouping.add(figure)
            counted.update(figure.context)
    assert grouping.spread() == counted


def test_the_second_pass_reads_the_files_the_first_found_without_walking_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    walks: list[object] = []
    found_sources = suggest.found_sources

    def walking(*args: Any) -> Any:
        walks.append(args)
        return found_sources(*args)

    monkeypatch.setattr(suggest, "found_sources", walking)
    result = suggest.suggest([SEEDS], top=3, selection=Selection(no_ignore=True))
    assert result.suggestions and len(walks) == 1


def test_the_first_pass_starts_its_workers_sooner(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no `--jobs`, workers start once `serial` bytes are read here, not `AUTO_SERIAL_BYTES`."""
    started: list[int] = []
    pool = engines.ProcessPoolExecutor
    monkeypatch.setattr(engines, "default_jobs", lambda: 2)

    def starting(jobs: int, **options: Any) -> Any:
        started.append(jobs)
        return pool(jobs, **options)

    monkeypatch.setattr(engines, "ProcessPoolExecutor", starting)
    items = [SimpleNamespace(text="x" * 100) for _ in range(30)]
    done = list(engines.map_batches(items, None, len, len, size=100, serial=1_000))
    assert started == [2] and len(done) == 30
