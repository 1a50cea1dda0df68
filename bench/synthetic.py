"""News-like articles made up from templates: several hundred words each, with named speakers, quotes, dates and
places, so a cold batch of any size can be built on any machine without copying anyone's copy.

Deterministic for a seed: the same call gives the same texts, so a benchmark or a test sees the same batch every
run, and distinct for each index, so no two fold together as near-duplicates.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

FIRST_NAMES = ("Maria", "James", "Amara", "Kenji", "Sofia", "Daniel", "Leila", "Tomas", "Grace", "Oluwaseun",
               "Hannah", "Rafael", "Ingrid", "Victor", "Priya", "Samuel", "Elena", "Marcus", "Aisha", "Lukas")
SURNAMES = ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Brennan", "Castillo", "Nakamura",
            "Abebe", "Fischer", "Santos", "Petrov", "Walsh", "Mensah", "Ivanova", "Duarte", "Ahmed", "Novak", "Reyes")
ROLES = ("the finance minister", "a senior economist at the central bank", "the mayor", "a union spokesperson",
         "the opposition leader", "an analyst at a Geneva consultancy", "the port authority's director",
         "a professor of public policy", "the health commissioner", "the company's chief executive")
PLACES = ("Rotterdam", "Lagos", "Valparaiso", "Osaka", "Gdansk", "Nairobi", "Montreal", "Porto", "Izmir", "Hobart",
          "Tbilisi", "Cebu", "Leipzig", "Accra", "Bergen", "Salvador", "Chiang Mai", "Aarhus", "Cork", "Medellin")
TOPICS = (("port strike", "dock workers", "container traffic", "wage talks"),
          ("drought", "reservoir levels", "water rationing", "crop losses"),
          ("rail tender", "high-speed line", "construction consortium", "public financing"),
          ("bank merger", "deposit holders", "share price", "merger terms"),
          ("hospital strike", "nursing staff", "waiting lists", "emergency wards"),
          ("election recount", "ballot boxes", "electoral commission", "turnout figures"),
          ("fishing quota", "trawler fleet", "coastal communities", "export licences"),
          ("refinery fire", "fuel prices", "safety inspectors", "supply chain"),
          ("housing plan", "rental prices", "city council", "building permits"),
          ("vaccine rollout", "clinic queues", "health ministry", "cold storage"))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
CUES = ("said", "told reporters", "warned", "added", "argued", "insisted", "noted", "conceded")
ACTORS = ("the regional assembly", "the transport ministry", "a coalition of local firms", "the city's auditors",
          "two opposition parties", "the national regulator", "a group of residents", "the employers' federation",
          "the European Commission", "the chamber of commerce", "a panel of engineers", "the state broadcaster")
DEEDS = ("published a report on", "called for an inquiry into", "set aside emergency funds for",
         "opened talks about", "filed a complaint over", "postponed a decision on", "held a public hearing on",
         "announced a review of", "signed an agreement covering", "questioned the cost of")
OBJECTS = ("the harbour expansion", "night-time deliveries", "the pension reserve", "school transport",
           "the old grain terminal", "cross-border freight", "the water utility's debts", "tram maintenance",
           "the airport's second runway", "winter heating subsidies", "the fish market", "seasonal permits")
REASONS = ("after a month of delays", "despite objections from small traders", "as costs rose sharply",
           "following a court ruling", "amid falling tax receipts", "under pressure from unions",
           "before the budget vote", "after an independent audit", "as the deadline approached")
DETAILS = ("Figures seen by this newspaper show", "Internal documents suggest", "A survey of members found",
           "Officials familiar with the talks said", "According to the latest estimates,",
           "Records from the land registry show", "A spokesperson for the agency confirmed")
CLAIMS = ("spending had doubled in three years", "fewer than half the contracts were tendered openly",
          "the backlog could take a decade to clear", "several suppliers were owed money",
          "the original plan had been quietly dropped", "prices in the district rose faster than wages",
          "the scheme had been cheaper than expected", "inspections were carried out only twice")


def _sentence(rng: random.Random) -> str:
    """One sentence of reporting made of many independent choices, so that no two articles share long runs of
    words (the near-duplicate grouping would fold them together otherwise)."""
    kind = rng.randrange(3)
    if kind == 0:
        return (f"{rng.choice(ACTORS).capitalize()} {rng.choice(DEEDS)} {rng.choice(OBJECTS)} "
                f"{rng.choice(REASONS)}.")
    if kind == 1:
        return f"{rng.choice(DETAILS)} {rng.choice(CLAIMS)}, and that {rng.choice(CLAIMS)}."
    return (f"By {rng.choice(WEEKDAYS)}, {rng.choice(ACTORS)} had {rng.choice(DEEDS).split()[0]} "
            f"{rng.randint(2, 400)} pages on {rng.choice(OBJECTS)}, {rng.choice(REASONS)}.")


def synthetic_article(index: int, seed: int = 7) -> dict[str, str]:
    """One article as a JSON Lines record: id, title, source, published, text."""
    rng = random.Random(seed * 100_003 + index)
    subject, group, measure, process = TOPICS[index % len(TOPICS)]
    place = PLACES[(index // len(TOPICS)) % len(PLACES)]
    published = date(2025, 1, 1) + timedelta(days=index % 300)
    people = [(f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", rng.choice(ROLES)) for _ in range(3)]
    paragraphs = [
        f"{place.upper()} — The {subject} in {place} entered day {rng.randint(2, 9)} on "
        f"{rng.choice(WEEKDAYS)}, as {group} and officials failed to agree on {process}, according to figures "
        f"released by {rng.choice(ACTORS)}. {_sentence(rng)}",
    ]
    for name, role in people:
        surname = name.split()[1]
        paragraphs.append(
            f"“We cannot keep asking {group} to carry the cost of {rng.choice(OBJECTS)} alone,” said {name}, "
            f"{role}. “If nothing changes by {rng.choice(WEEKDAYS)}, {measure} will not recover this year.” "
            f"{_sentence(rng)}")
        paragraphs.append(
            f"{surname} {rng.choice(CUES)} that talks planned for "
            f"{(published + timedelta(days=rng.randint(2, 20))).strftime('%B %-d')} could still settle "
            f"{rng.choice(OBJECTS)}, but that the {subject} had already cost an estimated {rng.randint(2, 90)} "
            f"million euros since {(published - timedelta(days=rng.randint(20, 200))).strftime('%B')}. "
            + " ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))))
    paragraphs.append(
        f"A report published last month found that {measure} had been declining since "
        f"{published.year - rng.randint(2, 8)}, long before the {subject} began. {_sentence(rng)}")
    rng.shuffle(paragraphs[1:-1])
    title = f"{place} {subject}: {rng.choice(ACTORS)} {rng.choice(DEEDS)} {rng.choice(OBJECTS)}"
    return {"id": f"synthetic-{seed}-{index}", "title": title, "source": f"{place} Courier",
            "published": published.isoformat(), "text": "\n\n".join(paragraphs)}


def write_batch(path: Path, count: int, seed: int = 7) -> Path:
    """`count` synthetic articles as one JSON Lines file."""
    with open(path, "w", encoding="utf-8") as out:
        for index in range(count):
            out.write(json.dumps(synthetic_article(index, seed), ensure_ascii=False) + "\n")
    return path
