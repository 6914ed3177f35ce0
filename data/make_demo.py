"""Regenerate data/demo-journal.json, the fictional journal that ``nervelog --demo`` opens.

Deterministic (fixed seed), so the file only changes when this script does.
Run: python data/make_demo.py
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

LAST_DAY = date(2026, 11, 21)
DAYS = 120
TZ = timezone(timedelta(hours=1))
NOTES = [
    "Feet burned a lot at night, slept badly.",
    "Walked to the shop and back without stopping.",
    "Tingling in both hands after typing all afternoon.",
    "Cold weather, feet felt like blocks of wood.",
    "Good day. Gardened for an hour.",
    "Stabbing pains in the left foot around 3 am.",
    "Tried the new shoes; less pressure on the toes.",
    "Stairs were hard today.",
    "Numbness creeping up to the ankles again.",
    "Felt steadier on my feet than last week.",
]


def clamp(value: float) -> int:
    return max(0, min(10, round(value)))


def medicine_history(
    rng: random.Random, first: date
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Pregabalin started, then raised once; paracetamol as needed, less often over time."""
    started, raised = first + timedelta(days=10), first + timedelta(days=58)
    common = {"schedule": "twice daily", "as_needed": False, "reason": "burning feet",
              "notes": ""}  # fmt: skip
    medications: list[dict[str, object]] = [
        {"id": 1, "name": "pregabalin", "dose": "75 mg", **common,
         "started": started.isoformat(), "stopped": raised.isoformat(), "follows": None},
        {"id": 2, "name": "pregabalin", "dose": "150 mg", **common, "notes": "",
         "started": raised.isoformat(), "stopped": None, "follows": 1},
        {"id": 3, "name": "paracetamol", "dose": "1 g", "schedule": "", "as_needed": True,
         "started": first.isoformat(), "stopped": None, "reason": "pain at night",
         "notes": "", "follows": None},
    ]  # fmt: skip
    doses: list[dict[str, object]] = []
    for i in range(DAYS):
        day = first + timedelta(days=i)
        if rng.random() < 0.35 - 0.25 * i / DAYS:
            hour = rng.choice((21, 22, 23, 2, 3))
            doses.append(
                {"id": len(doses) + 1, "medication": 3, "date": day.isoformat(),
                 "time": f"{hour:02d}:{rng.randrange(60):02d}", "amount": "1 g", "notes": ""}
            )  # fmt: skip
    return medications, doses


def symptom_maps(first: date) -> list[dict[str, object]]:
    """Both feet at first; tingling spreads to the left hand, then numbness to the ankles."""
    feet = {"toes": "both", "sole": "both"}
    start = {"numbness": dict(feet), "tingling": {"toes": "both"}, "pain": {"sole": "both"}}
    spread = {**start, "tingling": {"toes": "both", "fingers": "left", "palm": "left"}}
    higher = {**spread, "numbness": {**feet, "top of foot": "both", "ankle": "both"}}
    days = (0, 61, 96)
    return [
        {"id": i + 1, "date": (first + timedelta(days=d)).isoformat(), "regions": regions}
        for i, (d, regions) in enumerate(zip(days, (start, spread, higher), strict=True))
    ]


