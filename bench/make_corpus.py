#!/usr/bin/env python3
"""Generate a deterministic, news-like benchmark corpus and a set of rules for `checker`.

    python bench/make_corpus.py --megabytes 50 --rules 100 --seed 1 \
        --out bench/out/corpus --rules-out bench/out/rules

Writes many `.txt` articles of a few KB each, with a `sources.yaml` manifest (outlet and
publication date of every file), and `--rules` rule files (quantity, stance and date rules in the
format of rules/*.yaml). The prose is filler from a template grammar: paragraphs of sentences with
numbers, dates, quotes and attributions. The rules' keywords (the `about` words) appear in only a
few percent of paragraphs (`--keyword-rate`), and only a small number of sentences state a value
for a rule; some rules get statements that disagree, so that `checker check` has findings to make.

Only the standard library is used, and the same arguments give byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

MB = 1_000_000
GENERATOR_VERSION = 4
"""Bumped when the output for a given seed changes, so that bench/run.py regenerates old corpora."""
MARKER = ".bench-generated"
INFO = "_corpus.json"
START, END = date(2019, 1, 1), date(2021, 12, 31)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# --------------------------------------------------------------------------------------------
# Word lists for the filler prose. None of these may start with a rule keyword's stem (checked
# at start-up: colliding keywords are dropped), so keywords stay as sparse as --keyword-rate says.
# --------------------------------------------------------------------------------------------

FIRST = """Maria James Aisha Daniel Priya Robert Elena Marcus Grace Samuel Leila Thomas Hannah Omar
Julia Victor Naomi Peter Sofia Andre Ruth Kevin Mei Luis Carmen Derek Fatima George Irene Jamal
Keiko Martin Nora Pablo Rachel Simon Tanya Walter Yusuf Zoe Brenda Carlos Diane Ethan Farah Gavin
Helen Ivan Joan Kofi Laura Miguel Nadia Oscar Paula Quentin Rosa Stefan Teresa Umar Vera Wesley""".split()
LAST = """Alvarez Bennett Chen Delgado Ellison Fischer Garcia Holloway Ibrahim Jensen Kowalski Lindqvist
Morales Nakamura Okafor Petrov Quinlan Rahman Santos Thornton Underwood Vasquez Whitfield Xu Yates
Zimmerman Abbott Brennan Castillo Dubois Everett Fontaine Gallagher Hartman Iverson Jovanovic Keller
Lambert Mendoza Novak Ortega Pham Ramirez Sullivan Tran Valdez Walsh Young Acosta Bishop Coleman
Donovan Espinoza Foster Gutierrez Hughes Kaplan Lowe Mitchell Nguyen Osei Patel Reyes Stone""".split()
PLACES = """Ashford Bellmont Carver Dunmore Eastbrook Fairhaven Glenwood Harlan Ironton Juniper Kingsport
Lakeview Marlow Northfield Oakridge Pinecrest Quarry Redfield Stanton Tillman Upton Vernon Westbury
Yardley Bristow Coldwater Dalton Elmhurst Fulton Greenville Hastings Linden Milford Newport Oxford
Preston Riverton Salem Trenton Wheaton""".split()
OUTLETS = ["The Harbor Tribune", "Valley Courier", "Metro Ledger", "The Evening Sentinel", "Coastal Herald",
           "Northern Gazette", "The Daily Beacon", "Capitol Dispatch", "Riverside Post", "The Plains Register",
           "Summit Journal", "Lakeshore Times", "The County Record", "Bay Chronicle", "Prairie Star",
           "The Morning Call-Out", "Eastside Bulletin", "The Civic Press", "Granite State Wire",
           "The Westbury Examiner", "Public Radio Desk", "Statehouse News Service"]
ROLES = ["spokeswoman", "spokesman", "spokesperson", "director", "deputy director", "county commissioner",
         "city council member", "state senator", "state representative", "budget analyst", "economist",
         "professor of public policy", "union organizer", "school board member", "police chief",
         "fire marshal", "public health officer", "city manager", "deputy mayor", "mayor", "treasurer",
         "planning commissioner", "housing advocate", "small-business owner", "longtime resident",
         "attorney", "consultant", "researcher", "board chair", "press secretary"]
ORG_KINDS = ["City Council", "County Board of Supervisors", "Department of Transportation", "School District",
             "Housing Authority", "Chamber of Commerce", "Planning Commission", "Public Health Department",
             "Police Department", "Fire Department", "Parks and Recreation Department", "Transit Agency",
             "Tenants Union", "Teachers Association", "Taxpayers Alliance", "Community Foundation",
             "Economic Development Corporation", "Budget Office", "Water Utility", "Labor Council"]
GROUPS = ["residents", "commuters", "teachers", "nurses", "tenants", "homeowners", "students", "retirees",
          "voters", "drivers", "parents", "shop owners", "farmers", "volunteers", "employees", "patients",
          "landlords", "cyclists", "seniors", "families"]
NOUNS = ["budget", "ordinance", "proposal", "tax increase", "bond measure", "zoning change", "bus route",
         "bridge repair", "road project", "school calendar", "rent control plan", "parking policy",
         "housing plan", "pension reform", "hiring freeze", "audit", "lawsuit", "settlement", "contract",
         "curfew", "recycling program", "bike lane", "police budget", "property tax", "sales tax",
         "minimum wage", "transit fare", "water rate", "trash pickup schedule", "permit process"]
ADJS = ["controversial", "long-delayed", "revised", "proposed", "ambitious", "modest", "temporary",
        "sweeping", "costly", "popular", "divisive", "bipartisan", "preliminary", "final", "amended"]
VERBS_FUT = ["delay", "expand", "cut", "review", "postpone", "fund", "scale back", "approve", "reconsider",
             "overhaul", "phase in", "replace", "extend", "simplify", "audit"]
VERBS_PAST = ["approved", "rejected", "delayed", "tabled", "amended", "debated", "criticized", "praised",
              "questioned", "endorsed", "blocked", "revived"]
TRENDS = ["risen", "fallen", "climbed", "dropped", "jumped", "slipped", "grown", "declined"]
ISSUES = ["rents", "property values", "wait times", "enrollment", "overtime costs", "ridership",
          "vacancy rates", "response times", "graduation rates", "fuel prices", "insurance premiums",
          "utility bills", "turnout", "staffing levels", "tax receipts"]
EVENTS = ["a water main break", "a multi-car crash", "a power outage", "a protest march", "a gas leak",
          "a parade", "a police standoff", "heavy rain", "a downed tree", "a bus breakdown"]
STREETS = ["Main Street", "Elm Avenue", "Route 9", "Harbor Road", "Union Boulevard", "Maple Drive",
           "Second Avenue", "Old Mill Road", "Lincoln Way", "Bayview Parkway", "Church Street"]
QUOTES = [
    "We are doing everything we can to keep costs down for {g}",
    "This is about fairness for the {g} who live here",
    "Nobody expected the {n} to take this long",
    "I have lived here for {k} years and I have never seen anything like it",
    "The numbers simply do not add up",
    "We need a plan that works for everyone, not just the loudest voices",
    "Frankly, the public deserves better answers than the ones we have heard",
    "It is a step in the right direction, but it is only a first step",
    "We will keep pushing until the {n} is fixed",
    "This decision affects thousands of {g} across {p}",
    "There is still a lot of work to do before the {m} deadline",
    "We heard the concerns, and we changed the {n} because of them",
    "Our members are frustrated, and they have every right to be",
    "The {o} has been clear about its priorities from the start",
    "I think people are tired of waiting",
    "We cannot afford to get this wrong",
]
HEADLINES = [
    "{P} {ok} {vp} {adj} {n}", "{P} {g} push back on {n}", "What the {n} means for {P} {g}",
    "{P} weighs {adj} {n} after months of debate", "Vote on {n} set for {wd}", "{P} {n} faces new questions",
    "{P} officials {vp} {n} amid budget pressure", "Inside the fight over the {P} {n}",
    "{P} {g} brace for {n}", "Delays mount for {P} {n}",
]
SENTENCES = [
    "{Name}, the {role} of the {org}, said the {adj} {n} would {vf} services by {month}.",
    "The {org} voted {k1} to {k2} on {wd} to {vf} the {n}.",
    "According to the {org}, {issue} in {p} have {trend} about {pct} percent since {month} {year}.",
    "{P} officials expect roughly {big} {g} to be affected by the {n} over the next {k} months.",
    "The {n} is projected to cost about ${money} million, {pct} percent more than first estimated.",
    "{Name} did not respond to a request for comment on {wd}.",
    "A spokesperson for the {org} declined to comment, citing the pending review.",
    "The measure passed {k1} to {k2}, with {k3} members absent.",
    "Traffic on {street} was closed for {k} hours on {wd} after {event}.",
    "Critics, including the {org}, say the {n} was rushed through without enough public input.",
    "Supporters argue the {n} will save the city as much as ${money} million over {k} years.",
    "The {org} held a public hearing on the {n} on {month} {day}, and {big} people signed up to speak.",
    "{Name}, a {role}, said the {n} had been {vpast} by every group that reviewed it.",
    "In {year}, the {org} {vpast} a similar {n}, and the issue has lingered ever since.",
    "About {pct} percent of {g} surveyed last {season} said they opposed the {n}.",
    "The {org} has until the end of {month} to submit a revised {n}, {Name} said.",
    "The {n} would be the first change of its kind in {p} since {year}.",
    "{Name} told reporters that the {org} was still reviewing the {n}.",
    "Officials said {big} {g} had already applied, more than twice the number from last year.",
    "The {org} plans to release a full report on the {n} in {month}.",
    "{Name}, who has served on the {org} for {k} years, called the {n} a mistake.",
    "Last week, {k} {g} filed a lawsuit challenging the {n} in county court.",
    "The average household in {p} would pay about ${small} more a month under the {n}, the {org} estimated.",
    "The {org} said its staff had received {big} comments, most of them critical.",
    "By {wd} afternoon, a crowd of about {big} had gathered outside city hall.",
    "The {adj} {n} now heads to the {org}, which is expected to take it up in {month}.",
    "{Name} said {g} in {p} had waited long enough for a decision.",
    "Neither the {org} nor the {org2} has said how the {n} would be paid for.",
    "The last time {p} raised its {n2}, in {year}, turnout at the next election fell by {pct} percent.",
    "It was not immediately clear whether the {org} would appeal the ruling.",
    "The {org} employs about {big} people and has an annual budget of ${money} million.",
    "{Name} said the {org} had hired {k} outside consultants to study the {n}.",
    "The plan calls for {k} new positions and a {pct} percent increase in overtime.",
    "Residents of {p} will be able to weigh in at a meeting on {month} {day} at {hour} p.m.",
    "Since {year}, {issue} in the region have {trend} faster than wages, {Name} noted.",
    "The {org} reported a surplus of ${money} million for the fiscal year that ended in June.",
    "A similar {n} in {p2} was {vpast} in {year} after months of debate.",
    "Staff members worked through the weekend to finish the {n} before the deadline.",
    "{Name} said the office had fielded more calls about the {n} than any issue in {k} years.",
    "The {org} will meet again on {wd}, when it is expected to vote on the {n}.",
]
QUOTE_FORMS = [
    '"{q}," {Name} said.', '"{q}," said {Name}, a {role} in {p}.', '{Name} said: "{q}."',
    '"{q}," {Name}, the {role} of the {org}, told the {outlet_short}.', '"{q}," {Name} added.',
    '"{q}," the {org} said in a statement.',
]

# --------------------------------------------------------------------------------------------
# Rule vocabulary: the subjects claims are about (the `about` word of each rule), and claim
# kinds per rule type. `{s}` is the subject; a rule's phrases occur verbatim in its statements.
# --------------------------------------------------------------------------------------------

SUBJECTS = """reservoir desalination turbine hatchery monorail incinerator aquifer levee observatory
sawmill shipyard refinery smelter tramway funicular lighthouse greenhouse orchard velodrome planetarium
aquarium landfill substation pipeline viaduct causeway heliport seawall canal granary tannery brewery
distillery creamery foundry cannery marina racetrack arena amphitheater conservatory arboretum zoo
fairground boardwalk pier wharf dockyard lock stockyard slaughterhouse abattoir pumphouse
watertower gasworks steelworks papermill ropewalk roundhouse railyard depot terminal hangar runway
airfield spaceport launchpad reactor dialysis hospice sanatorium orphanage almshouse asylum armory
arsenal barracks garrison fortress citadel rampart bastion moat drawbridge aqueduct cistern sluice
spillway floodgate weir dike embankment breakwater jetty groyne quay slipway drydock shipway
lumberyard brickworks glassworks pottery kiln forge mint bullion vault treasury archive museum gallery
mausoleum crematorium cemetery ossuary chapel cathedral monastery abbey priory convent seminary
academy conservancy herbarium vivarium aviary apiary fishery piggery dairy vineyard winery cidery
mill""".split()

QUANTITY_KINDS = [
    dict(key="workers", title="Workers hired for the {s} project", unit="workers", low=60, high=4000,
         phrases=["{s} project has hired", "hired for the {s} project"],
         clauses=["the {s} project has hired {v} workers{asof}",
                  "{v} workers had been hired for the {s} project{asof}"],
         near=["The {s} project has hired a new director, {Name} said.",
               "The {s} project has hired {k} outside consultants."]),
    dict(key="evacuated", title="Residents evacuated near the {s}", unit="residents", low=80, high=9000,
         phrases=["evacuated from homes near the {s}"],
         clauses=["{v} residents were evacuated from homes near the {s}{asof}",
                  "emergency crews said {v} residents had been evacuated from homes near the {s}{asof}"],
         near=["Some families were evacuated from homes near the {s} as a precaution."]),
    dict(key="shortfall", title="The {s} budget shortfall", unit="dollars", low=2, high=400, money=True,
         phrases=["{s} budget shortfall", "shortfall in the {s} budget"],
         clauses=["the {s} budget shortfall reached {v}{asof}", "the shortfall in the {s} budget stood at {v}{asof}"],
         near=["Officials spent much of the meeting on the {s} budget shortfall.",
               "The {s} budget shortfall is the largest in {k} years, {Name} said."]),
    dict(key="overruns", title="Cost overruns on the {s}", unit="dollars", low=1, high=250, money=True,
         phrases=["cost overruns on the {s}"],
         clauses=["cost overruns on the {s} have reached {v}{asof}", "cost overruns on the {s} came to {v}{asof}"],
         near=["Auditors have warned about cost overruns on the {s} before."]),
    dict(key="complaints", title="Complaints received about the {s}", unit="complaints", low=20, high=3000,
         phrases=["complaints about the {s}"],
         clauses=["the city has received {v} complaints about the {s}{asof}",
                  "{v} complaints about the {s} had been filed{asof}"],
         near=["{Name} said complaints about the {s} had slowed in recent weeks."]),
    dict(key="jobs", title="Jobs lost if the {s} closes", unit="jobs", low=30, high=2500,
         phrases=["closing the {s} would eliminate"],
         clauses=["closing the {s} would eliminate {v} jobs",
                  "an analysis found that closing the {s} would eliminate {v} jobs"],
         near=["Closing the {s} would eliminate a major source of tax revenue."]),
    dict(key="acres", title="The size of the {s} site", unit="acres", low=5, high=900,
         phrases=["the {s} site covers"],
         clauses=["the {s} site covers {v} acres", "maps filed with the county show the {s} site covers {v} acres"],
         near=["The {s} site covers part of the old rail yard, {Name} said."]),
    dict(key="inspections", title="Safety inspections the {s} has failed", unit="inspections", low=2, high=60,
         phrases=["the {s} has failed"],
         clauses=["the {s} has failed {v} safety inspections{asof}",
                  "records show the {s} has failed {v} inspections{asof}"],
         near=["The {s} has failed to attract a buyer."]),
    dict(key="visitors", title="Visitors the {s} drew", unit="visitors", low=500, high=90000,
         phrases=["the {s} welcomed"],
         clauses=["the {s} welcomed {v} visitors{asof}", "organizers said the {s} welcomed {v} visitors{asof}"],
         near=["The {s} welcomed a delegation from {p} on {wd}."]),
    dict(key="households", title="Households served by the {s}", unit="households", low=200, high=60000,
         phrases=["households served by the {s}"],
         clauses=["{v} households are served by the {s}{asof}", "there were {v} households served by the {s}{asof}"],
         near=["Households served by the {s} will see a notice in the mail."]),
]
STANCE_KINDS = [
    dict(key="reopen", title="The {s} will reopen", affirm=["the {s} will reopen", "plans to reopen the {s}"],
         deny=["the {s} will stay closed", "no plans to reopen the {s}"],
         affirm_clauses=["the {s} will reopen{when}", "the county plans to reopen the {s}{when}"],
         deny_clauses=["the {s} will stay closed{when}",
                       "there are no plans to reopen the {s}", "the {s} will not reopen{when}"]),
    dict(key="sale", title="The city will sell the {s}", affirm=["the city will sell the {s}", "the {s} will be sold"],
         deny=["the {s} is not for sale", "the city will keep the {s}"],
         affirm_clauses=["the city will sell the {s}{when}", "the {s} will be sold{when}"],
         deny_clauses=["the {s} is not for sale", "the city will keep the {s}", "the {s} will not be sold{when}"]),
    dict(key="funding", title="The state approved funding for the {s}",
         affirm=["the state approved funding for the {s}"], deny=["the state withheld funding for the {s}"],
         affirm_clauses=["the state approved funding for the {s}{when}"],
         deny_clauses=["the state withheld funding for the {s}{when}",
                       "the state did not approve funding for the {s}"]),
    dict(key="safety", title="The {s} meets safety standards", affirm=["the {s} meets safety standards"],
         deny=["the {s} violates safety standards"],
         affirm_clauses=["the {s} meets safety standards", "inspectors found that the {s} meets safety standards"],
         deny_clauses=["the {s} violates safety standards", "the {s} does not meet safety standards"]),
    dict(key="expansion", title="The {s} expansion will go ahead", affirm=["the {s} expansion will go ahead"],
         deny=["the {s} expansion has been cancelled"],
         affirm_clauses=["the {s} expansion will go ahead{when}"],
         deny_clauses=["the {s} expansion has been cancelled", "the {s} expansion will not go ahead"]),
]
DATE_KINDS = [
    dict(key="contract-signed", title="When the {s} contract was signed",
         phrases=["the {s} contract was signed", "signed the {s} contract"], precision="day",
         clauses=["the {s} contract was signed on {date}", "the county signed the {s} contract on {date}"],
         near=["The {s} contract was signed after months of talks."]),
    dict(key="opened", title="When the {s} opened to the public", phrases=["the {s} opened to the public"],
         precision="month",
         clauses=["the {s} opened to the public in {date}", "the {s} first opened to the public in {date}"],
         near=["Crowds lined up when the {s} opened to the public."]),
    dict(key="council-vote", title="When the council voted on the {s}", phrases=["council voted on the {s}"],
         precision="day",
         clauses=["the council voted on the {s} on {date}", "the city council voted on the {s} on {date}"],
         near=["The council voted on the {s} without debate."]),
]
QUALIFIERS = ["", "", "", "more than ", "about ", "nearly ", "at least ", "roughly "]
AGREEING = ["", "", "", "about ", "roughly ", "at least "]
"""Qualifiers that never contradict the same number said plainly or with another of them."""
SEVERITIES = ["low", "medium", "medium", "high"]
NOISE = [
    "Residents near the {s} have raised concerns about noise and traffic.",
    "The {s} has been a frequent topic at {P} council meetings.",
    "Critics of the {s} packed a public hearing on {wd}.",
    "{Name} toured the {s} with state officials earlier this month.",
    "A long-awaited study of the {s} is expected later this year.",
    "Photographs of the {s} from the 1950s hang in the lobby of city hall.",
    "Plans for the {s} have changed several times since {year}.",
    "{Name}, who grew up near the {s}, said the neighborhood has changed a great deal.",
    "The {s} sits just off {street}, a short walk from the bus station.",
    "Local historians say the {s} is one of the oldest of its kind in the state.",
]

_WORDS = re.compile(r"[A-Za-z']+")
_SLOT = re.compile(r"\{(\w+)\}")
_SUFFIXES = ("ations", "ation", "ions", "ion", "ies", "ing", "ed", "es", "s", "y")


def stem(word: str) -> str:
    """The stem the checker's keyword scan uses (checker.match.stem): it matches words starting with it."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def filler_words() -> set[str]:
    texts = [*FIRST, *LAST, *PLACES, *OUTLETS, *ROLES, *ORG_KINDS, *GROUPS, *NOUNS, *ADJS, *VERBS_FUT,
             *VERBS_PAST, *TRENDS, *ISSUES, *EVENTS, *STREETS, *QUOTES, *HEADLINES, *SENTENCES, *QUOTE_FORMS,
             *MONTHS, *WEEKDAYS]
    for kind in QUANTITY_KINDS + STANCE_KINDS + DATE_KINDS:
        for value in kind.values():
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, list):
                texts += value
    texts += NOISE
    return {w.lower() for text in texts for w in _WORDS.findall(_SLOT.sub(" ", text))}


