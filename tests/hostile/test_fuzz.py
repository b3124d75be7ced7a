"""Fuzzing the command over sources, rules, manifests, reviews and baselines: whatever the bytes, the
exit code is 0, 1 or 2 and no traceback is printed. Bounded and derandomized, so it is the same run
every time and stays fast."""

from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import app
from tests.hostile import cases

runner = CliRunner()
PIECES = ["The pilot separated ", "280", " families", ". ", "\n", "\n\n", "---\n", "# published: ", "2020-05-01",
          "9" * 320, '"', "\u201c", "on Monday", "\x1b[2J", "\ud800", "{", "[", "]", "}", ":", "published: 0",
          "https://x.example", "\u00e9", "\x00", "version", "reviews", "findings", "1e999", "-"]
text = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=25).map("".join)


def _bytes(value: str) -> bytes:
    return value.encode("utf-8", "surrogatepass")


@settings(max_examples=20, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(source=text, manifest=text, rule=text, reviews=text, baseline=text,
       json_reviews=st.booleans())
def test_the_command_never_fails_on_its_input(tmp_path_factory, source: str, manifest: str, rule: str,
                                              reviews: str, baseline: str, json_reviews: bool) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    sources, rules = root / "src", cases.rules(root / "rules")
    sources.mkdir()
    (sources / "a.txt").write_bytes(_bytes(source))
    (sources / "b.txt").write_text("The pilot separated 300 families.\n", encoding="utf-8")
    (sources / "sources.yaml").write_bytes(_bytes(manifest))
    (rules / "fuzz.yaml").write_bytes(_bytes(cases.PILOT_RULE.replace("pilot separated", "pilot") + rule))
    if json_reviews:
        reviews = '{"version": 1, "reviews": {"0123456789abcdef": {"status": "open", "note": ' + repr(reviews) + "}}}"
    (root / "reviews.json").write_bytes(_bytes(reviews))
    (root / "baseline.json").write_bytes(_bytes('{"version": 1, "findings": {' + baseline + "}}"))
    for args in (["check", str(sources), "--rules", str(rules), "--reviews", str(root / "reviews.json")],
                 ["check", str(sources), "--rules", str(rules), "--baseline", str(root / "baseline.json"),
                  "-f", "markdown"],
                 ["check", str(sources), "--rules", str(rules), "-f", "json", "-o", str(root / "out.json")]):
        result = runner.invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output