def main() -> None:
    rng = random.Random(20261122)
    first = LAST_DAY - timedelta(days=DAYS - 1)
    massage_start = first + timedelta(days=35)
    entries, sessions = [], []
    for i in range(DAYS):
        day = first + timedelta(days=i)
        if rng.random() < 0.09:  # a missed day: a gap, never a zero
            continue
        progress = max(0, (day - massage_start).days) / (DAYS - 35)
        pain = clamp(6.3 - 2.0 * progress + rng.gauss(0, 0.9))
        numb = clamp(5.2 - 0.8 * progress + rng.gauss(0, 0.8))
        ting = clamp(4.6 - 1.2 * progress + rng.gauss(0, 1.0))
        mob = clamp(4.0 + 1.8 * progress + rng.gauss(0, 0.8))
        backfilled = rng.random() < 0.06
        recorded = datetime.combine(
            day + timedelta(days=1 if backfilled else 0),
            datetime.min.time(),
            tzinfo=TZ,
        ) + timedelta(hours=9 if backfilled else 21, minutes=rng.randrange(60))
        entry = {
            "date": day.isoformat(),
            "numbness": numb,
            "tingling": ting if rng.random() > 0.05 else None,
            "pain": pain,
            "mobility": mob if rng.random() > 0.04 else None,
            "notes": rng.choice(NOTES) if rng.random() < 0.25 else "",
            "recorded_at": recorded.isoformat(),
            "updated_at": recorded.isoformat(),
        }
        entries.append(entry)
    session_id = 1
    day = massage_start
    while day <= LAST_DAY:
        pain_before = clamp(5.8 - 1.5 * ((day - massage_start).days / 85) + rng.gauss(0, 0.7))
        rated = rng.random() < 0.6
        at = datetime.combine(day, datetime.min.time(), tzinfo=TZ) + timedelta(hours=19)
        sessions.append(
            {
                "id": session_id,
                "date": day.isoformat(),
                "time": "10:30",
                "kind": "massage",
                "duration_min": 45,
                "provider": "Sam Okafor, LMT",
                "body_areas": ["left foot", "right foot", "calves"],
                "notes": "Deep tissue on the calves, gentle on the feet."
                if rng.random() < 0.3
                else "",
                "before_numbness": None,
                "before_tingling": clamp(4.5 + rng.gauss(0, 0.8)) if rated else None,
                "before_pain": pain_before if rated else None,
                "before_mobility": None,
                "after_numbness": None,
                "after_tingling": clamp(3.5 + rng.gauss(0, 0.8)) if rated else None,
                "after_pain": clamp(pain_before - 1.5 + rng.gauss(0, 0.6)) if rated else None,
                "after_mobility": None,
                "recorded_at": at.isoformat(),
                "updated_at": at.isoformat(),
            }
        )
        session_id += 1
        day += timedelta(days=7)
    for offset, minutes in ((12, 60), (54, 45), (97, 45)):
        day = first + timedelta(days=offset)
        at = datetime.combine(day, datetime.min.time(), tzinfo=TZ) + timedelta(hours=18)
        sessions.append(
            {
                "id": session_id,
                "date": day.isoformat(),
                "time": "15:00",
                "kind": "physiotherapy",
                "duration_min": minutes,
                "provider": "City Physio",
                "body_areas": ["ankles", "balance"],
                "notes": "Balance exercises; homework: heel raises twice a day.",
                **{
                    f"{w}_{s}": None
                    for w in ("before", "after")
                    for s in ("numbness", "tingling", "pain", "mobility")
                },
                "recorded_at": at.isoformat(),
                "updated_at": at.isoformat(),
            }
        )
        session_id += 1
    sessions.sort(key=lambda s: (s["date"], s["time"]))
    medications, doses = medicine_history(rng, first)
    document = {
        "format": "nervelog-journal",
        "version": 2,
        "exported_at": datetime(2026, 11, 22, 8, 0, tzinfo=TZ).isoformat(),
        "entries": entries,
        "sessions": sessions,
        "medications": medications,
        "doses": doses,
        "events": [
            {"id": 1, "date": (first + timedelta(days=48)).isoformat(), "kind": "fall",
             "text": "Tripped on the kerb; grazed knee, no other injury."},
            {"id": 2, "date": (first + timedelta(days=80)).isoformat(), "kind": "flare",
             "text": "Three bad nights, feet burning."},
            {"id": 3, "date": (first + timedelta(days=58)).isoformat(), "kind": "appointment",
             "text": "GP review; pregabalin raised."},
        ],
        "questions": [
            {"id": 1, "text": "Could the pregabalin go up again, or is there another option?",
             "raised_on": (first + timedelta(days=100)).isoformat(), "answered_on": None,
             "answer": ""},
            {"id": 2, "text": "Should I see a podiatrist about the numb toes?",
             "raised_on": (first + timedelta(days=110)).isoformat(), "answered_on": None,
             "answer": ""},
            {"id": 3, "text": "Is it safe to drive on pregabalin?",
             "raised_on": (first + timedelta(days=20)).isoformat(),
             "answered_on": (first + timedelta(days=58)).isoformat(),
             "answer": "Discussed at the GP review."},
        ],
        "symptom_maps": symptom_maps(first),
    }  # fmt: skip
    out = Path(__file__).with_name("demo-journal.json")
    out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        f"{out}: {len(entries)} entries, {len(sessions)} sessions, "
        f"{len(medications)} medicine courses, {len(doses)} doses"
    )


if __name__ == "__main__":
    main()