def usable_subjects() -> list[str]:
    """Subjects whose stem starts no filler word and no other subject (so each is its own keyword)."""
    words = filler_words()
    stems = {s: stem(s) for s in SUBJECTS}
    keep = []
    for subject, st in stems.items():
        if len(st) < 4 or any(w.startswith(st) for w in words):
            continue
        if any(o != subject and o.startswith(st) for o in SUBJECTS):
            continue
        keep.append(subject)
    return keep


# --------------------------------------------------------------------------------------------
# The plan: rules, their statements, and which article each statement goes into.
# --------------------------------------------------------------------------------------------


@dataclass
class Rule:
    """One generated rule: its claim kind, subject, news month (when its sources write about it)."""

    id: str
    type: str
    kind: dict
    subject: str
    severity: str
    month: tuple[int, int]
    base: int | None = None  # a quantity rule's true value

    def yaml(self) -> str:
        s = self.subject
        fill = lambda t: t.replace("{s}", s)  # noqa: E731
        lines = ["# Generated by bench/make_corpus.py", f"id: {self.id}",
                 f"title: {q(cap(fill(self.kind['title'])))}", f"type: {self.type}", f"about: [{q(s)}]"]
        if self.type == "stance":
            lines.append("affirm:")
            lines += [f"  - {q(fill(p))}" for p in self.kind["affirm"]]
            lines.append("deny:")
            lines += [f"  - {q(fill(p))}" for p in self.kind["deny"]]
        else:
            lines.append("phrases:")
            lines += [f"  - {q(fill(p))}" for p in self.kind["phrases"]]
        if self.type == "quantity":
            lines.append(f"unit: {self.kind['unit']}")
        lines.append(f"severity: {self.severity}")
        lines.append("examples:")
        lines += self._examples(fill)
        return "\n".join(lines) + "\n"

    def _examples(self, fill) -> list[str]:
        s = self.subject
        if self.type == "quantity":
            unit = self.kind["unit"]
            shown, value = ("$12 million", 12000000) if self.kind.get("money") else ("1,250", 1250)
            text = fill(self.kind["clauses"][0]).replace("{v}", shown).replace("{asof}", "")
            expect = f"{{value: {value}, unit: {unit}}}"
        elif self.type == "stance":
            text = fill(self.kind["affirm_clauses"][0]).replace("{when}", "")
            expect = "{stance: affirm}"
        else:
            shown = "March 3, 2020" if self.kind["precision"] == "day" else "March 2020"
            value = "2020-03-03" if self.kind["precision"] == "day" else "2020-03"
            text = fill(self.kind["clauses"][0]).replace("{date}", shown)
            expect = f"{{value: {value}}}"
        return [f"  - text: {q(cap(text) + '.')}", f"    expect: {expect}",
                f"  - text: {q(f'The {s} was discussed at length.')}", "    expect: none"]


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def fmt_count(n: int) -> str:
    return f"{n:,}"


