"""The manifest read along with the folder's listing: the same metadata and problems as a full
read, with memory that does not grow with the number of files it lists."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

from checker.manifest import keys_in_order, read_manifest
from checker.models import Problem, Source
from checker.sources import load_sources


def _folder(tmp_path: Path, names: list[str], manifest_names: list[str], extra: str = "") -> Path:
    for name in names:
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    lines = [f"{n}: {{outlet: Outlet {n}, published: 2021-01-14}}" for n in manifest_names]
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return tmp_path


def _read(paths: list[Path]) -> tuple[dict[str, str | None], list[Problem]]:
    items = list(load_sources(paths))
    outlets = {i.name: i.meta.outlet for i in items if isinstance(i, Source)}
    return outlets, [i for i in items if isinstance(i, Problem)]


def test_a_sorted_manifest_gives_each_file_its_entry(tmp_path: Path) -> None:
    names = [f"{i:04d}.txt" for i in range(0, 300, 3)]
    folder = _folder(tmp_path, names, [f"{i:04d}.txt" for i in range(300)])
    outlets, problems = _read([folder])
    assert outlets == {n: f"Outlet {n}" for n in names} and problems == []
    [source] = [i for i in load_sources([folder / "0003.txt"]) if isinstance(i, Source)]
    assert source.meta.published == date(2021, 1, 14)


def test_an_unsorted_manifest_and_files_asked_out_of_order_read_as_a_full_read(tmp_path: Path) -> None:
    names = ["a.txt", "b.txt", "c.txt", "d.txt"]
    folder = _folder(tmp_path, names, ["c.txt", "a.txt", "d.txt", "b.txt", "a.txt"])
    outlets, problems = _read([folder])
    assert outlets == {n: f"Outlet {n}" for n in names}
    [twice] = problems  # said once, though the manifest is read a second time into an index
    assert (twice.line, "appears twice (first on line 2)" in twice.message) == (5, True)
    outlets, _ = _read([folder / "d.txt", folder / "a.txt"])
    assert outlets == {"d.txt": "Outlet d.txt", "a.txt": "Outlet a.txt"}


def test_problems_after_the_last_file_are_still_said(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["a.txt"], ["a.txt", "z.txt", "z.txt"], extra="zz.txt: {outlet: X, outlet: Y}\n")
    _, problems = _read([folder])
    assert [p.line for p in problems] == [3, 4]
    assert _read([folder])[1] == read_manifest(folder)[1]


def test_memory_does_not_grow_with_the_entries_read(tmp_path: Path) -> None:
    names = [f"{i:05d}.txt" for i in range(2000)]
    folder = _folder(tmp_path, names, names)

    def peak(read: Callable[[], object]) -> int:
        tracemalloc.start()
        try:
            read()
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    with_manifest = peak(lambda: [None for _ in load_sources([folder])])
    indexed = peak(lambda: read_manifest(folder))
    (folder / "sources.yaml").unlink()
    without = peak(lambda: [None for _ in load_sources([folder])])
    assert with_manifest - without < indexed / 4, (with_manifest, without, indexed)


def test_the_key_scan_leaves_unusual_manifests_to_the_index() -> None:
    assert keys_in_order("a.txt: {outlet: A}\nb.txt:\n  outlet: B\n# note\nc.txt: {}\n")
    assert not keys_in_order("b.txt: {}\na.txt: {}\n")
    assert not keys_in_order("a.txt: {}\na.txt: {}\n")
    assert not keys_in_order('"a.txt": {}\nb.txt: {}\n')
    assert not keys_in_order("{a.txt: {}, b.txt: {}}\n")


def test_entries_made_from_events_are_what_the_composer_makes() -> None:
    """Scalars and entry mappings read straight from parser events: the same values and lines as the
    guarded composer gives, for every style a manifest may use; an alias is still refused."""
    import pytest
    import yaml

    from checker.manifest import _stream, load_yaml

    text = """a.txt: {outlet: "Valley Courier", published: 2019-01-01}
b.txt:
  outlet: 'Bay, Chronicle'
  published: 2021-02-30
  tags: [one, two]
  note: !!str 123
  pages: 12
  nothing: ~
  nested: {deep: {deeper: yes}}
c.txt: &first {outlet: Anchored}
d.txt: !!map {outlet: Tagged}
e.txt:
  outlet: >
    Folded
    text
"""
    streamed = {
        file: {k: (v, line) for k, (v, _, line) in entry.items()} for file, entry, _, _ in _stream(text, "sources.yaml")
    }
    data, lines, _ = load_yaml(text)
    assert streamed == {file: {k: (v, lines[(file, k)] + 1) for k, v in entry.items()} for file, entry in data.items()}
    with pytest.raises(yaml.MarkedYAMLError, match="aliases"):
        list(_stream("a.txt: {outlet: &o X}\nb.txt: {outlet: *o}\n", "sources.yaml"))
