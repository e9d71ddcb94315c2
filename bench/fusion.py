"""Cross-article fusion speed: fuse N synthetic event mentions, then 10 N, on one core.

Synthetic stream (fixed seed): events at a steady rate per day in 300 cities, of 4 PLOVER types, each
reported by 1 to 5 articles that repeat four of the event's six names and details in their own order and
wording, some with only the month or a place a few km off; other events in the same city and type on
nearby days are the look-alikes. The corpus grows in time, not in density, as a news
archive does: 10 N mentions cover 10 times the days. Timed: ``fuse_mentions`` from the mentions to the
plan (text vectors, blocking, scoring, clustering), after a warm-up on a small stream. Also printed: the
pairwise merge precision and recall against the synthetic truth (a sanity check, not an accuracy figure).

    .venv/bin/python bench/fusion.py            # 100,000 then 1,000,000 mentions
    .venv/bin/python bench/fusion.py --n 10000  # quick
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections import defaultdict
from datetime import date, timedelta

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the figure is per core

from eventwatch.config import load_config
from eventwatch.fuse import FusionMention, fuse_mentions, fusion_params

EVENTS_PER_DAY = 40  # ~100 mentions a day: a busy conflict-news feed
TYPES = ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE")
VERBS = {
    "ASSAULT": ["air strikes hit", "shelling struck", "a car bomb exploded in", "clashes broke out in"],
    "COERCE": ["police arrested dozens in", "security forces detained activists in", "a curfew was imposed on"],
    "PROTEST": ["thousands marched in", "protesters rallied in", "demonstrators gathered in"],
    "MOBILIZE": ["troops massed near", "reinforcements were sent to", "militias deployed around"],
}
ACTORS = [f"group {k}" for k in range(500)]
# What makes one event's reports alike: names and details of that event (a district, a person, a target),
# drawn from a large vocabulary, of which each report repeats most.
VOCABULARY = [f"Name{k}" for k in range(20_000)]
FILLER = "residents said witnesses told reporters officials confirmed local media reported on the ground".split()  # noqa: SIM905


def synthetic_mentions(n: int, seed: int = 7) -> tuple[list[FusionMention], dict[str, int]]:
    """About ``n`` mentions and the true event of each."""
    rng = random.Random(seed)
    cities = [(rng.uniform(-40, 60), rng.uniform(-120, 140), f"City{k}") for k in range(300)]
    start = date(2020, 1, 1)
    mentions: list[FusionMention] = []
    truth: dict[str, int] = {}
    event = 0
    day = 0
    while len(mentions) < n:
        for _ in range(EVENTS_PER_DAY):
            event += 1
            plover = rng.choice(TYPES)
            lat, lon, city = rng.choice(cities)
            actors = tuple(rng.sample(ACTORS, 2))
            details = rng.sample(VOCABULARY, 6)
            when = start + timedelta(days=day)
            for report in range(rng.randint(1, 5)):
                mid = f"m{len(mentions)}"
                precise = rng.random() < 0.7
                jitter = 0.0 if precise else rng.uniform(-0.05, 0.05)
                verb = rng.choice(VERBS[plover])
                detail = " ".join(rng.sample(details, 4))
                mentions.append(
                    FusionMention(
                        id=mid,
                        article_id=f"a{event}-{report}",
                        home_id=f"ev-{mid}",
                        plover=plover,
                        text=f"{verb} {city}, {detail} ({rng.choice(FILLER)} {actors[0]})",
                        date=when.isoformat() if rng.random() < 0.95 else when.isoformat()[:7],
                        date_precision="day",
                        latitude=lat + jitter,
                        longitude=lon + jitter,
                        place_precision="city",
                        country=f"C{cities.index((lat, lon, city)) % 40}",
                        actors=actors[: rng.randint(1, 2)],
                    )
                )
                truth[mid] = event
        day += 1
    return mentions[:n], truth


def pairwise(event_of: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    def pairs(groups: dict[object, list[str]]) -> set[tuple[str, str]]:
        out = set()
        for members in groups.values():
            members.sort()
            out |= {(a, b) for i, a in enumerate(members) for b in members[i + 1 :]}
        return out

    predicted: dict[object, list[str]] = defaultdict(list)
    gold: dict[object, list[str]] = defaultdict(list)
    for mid, eid in event_of.items():
        predicted[eid].append(mid)
        gold[truth[mid]].append(mid)
    p, g = pairs(predicted), pairs(gold)
    return (len(p & g) / len(p) if p else 1.0), (len(p & g) / len(g) if g else 1.0)


def timed(n: int) -> dict[str, float]:
    mentions, truth = synthetic_mentions(n)
    params = fusion_params(load_config())
    t0 = time.perf_counter()
    plan = fuse_mentions([], mentions, params)
    seconds = time.perf_counter() - t0
    precision, recall = pairwise(plan.event_of, truth)
    return {"n": n, "seconds": round(seconds, 2), "precision": round(precision, 3), "recall": round(recall, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="mentions in the first run (the second has 10x)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    timed(2_000)  # warm-up: imports, numpy dispatch, hash caches
    first = timed(args.n)
    second = timed(10 * args.n)
    ratio = round(second["seconds"] / first["seconds"], 2)
    if args.json:
        print(json.dumps({"first": first, "second": second, "ratio": ratio}))
        return
    for run in (first, second):
        print(
            f"fusion_time: {run['seconds']} s (n={run['n']:,} mentions, one core; "
            f"synthetic pairwise P={run['precision']}, R={run['recall']})"
        )
    print(f"fusion_scaling: {ratio}x time for 10x mentions (n={first['n']:,} -> {second['n']:,})")


if __name__ == "__main__":
    main()
