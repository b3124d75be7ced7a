"""The pipeline's report on generated corpora is byte for byte the one the checker gave before its
matching was made fast (golden files made with the earlier pipeline): any change in what is
segmented, matched or read shows here.

    python tests/test_golden.py    # remake the golden files (only when a change of output is meant)
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import make_corpus  # noqa: E402

from checker.pipeline import check  # noqa: E402
from checker.report.json_format import render_json  # noqa: E402

GOLDEN = Path(__file__).parent / "golden"
CORPORA = {
    # name: (megabytes, rules, seed, keyword rate)
    "sparse": (2.0, 40, 3, 0.03),
    "dense": (1.0, 8, 2, 0.33),
    "many-rules": (0.5, 200, 4, 0.3),
}


def report(folder: Path, name: str, **options: object) -> str:
    """The JSON report (with every statement) of one generated corpus, made in `folder`."""
    megabytes, rules, seed, rate = CORPORA[name]
    corpus, rules_dir = folder / name / "corpus", folder / name / "rules"
    if not corpus.is_dir():
        make_corpus.generate(megabytes, rules, seed, corpus, rules_dir, keyword_rate=rate, quiet=True)
    cwd = os.getcwd()
    os.chdir(folder / name)
    try:
        return render_json(check("corpus", "rules", **options), statements=True)  # type: ignore[arg-type]
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_report_is_unchanged(tmp_path: Path, name: str) -> None:
    expected = gzip.decompress((GOLDEN / f"{name}.json.gz").read_bytes()).decode()
    assert report(tmp_path, name) == expected


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        for corpus_name in CORPORA:
            text = report(Path(scratch), corpus_name)
            (GOLDEN / f"{corpus_name}.json.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
            print(corpus_name, len(text), text.count('"fingerprint"'))
