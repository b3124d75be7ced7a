"""The fast path for plain lines gives exactly syntok's sentences, on generated and real text."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import syntok.segmenter as segmenter

from checker.text import plain_sentences

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import make_corpus  # noqa: E402


def syntok_spans(chunk: str) -> list[tuple[int, int]]:
    """syntok's sentences as `checker.text.sentences` keeps them: without trailing white space."""
    spans = [(tokens[0].offset, tokens[-1].offset + len(tokens[-1].value))
             for paragraph in segmenter.analyze(chunk) for tokens in paragraph if tokens]
    return [(s, s + len(chunk[s:e].rstrip())) for s, e in spans]


def lines_of(folder: Path) -> list[str]:
    return [line for file in sorted(folder.rglob("*.txt")) for line in file.read_text("utf-8").split("\n")
            if line.strip()]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus.generate(0.5, 20, 3, folder / "corpus", folder / "rules", quiet=True)
    return lines_of(folder / "corpus")


def test_plain_lines_split_as_syntok_splits_them(generated: list[str]) -> None:
    lines = generated + lines_of(ROOT / "seeds") + lines_of(ROOT / "docs" / "story")
    plain = [line for line in lines if plain_sentences(line) is not None]
    assert len(plain) > len(lines) / 5  # the fast path is taken often enough to matter
    for line in plain:
        assert plain_sentences(line) == syntok_spans(line), line


@pytest.mark.parametrize("line", [
    "The U.S. agency said so.", "It cost $3.5 million. Then it rose.", "Mr. Smith left.", "He met J. Doe today.",
    'She said "yes." Then left.', "It ended (for now). Then more.", "At 5 p.m. they met.", "Wait... what? No.",
    "Rates fell. and then rose.", "Prices rose 3.5%.",
])
def test_hard_lines_are_left_to_syntok(line: str) -> None:
    assert plain_sentences(line) is None or plain_sentences(line) == syntok_spans(line)


@pytest.mark.parametrize("line", ["The count rose. It fell again! Why? Nobody knows.", "  Leading space. Trailing  ",
                                  "No end at all", "One sentence.", 'The "zero tolerance" policy ended. It was over.',
                                  "The agency (ICE) said so. Then it left."])
def test_easy_lines(line: str) -> None:
    assert plain_sentences(line) == syntok_spans(line)


@pytest.mark.parametrize("line", ['We voted. "There is more." She left.', 'It is only a first step." The council met.',
                                  '"We need it," she said. "It is late." Then he left.',
                                  "He said 'never.' Then he left.",
                                  'It cost $32.8 million. Then it rose 3.5%. It fell.', 'Done.” “Next,” he said.'])
def test_quotes_and_decimals_at_sentence_ends(line: str) -> None:
    assert plain_sentences(line) is not None
    assert plain_sentences(line) == syntok_spans(line)


_PIECES = ["the", "The", "council", "He", "I", "A", "a", "U.S.", "Mr.", "said", "5", "3.5", "1.5%", "$2.25", "$4",
           "10%", ".", ". ", "!", "?", "...", '"', "“", "”", "'", "’", "(", ")", ",", ";", ":", "-", "—", " ", "  ",
           "x", "Go", "no", "it's", "II"]


@pytest.mark.parametrize("seed", range(4))
def test_fuzzed_lines_split_as_syntok_splits_them(seed: int) -> None:
    """Random runs of words, figures, quotes, brackets and punctuation: whatever the fast path takes,
    it splits as syntok does."""
    rng = random.Random(seed)
    taken = 0
    for _ in range(6000):
        line = "".join(rng.choice(_PIECES) + (" " if rng.random() < 0.6 else "") for _ in range(rng.randint(1, 14)))
        if (fast := plain_sentences(line)) is not None:
            taken += 1
            assert fast == syntok_spans(line), line
    assert taken > 600
