"""Random YAML fed to the rule loader: it returns a rule (or cases) or problems, or raises `RuleFileError`.

Nothing else may escape: no pydantic, YAML, Unicode or RE2 error, and every problem has a line.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.rules import RULE_TYPES, parse_rule, rule_from_document
from checker.rules.cases import is_case_file, parse_case_file
from checker.guarded_yaml import RuleFileError, parse_document
from tests.conftest import RULES

FIELDS = sorted({name for model in RULE_TYPES.values() for name in model.model_fields}
                | {"text", "expect", "published", "value", "unit", "stance", "rule"})
SHIPPED = [path.read_bytes() for path in sorted(RULES.glob("*.yaml"))]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                    st.dates(), st.sampled_from([*RULE_TYPES, "none", "affirm", "high", "(?=x)", "[", "*a"]))
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=10))
data = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(keys, inner, max_size=6)), max_leaves=25)
yaml_text = st.builds(lambda d: yaml.safe_dump(d, allow_unicode=True), data)
noise = st.text(alphabet=st.sampled_from(list("-:[]{}&*!|>'\"#%@` \t\n,?abc01") + ["\x00", "\ufeff", "é"]),
                max_size=80)


@st.composite
def mutated_rules(draw: st.DrawFn) -> bytes:
    """A shipped rule with a slice cut out and some noise put in."""
    raw = draw(st.sampled_from(SHIPPED))
    start = draw(st.integers(0, len(raw)))
    end = draw(st.integers(start, min(len(raw), start + 40)))
    return raw[:start] + draw(noise).encode() + raw[end:]


def _load(raw: bytes) -> None:
    try:
        doc = parse_document(raw, "fuzz.yaml")
    except RuleFileError as exc:
        assert exc.problem.file == "fuzz.yaml" and exc.problem.line is not None
        return
    if is_case_file(doc):
        found, problems = parse_case_file(doc)
        assert found is not None or problems
    else:
        rule, problems = rule_from_document(doc)
        assert rule is not None or problems
    for problem in problems:
        assert problem.file == "fuzz.yaml" and problem.line is not None, problem


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.one_of(yaml_text.map(str.encode), mutated_rules(), noise.map(str.encode), st.binary(max_size=200)))
def test_loader_only_returns_problems_or_raises_its_own_error(raw: bytes):
    _load(raw)


@settings(max_examples=50, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=mutated_rules())
def test_parse_rule_on_a_file_never_raises(tmp_path: Path, raw: bytes):
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(raw)
    rule, problems = parse_rule(path)
    assert rule is not None or problems
    assert all(p.file == str(path) and p.line is not None for p in problems)
