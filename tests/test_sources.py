"""Reading sources: files and folders, decoding, metadata, sentences and the matching form of text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.models import Problem, Source
from checker.sources import load_sources
from checker.text import line_starts, match_form, paragraph_bounds, sentences

Files = dict[str, "str | bytes"]


def write(folder: Path, files: Files) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def load(folder: Path) -> tuple[list[Source], list[Problem]]:
    """Everything `load_sources` yields for a folder, split into sources and problems.

    Problems name files by their path (`folder/a.txt`); here they are given relative to `folder`.
    """
    items = list(load_sources([folder]))
    assert all(isinstance(i, Source | Problem) for i in items)
    problems = [i for i in items if isinstance(i, Problem)]
    assert all(Path(p.file).is_relative_to(folder) for p in problems), problems
    relative = [p.model_copy(update={"file": Path(p.file).relative_to(folder).as_posix()}) for p in problems]
    return [i for i in items if isinstance(i, Source)], relative


def test_problems_name_the_file_as_the_user_can_open_it(tmp_path: Path) -> None:
    """Sources are named relative to the folder given; a problem gives the path to open."""
    write(tmp_path, {"sub/a.txt": b"caf\xe9", "sub/sources.yaml": "a.txt: [\n"})
    items = list(load_sources([tmp_path]))
    assert [i.name for i in items if isinstance(i, Source)] == ["sub/a.txt"]
    assert [i.file for i in items if isinstance(i, Problem)] == [
        str(tmp_path / "sub" / "sources.yaml"), str(tmp_path / "sub" / "a.txt")]


def only_source(folder: Path, files: Files) -> tuple[Source, list[Problem]]:
    found, problems = load(write(folder, files))
    assert len(found) == 1, (found, problems)
    return found[0], problems


# --- which files are read, and in what order ----------------------------------------------------

@pytest.mark.parametrize(("files", "names"), [
    ({"b.txt": "b", "a.txt": "a"}, ["a.txt", "b.txt"]),
    ({"b.md": "b", "a.txt": "a", "c.txt": "c"}, ["a.txt", "b.md", "c.txt"]),
    ({"z.txt": "z", "sub/a.txt": "a", "sub/deeper/b.md": "b"}, ["sub/a.txt", "sub/deeper/b.md", "z.txt"]),
    ({"a.txt": "a", "b.xml": "<p>b</p>", "c.json": "{}", "d.yaml": "x: 1", "e.txt.bak": "e", "f": "f"},
     ["a.txt"]),
    ({"A.TXT": "upper case suffix", "b.Md": "mixed"}, ["A.TXT", "b.Md"]),
])
def test_files_read_recursively_in_sorted_order(tmp_path: Path, files: Files, names: list[str]) -> None:
    found, problems = load(write(tmp_path, files))
    assert [s.name for s in found] == names
    assert problems == []
    for source in found:
        assert Path(source.path) == tmp_path / source.name
        assert source.text == files[source.name]


def test_sources_stream_one_at_a_time(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "a", "b.txt": "b"})
    stream = load_sources([tmp_path])
    assert next(stream).name == "a.txt"
    assert next(stream).name == "b.txt"


def test_single_file_path(tmp_path: Path) -> None:
    write(tmp_path, {"one.txt": "text", "other.txt": "other"})
    found = list(load_sources([tmp_path / "one.txt"]))
    assert [s.name for s in found if isinstance(s, Source)] == ["one.txt"]


@pytest.mark.parametrize("files", [{}, {"notes.xml": "<p>x</p>", "data.csv": "a,b"}])
def test_empty_folder_is_an_error_naming_it(tmp_path: Path, files: Files) -> None:
    found, problems = load(write(tmp_path, files))
    assert found == []
    assert len(problems) == 1
    assert problems[0].level == "error"
    assert problems[0].file == "."  # the folder itself, relative to itself


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    items = list(load_sources([missing, write(tmp_path / "real", {"a.txt": "a"})]))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [p.file for p in problems] == [str(missing)]
    assert problems[0].level == "error"
    assert [i.name for i in items if isinstance(i, Source)] == ["a.txt"]


# --- decoding ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "text"), [
    (b"\xef\xbb\xbfHello world.", "Hello world."),
    (b"\xef\xbb\xbf---\noutlet: X\n---\nBody.", "---\noutlet: X\n---\nBody."),
    (b"one\r\ntwo\r\nthree", "one\ntwo\nthree"),
    (b"one\rtwo\rthree", "one\ntwo\nthree"),
    (b"one\r\ntwo\rthree\nfour\r", "one\ntwo\nthree\nfour\n"),
    (b"\xef\xbb\xbfone\r\ntwo", "one\ntwo"),
    ("caf\u00e9 \u201cquoted\u201d".encode(), "caf\u00e9 \u201cquoted\u201d"),
    ("\ufeffHi\r\ncaf\u00e9".encode("utf-16-le"), "Hi\ncaf\u00e9"),
    ("\ufeffHi\r\ncaf\u00e9".encode("utf-16-be"), "Hi\ncaf\u00e9"),
])
def test_decoding_without_problems(tmp_path: Path, raw: bytes, text: str) -> None:
    source, problems = only_source(tmp_path, {"a.txt": raw})
    assert problems == []
    assert source.text == text


def test_offsets_index_the_text_without_the_bom(tmp_path: Path) -> None:
    source, _ = only_source(tmp_path, {"a.txt": b"\xef\xbb\xbfFirst. Second.\r\nThird."})
    spans = [(s.start, s.end, s.text) for s in sentences(source.text, 0, len(source.text),
                                                         line_starts(source.text))]
    assert spans == [(0, 6, "First."), (7, 14, "Second."), (15, 21, "Third.")]


@pytest.mark.parametrize(("raw", "text", "line"), [
    (b"caf\xe9 \x93quoted\x94", "caf\u00e9 \u201cquoted\u201d", 1),
    (b"first line\nsecond\ncaf\xe9", "first line\nsecond\ncaf\u00e9", 3),
    (b"first\r\nsecond\r\ncaf\xe9", "first\nsecond\ncaf\u00e9", 3),
    (b"first\rsecond\rcaf\xe9", "first\nsecond\ncaf\u00e9", 3),
    (b"\xef\xbb\xbffirst\n\x93quoted\x94", "first\n\u201cquoted\u201d", 2),
    (b"\x81 undefined in cp1252", "\x81 undefined in cp1252", 1),
])
def test_legacy_encoding_read_with_a_warning(tmp_path: Path, raw: bytes, text: str, line: int) -> None:
    source, problems = only_source(tmp_path, {"old.txt": raw})
    assert source.text == text
    assert len(problems) == 1
    warning = problems[0]
    assert (warning.level, warning.file, warning.line) == ("warning", "old.txt", line)
    assert "UTF-8" in warning.message


@pytest.mark.parametrize("raw", [b"\x00\x01\x02\x03PNG", b"GIF89a\x00\x00\xff", b"text then \x00 NUL"])
def test_binary_file_skipped_with_warning(tmp_path: Path, raw: bytes) -> None:
    found, problems = load(write(tmp_path, {"a.txt": "before", "b.txt": raw, "c.md": "after"}))
    assert [s.name for s in found] == ["a.txt", "c.md"]
    assert [(p.file, p.level) for p in problems] == [("b.txt", "warning")]
    assert "binary" in problems[0].message


# --- metadata ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "meta", "body"), [
    ("---\noutlet: Axios\npublished: 2021-01-14\ntitle: A title\nurl: https://x.test/a\n---\nBody here.",
     {"outlet": "Axios", "published": date(2021, 1, 14), "title": "A title", "url": "https://x.test/a"},
     "Body here."),
    ("---\noutlet: UPI\n---\n", {"outlet": "UPI"}, ""),
    ("---\noutlet: UPI\n---", {"outlet": "UPI"}, ""),
    ("---\noutlet: UPI\n...\nBody.", {"outlet": "UPI"}, "Body."),
    ("---\n---\nBody.", {}, "Body."),
    ("---\npublished: 2021-01-14 09:30:00\n---\nBody.", {"published": date(2021, 1, 14)}, "Body."),
    ("# outlet: Raw Story\n# published: 2018-06-21\nBody.",
     {"outlet": "Raw Story", "published": date(2018, 6, 21)}, "Body."),
    ("# Outlet: UPI\n# URL: https://x.test/b\n\nBody.", {"outlet": "UPI", "url": "https://x.test/b"}, "\nBody."),
    ("# title: Headline: with a colon\nBody.", {"title": "Headline: with a colon"}, "Body."),
    ("# outlet: UPI", {"outlet": "UPI"}, ""),
    ("# A markdown heading\nBody.", {}, "# A markdown heading\nBody."),
    ("# Heading: not metadata\nBody.", {}, "# Heading: not metadata\nBody."),
    ("No header.\n---\noutlet: X\n---\n", {}, "No header.\n---\noutlet: X\n---\n"),
])
def test_header_metadata_and_body_start(tmp_path: Path, text: str, meta: dict, body: str) -> None:
    source, problems = only_source(tmp_path, {"a.md": text})
    assert problems == []
    assert source.meta.model_dump(exclude_none=True) == meta
    assert source.text == text
    assert source.text[source.body_start:] == body


def test_crlf_front_matter(tmp_path: Path) -> None:
    source, problems = only_source(tmp_path, {"a.txt": b"---\r\noutlet: X\r\n---\r\nBody."})
    assert problems == []
    assert source.meta.outlet == "X"
    assert source.text[source.body_start:] == "Body."


MANIFEST = "a.txt:\n  outlet: Manifest Outlet\n  published: 2020-01-01\n  title: From the manifest\n"


@pytest.mark.parametrize(("text", "meta"), [
    ("Body.", {"outlet": "Manifest Outlet", "published": date(2020, 1, 1), "title": "From the manifest"}),
    ("# outlet: Header Outlet\nBody.",
     {"outlet": "Header Outlet", "published": date(2020, 1, 1), "title": "From the manifest"}),
    ("---\npublished: 2021-05-05\n---\nBody.",
     {"outlet": "Manifest Outlet", "published": date(2021, 5, 5), "title": "From the manifest"}),
])
def test_manifest_and_header_overrides_it(tmp_path: Path, text: str, meta: dict) -> None:
    source, problems = only_source(tmp_path, {"a.txt": text, "sources.yaml": MANIFEST})
    assert problems == []
    assert source.meta.model_dump(exclude_none=True) == meta


def test_manifest_applies_to_its_own_folder(tmp_path: Path) -> None:
    found, problems = load(write(tmp_path, {
        "a.txt": "A.", "sub/a.txt": "Sub A.", "sub/sources.yaml": "a.txt: {outlet: Sub}\n",
        "sources.yaml": "a.txt: {outlet: Top}\n"}))
    assert problems == []
    assert {s.name: s.meta.outlet for s in found} == {"a.txt": "Top", "sub/a.txt": "Sub"}


def test_seed_manifest() -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    found, problems = load(seeds)
    assert problems == []
    assert [(s.name, s.meta.outlet, s.meta.published) for s in found] == [
        ("000_c809df64c129ba37.txt", "Raw Story", date(2018, 6, 21)),
        ("001_8c36c7995ecb0c4b.txt", "Axios", date(2021, 1, 14)),
        ("002_a7613cb33c941bf4.txt", "UPI", date(2021, 1, 14)),
    ]


@pytest.mark.parametrize(("manifest", "line", "words"), [
    ("a.txt: &shared {outlet: X}\nb.txt: *shared\n", 2, "alias"),
    ("a.txt:\n  outlet: [unclosed\n", 3, "YAML"),
    ("a.txt: {outlet: X}\n  bad indent: here\n", 2, "YAML"),
    ("a.txt: {outlet: X}\n---\nb.txt: {outlet: Y}\n", 2, "document"),
    ("a.txt: !!python/object/apply:os.system [echo]\n", 1, "YAML"),
    ("a.txt: {outlet: \x07}\n", 1, "YAML"),
    ("- a.txt\n- b.txt\n", 1, "map file names"),
    ("a.txt: just text\n", 1, "map file names"),
])
def test_bad_manifest_is_an_error_with_line(tmp_path: Path, manifest: str, line: int, words: str) -> None:
    found, problems = load(write(tmp_path, {"a.txt": "A.", "b.txt": "B.", "sources.yaml": manifest}))
    assert [s.name for s in found] == ["a.txt", "b.txt"]
    assert [(p.file, p.line, p.level) for p in problems] == [("sources.yaml", line, "error")]
    assert words in problems[0].message


@pytest.mark.parametrize(("text", "line"), [
    ("---\noutlet: X\ntitle: [unclosed\n---\nBody.", 4),
    ("---\noutlet: X\ntitle: a: b\n---\nBody.", 3),
    ("---\na: &x 1\nb: *x\n---\nBody.", 3),
])
def test_front_matter_not_yaml(tmp_path: Path, text: str, line: int) -> None:
    source, problems = only_source(tmp_path, {"a.txt": text})
    assert [(p.file, p.line, p.level) for p in problems] == [("a.txt", line, "error")]
    assert "front matter" in problems[0].message
    assert source.text[source.body_start:] == "Body."


@pytest.mark.parametrize(("files", "where", "kept"), [
    ({"a.txt": "---\noutlet: X\npublished: yesterday\n---\nBody."}, ("a.txt", 3), {"outlet": "X"}),
    ({"a.txt": "---\npublished: 2021-02-30\n---\nBody."}, ("a.txt", 2), {}),
    ({"a.txt": "---\npublished: 2021-13-01\n---\nBody."}, ("a.txt", 2), {}),
    ({"a.txt": "# outlet: X\n# published: 14/01/2021\nBody."}, ("a.txt", 2), {"outlet": "X"}),
    ({"a.txt": "Body.", "sources.yaml": "a.txt:\n  outlet: M\n  published: 2021-02-30\n"},
     ("sources.yaml", 3), {"outlet": "M"}),
    ({"a.txt": "Body.", "sources.yaml": "a.txt:\n  outlet: M\n  published: soon\n"},
     ("sources.yaml", 3), {"outlet": "M"}),
])
def test_bad_published_is_an_error_at_its_line(tmp_path: Path, files: Files, where: tuple[str, int],
                                               kept: dict) -> None:
    source, problems = only_source(tmp_path, files)
    assert [(p.file, p.line, p.level) for p in problems] == [(*where, "error")]
    assert "published" in problems[0].message
    assert source.meta.model_dump(exclude_none=True) == kept


@pytest.mark.parametrize(("files", "where"), [
    ({"a.txt": "---\noutlet: X\nauthor: Someone\n---\nBody."}, ("a.txt", 3)),
    ({"a.txt": "Body.", "sources.yaml": "a.txt:\n  outlet: X\n  author: Someone\n"}, ("sources.yaml", 3)),
])
def test_unknown_metadata_key_is_a_warning(tmp_path: Path, files: Files, where: tuple[str, int]) -> None:
    source, problems = only_source(tmp_path, files)
    assert [(p.file, p.line, p.level) for p in problems] == [(*where, "warning")]
    assert "author" in problems[0].message
    assert source.meta.outlet == "X"


def test_front_matter_that_is_not_a_mapping_is_a_warning(tmp_path: Path) -> None:
    source, problems = only_source(tmp_path, {"a.txt": "---\n- a\n- b\n---\nBody."})
    assert [p.level for p in problems] == ["warning"]
    assert source.text[source.body_start:] == "Body."


# --- sentences -----------------------------------------------------------------------------------

def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int]]:
    found = sentences(text, start, len(text) if end is None else end, line_starts(text))
    for s in found:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    return [(s.text, s.line) for s in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("One sentence. Another one.", [("One sentence.", 1), ("Another one.", 1)]),
    ("The U.S. Attorney met him. He left.", [("The U.S. Attorney met him.", 1), ("He left.", 1)]),
    ("Troops left the U.S. in 2018. Then more.", [("Troops left the U.S. in 2018.", 1), ("Then more.", 1)]),
    ("Mr. Smith went to Washington. Dr. Jones stayed.",
     [("Mr. Smith went to Washington.", 1), ("Dr. Jones stayed.", 1)]),
    ("It cost $1.5 million. Next.", [("It cost $1.5 million.", 1), ("Next.", 1)]),
    ("A headline without a period\nThe body starts here. More.",
     [("A headline without a period", 1), ("The body starts here.", 2), ("More.", 2)]),
    ("Caption one\nCaption two", [("Caption one", 1), ("Caption two", 2)]),
    ("First.\n\n\nFourth line.", [("First.", 1), ("Fourth line.", 4)]),
    ('"We are done," an official said. Next.', [('"We are done," an official said.', 1), ("Next.", 1)]),
    ("He said: \u201cWe\u2019re done.\u201d She left.", [("He said: \u201cWe\u2019re done.\u201d", 1),
                                                        ("She left.", 1)]),
    ('"First. Second." Third.', [('"First.', 1), ('Second."', 1), ("Third.", 1)]),
    ("What? Yes! No.", [("What?", 1), ("Yes!", 1), ("No.", 1)]),
    ("  \u2022 A bullet item.  ", [("\u2022 A bullet item.", 1)]),
    ("\u0130stanbul is big. Emoji \U0001F600 here. Next.",
     [("\u0130stanbul is big.", 1), ("Emoji \U0001F600 here.", 1), ("Next.", 1)]),
])
def test_sentences(text: str, expected: list[tuple[str, int]]) -> None:
    assert split(text) == expected


def test_sentences_of_a_paragraph_keep_offsets_into_the_whole_text() -> None:
    text = "Title\n\nFirst para. Still first.\n\nSecond para here.\nLine two of it."
    start, end = paragraph_bounds(text, text.index("Second"))
    assert text[start:end] == "Second para here.\nLine two of it."
    found = sentences(text, start, end, line_starts(text))
    assert [(s.text, s.line, s.start) for s in found] == [
        ("Second para here.", 5, text.index("Second")), ("Line two of it.", 6, text.index("Line two"))]
    assert all((s.paragraph_start, s.paragraph_end) == (start, end) for s in found)


# --- match_form ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("\u201czero tolerance\u201d", '"zero tolerance"'),
    ("\u201ezero tolerance\u201f", '"zero tolerance"'),
    ("We\u2019re", "We're"),
    ("\u2018single\u2019", "'single'"),
    ("zero-tolerance", "zero tolerance"),
    ("zero\u2010tolerance", "zero-tolerance"),
    ("zero\u2011tolerance", "zero tolerance"),
    ("U.S.\u2013Mexico", "U.S.-Mexico"),
    ("policy\u2014and", "policy-and"),
    ("545\u00a0parents", "545 parents"),
    ("Don\u2019t SEPARATE", "don't separate"),
    ("\u0130stanbul", "Istanbul"),
    ("D\u0130SPUTED", "disputed"),
])
def test_match_form_equal(a: str, b: str) -> None:
    assert match_form(a) == match_form(b)


@pytest.mark.parametrize("text", [
    "\u201cWe\u2019re suspending\u201d \u2014 zero\u2011tolerance",
    "\u0130",
    "\u0130stanbul and \u0130ZM\u0130R",
    "Stra\u00dfe \u01c5 \uff21 \ufb01 \u212a \U0001F600",
    "A\u0301 combining",
    "",
])
def test_match_form_keeps_length_and_offsets(text: str) -> None:
    form = match_form(text)
    assert len(form) == len(text)
    for i, ch in enumerate(text):
        assert match_form(ch) == form[i]


def test_match_form_lowercases() -> None:
    assert match_form("The U.S. ATTORNEY \u0130") == "the u.s. attorney i"


def test_a_manifest_keeps_only_the_entries_of_files_that_are_there(tmp_path: Path) -> None:
    """Read one entry at a time, a manifest of many files costs memory for the files present only;
    a file name given twice is still reported, wherever it stands."""
    from checker.manifest import read_manifest

    lines = [f"gone-{i}.txt: {{outlet: Outlet {i}, published: 2021-01-14}}" for i in range(2000)]
    lines += ["here.txt: {outlet: Daily, published: 2021-01-15}", "gone-7.txt: {outlet: Again}"]
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "here.txt").write_text("text", encoding="utf-8")
    entries, problems = read_manifest(tmp_path)
    assert list(entries) == ["here.txt"]
    assert entries["here.txt"]["outlet"] == ("Daily", str(tmp_path / "sources.yaml"), 2001)
    [twice] = problems
    assert (twice.line, twice.message) == (2002, "key 'gone-7.txt' appears twice (first on line 8)")
