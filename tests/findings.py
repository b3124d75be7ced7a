"""Findings built by hand, and a tiny corpus on disk, for the review, baseline and report tests.

Built by hand so that those tests do not depend on how extraction reads the seeds; the corpus is
small enough that what `checker check` finds in it is plain (one contradiction, one apparent).
"""

from __future__ import annotations

from pathlib import Path

from checker.compare import fingerprint
from checker.rules.quantity import describe_figure
from checker.models import CheckResult, Finding, Interval, Mention, Review, RuleInfo, Stats, Version

HOSTILE = ('Officials said <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> '
           '| `rm -rf` **loud** [bold red]styled[/] \x1b[31m 700 families remain.')

RULES = {
    "pilot-families.yaml": "id: pilot-families\ntitle: Families in the pilot\ntype: quantity\n"
                           "about: [families]\nphrases: [pilot separated]\nunit: families\n",
    "pilot-ended.yaml": "id: pilot-ended\ntitle: The pilot ended\ntype: stance\nabout: [pilot]\n"
                        "affirm: [the pilot ended]\ndeny: [the pilot continues]\n",
}
SOURCES = {
    "a.txt": "# outlet: Daily\n# published: 2020-05-01\n\nThe pilot separated 280 families, officials said.\n\n"
             "The pilot ended in April.\n",
    "b.txt": "# outlet: Weekly\n# published: 2020-05-02\n\nThe pilot separated 300 families.\n\n"
             "The pilot continues, the agency said.\n",
}


def write_corpus(root: Path) -> tuple[Path, Path]:
    """Two sources and two rules under `root`: `checker check` finds a contradiction and an apparent one."""
    sources, rules = root / "sources", root / "rules"
    for folder, files in ((sources, SOURCES), (rules, RULES)):
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return sources, rules


def mention(rule: str, source: str, line: int, sentence: str, span: str, **fields: object) -> Mention:
    """A mention at a made-up offset, with `span` (a part of `sentence`) as the part carrying the value."""
    start = 1000 * line
    at = sentence.index(span)
    made = Mention(rule=rule, source=source, line=line, start=start, end=start + len(sentence), sentence=sentence,
                   span_start=start + at, span_end=start + at + len(span), **fields)  # type: ignore[arg-type]
    return made.model_copy(update={"statement": made.stance or describe_figure(made)})


def side(mention: Mention) -> Version:
    """A version made by one mention."""
    return Version(rule=mention.rule, key=f"{mention.statement}|{mention.as_of}", statement=mention.statement,
                   value=mention.value, interval=mention.interval, qualifier=mention.qualifier, unit=mention.unit,
                   as_of=mention.as_of, scope=mention.scope, stance=mention.stance, mentions=[mention])


def finding(rule: str, type_: str, title: str, verdict: str, mentions: list[Mention], **fields: object) -> Finding:
    sides = [side(m) for m in mentions]
    return Finding(rule=rule, type=type_, title=title, verdict=verdict, reasons=fields.pop("reasons", []),  # type: ignore[arg-type]
                   severity=fields.pop("severity", "high"), fingerprint=fingerprint(rule, sides),  # type: ignore[arg-type]
                   message=fields.pop("message", f"{verdict}: {title}"), sides=sides, **fields)  # type: ignore[arg-type]


def sample_result(reviews: bool = False) -> CheckResult:
    """Three findings: a quantity contradiction (545 -> 628), a stance one, and an apparent one quoting
    a hostile source; with `reviews`, the second is confirmed and the third dismissed."""
    parents = finding("parents-not-located", "quantity", "Separated parents who could not be located",
                      "contradiction", [
                          mention("parents-not-located", "axios.txt", 11,
                                  "At least 545 parents could not be located as of October.", "At least 545 parents",
                                  value=545, qualifier="at-least", unit="parents", as_of="2020-10", speaker="Axios",
                                  interval=Interval(low=545, high=float("inf"))),
                          mention("parents-not-located", "nbc.txt", 40,
                                  "A court filing showed that parents of 628 children remain missing.", "628 children",
                                  value=628, unit="parents", as_of="2020-12", speaker="court filing"),
                      ])
    stance = finding("prosecutions-suspended", "stance", "Prosecutions were suspended", "contradiction", [
        mention("prosecutions-suspended", "post.txt", 6, "We're suspending prosecutions of adults.",
                "suspending prosecutions", stance="affirm", as_of="2018-06-21", speaker="an official"),
        mention("prosecutions-suspended", "doj.txt", 16, "There has been no change to the policy.",
                "no change to the policy", stance="deny", as_of="2018-06-21", speaker="Sarah Isgur Flores"),
    ], severity="medium")
    hostile = finding("families-remaining", "quantity", "Families <b>remaining</b>", "apparent", [
        mention("families-remaining", "evil<script>.txt", 3, HOSTILE, "700 families", value=700, unit="families",
                as_of="2020-01", speaker='<img src=x onerror="window.__pwned = 3">'),
        mention("families-remaining", "plain.txt", 5, "About 650 families remain.", "About 650 families", value=650,
                qualifier="about", unit="families", as_of="2020-03", speaker="Plain News",
                interval=Interval(low=585, high=715)),
    ], reasons=["different-time", "rounding"], severity="low")
    findings = [parents, stance, hostile]
    if reviews:
        findings = [parents.model_copy(update={"review": Review()}),
                    stance.model_copy(update={"review": Review(status="confirmed", note="checked with DOJ", by="ana",
                                                               at="2021-01-15T10:00:00Z")}),
                    hostile.model_copy(update={"review": Review(status="dismissed", note="<b>rounding</b> | ok",
                                                                by="bo", at="2021-01-16T10:00:00Z")})]
    rules = [RuleInfo(id=f.rule, title=f.title, type=f.type, severity=f.severity, file=f"rules/{f.rule}.yaml")
             for f in findings]
    return CheckResult(findings=findings, stats=Stats(sources=6, rules=3, mentions=6, seconds=0.01), rules=rules)