def fmt_money(millions: float) -> str:
    return f"${millions:g} million"


def month_name(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def day_name(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


class Grammar:
    """Filler sentences, paragraphs and headlines from the word lists above."""

    def __init__(self, rng: random.Random):
        self.r = rng
        self.orgs = [f"{p} {k}" for p in PLACES for k in ORG_KINDS]
        self.values = self._values()

    def name(self) -> str:
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)}"

    def _values(self) -> dict:
        """How each slot is filled; drawn only when a template uses it."""
        r = self.r
        return {
            "Name": self.name, "role": lambda: r.choice(ROLES), "org": lambda: r.choice(self.orgs),
            "o": lambda: r.choice(self.orgs),
            "org2": lambda: r.choice(self.orgs), "adj": lambda: r.choice(ADJS), "n": lambda: r.choice(NOUNS),
            "n2": lambda: r.choice(NOUNS), "vf": lambda: r.choice(VERBS_FUT), "vp": lambda: r.choice(VERBS_FUT),
            "vpast": lambda: r.choice(VERBS_PAST), "month": lambda: r.choice(MONTHS), "m": lambda: r.choice(MONTHS),
            "day": lambda: str(r.randint(1, 28)), "year": lambda: str(r.randint(1998, 2020)),
            "wd": lambda: r.choice(WEEKDAYS), "issue": lambda: r.choice(ISSUES), "p": lambda: r.choice(PLACES),
            "P": lambda: r.choice(PLACES), "p2": lambda: r.choice(PLACES), "trend": lambda: r.choice(TRENDS),
            "pct": lambda: str(r.randint(2, 65)),
            "big": lambda: fmt_count(r.choice((r.randint(12, 99), r.randint(100, 999), r.randint(1000, 48000)))),
            "money": lambda: f"{r.randint(1, 900) / r.choice((1, 10)):g}", "small": lambda: str(r.randint(3, 90)),
            "k": lambda: str(r.randint(2, 30)), "k1": lambda: str(r.randint(5, 9)),
            "k2": lambda: str(r.randint(0, 4)), "k3": lambda: str(r.randint(1, 3)), "g": lambda: r.choice(GROUPS),
            "season": lambda: r.choice(("spring", "summer", "fall", "winter")),
            "street": lambda: r.choice(STREETS), "event": lambda: r.choice(EVENTS),
            "hour": lambda: str(r.randint(5, 8)), "outlet_short": lambda: r.choice(OUTLETS).removeprefix("The "),
            "ok": lambda: r.choice(("council", "board", "officials")),
        }

    def fill(self, template: str, extra: dict | None = None) -> str:
        chosen: dict[str, str] = dict(extra or {})

        def value(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in chosen:
                chosen[key] = self.values[key]()
            return chosen[key]

        return _SLOT.sub(value, template)

    def sentence(self) -> str:
        if self.r.random() < 0.18:
            quote = self.fill(self.r.choice(QUOTES))
            return self.fill(self.r.choice(QUOTE_FORMS), {"q": quote})
        return self.fill(self.r.choice(SENTENCES))

    def paragraph(self, sentences: int | None = None) -> list[str]:
        return [self.sentence() for _ in range(sentences or self.r.randint(2, 5))]

    def headline(self) -> str:
        return cap(self.fill(self.r.choice(HEADLINES)))


def attribute(g: Grammar, clause: str, quoted_ok: bool = True) -> str:
    """A statement clause as a sentence, attributed to a speaker in one of several ways."""
    r = g.r
    form = r.randrange(6 if quoted_ok else 5)
    who = g.name()
    if form == 0:
        return f"{cap(clause)}, {who} said."
    if form == 1:
        return f"According to the {r.choice(g.orgs)}, {clause}."
    if form == 2:
        return f"{who}, a {r.choice(ROLES)} for the {r.choice(g.orgs)}, said {clause}."
    if form == 3:
        return f"The {r.choice(g.orgs)} said in a statement that {clause}."
    if form == 4:
        return f"{who} told reporters that {clause}."
    return f'"{cap(clause)}," {who} said.'


def plan_rules(rng: random.Random, count: int) -> list[Rule]:
    subjects = usable_subjects()
    rng.shuffle(subjects)
    months = [(y, m) for y in range(START.year, END.year + 1) for m in range(1, 13)]
    rules: list[Rule] = []
    used: set[str] = set()
    for i in range(count):
        subject = subjects[i % len(subjects)]
        roll = rng.random()
        kinds, rtype = ((QUANTITY_KINDS, "quantity") if roll < 0.6 else
                        (STANCE_KINDS, "stance") if roll < 0.85 else (DATE_KINDS, "date"))
        kind = rng.choice(kinds)
        rule_id = f"{subject}-{kind['key']}"
        while rule_id in used:
            rule_id = f"{subject}-{kind['key']}-{i}"
        used.add(rule_id)
        rule = Rule(id=rule_id, type=rtype, kind=kind, subject=subject, severity=rng.choice(SEVERITIES),
                    month=rng.choice(months))
        rule.base = rng.randint(kind["low"], kind["high"]) if rtype == "quantity" else None
        rules.append(rule)
    return rules


def statements_for(g: Grammar, rule: Rule, contested: bool) -> list[str]:
    """The sentences that state a value for `rule`; disagreeing ones when `contested`."""
    r = g.r
    n = r.choice([0, 1, 2, 2, 3, 3, 4, 5, 6]) if not contested else r.randint(2, 6)
    year, month = rule.month
    out: list[str] = []
    usual, other = r.sample(["affirm_clauses", "deny_clauses"], 2)  # the side a stance rule's sources take
    for i in range(n):
        odd = contested and (i == n - 1 or r.random() < 0.2)
        if rule.type == "quantity":
            kind = rule.kind
            value = rule.base
            if odd:
                value = max(kind["low"], int(value * r.choice([0.4, 0.6, 1.5, 1.8, 2.5]))) if value > 1 else value + 3
            qual = r.choice(QUALIFIERS if odd else AGREEING)
            shown = fmt_money(value) if kind.get("money") else fmt_count(value)
            asof = ""
            if "{asof}" in " ".join(kind["clauses"]):
                pick = r.random()
                if pick < 0.5:
                    asof = f" as of {MONTHS[month - 1]} {year}"
                elif pick < 0.6:  # an earlier count: an apparent (different-time) difference
                    y2, m2 = add_months(year, month, -r.randint(3, 14))
                    asof = f" as of {MONTHS[m2 - 1]} {y2}"
            clause = r.choice(kind["clauses"]).replace("{v}", qual + shown).replace("{asof}", asof)
        elif rule.type == "stance":
            side = other if odd and i > 0 else usual
            when = r.choice(["", "", " next year", " this spring", " by the end of the year"])
            clause = r.choice(rule.kind[side]).replace("{when}", when)
        else:
            base = date(year, month, 1) + timedelta(days=(hash_int(rule.id) % 27))
            when = base + timedelta(days=r.choice([-9, -3, 2, 5, 12, 40])) if odd else base
            shown = day_name(when) if rule.kind["precision"] == "day" else month_name(when)
            clause = r.choice(rule.kind["clauses"]).replace("{date}", shown)
        clause = clause.replace("{s}", rule.subject)
        out.append(attribute(g, clause, quoted_ok=rule.type != "date"))
    return out


def hash_int(text: str) -> int:
    """A stable small hash (Python's str hash is salted per process)."""
    value = 0
    for ch in text:
        value = (value * 131 + ord(ch)) % 1_000_003
    return value


def noise_sentence(g: Grammar, rules: list[Rule]) -> str:
    """A sentence naming a rule's subject without stating a value (sometimes a near miss)."""
    rule = g.r.choice(rules)
    near = rule.kind.get("near")
    if near and g.r.random() < 0.3:
        template = g.r.choice(near)
    else:
        template = g.r.choice(NOISE)
    return g.fill(template, {"s": rule.subject})


# --------------------------------------------------------------------------------------------
# Writing.
# --------------------------------------------------------------------------------------------


def prepare(folder: Path, patterns: tuple[str, ...]) -> None:
    """Create `folder`, or clear what a previous run generated there; refuse a folder not made by us."""
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        sys.exit(f"make_corpus: {folder} is not empty and was not generated by make_corpus.py; "
                 "choose another folder")
    folder.mkdir(parents=True, exist_ok=True)
    for pattern in patterns:
        for path in folder.glob(pattern):
            path.unlink()
    (folder / MARKER).write_text("generated by bench/make_corpus.py; its files are replaced on the next run\n")


def random_date(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange((END - START).days + 1))


def generate(megabytes: float, rules_count: int, seed: int, out: Path, rules_out: Path,
             keyword_rate: float = 0.03, contested: float = 0.35, quiet: bool = False) -> dict:
    rng = random.Random(seed)
    g = Grammar(rng)
    target = int(megabytes * MB)

    # Article sizes and dates first, so that each rule's statements can go into articles of its month.
    sizes: list[int] = []
    so_far = 0
    while so_far < target:
        sizes.append(rng.randint(1800, 6500))
        so_far += sizes[-1]
    dates = sorted(random_date(rng) for _ in sizes)
    outlets = [rng.choice(OUTLETS) for _ in sizes]
    by_month: dict[tuple[int, int], list[int]] = {}
    for i, d in enumerate(dates):
        by_month.setdefault((d.year, d.month), []).append(i)

    rules = plan_rules(rng, rules_count) if rules_count else []
    placed: dict[int, list[str]] = {}
    statement_count = contested_count = 0
    for rule in rules:
        is_contested = rng.random() < contested
        contested_count += is_contested
        for sentence in statements_for(g, rule, is_contested):
            pool = by_month.get(rule.month) if rng.random() < 0.85 else None
            article = rng.choice(pool) if pool else rng.randrange(len(sizes))
            placed.setdefault(article, []).append(sentence)
            statement_count += 1

    prepare(out, ("*.txt", "sources.yaml", INFO))
    prepare(rules_out, ("*.yaml",))
    for rule in rules:
        (rules_out / f"{rule.id}.yaml").write_text(rule.yaml(), encoding="utf-8")

    manifest = ["# Generated by bench/make_corpus.py: outlet and publication date of each article."]
    total = paragraphs = keyword_paragraphs = planned = 0
    for i, size in enumerate(sizes):
        planned += size
        size = max(1000, planned - total)  # make up for earlier articles' overshoot: the total stays on target
        title = g.headline()
        slug = "-".join(re.findall(r"[a-z]+", title.lower())[:5])
        name = f"{i:05d}_{slug}.txt"
        parts = [title, f"By {g.name()}"]
        pending = list(placed.get(i, []))
        body = sum(len(part.encode("utf-8")) + 2 for part in parts)
        first = True
        while body < size or pending:
            sentences = g.paragraph()
            plain = len(sentences)
            if rules and rng.random() < keyword_rate:
                sentences.insert(rng.randrange(len(sentences) + 1), noise_sentence(g, rules))
            if pending and (rng.random() < 0.35 or body + 600 > size):
                sentences.insert(rng.randrange(len(sentences) + 1), pending.pop())
            keyword_paragraphs += len(sentences) > plain
            if first:
                sentences[0] = f"{rng.choice(PLACES).upper()} — {sentences[0]}"
                first = False
            text = " ".join(sentences)
            parts.append(text)
            body += len(text.encode("utf-8")) + 2
            paragraphs += 1
        data = "\n\n".join(parts) + "\n"
        (out / name).write_text(data, encoding="utf-8")
        total += len(data.encode("utf-8"))
        manifest.append(f"{name}: {{outlet: {q(outlets[i])}, published: {dates[i].isoformat()}}}")
    # in the order a folder lists its files (past 99,999 files the numbers no longer sort), as a
    # manifest written by a tool usually is: checker then reads it along with the listing
    manifest[1:] = sorted(manifest[1:])
    (out / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")

    info = {"seed": seed, "megabytes": megabytes, "rules": rules_count, "keyword_rate": keyword_rate,
            "contested": contested, "articles": len(sizes), "bytes": total, "paragraphs": paragraphs,
            "keyword_paragraphs": keyword_paragraphs, "statements": statement_count,
            "contested_rules": contested_count, "generator_version": GENERATOR_VERSION}
    (out / INFO).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    if not quiet:
        print(f"wrote {len(sizes):,} articles ({total / MB:.1f} MB, {paragraphs:,} paragraphs, "
              f"{keyword_paragraphs:,} with a rule keyword) to {out}")
        print(f"wrote {len(rules)} rules to {rules_out}: {statement_count} statements, "
              f"{contested_count} rules with disagreeing ones")
    return info


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=50, help="total corpus size (1 MB = 10^6 bytes)")
    parser.add_argument("--rules", type=int, default=100, help="number of rule files to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("bench/out/corpus"), help="corpus folder")
    parser.add_argument("--rules-out", type=Path, default=Path("bench/out/rules"), help="rules folder")
    parser.add_argument("--keyword-rate", type=float, default=0.03,
                        help="share of paragraphs given a sentence naming a rule's subject (no value)")
    parser.add_argument("--contested", type=float, default=0.35,
                        help="share of rules whose statements disagree")
    args = parser.parse_args(argv)
    if args.megabytes <= 0 or args.rules < 0:
        parser.error("--megabytes must be positive and --rules not negative")
    generate(args.megabytes, args.rules, args.seed, args.out, args.rules_out, args.keyword_rate, args.contested)


if __name__ == "__main__":
    main()
