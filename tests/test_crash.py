"""Crash test: an ingest of 500+ short reports is killed (SIGKILL) at random points at least five times and
re-run until it finishes; every article must then be stored exactly once, no event twice, and the database
must pass its integrity checks. Runs against SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.store import Store
from eventdesk.store.models import ArticleRow
from support_store import db_url  # noqa: F401

ARTICLES = 520
KILLS = 5
SEED = 20240506

PERPETRATORS = ["Gunmen", "Suspected militants", "Unidentified attackers", "Armed men", "Insurgents",
                "Fighters of the Islamic State group", "Taliban fighters", "Al-Shabaab militants"]
ACTIONS = [
    "killed {n} civilians in an attack on a market",
    "ambushed a police patrol, killing {n} officers",
    "attacked an army checkpoint, killing {n} soldiers",
    "stormed a village and abducted {n} people",
    "set off a roadside bomb that killed {n} passengers on a bus",
    "fired rockets at a military base, wounding {n} soldiers",
]
PLACES = ["Kabul", "Kandahar", "Mogadishu", "Maiduguri", "Mosul", "Peshawar", "Gao", "Idlib", "Marawi",
          "Sanaa", "Goma", "Quetta", "Kirkuk", "Beni", "Diffa"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["police said", "a local official said", "the military said in a statement",
           "witnesses told reporters", "a hospital official said"]


def reports(count: int, rng: random.Random) -> list[dict[str, str]]:
    """Short, varied, real-looking reports; every text is different."""
    lines = []
    for number in range(count):
        action = rng.choice(ACTIONS).format(n=rng.randint(2, 40))
        text = (f"{rng.choice(PERPETRATORS)} {action} in {rng.choice(PLACES)} on {rng.choice(DAYS)}, "
                f"{rng.choice(SOURCES)}. Report {number} of the regional desk.")
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        outlet = rng.choice(["AP", "AFP", "Reuters"])
        lines.append({"id": f"r{number}", "text": text, "published": day, "source": outlet})
    return lines


def stored_count(store: Store) -> int:
    try:
        with store.sessions() as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0
    except Exception:  # the schema may not exist yet while the first run starts
        return 0


def start_ingest(corpus: Path, url: str, cwd: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "eventdesk.cli", "ingest", str(corpus), "--db", url, "--quiet"]
    return subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_after_progress(process: subprocess.Popen[bytes], store: Store, before: int, wanted: int) -> bool:
    """SIGKILL the run once it has stored `wanted` more articles; False if it finished first."""
    while process.poll() is None:
        if stored_count(store) >= before + wanted:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_killed_ingest_resumes_without_loss_or_duplicates(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    rng = random.Random(SEED)
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in reports(ARTICLES, rng)), encoding="utf-8")
    store = Store(db_url)  # creates the schema, so progress can be watched from the start
    kills = 0
    for _ in range(KILLS * 3):
        if kills >= KILLS:
            break
        process = start_ingest(corpus, db_url, tmp_path)
        kills += kill_after_progress(process, store, stored_count(store), rng.randint(5, 60))
    assert kills >= KILLS, "the ingest finished before it could be killed often enough"
    final = start_ingest(corpus, db_url, tmp_path)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode()

    counts = store.counts()
    assert counts["articles"] == ARTICLES
    assert counts["events"] > ARTICLES // 2, "the reports were stored without their events"
    with store.sessions() as session:
        ids = session.scalars(select(ArticleRow.article_id)).all()
    assert sorted(ids) == sorted(f"r{n}" for n in range(ARTICLES))
    assert store.integrity_problems() == []
