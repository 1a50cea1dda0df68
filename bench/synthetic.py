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
CUES = ("said", "told reporters", "warned", "added", "argued")


def synthetic_article(index: int, seed: int = 7) -> dict[str, str]:
    """One article as a JSON Lines record: id, title, source, published, text."""
    rng = random.Random(seed * 100_003 + index)
    subject, group, measure, process = TOPICS[index % len(TOPICS)]
    place = PLACES[(index // len(TOPICS)) % len(PLACES)]
    published = date(2025, 1, 1) + timedelta(days=index % 300)
    people = [(f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", rng.choice(ROLES)) for _ in range(3)]
    paragraphs = [
        f"{place.upper()} — The {subject} in {place} entered its {rng.randint(2, 9)}th day on "
        f"{rng.choice(WEEKDAYS)}, as {group} and officials failed to agree on {process} and {measure} fell by "
        f"{rng.randint(5, 60)} percent, according to figures released by the regional government.",
    ]
    for name, role in people:
        surname = name.split()[1]
        paragraphs.append(
            f"“We cannot keep asking {group} to carry the cost of {process} alone,” said {name}, {role}. "
            f"“If nothing changes by {rng.choice(WEEKDAYS)}, the {measure} will not recover this year.”")
        paragraphs.append(
            f"{surname} {rng.choice(CUES)} that the talks planned for "
            f"{(published + timedelta(days=rng.randint(2, 20))).strftime('%B %-d')} could still resolve the "
            f"dispute, but that the {subject} had already cost the city an estimated {rng.randint(2, 90)} million "
            f"euros since {(published - timedelta(days=rng.randint(20, 200))).strftime('%B')}.")
        paragraphs.append(
            f"In {rng.choice(PLACES)}, where a similar {subject} ended {rng.randint(2, 11)} years ago, "
            f"{group} recalled how the {measure} took {rng.randint(3, 18)} months to return to normal. "
            f"Local businesses reported fewer customers, and several suppliers said they had delayed orders "
            f"until the {process} were settled. The regional assembly is expected to debate the matter on "
            f"{rng.choice(WEEKDAYS)} morning, and a vote on emergency funding could follow next week.")
    paragraphs.append(
        f"Observers said the outcome would shape {process} across the country for years. "
        f"A report published last month by the national audit office found that the {measure} had been "
        f"declining since {published.year - rng.randint(2, 8)}, long before the {subject} began, and "
        f"recommended an independent review of how {group} are consulted.")
    title = f"{place} {subject} enters day {rng.randint(2, 9)} as {process} stall"
    return {"id": f"synthetic-{seed}-{index}", "title": title, "source": f"{place} Courier",
            "published": published.isoformat(), "text": "\n\n".join(paragraphs)}


def write_batch(path: Path, count: int, seed: int = 7) -> Path:
    """`count` synthetic articles as one JSON Lines file."""
    with open(path, "w", encoding="utf-8") as out:
        for index in range(count):
            out.write(json.dumps(synthetic_article(index, seed), ensure_ascii=False) + "\n")
    return path
